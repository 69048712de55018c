// The vacancy Hg-environment term (vacancyHgEnvironmentEv): a vacancy is lower in energy by delta times the Hg
// fraction of its cation neighbours times its screening share (1 bare, 1/4 with one Ag_i, 0 with two). Its energy is
// counted here from the occupancy (not from the model's bookkeeping) and compared with the forward/back rate ratios
// of hops, and loops of events are checked against Kolmogorov's criterion.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/simulation.js';
import { CationSpecies } from '../../src/model/species.js';
import { Group } from '../../src/model/exchange-model.js';
import { modelScenario } from './helpers/scenario.js';

const { Vacancy: VAC, Hg: HG, Cd: CD } = CationSpecies;
const DELTA = 0.4;
const sphere = { structure: 'zincblende', shape: 'sphere', diameterNm: 3.3 } as const;

function model(delta: number, extra: Record<string, number> = {}) {
  const scenario = modelScenario({ crystal: sphere, reagents: { hgPerCd: 1.5, agPerCd: 0, thiolPerCd: 0.2 }, parameters: { vacancyHgEnvironmentEv: delta, ...extra } });
  return createSimulation(scenario, 1).model as any;
}

/** Sum over vacancies of -delta (Hg neighbours) / (cation neighbours), from the occupancy. */
function environmentEv(m: any, delta: number): number {
  const cc = m.crystal.cationCation;
  let e = 0;
  for (let v = 0; v < m.crystal.cationCount; v++) {
    if (m.cation[v] !== VAC) continue;
    let hg = 0;
    for (let q = cc.start[v]; q < cc.start[v + 1]; q++) if (m.cation[cc.index[q]] === HG) hg++;
    e -= (delta * hg) / (cc.start[v + 1] - cc.start[v]);
  }
  return e;
}

/** Row x of a CSR neighbour table of the crystal. */
const row = (csr: { start: ArrayLike<number>; index: ArrayLike<number> }, x: number): number[] =>
  Array.from({ length: csr.start[x + 1]! - csr.start[x]! }, (_, n) => csr.index[csr.start[x]! + n]!);
const neighbours = (m: any, x: number): number[] => row(m.crystal.cationCation, x);

/**
 * Sites for the Ag_i loop: interior bare vacancy v, its neighbour j, a second vacancy w next to j (not next to v), t in
 * v's shell and s one interstitial hop from t, with neither t nor s touching w or j and s not touching v.
 */
function loopSites(m: any): { v: number; j: number; w: number; s: number; t: number } {
  const c = m.crystal;
  const around = (x: number): number[] => row(c.interstitialCation, x);
  for (let v = 0; v < c.cationCount; v++) {
    if (c.surfaceCation[v]) continue;
    for (const j of neighbours(m, v)) {
      const w = neighbours(m, j).find((x) => x !== v && !c.surfaceCation[x] && !neighbours(m, v).includes(x));
      if (w === undefined || c.surfaceCation[j]) continue;
      for (const t of row(c.cationInterstitial, v)) {
        if (around(t).some((x) => x === w || x === j)) continue;
        const s = row(c.interstitialInterstitial, t).find((x) => !around(x).some((y) => y === v || y === w || y === j || c.surfaceCation[y]));
        if (s !== undefined) return { v, j, w, s, t };
      }
    }
  }
  throw new Error('no site for the Ag_i loop');
}
const hopSlot = (m: any, vacancy: number, from: number) => m.groupStart[Group.VacancyHop] + 12 * m.siteVac[vacancy] + neighbours(m, vacancy).indexOf(from);

describe('vacancy Hg-environment term', () => {
  it('sets the forward/back ratio of an Hg hop by the environment energy counted from the occupancy (other vacancies nearby too)', () => {
    // Interior vacancy i, Hg at its neighbour j and at a few other neighbours of both, and a second vacancy w next to j
    // but not to i, so the hop also changes w's environment. Same state with and without the term.
    const states = [model(DELTA), model(0)];
    const m0 = states[0];
    const c = m0.crystal;
    let pick: [number, number, number] | undefined;
    for (let i = 0; i < c.cationCount && !pick; i++) {
      if (c.surfaceCation[i]) continue;
      for (const j of neighbours(m0, i)) {
        if (c.surfaceCation[j]) continue;
        const w = neighbours(m0, j).find((x) => x !== i && !c.surfaceCation[x] && !neighbours(m0, i).includes(x));
        if (w !== undefined) {
          pick = [i, j, w];
          break;
        }
      }
    }
    const [i, j, w] = pick!;
    const ratios = states.map((m) => {
      m.setCation(i, VAC);
      m.setCation(w, VAC);
      m.setCation(j, HG);
      for (const x of [...neighbours(m, i).slice(0, 4), ...neighbours(m, j).slice(5, 9)]) if (m.cation[x] === CD) m.setCation(x, HG);
      const before = environmentEv(m, DELTA);
      const forward = m.expectedRate(hopSlot(m, i, j));
      m.setCation(j, VAC);
      m.setCation(i, HG);
      const after = environmentEv(m, DELTA);
      const back = m.expectedRate(hopSlot(m, j, i));
      return { logRatio: Math.log(back / forward), dE: after - before };
    });
    const kT: number = m0.kT;
    expect(Math.abs(ratios[0]!.dE)).toBeGreaterThan(0.01);
    // back / forward = exp(dE / kT): the term's share is the difference with and without it.
    expect((ratios[0]!.logRatio - ratios[1]!.logRatio) * kT).toBeCloseTo(ratios[0]!.dE, 9);
  });

  it('a surface loop next to a vacancy balances: intrinsic vacancy at Cd, Hg fill, exchange back', () => {
    const m = model(DELTA);
    const c = m.crystal;
    const rate = (g: number, u: number) => m.expectedRate(m.groupStart[g] + u);
    // Surface site u (Cd) with a vacancy at a neighbour and Hg at two others.
    const u = Array.from(m.surfSite.keys() as Iterable<number>).find((k) => neighbours(m, m.surfSite[k]).length >= 6)!;
    const site = m.surfSite[u];
    const [w, h1, h2] = neighbours(m, site);
    m.setCation(w, VAC);
    m.setCation(h1, HG);
    m.setCation(h2, HG);
    m.recomputeAll();
    expect(c.surfaceCation[site]).toBe(1);
    const cdToHg = rate(Group.ExchangeHg, u);
    const vacancyAtCd = rate(Group.VacancyCreate, u);
    expect(vacancyAtCd).toBeGreaterThan(0);
    m.execute(m.groupStart[Group.VacancyCreate] + u);
    const fillHg = rate(Group.FillHg, u);
    const fillCd = rate(Group.FillCd, u);
    m.execute(m.groupStart[Group.FillHg] + u);
    expect(m.cation[site]).toBe(HG);
    const ratio = (vacancyAtCd * fillHg * rate(Group.ExchangeCd, u)) / (cdToHg * rate(Group.VacancyCreate, u) * fillCd);
    expect(ratio).toBeCloseTo(1, 9);
  });

  it('an Ag_i joining a bare vacancy takes its screening share: the loop "Ag_i in, Hg away, Ag_i out, Hg back" balances', () => {
    // Bare vacancy v among Hg; an Ag_i at s one hop from t in v's shell; a second vacancy w next to v's Hg neighbour j
    // (not next to v). With the Ag_i at t, v keeps 1/4 of its Hg-environment term (screenShare), so the Hg hop j -> w
    // changes v's energy by less than without it: the loop balances only if the Ag_i hop carries that difference.
    const run = (delta: number) => {
      const m = model(delta);
      const { v, j, w, s, t } = loopSites(m);
      for (const x of [...neighbours(m, v), ...neighbours(m, w)]) if (m.cation[x] === CD) m.setCation(x, HG);
      m.setCation(v, VAC);
      m.setCation(w, VAC);
      m.placeAgInterstitial(0, s);
      const agHop = (from: number, to: number) => {
        return m.agHopRate(from, row(m.crystal.interstitialInterstitial, from).indexOf(to)) as number;
      };
      const hgHop = (into: number, from: number) => m.vacancyHopRate(into, neighbours(m, into).indexOf(from)) as number;
      const agTo = (from: number, to: number) => {
        m.clearAgInterstitial(from);
        m.placeAgInterstitial(0, to);
      };
      const hgTo = (into: number, from: number) => {
        m.setCation(into, HG);
        m.setCation(from, VAC);
      };
      // Forward loop S0 -> S1 (Ag_i s -> t) -> S2 (Hg j -> w) -> S3 (Ag_i t -> s) -> S0 (Hg w -> j); the backward
      // loop's rates are read in the same states.
      let forward = 1;
      let backward = 1;
      let leave = 0;
      backward *= hgHop(w, j); // S0 -> S3
      forward *= agHop(s, t);
      agTo(s, t); // S1
      leave = agHop(t, s);
      backward *= leave; // S1 -> S0
      forward *= hgHop(w, j);
      hgTo(w, j); // S2
      backward *= hgHop(j, w); // S2 -> S1
      forward *= agHop(t, s);
      agTo(t, s); // S3
      backward *= agHop(s, t); // S3 -> S2
      forward *= hgHop(j, w);
      hgTo(j, w); // S0
      return { ratio: forward / backward, leave };
    };
    const on = run(DELTA);
    expect(on.ratio).toBeCloseTo(1, 9);
    // Leaving the shell gives the vacancy back 3/4 of its environment term: faster than without the term.
    expect(on.leave / run(0).leave).toBeGreaterThan(1.5);
  });

  it('the check mode holds with the term on, on a periodic platelet (the targeted marking uses minimum-image distances)', () => {
    // A 2.5 nm periodic box: the marking reach (~1.3 nm) wraps around it.
    const crystal = { structure: 'zincblende', shape: 'platelet', monolayers: 4.5, lateralNm: [2.5, 2.5], periodic: true } as const;
    expect(checkedVacancyHops(modelScenario({ crystal, temperatureC: 120, durationS: 0.05, parameters: { vacancyHgEnvironmentEv: DELTA } }), 5)).toBeGreaterThan(50);
  });

  it.each([{}, { vacancyPairEv: 0 }])('the check mode holds with the term on (%j)', (extra) => {
    const scenario = modelScenario({ durationS: 2, parameters: { vacancyHgEnvironmentEv: DELTA, cdEnvironmentSurfaceFactor: 0, ...extra } });
    expect(checkedVacancyHops(scenario, 4)).toBeGreaterThan(100);
  });
});

/** Run a scenario in check mode (every rate and count verified after every event); its vacancy hops. */
function checkedVacancyHops(scenario: ReturnType<typeof modelScenario>, seed: number): number {
  const sim = createSimulation(scenario, seed, { check: true });
  while (sim.advance());
  return sim.result().events.byType.vacancyHop!;
}
