import { describe, expect, it } from 'vitest';
import { KmcEngine } from '../../src/kmc/engine.js';
import { createRng, replicaSeed, restoreRng } from '../../src/rng.js';
import { createVacancyWorkload, type VacancyExchangeState } from '../../src/kmc/workload/vacancy-exchange.js';
import { engineFor, FixedRatesModel, meanAndError } from './toy-models.js';

/** Rates 1, 2, 7 Hz with group 1 (slots 1, 2) at factor 0.5: propensities 1, 1, 3.5; total 5.5 Hz. */
function fixedRates(): FixedRatesModel {
  const model = new FixedRatesModel([1, 2], [1, 2, 7]);
  model.solver.setFactor(1, 0.5);
  return model;
}
const TOTAL_HZ = 5.5;
const PROPENSITY_HZ = [1, 1, 3.5];

describe('KmcEngine statistics', () => {
  it('draws waiting times exponential with mean 1/R (mean within 4 standard errors; KS test at the 0.1 % level)', () => {
    const model = fixedRates();
    const engine = engineFor(model, 'waiting-times');
    const n = 20000;
    const waits = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const before = engine.timeS;
      engine.runUntil(Number.POSITIVE_INFINITY, 1);
      waits[i] = engine.timeS - before;
    }
    const { mean, error } = meanAndError(waits);
    expect(Math.abs(mean - 1 / TOTAL_HZ)).toBeLessThan(4 * error);
    // Kolmogorov-Smirnov distance to 1 - exp(-R t); the 0.1 % critical value is 1.95/sqrt(n).
    const sorted = Float64Array.from(waits).sort();
    let distance = 0;
    sorted.forEach((t, i) => {
      const cdf = 1 - Math.exp(-TOTAL_HZ * t);
      distance = Math.max(distance, Math.abs(cdf - i / n), Math.abs(cdf - (i + 1) / n));
    });
    expect(distance).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('executes each event type in proportion to its propensity (group factors included), within 4 binomial SE', () => {
    const model = fixedRates();
    const engine = engineFor(model, 'counts');
    const n = 50000;
    engine.runUntil(Number.POSITIVE_INFINITY, n);
    PROPENSITY_HZ.forEach((r, slot) => {
      const p = r / TOTAL_HZ;
      expect(Math.abs(model.executed[slot]! - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
    });
    expect(Array.from(engine.executedByGroup)).toEqual([model.executed[0], model.executed[1]! + model.executed[2]!]);
  });

  it('never executes an event past the stop time, and keeps it pending: the clock stops exactly at stopS', () => {
    const engine = engineFor(fixedRates(), 'stop');
    expect(engine.runUntil(0.3)).toBe('time');
    expect(engine.timeS).toBe(0.3);
    expect(engine.pendingEventTimeS).toBeGreaterThan(0.3);
    const pending = engine.pendingEventTimeS;
    const steps = engine.steps;
    engine.runUntil(pending - 1e-12);
    expect(engine.steps).toBe(steps); // the pending event still lies beyond the new stop
    engine.runUntil(pending, 1);
    expect(engine.steps).toBe(steps + 1);
    expect(engine.timeS).toBe(pending);
  });

  it('rescales a pending waiting time when the total changes: the next event after a rate switch is Exp(R_new)', () => {
    // Rate 1 Hz until t0 = 0.5 s, then 4 Hz; by memorylessness the first event after t0 comes after Exp(4 Hz).
    const after = new Float64Array(4000);
    let counted = 0;
    for (let r = 0; r < after.length; r++) {
      const model = new FixedRatesModel([1], [1]);
      const engine = engineFor(model, replicaSeed('switch', r));
      engine.runUntil(0.5);
      model.solver.setFactor(0, 4);
      engine.runUntil(Number.POSITIVE_INFINITY, 1);
      after[counted++] = engine.timeS - 0.5;
    }
    const { mean, error } = meanAndError(after);
    expect(Math.abs(mean - 1 / 4)).toBeLessThan(4 * error);
  });

  it("returns 'halt' right after an event of a group flagged in haltAfterGroup", () => {
    const model = fixedRates();
    const engine = engineFor(model, 'halt');
    engine.haltAfterGroup[0] = 1;
    expect(engine.runUntil(Number.POSITIVE_INFINITY, 1e6)).toBe('halt');
    expect(engine.executedByGroup[0]).toBe(1);
    expect(Number.isNaN(engine.pendingEventTimeS)).toBe(true);
  });

  it("reports 'absorbing' when no event is possible and advances the clock to the stop time", () => {
    const model = new FixedRatesModel([2], [0, 0]);
    const engine = engineFor(model, 'absorbing');
    expect(engine.runUntil(7)).toBe('absorbing');
    expect(engine.timeS).toBe(7);
  });
});

describe('reproducible streams', () => {
  const options = { cells: 3, seed: 'checkpoint' };

  it('pausing at many stop times gives the same realisation as one uninterrupted run', () => {
    const once = createVacancyWorkload(options);
    const endS = 2e7; // ~1400 events at this workload's ~1e-4 Hz total rate
    once.engine.runUntil(endS);
    const paused = createVacancyWorkload(options);
    for (let k = 1; k <= 37; k++) paused.engine.runUntil((endS * k) / 37);
    expect(paused.engine.steps).toBe(once.engine.steps);
    expect(paused.engine.steps).toBeGreaterThan(1000);
    expect(Array.from(paused.model.occupant)).toEqual(Array.from(once.model.occupant));
  });

  it('checkpoints (model + RNG + clock, through JSON) and resumes bit-identically in a fresh engine', () => {
    const uninterrupted = createVacancyWorkload(options);
    uninterrupted.engine.runUntil(5e6);
    const checkpoint = JSON.parse(
      JSON.stringify({ model: uninterrupted.model.state(), rng: uninterrupted.engine.rng.state(), clock: uninterrupted.engine.clock() }),
    ) as { model: VacancyExchangeState; rng: ReturnType<KmcEngine['rng']['state']>; clock: ReturnType<KmcEngine['clock']> };
    expect(Number.isFinite(checkpoint.clock.pendingEventTimeS)).toBe(true); // a drawn event is pending across the checkpoint
    uninterrupted.engine.runUntil(2e7);

    const resumed = createVacancyWorkload(options);
    resumed.model.restore(checkpoint.model);
    const engine = new KmcEngine(resumed.model.solver, resumed.model, restoreRng(checkpoint.rng));
    engine.restoreClock(checkpoint.clock);
    engine.runUntil(2e7);

    expect(engine.steps).toBe(uninterrupted.engine.steps);
    expect(engine.steps - checkpoint.clock.steps).toBeGreaterThan(500);
    expect(engine.timeS).toBe(uninterrupted.engine.timeS);
    expect(engine.pendingEventTimeS).toBe(uninterrupted.engine.pendingEventTimeS);
    expect(Array.from(resumed.model.vacancySite)).toEqual(Array.from(uninterrupted.model.vacancySite));
    expect(Array.from(resumed.model.occupant)).toEqual(Array.from(uninterrupted.model.occupant));
  });

  it('gives each replica its own stream from (base seed, replica index), reproducibly', () => {
    const run = (index: number): number[] => {
      const w = createVacancyWorkload({ cells: 3, seed: replicaSeed(7, index) });
      w.engine.runUntil(Number.POSITIVE_INFINITY, 500);
      return Array.from(w.model.vacancySite);
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
    expect(createRng(replicaSeed(7, 0)).next()).not.toBe(createRng(replicaSeed(7, 1)).next());
  });
});
