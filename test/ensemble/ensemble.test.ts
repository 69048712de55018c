// runEnsemble on real worker threads with a stand-in replica (helpers/fake-replica.mjs): statistics match the
// replica files, results do not depend on jobs, shards or interruptions, and failures are reported.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/index.js';
import type { Scenario } from '../../src/model/contract.js';
import { replicaDir } from '../../sim/ensemble/layout.js';
import { mergeEnsemble } from '../../sim/ensemble/merge.js';
import { runEnsemble, type EnsembleOptions } from '../../sim/ensemble/run.js';
import { moments } from '../../sim/ensemble/stats.js';
import { UsageError } from '../../sim/errors.js';
import { FAKE_DRIVER, FAKE_REPLICA_URL, requireBuilt, snapshot, tempDir, WORKER_URL, writeTinyScenario } from './helpers/env.js';

const root = tempDir('ensemble');
let scenarioPath: string;
let scenario: Scenario;
beforeAll(() => {
  requireBuilt();
  scenarioPath = writeTinyScenario(root);
  scenario = parseScenario(JSON.parse(readFileSync(scenarioPath, 'utf8')), scenarioPath);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const REPLICAS = 7;
const run = (outDir: string, extra: Partial<EnsembleOptions> = {}) =>
  runEnsemble({ scenario, baseSeed: '42', replicas: REPLICAS, jobs: 2, outDir, replicaModuleUrl: FAKE_REPLICA_URL, workerUrl: WORKER_URL, ...extra });
const read = (...parts: string[]) => readFileSync(join(...parts), 'utf8');

describe('runEnsemble with worker threads', () => {
  it('writes one run dir per replica and ensemble.json statistics equal to those of the replica files', async () => {
    const dir = join(root, 'a');
    const report = await run(dir);
    expect(report).toMatchObject({ owned: REPLICAS, alreadyDone: 0, ran: REPLICAS, missing: [] });
    const doc = JSON.parse(read(dir, 'ensemble.json'));
    expect(doc).toMatchObject({ format: 'cxsim-ensemble/1', scenario: 'tiny', replicas: REPLICAS, baseSeed: '42' });
    // Independent check: recompute from the replicas' own summary.json and timeseries.csv.
    const finals = Array.from({ length: REPLICAS }, (_, r) => JSON.parse(read(replicaDir(dir, r), 'summary.json')));
    finals.forEach((f, r) => expect(f.seed).toBe(`42/replica-${r}`));
    const x = finals.map((f) => f.final.hgFraction as number);
    const mean = x.reduce((a, b) => a + b, 0) / REPLICAS;
    const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (REPLICAS - 1));
    expect(doc.final.hgFraction.mean).toBeCloseTo(mean, 14);
    expect(doc.final.hgFraction.sd).toBeCloseTo(sd, 14);
    expect(doc.final.hgFraction.sem).toBeCloseTo(sd / Math.sqrt(REPLICAS), 14);
    expect(sd).toBeGreaterThan(0); // the replicas really differ
    const series = Array.from({ length: REPLICAS }, (_, r) => read(replicaDir(dir, r), 'timeseries.csv').trim().split('\n').slice(1));
    const lastX = series.map((rows) => Number(rows[rows.length - 1]!.split(',')[1]));
    expect(doc.series.hgFractionMean.at(-1)).toBeCloseTo(moments(lastX).mean, 14);
    expect(doc.series.timeS).toHaveLength(scenario.samples);
    expect(doc.profiles.hgFractionMean).toHaveLength(scenario.samples);
    expect(doc.profiles.hgFractionMean[0]).toHaveLength(scenario.profileShells);
    // Wall-clock facts stay out of ensemble.json (timing.json has them).
    expect(read(dir, 'ensemble.json')).not.toMatch(/wall/i);
    expect(JSON.parse(read(dir, 'timing.json')).replicasRun).toBe(REPLICAS);
    for (const f of ['ensemble-xt.svg', 'ensemble-profiles.svg']) expect(read(dir, f)).toMatch(/^<svg[^]*<\/svg>\n$/);
  });

  it('gives byte-identical ensemble.json for 1 and 3 workers', async () => {
    await run(join(root, 'j1'), { jobs: 1 });
    await run(join(root, 'j3'), { jobs: 3 });
    expect(read(root, 'j3', 'ensemble.json')).toBe(read(root, 'j1', 'ensemble.json'));
    expect(read(root, 'j3', 'ensemble.json')).toBe(read(root, 'a', 'ensemble.json'));
  });

  it('reruns only missing replicas, and a replica rerun alone reproduces its files', async () => {
    const dir = join(root, 'a');
    const before = read(replicaDir(dir, 3), 'timeseries.csv');
    const ensembleBefore = read(dir, 'ensemble.json');
    rmSync(replicaDir(dir, 3), { recursive: true });
    const report = await run(dir);
    expect(report).toMatchObject({ alreadyDone: REPLICAS - 1, ran: 1 });
    expect(read(replicaDir(dir, 3), 'timeseries.csv')).toBe(before);
    expect(read(dir, 'ensemble.json')).toBe(ensembleBefore);
  });

  it('runs shards separately; merge of all shards equals the single-machine ensemble', async () => {
    const dir = join(root, 'shards');
    const r0 = await run(dir, { shard: { index: 0, count: 3 } });
    expect(r0).toMatchObject({ owned: 3, ran: 3, missing: [1, 2, 4, 5] });
    expect(existsSync(join(dir, 'ensemble.json'))).toBe(false);
    expect(() => mergeEnsemble(dir)).toThrow(new UsageError(`${dir}: 4 of 7 replicas not finished (no summary.json): 1-2, 4-5; run the missing shards (or the ensemble command again), then merge`));
    await run(dir, { shard: { index: 2, count: 3 } });
    const last = await run(dir, { shard: { index: 1, count: 3 } });
    expect(last.merged).toBeDefined(); // the last shard to finish merges
    expect(read(dir, 'ensemble.json')).toBe(read(root, 'a', 'ensemble.json'));
    rmSync(join(dir, 'ensemble.json'));
    mergeEnsemble(dir);
    expect(read(dir, 'ensemble.json')).toBe(read(root, 'a', 'ensemble.json'));
  });

  it('reports a failing replica by index and stops', async () => {
    process.env['FAKE_REPLICA_FAIL_SEED'] = '42/replica-2';
    try {
      await expect(run(join(root, 'fail'))).rejects.toThrow('replica 2: fake failure for seed 42/replica-2');
    } finally {
      delete process.env['FAKE_REPLICA_FAIL_SEED'];
    }
  });

  it('killed with SIGKILL mid-way and started again, it runs only the rest and merges byte-identically', async () => {
    const dir = join(root, 'killed');
    const child = spawn(process.execPath, [FAKE_DRIVER, scenarioPath, dir, String(REPLICAS), '2', '42'], {
      env: { ...process.env, FAKE_REPLICA_DELAY_MS: '300' },
      stdio: 'ignore',
    });
    const exited = new Promise<unknown>((done) => child.on('exit', (_code, signal) => done(signal)));
    const doneCount = () => Array.from({ length: REPLICAS }, (_, r) => existsSync(join(replicaDir(dir, r), 'summary.json'))).filter(Boolean).length;
    for (let i = 0; i < 400 && doneCount() < 2; i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const finishedBeforeKill = doneCount();
    expect(finishedBeforeKill).toBeGreaterThanOrEqual(2);
    expect(finishedBeforeKill).toBeLessThan(REPLICAS);
    expect(existsSync(join(dir, 'ensemble.json'))).toBe(false);
    // Any replica finished before the kill (under load, worker start-up order is not fixed).
    const doneIndex = Array.from({ length: REPLICAS }, (_, r) => r).find((r) => existsSync(join(replicaDir(dir, r), 'summary.json')))!;
    const kept = snapshot(replicaDir(dir, doneIndex));

    const report = await run(dir);
    expect(report.ran).toBe(REPLICAS - finishedBeforeKill);
    // A rerun replica would differ: the fake writes a wall-clock wallS into summary.json.
    expect(snapshot(replicaDir(dir, doneIndex))).toEqual(kept);
    expect(read(dir, 'ensemble.json')).toBe(read(root, 'a', 'ensemble.json'));
  });
});
