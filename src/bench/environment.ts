/** The machine and the timing method, as the bench report names them. */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem, type } from 'node:os';
import { TIME } from './measure';
import { megabytes } from './report';

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty} (${type()} ${release()})`;
  } catch {
    // not Linux
  }
  return `${type()} ${release()}`;
}

export function environmentLine(): string {
  return `- Umgebung: ${cpus()[0]?.model.trim() ?? 'unbekannte CPU'}, ${availableParallelism()} Kerne, ${megabytes(totalmem())} RAM, Node ${process.version}, ${osName()}`;
}

/** How times and memory were taken: hyperfine or an own loop, builds always in an own loop. */
export function timingLine(what: { hyperfine: string | undefined; buildOnly: boolean; build: boolean; baseline: boolean }): string {
  const { hyperfine, buildOnly, build, baseline } = what;
  return `- Zeitmessung: ${buildOnly ? 'eigene Schleife' : hyperfine ?? 'eigene Schleife (hyperfine nicht gefunden)'}${!build || buildOnly ? '' : '; Seitenbau mit eigener Schleife'}${baseline ? ' (Projekt und Vergleichsbau abwechselnd)' : ''}; Spitzen-RSS: ${existsSync(TIME) ? `${TIME} -v (größter einzelner Prozess${hyperfine && !buildOnly ? '; validate/audit aus einem zusätzlichen Probelauf' : ''})` : 'nicht gemessen (/usr/bin/time fehlt)'}`;
}
