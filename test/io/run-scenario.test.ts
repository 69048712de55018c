// runScenarioToDir (sim/run-scenario.ts) around a stand-in model: output files and columns, checkpoint and
// resume giving the same outputs as one uninterrupted run, checkpoint ownership checks, trajectory hook.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CrystalSpecError, parseScenario, type Crystal } from '../../src/index.js';
import { sampleTimes } from '../../src/model/simulation.js';
import type { Scenario, TrajectorySink } from '../../src/model/contract.js';
import { UsageError } from '../../sim/errors.js';
import {
  CHECKPOINT_FILE,
  loadScenario,
  resolveScenarioPath,
  RunInterrupted,
  runScenarioToDir,
  type RunScenarioOptions,
} from '../../sim/run-scenario.js';
import { createFakeSimulation } from './fake-simulation.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let dirCount = 0;
const freshDir = () => join(tmp, `run-${dirCount++}`);

const scenario: Scenario = loadScenario('demo-tiny').scenario;
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const run = (options: Partial<RunScenarioOptions> & { outDir: string }) =>
  runScenarioToDir({ scenario, seed: '7', createSimulation: createFakeSimulation, ...options });

/** Summary without the wall-clock fields, which legitimately differ between runs. */
function reproducible(dir: string): unknown {
  const { wallS: _w, eventsPerS: _e, ...rest } = JSON.parse(read(dir, 'summary.json')) as Record<string, unknown>;
  return rest;
}

describe('runScenarioToDir()', () => {
  it('writes summary.json, timeseries.csv and profiles.csv with the documented columns', async () => {
    const dir = freshDir();
    const summary = await run({ outDir: dir });
    expect(read(dir, 'timeseries.csv').split('\n')[0]).toBe(
      'timeS,hgFraction,coreShellIndex,agInterstitial,agSubstitutional,vacancies,cdReleased,events',
    );
    expect(read(dir, 'profiles.csv').split('\n')[0]).toBe('timeS,shell,radiusNm,hgFraction');
    const rows = read(dir, 'timeseries.csv').trim().split('\n').slice(1);
    expect(rows).toHaveLength(scenario.samples);
    // The time column is the scenario's sample grid, written without loss.
    expect(rows.map((row) => Number(row.split(',')[0]))).toEqual(sampleTimes(scenario));
    expect(read(dir, 'profiles.csv').trim().split('\n')).toHaveLength(1 + scenario.samples * scenario.profileShells);

    const onDisk = JSON.parse(read(dir, 'summary.json')) as Record<string, unknown>;
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(summary)));
    for (const key of ['scenario', 'seed', 'scenarioSpec', 'crystal', 'final', 'events', 'wallS', 'eventsPerS', 'cxsimVersion', 'nodeVersion']) {
      expect(onDisk).toHaveProperty(key);
    }
    expect(onDisk.scenarioSpec).toEqual(scenario);
    expect(summary.final.timeS).toBe(scenario.durationS);
    expect(existsSync(join(dir, CHECKPOINT_FILE))).toBe(false);
  });

  it('after an interruption, --resume produces exactly the outputs of an uninterrupted run', async () => {
    const whole = freshDir();
    await run({ outDir: whole });

    const split = freshDir();
    const abort = new AbortController();
    const stopAt = 9;
    await expect(
      run({ outDir: split, checkpointEveryS: 3600, signal: abort.signal, onSample: (p) => p.samplesDone === stopAt && abort.abort() }),
    ).rejects.toThrow(RunInterrupted);
    expect(existsSync(join(split, 'summary.json'))).toBe(false);
    const checkpoint = JSON.parse(read(split, CHECKPOINT_FILE)) as { samplesDone: number; seed: string };
    expect(checkpoint).toMatchObject({ samplesDone: stopAt, seed: '7' });

    let resumedCalls = 0;
    await run({
      outDir: split,
      resume: true,
      createSimulation: (...args) => {
        const sim = createFakeSimulation(...args);
        return { ...sim, advance: () => (resumedCalls++, sim.advance()), get samplesDone() { return sim.samplesDone; } };
      },
    });
    expect(resumedCalls).toBe(scenario.samples - stopAt); // it continued, it did not start over
    for (const file of ['timeseries.csv', 'profiles.csv']) expect(read(split, file)).toBe(read(whole, file));
    expect(reproducible(split)).toEqual(reproducible(whole));
    expect(existsSync(join(split, CHECKPOINT_FILE))).toBe(false);
  });

  it('checkpoints after every sample with --checkpoint-every-s 0', async () => {
    const dir = freshDir();
    const seen: number[] = [];
    const abort = new AbortController();
    await expect(
      run({
        outDir: dir,
        checkpointEveryS: 0,
        signal: abort.signal,
        onSample: (p) => {
          if (p.samplesDone >= 3) seen.push((JSON.parse(read(dir, CHECKPOINT_FILE)) as { samplesDone: number }).samplesDone);
          if (p.samplesDone === 5) abort.abort();
        },
      }),
    ).rejects.toThrow(RunInterrupted);
    // onSample runs before the checkpoint of its own sample, so it sees the one of the sample before.
    expect(seen).toEqual([2, 3, 4]);
    expect(JSON.parse(read(dir, CHECKPOINT_FILE))).toMatchObject({ samplesDone: 5 });
  });

  it('refuses to resume a checkpoint of another seed or another scenario', async () => {
    const dir = freshDir();
    const abort = new AbortController();
    await expect(run({ outDir: dir, signal: abort.signal, onSample: (p) => p.samplesDone === 3 && abort.abort() })).rejects.toThrow(RunInterrupted);
    await expect(run({ outDir: dir, resume: true, seed: '8' })).rejects.toThrow(/checkpoint\.json: written for seed "7", not "8"/);
    const other = parseScenario({ ...scenario, temperatureC: 25 }, 'other.json');
    await expect(run({ outDir: dir, resume: true, scenario: other })).rejects.toThrow(UsageError);
    await expect(run({ outDir: dir, resume: true, scenario: other })).rejects.toThrow(/different scenario/);
  });

  it('--resume without a checkpoint starts at t = 0 and says so', async () => {
    const notices: string[] = [];
    const dir = freshDir();
    await run({ outDir: dir, resume: true, notice: (m) => notices.push(m) });
    expect(notices).toEqual([expect.stringMatching(/no .*checkpoint\.json: starting at t = 0/)]);
    expect(existsSync(join(dir, 'summary.json'))).toBe(true);
  });

  it('turns a crystal the lattice cannot build into a UsageError and writes nothing', async () => {
    const dir = freshDir();
    const failing = () => {
      throw new CrystalSpecError('diameterNm too small for one cation');
    };
    await expect(run({ outDir: dir, createSimulation: failing })).rejects.toThrow(UsageError);
    expect(existsSync(dir)).toBe(false);
  });

  it('feeds the trajectory sink at the requested frame times and finishes it before summary.json', async () => {
    const dir = freshDir();
    const frames: number[] = [];
    let begun = 0;
    let summaryAtFinish: boolean | undefined;
    const sink: TrajectorySink = {
      begin: (_c: Crystal, _cat, _int, timeS) => void (begun++, frames.push(timeS)),
      frame: (timeS) => void frames.push(timeS),
    };
    const finish = () => (summaryAtFinish = existsSync(join(dir, 'summary.json')));
    await run({ outDir: dir, trajectory: { sink, frames: 5, finish } });
    expect(begun).toBe(1);
    expect(frames).toEqual(sampleTimes({ ...scenario, samples: 5 }));
    expect(summaryAtFinish).toBe(false);
  });
});

describe('runScenarioToDir() with the exchange model', () => {
  // A short demo-tiny (the burst and a little tail) keeps the three runs to a few seconds.
  const short = loadScenario('demo-tiny', ['durationS=5', 'samples=6']).scenario;

  it('an interrupted and resumed run writes exactly the outputs of an uninterrupted one', async () => {
    const whole = freshDir();
    await runScenarioToDir({ scenario: short, seed: '11', outDir: whole });
    const split = freshDir();
    const abort = new AbortController();
    await expect(
      runScenarioToDir({ scenario: short, seed: '11', outDir: split, signal: abort.signal, onSample: (p) => p.samplesDone === 3 && abort.abort() }),
    ).rejects.toThrow(RunInterrupted);
    await runScenarioToDir({ scenario: short, seed: '11', outDir: split, resume: true });
    for (const file of ['timeseries.csv', 'profiles.csv']) expect(read(split, file)).toBe(read(whole, file));
    expect(reproducible(split)).toEqual(reproducible(whole));
  });
});

describe('scenario lookup', () => {
  it('resolves built-in names with or without .json, and paths as given', () => {
    expect(resolveScenarioPath('demo-tiny')).toMatch(/scenarios[/\\]demo-tiny\.json$/);
    expect(resolveScenarioPath('zb-iece-80c-d2.3.json')).toMatch(/zb-iece-80c-d2\.3\.json$/);
    const path = resolveScenarioPath('demo-tiny');
    expect(resolveScenarioPath(path)).toBe(path);
  });

  it('suggests close built-in names for a misspelt one', () => {
    expect(() => resolveScenarioPath('demo-tin')).toThrow(/no file "demo-tin" and no built-in scenario.*did you mean demo-tiny/);
  });

  it('reports schema errors as a UsageError naming the file', () => {
    expect(() => loadScenario('demo-tiny', ['reagents.agPerCd=-1'])).toThrow(UsageError);
    expect(() => loadScenario('demo-tiny', ['reagents.agPerCd=-1'])).toThrow(/demo-tiny\.json: reagents\.agPerCd: expected a number >= 0, got -1/);
  });
});
