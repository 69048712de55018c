// The vacancy Hg-environment term (vacancyHgEnvironmentEv): a vacancy is lower in energy by delta times the Hg
// fraction of its cation neighbours. Its energy is counted here from the occupancy (not from the model's bookkeeping)
// and compared with the forward/back rate ratios of hops and with a surface loop (Kolmogorov's criterion).
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

const neighbours = (m: any, x: number): number[] => {
  const cc = m.crystal.cationCation;
  return Array.from({ length: cc.start[x + 1] - cc.start[x] }, (_, n) => cc.index[cc.start[x] + n]);
};
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

  it.each([{}, { vacancyPairEv: 0 }])('the check mode holds with the term on (%j)', (extra) => {
    const scenario = modelScenario({ durationS: 5, parameters: { vacancyHgEnvironmentEv: DELTA, cdEnvironmentSurfaceFactor: 0, ...extra } });
    const sim = createSimulation(scenario, 4, { check: true });
    while (sim.advance());
    expect(sim.result().events.byType.vacancyHop).toBeGreaterThan(100);
  });
});
