// Detailed balance across event kinds: every loop of surface events that ends where it started must have a
// rate product equal to that of its reverse (Kolmogorov's criterion), or a cycle pumps the state away from
// the Boltzmann distribution. The loops here turn a surface Cd into Hg two ways: the direct exchange, and
// through a vacancy (Ag uptake then release refilled by Hg; intrinsic vacancy then Hg fill).
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/simulation.js';
import { CationSpecies } from '../../src/model/species.js';
import { Group } from '../../src/model/exchange-model.js';
import { modelScenario } from './helpers/scenario.js';

/** Base rates (solution activities are group factors, left out) of surface events at local surface site u. */
function setup() {
  const sim = createSimulation(modelScenario(), 1);
  const m = sim.model;
  const rate = (g: number, u: number) => m.expectedRate(m.groupStart[g]! + u);
  const run = (g: number, u: number) => m.execute(m.groupStart[g]! + u);
  return { m, rate, run };
}

describe('detailed balance of surface event loops', () => {
  it('Ag uptake then release refilled by Hg carries the same energy as the direct Hg-for-Cd exchange', () => {
    const { m, rate, run } = setup();
    const u = Array.from(m.surfSite.keys()).find((k) => rate(Group.AgUptake, k) > 0)!;
    expect(u).toBeGreaterThanOrEqual(0);
    const c = m.surfSite[u]!;
    const forwardDirect = rate(Group.ExchangeHg, u);
    const uptakeAtCd = rate(Group.AgUptake, u);
    run(Group.AgUptake, u);
    const releaseWithHg = rate(Group.FillHg, u);
    const releaseWithCd = rate(Group.FillCd, u);
    expect(releaseWithHg).toBeGreaterThan(0);
    run(Group.FillHg, u);
    expect(m.cation[c]).toBe(CationSpecies.Hg);
    const backDirect = rate(Group.ExchangeCd, u);
    const uptakeAtHg = rate(Group.AgUptake, u);
    // Loop Cd -> V(Ag_i)2 -> Hg -> Cd against its reverse.
    const ratio = (uptakeAtCd * releaseWithHg * backDirect) / (forwardDirect * uptakeAtHg * releaseWithCd);
    expect(ratio).toBeCloseTo(1, 9);
  });

  it('an intrinsic vacancy refilled by Hg carries the same energy as the direct exchange', () => {
    const { m, rate, run } = setup();
    const u = Array.from(m.surfSite.keys()).find((k) => rate(Group.VacancyCreate, k) > 0)!;
    const c = m.surfSite[u]!;
    const forwardDirect = rate(Group.ExchangeHg, u);
    const createAtCd = rate(Group.VacancyCreate, u);
    run(Group.VacancyCreate, u);
    const fillHg = rate(Group.FillHg, u);
    const fillCd = rate(Group.FillCd, u);
    run(Group.FillHg, u);
    expect(m.cation[c]).toBe(CationSpecies.Hg);
    const ratio = (createAtCd * fillHg * rate(Group.ExchangeCd, u)) / (forwardDirect * rate(Group.VacancyCreate, u) * fillCd);
    expect(ratio).toBeCloseTo(1, 9);
  });
});
