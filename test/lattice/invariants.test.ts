// Invariants every built crystal must satisfy, over all shapes and both structures: symmetric
// neighbour tables, surface flags, no under-bonded atom, the interstitial rule, determinism, the box.
import { describe, expect, it } from 'vitest';
import { buildCrystal } from '../../src/lattice/build.js';
import type { CrystalSpec } from '../../src/lattice/spec.js';
import type { Crystal, Csr } from '../../src/lattice/types.js';
import { distanceNm, row, rowCount } from './helpers.js';

const SPECS: CrystalSpec[] = [
  { structure: 'zincblende', shape: 'sphere', material: 'CdSe', diameterNm: 3.3 },
  { structure: 'zincblende', shape: 'sphere', material: 'HgSe', diameterNm: 2.7, cationRich: true },
  { structure: 'zincblende', shape: 'sphere', material: 'CdSe0.5S0.5', diameterNm: 3 },
  { structure: 'zincblende', shape: 'platelet', material: 'CdSe', monolayers: 4.5, lateralNm: [4, 3] },
  { structure: 'zincblende', shape: 'platelet', material: 'CdTe', monolayers: 2.5, lateralNm: 3, periodic: true },
  { structure: 'zincblende', shape: 'bulk', material: 'CdS', cells: 3 },
  { structure: 'wurtzite', shape: 'sphere', material: 'CdSe', diameterNm: 3.3 },
  { structure: 'wurtzite', shape: 'rod', material: 'CdSe', diameterNm: 3, lengthNm: 5, cationRich: true },
  { structure: 'wurtzite', shape: 'bulk', material: 'CdSe', cells: 3 },
];

/** Every (row, entry) pair of a table. */
function pairs(csr: Csr): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < rowCount(csr); i++) for (const j of row(csr, i)) out.push([i, j]);
  return out;
}

const key = ([i, j]: [number, number]): string => `${i},${j}`;
const swapped = (p: [number, number][]): string[] => p.map(([i, j]) => key([j, i])).sort();
const keys = (p: [number, number][]): string[] => p.map(key).sort();

/** Bulk shell sizes: cation-anion bonds, and the interstitial framework shell (cations + anions). */
function bulkShells(c: Crystal): { bonds: number; frameworkNm: number; frameworkFull: number; bondNm: number } {
  const a = c.latticeANm;
  const cc = c.latticeCNm;
  return c.structure === 'zincblende'
    ? { bonds: 4, bondNm: (Math.sqrt(3) * a) / 4, frameworkNm: a / 2, frameworkFull: 10 }
    : { bonds: 4, bondNm: Math.sqrt(a ** 2 / 3 + cc ** 2 / 64), frameworkNm: Math.sqrt(a ** 2 / 3 + ((5 * cc) / 16) ** 2), frameworkFull: 12 };
}

describe.each(SPECS.map((s) => [`${s.structure} ${s.shape} ${s.material}`, s] as const))('%s', (_name, spec) => {
  const c = buildCrystal(spec);

  it('has symmetric cation-cation and interstitial-interstitial tables, without self or repeated entries', () => {
    for (const csr of [c.cationCation, c.interstitialInterstitial]) {
      expect(keys(pairs(csr))).toEqual(swapped(pairs(csr)));
      for (let i = 0; i < rowCount(csr); i++) {
        const r = row(csr, i);
        expect(new Set(r).size).toBe(r.length);
        expect(r.includes(i)).toBe(false);
      }
    }
  });

  it('has anionCation the transpose of cationAnion, and cationInterstitial the transpose of interstitialCation', () => {
    expect(keys(pairs(c.anionCation))).toEqual(swapped(pairs(c.cationAnion)));
    expect(keys(pairs(c.cationInterstitial))).toEqual(swapped(pairs(c.interstitialCation)));
    expect([rowCount(c.cationAnion), rowCount(c.anionCation), rowCount(c.cationInterstitial)]).toEqual([
      c.cationCount,
      c.anionCount,
      c.cationCount,
    ]);
  });

  it('lists as bonds exactly the anions within bond length (brute force), flags exactly the cations missing one', () => {
    const { bonds, bondNm } = bulkShells(c);
    for (let i = 0; i < c.cationCount; i++) {
      const near: number[] = [];
      for (let j = 0; j < c.anionCount; j++) if (distanceNm(c, c.cationPositionNm, i, c.anionPositionNm, j) < bondNm * 1.05) near.push(j);
      expect(row(c.cationAnion, i).sort((x, y) => x - y)).toEqual(near);
      expect(c.surfaceCation[i]).toBe(near.length < bonds ? 1 : 0);
    }
  });

  it('leaves no cation or anion with fewer than 2 bonds', () => {
    for (let i = 0; i < c.cationCount; i++) expect(row(c.cationAnion, i).length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < c.anionCount; i++) expect(row(c.anionCation, i).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps interstitials with at least half their framework shell and flags those missing any of it', () => {
    const { frameworkNm, frameworkFull } = bulkShells(c);
    for (let i = 0; i < c.interstitialCount; i++) {
      let framework = 0;
      for (const [p, n] of [
        [c.cationPositionNm, c.cationCount],
        [c.anionPositionNm, c.anionCount],
      ] as const) {
        for (let j = 0; j < n; j++) if (distanceNm(c, c.interstitialPositionNm, i, p, j) < frameworkNm * 1.02) framework++;
      }
      expect(2 * framework).toBeGreaterThanOrEqual(frameworkFull);
      expect(c.surfaceInterstitial[i]).toBe(framework < frameworkFull ? 1 : 0);
    }
  });

  it('puts every site inside [0, boxNm), with boxNm equal to the period on periodic axes', () => {
    for (const p of [c.cationPositionNm, c.anionPositionNm, c.interstitialPositionNm]) {
      for (let k = 0; k < p.length; k++) {
        expect(p[k]!).toBeGreaterThanOrEqual(0);
        expect(p[k]!).toBeLessThan(c.boxNm[k % 3]!);
      }
    }
    c.periodicNm.forEach((period, d) => {
      if (period > 0) expect(c.boxNm[d]).toBe(period);
    });
  });

  it('builds identical arrays when built twice', () => {
    expect(buildCrystal(spec)).toEqual(c);
  });

  it('assigns anion elements at the material fraction', () => {
    const first = c.anionElementId.filter((e) => e === 0).length;
    if (c.anionElements.length === 1) expect(first).toBe(c.anionCount);
    else expect(first).toBe(Math.round(0.5 * c.anionCount));
  });
});
