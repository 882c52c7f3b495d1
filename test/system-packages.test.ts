import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingSystemPackages, SYSTEM_PACKAGES } from './e2e/system-packages';
import { ROOT, tempDir } from './helpers';

/** Runs a copy of the install script beside the given package list, with no PATH (so no apt-get, no sudo). */
function runInstallScript(list: string) {
  const dir = tempDir();
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(ROOT, 'scripts/install-system-packages.sh'), join(dir, 'scripts/install-system-packages.sh'));
  writeFileSync(join(dir, 'scripts/system-packages.txt'), list);
  return spawnSync('/bin/bash', [join(dir, 'scripts/install-system-packages.sh')], { encoding: 'utf8', env: { PATH: '/nonexistent' } });
}

describe('system packages of the tests', () => {
  it('lists chromium, nginx and apache2 with their binaries', () => {
    expect([...SYSTEM_PACKAGES.keys()]).toEqual(['chromium', 'nginx', 'apache2']);
    expect(SYSTEM_PACKAGES.get('chromium')).toBe('/usr/bin/chromium');
  });

  it('names every missing package in one line, with the command that installs it', () => {
    const message = missingSystemPackages(new Map([['chromium', '/usr/bin/chromium'], ['nicht-da', '/nicht/da'], ['auch-nicht', '/auch/nicht']]));
    expect(message).toMatch(/^Systempakete fehlen: (chromium, )?nicht-da, auch-nicht – installieren mit „bash scripts\/install-system-packages\.sh“/);
    expect(message).not.toContain('\n');
    expect(missingSystemPackages(new Map([['sh', '/bin/sh']]))).toBeUndefined();
  });

  it('the install script does nothing when every binary is there', () => {
    const run = runInstallScript('# Kommentar\nbash /bin/bash\n');
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });

  it('the install script fails with one German line naming the package where there is no apt-get', () => {
    const run = runInstallScript('bash /bin/bash\nfehlt-paket /nicht/vorhanden\n');
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^Systempakete fehlen: fehlt-paket\. Kein apt-get/);
  });
});
