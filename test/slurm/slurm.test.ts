// `cxsim slurm` on a real single-node Slurm, driven by run-slurm.sh: array job of ensemble shards, dependent
// merge, result byte-identical to the single-machine ensemble. Skips visibly when Slurm cannot be set up.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, 'run-slurm.sh');
const EXIT_SKIP = 77;
const work = mkdtempSync(join(tmpdir(), 'cxsim-slurm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('cxsim slurm on a real single-node Slurm', () => {
  it('runs an array job of shards whose merged ensemble.json equals the single-machine one', (ctx) => {
    const r = spawnSync('bash', [SCRIPT, work], { encoding: 'utf8', timeout: 240_000 });
    if (r.status === EXIT_SKIP) {
      const why = r.stdout.trim().split('\n').pop() ?? 'SKIP';
      console.warn(`test/slurm/slurm.test.ts: ${why}`);
      ctx.skip();
      return;
    }
    if (r.status !== 0) console.error(r.stdout + r.stderr);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/PASS: Slurm array ensemble merged equals the single-machine ensemble/);
  }, 300_000);
});
