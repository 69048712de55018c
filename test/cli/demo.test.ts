// `cxsim demo` (what npm start runs) end to end through the built CLI, cut to a few simulated minutes: the table
// (one row per scenario and check time, the after-burst fit columns, the paper's observations), the SVG, and bad flags.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = join(import.meta.dirname, '../../dist/node/sim/main.js');
const dir = mkdtempSync(join(tmpdir(), 'cxsim-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function demo(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, 'demo', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cxsim demo', () => {
  it('prints CE and IE-CE rows with the after-burst fit next to the paper, and writes the SVG', () => {
    expect(existsSync(MAIN), 'build first: npx tsc -p tsconfig.json').toBe(true);
    const out = join(dir, 'demo');
    // 0.05 h: shorter than both check times, so the table reports the end of the run (one row per scenario).
    const r = demo('--replicas', '1', '--hours', '0.05', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^scenario +time +Hg fraction +coreShellIndex +D after the burst \(m2\/s\) +Biot L +fit rmse +1S-1S \(eV\)/);
    // CE does not move after its monolayer burst; IE-CE does, so it gets a D.
    expect(lines.find((l) => l.startsWith('zb-ce-80c '))).toMatch(/0\.05 h .*no exchange after the burst/);
    expect(lines.find((l) => l.startsWith('zb-iece-80c '))).toMatch(/0\.05 h +0\.\d{3} ± 0\.000 +-?0\.\d{3} ± 0\.000 +\d\.\de[-+]\d+ ± 0\.0e\+0 /);
    expect(r.stdout).toContain('Paper (Lee & Smith):');
    expect(readFileSync(join(out, 'hg-fraction.svg'), 'utf8')).toMatch(/^<svg[^>]*>[\s\S]*zb-iece-80c[\s\S]*<\/svg>\s*$/);
  });

  it('refuses bad flags with one line and exit 2, writing nothing', () => {
    const out = join(dir, 'bad');
    const r = demo('--replicas', '0', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cxsim: --replicas: expected an integer 1\.\.64, got 0\n$/);
    expect(existsSync(out)).toBe(false);
  });
});
