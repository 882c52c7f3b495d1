/** `npm run edit [-- --port 3000 --api-port 8081 --docs DIR]`: edit the wiki in the browser on this computer. */
import { Option } from 'commander';
import { createProgram, docsOption, runCli, wholeNumber } from '../src/cli/run';
import { startEditSession } from '../src/editing/edit-session';

const program = createProgram(
  'edit',
  'Startet die Seite mit dem Editor auf diesem Computer (nur 127.0.0.1): Artikel im Browser bearbeiten, gespeichert als Dateien im Wiki-Ordner.',
)
  .addOption(new Option('--port <port>', 'Port der Seite').default(3000).argParser(wholeNumber('--port', 1, 65535)))
  .addOption(new Option('--api-port <port>', 'Port der Dateischnittstelle, über die der Editor speichert').default(8081).argParser(wholeNumber('--api-port', 1, 65535)))
  .addOption(docsOption());

void runCli(program, async () => {
  const o = program.opts<{ port: number; apiPort: number; docs: string }>();
  const session = await startEditSession({
    siteDir: process.cwd(),
    docsDir: o.docs,
    port: o.port,
    apiPort: o.apiPort,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.once('SIGINT', () => session.stop());
  process.once('SIGTERM', () => session.stop());
  return session.done;
});
