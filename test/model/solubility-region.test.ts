// The near-surface Ag solubility region (agSolubilityDepthLayers): its geometry, and the detailed balance of the
// energy (sigma / 2) N_Ag H_w / W, which couples the Ag uptake and release to every Hg hop between layers.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/simulation.js';
import { CationSpecies } from '../../src/model/species.js';
import { Group } from '../../src/model/exchange-model.js';
import { solubilityWeights, surfaceDepthLayers } from '../../src/model/solubility-region.js';
import { modelScenario } from './helpers/scenario.js';

const { Vacancy: VAC, Hg: HG } = CationSpecies;
const sphere = { structure: 'zincblende', shape: 'sphere', diameterNm: 3.3 } as const;

describe('solubility region geometry', () => {
  it('depth is the cation-neighbour distance from the surface (BFS layers)', () => {
    const c = createSimulation(modelScenario({ crystal: sphere }), 1).crystal;
    const depth = surfaceDepthLayers(c);
    const cc = c.cationCation;
    for (let i = 0; i < c.cationCount; i++) {
      expect(depth[i] === 0).toBe(c.surfaceCation[i] === 1);
      let nearest = Number.POSITIVE_INFINITY;
      for (let e = cc.start[i]!; e < cc.start[i + 1]!; e++) nearest = Math.min(nearest, depth[cc.index[e]!]!);
      if (depth[i]! > 0) expect(nearest).toBe(depth[i]! - 1);
      else expect(nearest).toBeLessThanOrEqual(1);
    }
  });

  it('weights clamp(D - depth, 0, 1); D = 0 is the whole NC; D in (0, 1) is refused', () => {
    const c = createSimulation(modelScenario({ crystal: sphere }), 1).crystal;
    const depth = surfaceDepthLayers(c);
    const w = solubilityWeights(c, 1.5);
    for (let i = 0; i < c.cationCount; i++) expect(w[i]).toBe(depth[i] === 0 ? 1 : depth[i] === 1 ? 0.5 : 0);
    expect(Array.from(solubilityWeights(c, 0)).every((x) => x === 1)).toBe(true);
    expect(() => solubilityWeights(c, 0.5)).toThrow(/agSolubilityDepthLayers: expected 0 .* or a number >= 1/);
  });

  it('a 4.5 ML platelet has 2 face planes, 2 next planes and a middle plane', () => {
    const scenario = modelScenario({ crystal: { structure: 'zincblende', shape: 'platelet', monolayers: 4.5, lateralNm: [2.5, 2.5], periodic: true } });
    const c = createSimulation(scenario, 1).crystal;
    const depth = surfaceDepthLayers(c);
    const share = (d: number) => depth.filter((x) => x === d).length / c.cationCount;
    expect([share(0), share(1), share(2)]).toEqual([0.4, 0.4, 0.2]);
  });
});

describe('detailed balance of the near-surface solubility term', () => {
  // Loop: Ag uptake at a far surface site u2 and an Hg hop from depth 1 (weight 0.5) into a surface vacancy u, in
  // either order. The uptake reads H_w, which the hop changes; the hop reads N_Ag, which the uptake changes. If
  // either coupling were missing, the loop's rate product would differ from its reverse by exp((sigma/2)(2)(0.5)/W/kT).
  it('uptake and release against an Hg hop between layers: the loop balances', () => {
    const scenario = modelScenario({ crystal: sphere, parameters: { agSolubilityDepthLayers: 1.5 } });
    const sim = createSimulation(scenario, 1);
    const m = sim.model as any;
    const c = sim.crystal;
    const cc = c.cationCation;
    const depth = surfaceDepthLayers(c);
    const rate = (slot: number) => m.expectedRate(slot) as number;
    const surfSlot = (g: number, site: number) => m.groupStart[g] + m.siteSurf[site];
    const hopSlot = (vacancy: number, from: number) => {
      const k = Array.from({ length: cc.start[vacancy + 1]! - cc.start[vacancy]! }, (_, n) => cc.index[cc.start[vacancy]! + n]).indexOf(from);
      return m.groupStart[Group.VacancyHop] + 12 * m.siteVac[vacancy] + k;
    };
    // u: a surface site with a depth-1 neighbour j; u2: a surface site far from both (no shared neighbourhood).
    let u = -1;
    let j = -1;
    for (let i = 0; i < c.cationCount && u < 0; i++) {
      if (depth[i] !== 0) continue;
      for (let e = cc.start[i]!; e < cc.start[i + 1]!; e++) if (depth[cc.index[e]!] === 1) [u, j] = [i, cc.index[e]!];
    }
    const dist = (a: number, b: number) => Math.hypot(...[0, 1, 2].map((k) => c.cationPositionNm[3 * a + k]! - c.cationPositionNm[3 * b + k]!));
    m.setCation(u, VAC);
    m.setCation(j, HG);
    m.recomputeAll();
    const u2 = Array.from(m.surfSite as Int32Array).find((s) => dist(s, u) > 2 && rate(surfSlot(Group.AgUptake, s)) > 0)!;
    expect(u2).toBeDefined();

    // Rates out of each state of the loop S0 -> S1 (uptake) -> S3 (hop) -> S2 (release) -> S0 (hop back).
    const uptake = surfSlot(Group.AgUptake, u2);
    const release = surfSlot(Group.FillCd, u2);
    const [up0, hop0] = [rate(uptake), rate(hopSlot(u, j))];
    m.execute(uptake);
    const [rel1, hop1, agAfterUptake] = [rate(release), rate(hopSlot(u, j)), m.agInCrystalCount];
    m.execute(hopSlot(u, j));
    const [rel3, back3, hgAtU] = [rate(release), rate(hopSlot(j, u)), m.cation[u]];
    m.execute(release);
    const [up2, back2, agAfterRelease] = [rate(uptake), rate(hopSlot(j, u)), m.agInCrystalCount];
    expect([agAfterUptake, hgAtU, agAfterRelease]).toEqual([2, HG, 0]);

    // The coupling is there (the hop's rate depends on N_Ag) and the loop still balances.
    expect(Math.abs(Math.log(hop1 / hop0)) + Math.abs(Math.log(back3 / back2))).toBeGreaterThan(0.1);
    expect((up0 * hop1 * rel3 * back2) / (hop0 * up2 * back3 * rel1)).toBeCloseTo(1, 9);
  });

  it('the check mode holds with the region on (incremental weighted Hg and every rate against a from-scratch evaluation)', () => {
    const scenario = modelScenario({ durationS: 2, parameters: { agSolubilityDepthLayers: 1.5 } });
    const sim = createSimulation(scenario, 3, { check: true });
    while (sim.advance());
    const m = sim.model as any;
    expect(m.solCrossing).toBe(true);
    expect(sim.result().events.byType.vacancyHop).toBeGreaterThan(100);
  });
});
