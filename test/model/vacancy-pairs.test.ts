// The V-V repulsion (vacancyPairEv) is part of the lattice energy: a vacancy hop between two sites with different
// numbers of vacancy partners has forward/back rates in the Boltzmann ratio of that energy, counted here from
// the geometry (cation neighbours and cations sharing an interstitial site), not from the model's tables.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/simulation.js';
import { CationSpecies } from '../../src/model/species.js';
import { Group } from '../../src/model/exchange-model.js';
import { modelScenario } from './helpers/scenario.js';

const VAC = CationSpecies.Vacancy;

describe('V-V pair energy', () => {
  it('sets the forward/back ratio of a vacancy hop next to another vacancy (neighbour and second-neighbour partners)', () => {
    const scenario = modelScenario({ reagents: { hgPerCd: 1.5, agPerCd: 0, thiolPerCd: 0.2 }, crystal: { structure: 'zincblende', shape: 'sphere', diameterNm: 3.3 } });
    const m = createSimulation(scenario, 1).model as any;
    const c = m.crystal;
    const cc = c.cationCation;
    const ci = c.cationInterstitial;
    const ic = c.interstitialCation;
    const partners = (x: number): Set<number> => {
      const p = new Set<number>();
      for (let q = cc.start[x]; q < cc.start[x + 1]; q++) p.add(cc.index[q]);
      for (let q = ci.start[x]; q < ci.start[x + 1]; q++) for (let r = ic.start[ci.index[q]]; r < ic.start[ci.index[q] + 1]; r++) p.add(ic.index[r]);
      p.delete(x);
      return p;
    };
    const isNeighbour = (a: number, b: number): boolean => {
      for (let q = cc.start[a]; q < cc.start[a + 1]; q++) if (cc.index[q] === b) return true;
      return false;
    };
    const kT: number = m.kT;
    const pairEv: number = m.params.vacancyPairEv;
    expect(pairEv).toBeGreaterThan(0);
    // Interior site i (no Ag anywhere: only V-V and host terms), a neighbour j, and a third site w that is a partner
    // of j but not of i, so the hop i -> j of the vacancy gains one V-V pair. Both kinds of partner are tried.
    let tried = 0;
    const kinds = new Set<string>();
    for (let i = 0; i < c.cationCount && kinds.size < 2; i++) {
      if (c.surfaceCation[i]) continue;
      for (let q = cc.start[i]; q < cc.start[i + 1] && kinds.size < 2; q++) {
        const j = cc.index[q];
        if (c.surfaceCation[j]) continue;
        for (const w of partners(j)) {
          if (w === i || partners(i).has(w) || c.surfaceCation[w]) continue;
          const kind = isNeighbour(j, w) ? 'neighbour' : 'second';
          if (kinds.has(kind)) continue;
          kinds.add(kind);
          m.setCation(i, VAC);
          m.setCation(w, VAC);
          const slot = (site: number, to: number): number => {
            const k = Array.from({ length: cc.start[site + 1] - cc.start[site] }, (_, n) => cc.index[cc.start[site] + n]).indexOf(to);
            return m.groupStart[Group.VacancyHop] + 12 * m.siteVac[site] + k;
          };
          const forward = m.expectedRate(slot(i, j));
          const species = m.cation[j];
          m.setCation(j, VAC);
          m.setCation(i, species);
          const back = m.expectedRate(slot(j, i));
          // Gained one pair (w), lost none: back / forward = exp(pairEv / kT).
          expect(Math.log(back / forward) * kT).toBeCloseTo(pairEv, 9);
          // Restore the pristine state for the next kind.
          m.setCation(j, species);
          m.setCation(w, species);
          tried++;
          break;
        }
      }
    }
    expect([...kinds].sort()).toEqual(['neighbour', 'second']);
    expect(tried).toBe(2);
  });

  it('makes an intrinsic surface vacancy next to another one cost vacancyPairEv more (its fill unchanged)', () => {
    const m = createSimulation(modelScenario({ reagents: { hgPerCd: 1.5, agPerCd: 0, thiolPerCd: 0.2 } }), 1).model as any;
    const cc = m.crystal.cationCation;
    const rate = (g: number, u: number): number => m.expectedRate(m.groupStart[g] + u);
    const u = Array.from(m.surfSite.keys() as Iterable<number>).find((k) => m.cation[m.surfSite[k]] === CationSpecies.Cd)!;
    const c: number = m.surfSite[u];
    const w: number = cc.index[cc.start[c]];
    const alone = rate(Group.VacancyCreate, u);
    const host = m.cation[w];
    m.setCation(w, VAC);
    const paired = rate(Group.VacancyCreate, u);
    m.setCation(w, host);
    expect(Math.log(alone / paired) * m.kT).toBeCloseTo(m.params.vacancyPairEv, 9);
  });
});
