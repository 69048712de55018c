// Shell profiles and chart axes of the viewer: checked against direct counts and by construction.
import { describe, expect, test } from 'vitest';
import { buildCrystal } from '../../src/lattice/index.js';
import { createRng } from '../../src/rng.js';
import { CationSpecies } from '../../src/model/species.js';
import { assignShells, createProfile, defaultShellCount, shellProfile } from '../../viz/profile.js';
import { timeAxis } from '../../viz/charts.js';

describe('shellProfile', () => {
  const crystal = buildCrystal({ structure: 'zincblende', shape: 'sphere', diameterNm: 4, material: 'CdSe' });
  const d = crystal.cationDistanceNm;
  const shells = 6;

  test('every cation lands in the shell whose edges bracket its distance', () => {
    const { shellOf, edgesNm } = assignShells(d, shells);
    expect(edgesNm[0]).toBe(0);
    expect(edgesNm[shells]).toBeCloseTo(Math.max(...d), 12);
    for (let i = 0; i < d.length; i++) {
      const s = shellOf[i]!;
      expect(d[i]! >= edgesNm[s]! - 1e-12 && d[i]! <= edgesNm[s + 1]! + 1e-12).toBe(true);
    }
  });

  test('fractions equal a direct count per shell and sum to 1 in every non-empty shell', () => {
    const { shellOf, edgesNm } = assignShells(d, shells);
    const rng = createRng('profile');
    // Hg more likely near the surface, so the profile has structure.
    const maxNm = edgesNm[shells]!;
    const species = Uint8Array.from(d, (r) => (rng.next() < r / maxNm ? CationSpecies.Hg : rng.next() < 0.05 ? CationSpecies.Vacancy : CationSpecies.Cd));
    const p = shellProfile(shellOf, species, createProfile(edgesNm));
    for (let s = 0; s < shells; s++) {
      let n = 0, hg = 0;
      for (let i = 0; i < d.length; i++) {
        if (d[i]! < edgesNm[s]! || (s < shells - 1 && d[i]! >= edgesNm[s + 1]!)) continue;
        n++;
        if (species[i] === CationSpecies.Hg) hg++;
      }
      expect(p.sites[s]).toBe(n);
      if (n === 0) { expect(p.hg[s]).toBeNaN(); continue; }
      expect(p.hg[s]).toBeCloseTo(hg / n, 12);
      expect(p.hg[s]! + p.cd[s]! + p.ag[s]! + p.vacancy[s]!).toBeCloseTo(1, 12);
    }
    expect(p.hg[shells - 1]!).toBeGreaterThan(p.hg[0]!);
  });

  test('about one shell per half lattice constant, within 3..24', () => {
    expect(defaultShellCount(2, 0.605)).toBe(7);
    expect(defaultShellCount(0.1, 0.605)).toBe(3);
    expect(defaultShellCount(100, 0.605)).toBe(24);
  });
});

describe('timeAxis', () => {
  test('log-spaced times over many decades get a log axis from the first positive time to the last', () => {
    const times = [0, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000];
    const a = timeAxis(times);
    expect(a.log).toBe(true);
    expect(a.toUnit(0)).toBe(0);
    expect(a.toUnit(1e-3)).toBe(0);
    expect(a.toUnit(1000)).toBeCloseTo(1, 12);
    expect(a.toUnit(1)).toBeCloseTo(0.5, 12); // 3 of 6 decades
    expect(a.ticks.length).toBeGreaterThan(2);
    for (const t of a.ticks) expect(Math.log10(t)).toBeCloseTo(Math.round(Math.log10(t)), 12); // decades
  });

  test('evenly spaced times get a linear axis', () => {
    const a = timeAxis([0, 10, 20, 30, 40]);
    expect(a.log).toBe(false);
    expect(a.toUnit(20)).toBeCloseTo(0.5, 12);
    expect(a.ticks).toEqual([0, 20, 40]);
  });
});
