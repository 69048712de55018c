// The superbasin-averaged hop rates of Ag-bearing vacancies, checked against a brute-force Boltzmann average:
// every arrangement of the shell's Ag_i is actually placed, its energy summed from scratch over the whole
// crystal (site energies and the saturating binding of every vacancy), and its frozen-arrangement rate taken
// from inputs counted here, not from the model's bookkeeping.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/simulation.js';
import { CationSpecies, InterstitialSpecies } from '../../src/model/species.js';
import { modelScenario } from './helpers/scenario.js';

const scenario = modelScenario({
  name: 'averaged-hops',
  crystal: { structure: 'zincblende', shape: 'sphere', diameterNm: 2.7 },
  durationS: 120,
  reagents: { hgPerCd: 1.5, agPerCd: 0.075, thiolPerCd: 1 },
  samples: 2,
  firstSampleS: 1,
  // A weak V-V repulsion: complexes still meet (shells touching another vacancy), and the pair term is non-zero.
  parameters: { vacancyPairEv: 0.05 },
});

/** All r-subsets of 0..L-1 as bitmasks. */
function subsets(L: number, r: number): number[] {
  const out: number[] = [];
  for (let m = 0; m < 1 << L; m++) {
    let bits = 0;
    for (let x = m; x; x &= x - 1) bits++;
    if (bits === r) out.push(m);
  }
  return out;
}

describe('averaged hops of Ag-bearing vacancies', () => {
  it('equal the Boltzmann average of the frozen-arrangement rates over the shell arrangements', () => {
    const sim = createSimulation(scenario, 11);
    while (sim.advance());
    const m = sim.model as any;
    const c = m.crystal;
    const ci = c.cationInterstitial;
    const ic = c.interstitialCation;
    const cc = c.cationCation;
    const kT: number = m.kT;
    const eps: number = m.params.vacancyAgBindingEv;
    const agAroundFromScratch = (site: number): number => {
      let n = 0;
      for (let q = ci.start[site]; q < ci.start[site + 1]; q++) if (m.inter[ci.index[q]] === InterstitialSpecies.Ag) n++;
      return n;
    };
    // V-V partners from scratch: cation neighbours and cations sharing an interstitial site.
    const vacanciesAround = (site: number, except: number): number => {
      const partners = new Set<number>();
      for (let q = cc.start[site]; q < cc.start[site + 1]; q++) partners.add(cc.index[q]);
      for (let q = ci.start[site]; q < ci.start[site + 1]; q++)
        for (let r = ic.start[ci.index[q]]; r < ic.start[ci.index[q] + 1]; r++) partners.add(ic.index[r]);
      partners.delete(site);
      partners.delete(except);
      return [...partners].filter((p) => m.cation[p] === CationSpecies.Vacancy).length;
    };
    const energy = (): number => {
      let e = 0;
      for (let s = 0; s < c.interstitialCount; s++) if (m.inter[s] === InterstitialSpecies.Ag) e += m.siteEnergy[m.interClass[s]];
      for (let i = 0; i < c.cationCount; i++) if (m.cation[i] === CationSpecies.Vacancy) e -= eps * Math.min(2, agAroundFromScratch(i));
      return e;
    };
    let checked = 0;
    let withNeighbours = 0;
    for (let v = 0; v < m.vacCount; v++) {
      const i: number = m.vacSite[v];
      const shell: number[] = [];
      for (let q = ci.start[i]; q < ci.start[i + 1]; q++) shell.push(ci.index[q]);
      const atoms = shell.filter((s) => m.inter[s] === InterstitialSpecies.Ag).map((s) => m.interAg[s] as number);
      const n = atoms.length;
      if (n === 0 || n > 4) continue;
      const original = shell.map((s) => m.inter[s] === InterstitialSpecies.Ag);
      const touchesOther = shell.some((s) => {
        for (let r = ic.start[s]; r < ic.start[s + 1]; r++) if (ic.index[r] !== i && m.cation[ic.index[r]] === CationSpecies.Vacancy) return true;
        return false;
      });
      const averaged = Array.from({ length: 12 }, (_, k) => m.vacancyHopRate(i, k) as number);

      const place = (mask: number) => {
        for (const s of shell) if (m.inter[s] === InterstitialSpecies.Ag) m.clearAgInterstitial(s);
        let a = 0;
        shell.forEach((s, p) => {
          if (mask & (1 << p)) m.placeAgInterstitial(atoms[a++], s);
        });
      };
      const e0 = energy();
      let z = 0;
      const sum = new Array<number>(12).fill(0);
      for (const mask of subsets(shell.length, n)) {
        place(mask);
        const w = Math.exp(-(energy() - e0) / kT);
        z += w;
        for (let k = 0; k < cc.start[i + 1] - cc.start[i]; k++) {
          const e = cc.start[i] + k;
          const j = cc.index[e];
          const species = m.cation[j];
          if (species === CationSpecies.Vacancy) continue;
          let nCd = 0;
          for (let q = m.commonStart[e]; q < m.commonStart[e + 1]; q++) if (m.cation[m.common[q]] === CationSpecies.Cd) nCd++;
          const agI = agAroundFromScratch(i);
          const agJ = agAroundFromScratch(j);
          const shared = shell.filter((s) => {
            for (let r = ic.start[s]; r < ic.start[s + 1]; r++) if (ic.index[r] === j) return true;
            return false;
          });
          const sharedAg = shared.filter((s) => m.inter[s] === InterstitialSpecies.Ag).length;
          const surface = c.surfaceCation[i] | c.surfaceCation[j];
          const ring = m.commonStart[e + 1] - m.commonStart[e];
          const dBound = Math.min(2, agJ) - Math.min(2, agI);
          const dPairs = vacanciesAround(j, i) - vacanciesAround(i, j); // V-V pair-count change of the hop
          sum[k]! += w * m.hopRateGiven(i, j, species, nCd, ring, Math.min(2, agI + agJ - sharedAg), surface, dBound, dPairs, m.agCdPairChange(i, j, species));
        }
      }
      // Back to the arrangement the run left (the model's own rates were not touched: no flush happened).
      let back = 0;
      original.forEach((occupied, p) => occupied && (back |= 1 << p));
      place(back);
      for (let k = 0; k < 12; k++) {
        const expected = sum[k]! / z;
        expect(averaged[k], `vacancy at ${i}, direction ${k}`).toBeCloseTo(expected, Math.max(0, -Math.floor(Math.log10(expected || 1))) + 9);
      }
      checked++;
      if (touchesOther) withNeighbours++;
    }
    // The run must have produced complexes, among them some whose shells touch another vacancy.
    expect(checked).toBeGreaterThan(3);
    expect(withNeighbours).toBeGreaterThan(0);
  });
});
