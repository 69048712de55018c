// The paper's outcomes on small ensembles of small particles with the one CdSe parameter set: each test
// compares ensemble means and requires the difference to exceed 3 combined standard errors (fixed seeds),
// or a bound with a margin far above the replica spread. Full-size checks with their spread are in
// `npm run validate` (docs/validation.md); these keep the mechanism honest on every `npm test`.
import { describe, expect, it } from 'vitest';
import { moments } from '../../sim/ensemble/stats.js';
import { loadScenario } from '../../sim/run-scenario.js';
import type { SimulationResult } from '../../src/model/contract.js';
import { atomsPerNc } from '../../src/model/reservoir.js';
import { createSimulation } from '../../src/model/simulation.js';
import { replicaSeed } from '../../src/rng.js';

/** Final results of `replicas` runs of a built-in scenario with overrides. */
function ensemble(name: string, sets: string[], replicas: number): SimulationResult[] {
  const { scenario } = loadScenario(name, sets);
  return Array.from({ length: replicas }, (_, r) => {
    const sim = createSimulation(scenario, replicaSeed(`outcomes-${name}`, r));
    while (sim.advance());
    return sim.result();
  });
}

function stat(results: SimulationResult[], pick: (r: SimulationResult) => number): { mean: number; sem: number } {
  const { mean, sem } = moments(results.map(pick));
  return { mean, sem };
}

/** a - b in units of the combined standard error (a floor of 1e-3 keeps identical deterministic runs finite). */
function zScore(a: { mean: number; sem: number }, b: { mean: number; sem: number }): number {
  return (a.mean - b.mean) / Math.max(1e-3, Math.hypot(a.sem, b.sem));
}

const x = (r: SimulationResult) => r.final.hgFraction;
const csi = (r: SimulationResult) => r.final.coreShellIndex;
const SMALL = ['crystal.diameterNm=2.7', 'samples=8'];

describe('outcomes (small ensembles, 2.7 nm unless stated)', () => {
  it('IE-CE proceeds further than CE and is closer to an alloy after 1 h (E2, E3/E4)', () => {
    const ce = ensemble('zb-ce-80c', [...SMALL, 'durationS=3600'], 4);
    const iece = ensemble('zb-iece-80c', [...SMALL, 'durationS=3600'], 4);
    expect(zScore(stat(iece, x), stat(ce, x))).toBeGreaterThan(3);
    expect(zScore(stat(ce, csi), stat(iece, csi))).toBeGreaterThan(3);
    expect(stat(ce, csi).mean).toBeGreaterThan(0.4); // a CdSe/HgSe core/shell
  });

  it('a surface burst: within 10 s CE and IE-CE both replace most of the surface Cd (E1)', () => {
    // Deterministic margin: the bare surface exchanges in ~0.2 ms and thiol passivates it in ~0.1 s, so x(10 s) is
    // within a few sites of the surface fraction (0.37 here) in every replica; with the surface passivated at t = 0
    // (before session 8) x(10 s) was ~0.02.
    for (const name of ['zb-ce-80c', 'zb-iece-80c']) {
      const runs = ensemble(name, [...SMALL, 'durationS=10'], 2);
      const surface = runs[0]!.crystal.surfaceCations / runs[0]!.crystal.cations;
      expect(stat(runs, x).mean).toBeGreaterThan(0.75 * surface);
    }
  });

  it('CdS: Ag does not speed up exchange, x(1 h) with Ag within 0.05 of without (E53), 3.3 nm', () => {
    // 6 replicas, sd ~0.01 per replica (sem ~0.004): |delta| <= 0.05 is ~10 sem from the measured -0.01. With the
    // complex bound as in session 7 (0.15 eV) the burst's complexes carried Hg inward: delta 0.070 +- 0.011.
    const ce = ensemble('cds-ce-80c', ['durationS=3600', 'samples=8'], 2);
    const iece = ensemble('cds-iece-80c', ['durationS=3600', 'samples=8'], 6);
    expect(Math.abs(stat(iece, x).mean - stat(ce, x).mean)).toBeLessThan(0.05);
  });

  it('IE-CE is a homogeneous alloy mid-conversion: coreShellIndex at 10 min below 0.12 (E4, E29)', () => {
    // 4 replicas: sd ~0.07 per replica, sem ~0.035 around a mean of ~0.02, so 0.12 sits ~3 sem above it; the
    // session-6 calibration (surface faster than the interior mixed) gave 0.21 +- 0.02 here.
    const iece = ensemble('zb-iece-80c', [...SMALL, 'durationS=600'], 4);
    expect(stat(iece, x).mean).toBeGreaterThan(0.4); // mid-conversion, where a core/shell would show
    expect(stat(iece, csi).mean).toBeLessThan(0.12);
  });

  it('CE stalls: x at 48 h equals x at 1 h within 0.02 (E7, E13), 3.3 nm', () => {
    const early = ensemble('zb-ce-80c', ['durationS=3600', 'samples=8'], 3);
    const late = ensemble('zb-ce-80c', ['samples=8'], 3);
    expect(Math.abs(stat(late, x).mean - stat(early, x).mean)).toBeLessThan(0.02);
    expect(stat(late, x).mean).toBeLessThan(0.6); // incomplete
  });

  it('a large thiol excess leaves almost all Cd in place; 3 thiol/Cd exchanges less than 1 (E24)', () => {
    const one = ensemble('zb-thiol-80c', [...SMALL, 'durationS=1800'], 3);
    const three = ensemble('zb-thiol-80c', [...SMALL, 'durationS=1800', 'reagents.thiolPerCd=3'], 3);
    const ten = ensemble('zb-thiol-80c', [...SMALL, 'durationS=1800', 'reagents.thiolPerCd=10'], 3);
    expect(stat(ten, x).mean).toBeLessThan(0.05);
    expect(zScore(stat(one, x), stat(three, x))).toBeGreaterThan(3);
  });

  it('without Ag, 250 C alloys what 80 C leaves a core/shell (E16)', () => {
    const hot = ensemble('zb-ce-250c', [...SMALL, 'durationS=300'], 2);
    expect(stat(hot, x).mean).toBeGreaterThan(0.8);
    expect(stat(hot, csi).mean).toBeLessThan(0.15);
  });

  it('room temperature without thiol: CE stays a core/shell after 4 h (E14)', () => {
    const rt = ensemble('zb-ce-rt-nothiol', [...SMALL, 'durationS=14400'], 3);
    expect(stat(rt, csi).mean).toBeGreaterThan(0.3);
  });

  // Known discrepancy (docs/model.md, session 7): since the recalibration that makes 80 C IE-CE a homogeneous
  // alloy, the complexes mix a 2.7 nm interior within hours even at 25 C (coreShellIndex ~0.17 at 4 h, 3
  // replicas), while the paper's IE-CE at room temperature stays a core/shell (E14). Marked as failing so the
  // suite states it; it turns red the day the model reproduces E14, and then this marker must go.
  it.fails('room temperature without thiol: IE-CE stays a core/shell after 4 h (E14; not reproduced)', () => {
    const rt = ensemble('zb-iece-rt-nothiol', [...SMALL, 'durationS=14400'], 3);
    expect(stat(rt, csi).mean).toBeGreaterThan(0.3);
  });

  it('Ag leaves as the crystal turns to HgSe (E6): far less of it stays after 4 h than without the solubility term', () => {
    // 3 replicas at 2.7 nm: 4-8 of the 13 Ag stay at 4 h as Ag_i-Ag_Cd pairs (mean 0.46 of the dose, sem 0.09; the
    // 3.3 nm validation keeps 0.17 against E6's <= 0.25); with the session-8 energetics (no solubility term, uptake
    // energy 0) every Ag stays (1.0): the difference is ~6 sem, the test asks 3.
    const dosePerCd = loadScenario('zb-iece-80c', []).scenario.reagents.agPerCd;
    const kept = (r: SimulationResult) => (r.final.agInterstitial + r.final.agSubstitutional) / atomsPerNc(dosePerCd, r.crystal.cations);
    const now = ensemble('zb-iece-80c', [...SMALL, 'durationS=14400'], 3);
    const before = ensemble('zb-iece-80c', [...SMALL, 'durationS=3600', 'parameters.agSolubilityHgEv=0', 'parameters.agUptakeEnergyEv=0'], 2);
    expect(zScore(stat(before, kept), stat(now, kept))).toBeGreaterThan(3);
    expect(stat(now, x).mean).toBeGreaterThan(0.95);
  });

  it('4.5 ML platelets at room temperature: IE-CE converts ~98 % and keeps cation:anion 5:4 (E48)', () => {
    // 2 replicas of a 4 x 4 nm platelet: x(72 h) 0.99 and 1.251 in every replica (the Ag left); before session 9 the
    // Ag_i stayed and the ratio was 1.297.
    const iece = ensemble('npl45-iece-rt', ['crystal.lateralNm=4', 'samples=8'], 2);
    expect(stat(iece, x).mean).toBeGreaterThan(0.95);
    expect(Math.abs(stat(iece, (r) => r.final.cationToAnion).mean / 1.25 - 1)).toBeLessThan(0.01);
  });

  it('4.5 ML platelets at room temperature: CE stays in the two outer cation planes (E45)', () => {
    const ce = ensemble('npl45-ce-rt', ['crystal.lateralNm=4', 'samples=8'], 2);
    // 2 of the 5 cation planes are the faces: x = 0.4 is the two-monolayer limit.
    expect(stat(ce, x).mean).toBeLessThan(0.42);
    expect(stat(ce, (r) => r.final.cationToAnion).mean).toBeCloseTo(1.25, 6);
  });
});
