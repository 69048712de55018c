// The batch scripts `cxsim slurm` writes: array range, shard and jobs from Slurm's variables, absolute paths,
// quoting, a dependent merge; valid bash; and bad flags rejected with exit 2 before anything is written.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSlurmScripts, shellQuote } from '../../sim/ensemble/slurm.js';
import { cxsim, MAIN, requireBuilt, ROOT, snapshot, tempDir } from '../ensemble/helpers/env.js';

const root = tempDir('slurm-script');
beforeAll(requireBuilt);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('cxsim slurm scripts', () => {
  it('quotes shell words so that a path with spaces or quotes stays one word', () => {
    const tricky = "/tmp/my run/it's";
    const r = spawnSync('bash', ['-c', `printf '%s\\n' ${shellQuote(tricky)} ${shellQuote('a=b')}`], { encoding: 'utf8' });
    expect(r.stdout).toBe(`${tricky}\na=b\n`);
  });

  it('writes an array job 0..M-1 whose tasks run their shard with Slurm\'s CPU count, a merge job and submit.sh', () => {
    const out = join(root, 'e');
    const r = cxsim(['slurm', 'demo-tiny', '--replicas', '10', '--array', '4', '--cpus-per-task', '2', '--partition', 'short', '--time', '01:30:00', '--seed', '5', '--set', 'temperatureC=70', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const array = readFileSync(join(out, 'slurm', 'ensemble.sbatch'), 'utf8');
    expect(array).toMatch(/^#!\/bin\/bash\n/);
    for (const line of ['#SBATCH --array=0-3', '#SBATCH --cpus-per-task=2', '#SBATCH --partition=short', '#SBATCH --time=01:30:00']) expect(array).toContain(line);
    expect(array).toContain(`${process.execPath} ${MAIN} ensemble ${join(ROOT, 'scenarios', 'demo-tiny.json')} --replicas 10 --seed 5 --out ${out} --set temperatureC=70`);
    expect(array).toContain('--shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" --jobs "$SLURM_CPUS_PER_TASK"');
    expect(readFileSync(join(out, 'slurm', 'merge.sbatch'), 'utf8')).toContain(`${MAIN} merge ${out}`);
    const submit = readFileSync(join(out, 'slurm', 'submit.sh'), 'utf8');
    expect(submit).toContain('--dependency=afterok:"$array_id"');
    for (const f of ['ensemble.sbatch', 'merge.sbatch', 'submit.sh']) {
      expect(spawnSync('bash', ['-n', join(out, 'slurm', f)]).status).toBe(0); // valid bash syntax
    }
    // The folder is claimed now, so a clash shows before anything is queued.
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ scenario: 'demo-tiny', baseSeed: '5', replicas: 10 });
  });

  it('rejects bad flags with one line and exit 2, writing nothing', () => {
    const out = join(root, 'bad');
    const cases: [string[], RegExp][] = [
      [['--replicas', '4', '--array', '5'], /^cxsim: --array: expected an integer 1\.\.4, got 5\n$/],
      [['--replicas', '4', '--array', '2', '--time', '90 minutes'], /^cxsim: --time: expected HH:MM:SS/],
      [['--replicas', '4', '--array', '2', '--partition', 'a b'], /^cxsim: --partition: expected a partition name/],
    ];
    for (const [flags, pattern] of cases) {
      const r = cxsim(['slurm', 'demo-tiny', ...flags, '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(pattern);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an --out holding another ensemble, changing nothing', () => {
    const out = join(root, 'e');
    const before = snapshot(out);
    const r = cxsim(['slurm', 'demo-tiny', '--replicas', '10', '--array', '4', '--seed', '6', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds another ensemble \(base seed 5, not 6\)/);
    expect(snapshot(out)).toEqual(before);
  });

  it('builds scripts that keep a seed or --set with shell metacharacters as one argument', () => {
    const s = buildSlurmScripts({
      nodePath: '/usr/bin/node', cliPath: '/x/main.js', scenarioPath: '/s/a b.json', outDir: '/o', workDir: '/w', scenarioName: 'a',
      replicas: 2, arrayTasks: 2, cpusPerTask: 1, baseSeed: 'x;rm', sets: ['description=a $HOME b'],
    });
    expect(s.files['ensemble.sbatch']).toContain(`'/s/a b.json' --replicas 2 --seed 'x;rm' --out /o --set 'description=a $HOME b'`);
  });
});
