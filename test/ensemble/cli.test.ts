// The ensemble, sweep and merge commands end to end on the built CLI with the real model (demo-tiny cut to
// 5 s of simulated time): kill -9 and resume, shards, and bad input (exit 2, one line, nothing overwritten).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cxsim, MAIN, requireBuilt, snapshot, tempDir } from './helpers/env.js';

const SHORT = ['demo-tiny', '--set', 'durationS=5', '--set', 'samples=6'];
const root = tempDir('ensemble-cli');
const read = (...parts: string[]) => readFileSync(join(root, ...parts), 'utf8');
beforeAll(requireBuilt);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A usage error: exit 2 and exactly one line on stderr, no stack trace. */
function expectUsageError(r: { status: number | null; stderr: string }, pattern: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^cxsim: [^\n]+\n$/);
  expect(r.stderr).toMatch(pattern);
}

describe('cxsim ensemble (real model)', () => {
  it('runs N replicas on 2 workers into DIR with ensemble.json and plots', () => {
    const r = cxsim(['ensemble', ...SHORT, '--replicas', '4', '--jobs', '2', '--seed', '7', '--out', join(root, 'clean'), '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(read('clean', 'ensemble.json'));
    expect(doc).toMatchObject({ scenario: 'demo-tiny', replicas: 4, baseSeed: '7', scenarioSpec: { durationS: 5, samples: 6 } });
    for (const key of ['hgFraction', 'coreShellIndex']) expect(Object.keys(doc.final[key])).toEqual(['mean', 'sd', 'sem']);
    expect(doc.series.timeS).toHaveLength(6);
    for (const f of ['ensemble-xt.svg', 'ensemble-profiles.svg', 'ensemble-timeseries.csv', 'ensemble-profiles.csv', 'replicas/0003/summary.json']) {
      expect(existsSync(join(root, 'clean', f))).toBe(true);
    }
  });

  it('killed with kill -9 mid-way and rerun with the same command, merges to the same bytes as the clean run', async () => {
    const out = join(root, 'killed');
    const args = ['ensemble', ...SHORT, '--replicas', '4', '--jobs', '2', '--seed', '7', '--out', out, '--quiet'];
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: 'ignore' });
    const exited = new Promise<unknown>((done) => child.on('exit', (_code, signal) => done(signal)));
    const done = () => [0, 1, 2, 3].filter((r) => existsSync(join(out, 'replicas', String(r).padStart(4, '0'), 'summary.json'))).length;
    for (let i = 0; i < 2400 && done() < 1; i++) await new Promise((res) => setTimeout(res, 25));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // Killed mid-way: at least one replica finished, not all (replicas 2 and 3 only start after 0 or 1 ends).
    expect(done()).toBeGreaterThanOrEqual(1);
    expect(done()).toBeLessThan(4);
    expect(existsSync(join(out, 'ensemble.json'))).toBe(false);
    const r = cxsim(args);
    expect(r.status).toBe(0);
    expect(read('killed', 'ensemble.json')).toBe(read('clean', 'ensemble.json'));
  });

  it('refuses a DIR holding another seed\'s or settings\' ensemble, changing nothing', () => {
    const dir = join(root, 'clean');
    const before = snapshot(dir);
    expectUsageError(cxsim(['ensemble', ...SHORT, '--replicas', '4', '--seed', '8', '--out', dir]), /holds another ensemble \(base seed 7, not 8\)/);
    expectUsageError(cxsim(['ensemble', ...SHORT, '--set', 'temperatureC=60', '--replicas', '4', '--seed', '7', '--out', dir]), /different settings/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('rejects a shard index out of range, from --shard or from the Slurm array variables', () => {
    const out = join(root, 'never');
    expectUsageError(cxsim(['ensemble', ...SHORT, '--replicas', '4', '--shard', '2/2', '--out', out]), /--shard: shard index 2 is out of range 0\.\.1/);
    expectUsageError(
      cxsim(['ensemble', ...SHORT, '--replicas', '4', '--out', out], { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '3' }),
      /SLURM_ARRAY_TASK_ID\/SLURM_ARRAY_TASK_COUNT: shard index 3 is out of range 0\.\.2/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('merge refuses while replicas are missing and lists them; after the other shard it equals the clean run', () => {
    const out = join(root, 'sharded');
    const shard = (i: number) => cxsim(['ensemble', ...SHORT, '--replicas', '4', '--jobs', '2', '--seed', '7', '--out', out, '--quiet'], { SLURM_ARRAY_TASK_ID: String(i), SLURM_ARRAY_TASK_COUNT: '2' });
    expect(shard(1).status).toBe(0);
    expectUsageError(cxsim(['merge', out]), /2 of 4 replicas not finished \(no summary\.json\): 0, 2;/);
    expect(shard(0).status).toBe(0);
    rmSync(join(out, 'ensemble.json'));
    const r = cxsim(['merge', out]);
    expect(r.status).toBe(0);
    expect(read('sharded', 'ensemble.json')).toBe(read('clean', 'ensemble.json'));
  });
});

describe('cxsim sweep (real model)', () => {
  it('rejects a --vary key the scenario does not have, before writing anything', () => {
    const out = join(root, 'sweep-bad');
    expectUsageError(cxsim(['sweep', ...SHORT, '--vary', 'reagents.silverPerCd=0,0.1', '--replicas', '2', '--out', out]), /--vary reagents\.silverPerCd: unknown key "silverPerCd" in reagents/);
    expectUsageError(cxsim(['sweep', ...SHORT, '--vary', 'temperatureK=300,350', '--replicas', '2', '--out', out]), /--vary temperatureK: unknown key/);
    expect(existsSync(out)).toBe(false);
  });

  it('runs each condition as an ensemble and tabulates mean, sd, sem per final metric', () => {
    const out = join(root, 'sweep');
    const r = cxsim(['sweep', ...SHORT, '--vary', 'reagents.agPerCd=0,0.075', '--replicas', '2', '--jobs', '2', '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = read('sweep', 'sweep.csv').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^reagents\.agPerCd,timeSMean,timeSSd,timeSSem,hgFractionMean,hgFractionSd,hgFractionSem,coreShellIndexMean/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['0', '0.075']);
    // Each row is its condition's ensemble.json.
    const header = lines[0]!.split(',');
    const x = header.indexOf('hgFractionMean');
    const doc = JSON.parse(read('sweep', 'reagents.agPerCd-0.075', 'ensemble.json'));
    expect(doc.scenarioSpec.reagents.agPerCd).toBe(0.075);
    expect(Number(lines[2]!.split(',')[x])).toBe(doc.final.hgFraction.mean);
    expect(read('sweep', 'sweep-hgFraction.svg')).toMatch(/reagents\.agPerCd \(equivalents per Cd\)/);
  });
});
