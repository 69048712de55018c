import { expect, it } from 'vitest';
import { replicaSeed } from '../../src/rng.js';
import { engineFor, FewStateModel, meanAndError } from './toy-models.js';

// Four states with energies E_i and symmetric saddles: rates nu exp(-(B_ij - E_i)/kT) satisfy detailed balance, so the
// time-weighted occupancy must approach p_i = exp(-E_i/kT) / Z. Twenty independent replicas give the standard error.
const ENERGY_EV = [0, 0.05, 0.1, -0.03];
const KT_EV = 0.05;
const saddleEv = ENERGY_EV.map((ei, i) => ENERGY_EV.map((ej, j) => Math.max(ei, ej) + 0.1 + 0.02 * (i + j)));
const weights = ENERGY_EV.map((e) => Math.exp(-e / KT_EV));
const boltzmann = weights.map((w) => w / weights.reduce((a, b) => a + b, 0));

it('a reversible few-state system reaches its Boltzmann distribution (time-weighted occupancy, 4 standard errors)', () => {
  const replicas = 20;
  const occupancy = ENERGY_EV.map(() => new Float64Array(replicas));
  const sampled = ENERGY_EV.map(() => new Float64Array(replicas));
  for (let r = 0; r < replicas; r++) {
    const model = new FewStateModel(ENERGY_EV, saddleEv, KT_EV);
    const engine = engineFor(model, replicaSeed('boltzmann', r));
    engine.runUntil(Number.POSITIVE_INFINITY, 200); // forget the start in state 0
    const startS = engine.timeS;
    const timeInState = new Float64Array(ENERGY_EV.length);
    for (let step = 0; step < 10000; step++) {
      const state = model.state;
      const before = engine.timeS;
      engine.runUntil(Number.POSITIVE_INFINITY, 1);
      timeInState[state]! += engine.timeS - before;
    }
    const spanS = engine.timeS - startS;
    ENERGY_EV.forEach((_, i) => (occupancy[i]![r] = timeInState[i]! / spanS));
    // The same distribution seen by sampling at fixed times (stops never perturb the run): 2000 samples.
    const counts = new Float64Array(ENERGY_EV.length);
    const sampleEveryS = spanS / 10000 * 5; // ~5 events apart
    for (let k = 0; k < 2000; k++) {
      engine.runUntil(engine.timeS + sampleEveryS);
      counts[model.state]! += 1;
    }
    ENERGY_EV.forEach((_, i) => (sampled[i]![r] = counts[i]! / 2000));
  }
  boltzmann.forEach((p, i) => {
    const time = meanAndError(occupancy[i]!);
    expect(Math.abs(time.mean - p)).toBeLessThan(4 * time.error);
    expect(time.error).toBeLessThan(0.01);
    const samples = meanAndError(sampled[i]!);
    expect(Math.abs(samples.mean - p)).toBeLessThan(4 * samples.error);
  });
});
