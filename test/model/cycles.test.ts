// Detailed balance across event kinds: every loop of surface events that ends where it started must have a
// rate product equal to that of its reverse (Kolmogorov's criterion), or a cycle pumps the state away from
// the Boltzmann distribution. The loops here turn a surface Cd into Hg two ways: the direct exchange, and
// through a vacancy (Ag uptake then release refilled by Hg; intrinsic vacancy then Hg fill).
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/simulation.js';
import { CationSpecies } from '../../src/model/species.js';
import { Group } from '../../src/model/exchange-model.js';
import { modelScenario } from './helpers/scenario.js';

/**
 * Loop Cd -> V -> Hg -> Cd (vacancy made by group `makeVacancy`, refilled by Hg, direct exchange back) over
 * its reverse, from base rates (solution activities are group factors and cancel around the loop).
 */
function loopRatio(makeVacancy: number, loaded = false): number {
  const m = createSimulation(modelScenario(), 1).model;
  const rate = (g: number, u: number) => m.expectedRate(m.groupStart[g]! + u);
  const run = (g: number, u: number) => m.execute(m.groupStart[g]! + u);
  if (loaded) {
    // Hg and Ag already in the crystal, so the Ag solubility term (agSolubilityHgEv) differs at every step of the loop.
    const sites = Array.from(m.surfSite.keys());
    for (const k of sites.slice(0, 20)) if (rate(Group.ExchangeHg, k) > 0) run(Group.ExchangeHg, k);
    run(Group.AgUptake, sites.slice(20).find((k) => rate(Group.AgUptake, k) > 0)!);
    expect(m.agInCrystalCount).toBe(2);
  }
  const u = Array.from(m.surfSite.keys()).find((k) => k >= (loaded ? 40 : 0) && rate(makeVacancy, k) > 0)!;
  const cdToHg = rate(Group.ExchangeHg, u);
  const vacancyAtCd = rate(makeVacancy, u);
  run(makeVacancy, u);
  const fillHg = rate(Group.FillHg, u);
  const fillCd = rate(Group.FillCd, u);
  expect(fillHg).toBeGreaterThan(0);
  run(Group.FillHg, u);
  expect(m.cation[m.surfSite[u]!]).toBe(CationSpecies.Hg);
  return (vacancyAtCd * fillHg * rate(Group.ExchangeCd, u)) / (cdToHg * rate(makeVacancy, u) * fillCd);
}

describe('detailed balance of surface event loops', () => {
  it('Ag uptake then release refilled by Hg carries the same energy as the direct Hg-for-Cd exchange', () => {
    expect(loopRatio(Group.AgUptake)).toBeCloseTo(1, 9);
  });

  it('an intrinsic vacancy refilled by Hg carries the same energy as the direct exchange', () => {
    expect(loopRatio(Group.VacancyCreate)).toBeCloseTo(1, 9);
  });

  it('both loops still balance with Hg and Ag in the crystal (the Ag solubility term changes at every step)', () => {
    expect(loopRatio(Group.AgUptake, true)).toBeCloseTo(1, 9);
    expect(loopRatio(Group.VacancyCreate, true)).toBeCloseTo(1, 9);
  });
});
