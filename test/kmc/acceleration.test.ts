import { describe, expect, it } from 'vitest';
import { createRateScaler, type RateScalerOptions, type RateScalerState } from '../../src/kmc/acceleration.js';
import { KmcEngine } from '../../src/kmc/engine.js';
import { buildPeriodicTetraNetwork } from '../../src/kmc/workload/periodic-lattice.js';
import { createRng, restoreRng, type RngState } from '../../src/rng.js';
import { engineFor, FixedRatesModel, meanAndError, TetraWalkersModel, type WalkerRates } from './toy-models.js';

// Toy stiff system: 4 walkers hop on the periodic ZB T network (groups 0/1: hops from T_Cd / from T_Se, a reversible
// pair, ~1e3-1e4 per slow event); a walker on T_Cd fires the slow event (group 2), which switches the phase: new hop
// rates and a new slow rate (the landscape changes under the fast pair). In quasi-equilibrium a walker is on T_Cd a
// fraction p = G21/(G12 + G21) of the time, so the slow waiting time in phase k is exponential with mean
// 1 / (walkers * slowHz * p_k). Tolerances: 4 standard errors of the mean waiting time (SE = sample SD / sqrt(n)).
const PHASES: WalkerRates[] = [
  { fromCationSiteHz: 1000, fromAnionSiteHz: 2000, slowHz: 1 }, // p = 2/3, mean wait 0.375 s
  { fromCationSiteHz: 3000, fromAnionSiteHz: 1000, slowHz: 4 }, // p = 1/4, mean wait 0.25 s
];
const WALKERS = 4;
const EXPECTED_WAIT_S = PHASES.map((r) => 1 / ((WALKERS * r.slowHz * r.fromAnionSiteHz) / (r.fromCationSiteHz + r.fromAnionSiteHz)));
const FAST_PAIR = [{ forward: 0, reverse: 1, name: 'T_Cd<->T_Se' }];

function walkersModel(seed: string): TetraWalkersModel {
  const lattice = buildPeriodicTetraNetwork(2);
  const rng = createRng(`${seed}/start`);
  return new TetraWalkersModel(lattice, WALKERS, PHASES, () => Math.floor(rng.next() * lattice.siteCount));
}

interface SlowStatistics {
  waitsByPhase: number[][];
  events: number;
  minScaling: number;
  superbasins: number;
}

/** Run until `slowEvents` slow events, with or without rate scaling; waits are grouped by the phase they ran in. */
function runSlowEvents(slowEvents: number, seed: string, scaling?: RateScalerOptions): SlowStatistics {
  const model = walkersModel(seed);
  const engine = engineFor(model, seed);
  const scaler = scaling ? createRateScaler(engine, FAST_PAIR, scaling) : null;
  const waitsByPhase: number[][] = PHASES.map(() => []);
  let lastS = 0;
  model.onSlowEvent = () => {
    // The first wait starts from an arbitrary placement, not from quasi-equilibrium: skip it.
    if (model.slowEvents > 1) waitsByPhase[(model.phase + PHASES.length - 1) % PHASES.length]!.push(engine.timeS - lastS);
    lastS = engine.timeS;
  };
  while (model.slowEvents < slowEvents) (scaler ?? engine).runUntil(Number.POSITIVE_INFINITY, 100000);
  return { waitsByPhase, events: engine.steps, minScaling: scaler?.minScaling[0] ?? 1, superbasins: scaler?.superbasins ?? 0 };
}

describe('rate scaling of fast quasi-equilibrated pairs (Dybeck et al. 2017)', () => {
  const TEST_SCALING: RateScalerOptions = { windowExecutions: 100, bufferExecutions: 100 };
  const plain = runSlowEvents(601, 'plain');
  const accelerated = runSlowEvents(4001, 'accelerated', TEST_SCALING);

  it('leaves the slow waiting times at their quasi-equilibrium value, unaccelerated and accelerated', () => {
    for (let k = 0; k < PHASES.length; k++) {
      for (const run of [plain, accelerated]) {
        const { mean, error } = meanAndError(run.waitsByPhase[k]!);
        expect(Math.abs(mean - EXPECTED_WAIT_S[k]!)).toBeLessThan(4 * error);
      }
      const a = meanAndError(accelerated.waitsByPhase[k]!);
      const p = meanAndError(plain.waitsByPhase[k]!);
      expect(Math.abs(a.mean - p.mean)).toBeLessThan(4 * Math.hypot(a.error, p.error));
      expect(a.error / a.mean).toBeLessThan(0.025);
    }
  });

  it('keeps the slow waiting times exponential: P(wait > mean) = 1/e within 4 binomial SE', () => {
    for (let k = 0; k < PHASES.length; k++) {
      const waits = accelerated.waitsByPhase[k]!;
      const longer = waits.filter((w) => w > EXPECTED_WAIT_S[k]!).length / waits.length;
      const p = Math.exp(-1);
      expect(Math.abs(longer - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / waits.length));
    }
  });

  it('actually scales: far fewer events per slow event, and every slow event ends a superbasin', () => {
    const perSlowPlain = plain.events / 600;
    const perSlowAccelerated = accelerated.events / 4000;
    expect(perSlowAccelerated).toBeLessThan(perSlowPlain / 5);
    expect(accelerated.minScaling).toBeLessThan(0.2);
    expect(accelerated.superbasins).toBeGreaterThanOrEqual(4000);
  });

  it('never scales a pair that carries a net flux, and scales a balanced one', () => {
    // Slots: balanced pair 0 <-> 1 (1e5 / 1e5 Hz), drifting pair 2 -> 3 (50 / 5 Hz, |n_f - n_r| / (n_f + n_r) ~ 0.8 > delta),
    // slow event 4 (1 Hz). Each drifting hop ends a superbasin; in between the balanced pair is scaled to
    // alpha ~ 2 N_f (55 + 1 Hz) / 2e5 Hz ~ 0.06.
    const model = new FixedRatesModel([1, 1, 1, 1, 1], [1e5, 1e5, 50, 5, 1]);
    const engine = engineFor(model, 'drift');
    const scaler = createRateScaler(engine, [{ forward: 0, reverse: 1 }, { forward: 2, reverse: 3 }], TEST_SCALING);
    scaler.runUntil(40);
    expect(scaler.minScaling[0]).toBeLessThan(0.1);
    expect(scaler.minScaling[1]).toBe(1);
    expect(scaler.equilibrated[1]).toBe(0);
    // The unscaled processes keep their rates: Poisson counts over 40 s within 4 SD.
    expect(Math.abs(model.executed[4]! - 40)).toBeLessThan(4 * Math.sqrt(40));
    expect(Math.abs(model.executed[2]! - 2000)).toBeLessThan(4 * Math.sqrt(2000));
  });

  it('scales a self-reverse group (hops between equivalent sites) and rejects a group in two pairs', () => {
    const model = new FixedRatesModel([1, 1], [1e5, 1]);
    const engine = engineFor(model, 'self');
    const scaler = createRateScaler(engine, [{ forward: 0, reverse: 0 }], TEST_SCALING);
    scaler.runUntil(100);
    expect(scaler.minScaling[0]).toBeLessThan(0.01);
    expect(Math.abs(model.executed[1]! - 100)).toBeLessThan(4 * Math.sqrt(100));
    expect(() => createRateScaler(engine, [{ forward: 0, reverse: 1 }, { forward: 1, reverse: 1 }])).toThrow(/group 1 is already in another pair/);
  });

  it('is pause-invariant and checkpoints bit-identically (model + RNG + clock + scaler state through JSON)', () => {
    const stopS = 30;
    const once = walkersModel('resume');
    const onceEngine = engineFor(once, 'resume');
    const onceScaler = createRateScaler(onceEngine, FAST_PAIR, TEST_SCALING);
    onceScaler.runUntil(stopS);

    const paused = walkersModel('resume');
    const pausedEngine = engineFor(paused, 'resume');
    const pausedScaler = createRateScaler(pausedEngine, FAST_PAIR, TEST_SCALING);
    let checkpoint = '';
    for (let k = 1; k <= 13; k++) {
      pausedScaler.runUntil((stopS * k) / 13);
      if (k === 6) {
        checkpoint = JSON.stringify({ model: paused.state(), rng: pausedEngine.rng.state(), clock: pausedEngine.clock(), scaler: pausedScaler.state() });
      }
    }
    expect(pausedEngine.steps).toBe(onceEngine.steps);
    expect(Array.from(paused.site)).toEqual(Array.from(once.site));
    expect(once.slowEvents).toBeGreaterThan(50);

    const saved = JSON.parse(checkpoint) as {
      model: ReturnType<TetraWalkersModel['state']>;
      rng: RngState;
      clock: ReturnType<KmcEngine['clock']>;
      scaler: RateScalerState;
    };
    const resumed = walkersModel('resume');
    resumed.restore(saved.model);
    const resumedEngine = new KmcEngine(resumed.solver, resumed, restoreRng(saved.rng));
    resumedEngine.restoreClock(saved.clock);
    const resumedScaler = createRateScaler(resumedEngine, FAST_PAIR, TEST_SCALING);
    resumedScaler.restore(saved.scaler);
    resumedScaler.runUntil(stopS);
    expect(resumedEngine.steps).toBe(onceEngine.steps);
    expect(resumedEngine.timeS).toBe(onceEngine.timeS);
    expect(Array.from(resumed.site)).toEqual(Array.from(once.site));
    expect(Array.from(resumedScaler.scaling)).toEqual(Array.from(onceScaler.scaling));
  });
});
