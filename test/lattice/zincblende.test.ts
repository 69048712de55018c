// Zinc blende geometry: neighbour shells from positions (a/sqrt(2), sqrt(3)a/4, a/2), interstitial
// coordination, spheres against an independent brute-force build and PHYSICS-NOTES 1.5, platelets.
import { describe, expect, it } from 'vitest';
import { buildCrystal } from '../../src/lattice/build.js';
import { InterstitialKind } from '../../src/lattice/types.js';
import {
  crystalSiteKeys,
  distanceNm,
  referenceSphere,
  row,
  shellDistancesNm,
  siteKeys,
  zincBlendeSites,
} from './helpers.js';

const TOL_NM = 1e-9;
const repeat = (x: number, n: number): number[] => Array<number>(n).fill(x);

describe('zinc blende bulk (periodic, 4 x 4 x 4 cells)', () => {
  const c = buildCrystal({ structure: 'zincblende', shape: 'bulk', material: 'CdSe', cells: 4 });
  const a = c.latticeANm;

  it('holds 4 cations, 4 anions, 4 T_Cd and 4 T_Se per cubic cell, in a periodic box of 4a', () => {
    expect([c.cationCount, c.anionCount, c.interstitialCount]).toEqual([256, 256, 512]);
    expect(c.interstitialKind.filter((k) => k === InterstitialKind.TetraCation).length).toBe(256);
    expect(c.periodicNm.map((p) => p / a)).toEqual([4, 4, 4].map((n) => expect.closeTo(n, 12)));
  });

  it('gives every cation 12 cations at a/sqrt(2) and 4 anions at sqrt(3)a/4', () => {
    for (let i = 0; i < c.cationCount; i++) {
      const cc = shellDistancesNm(c, c.cationCation, c.cationPositionNm, c.cationPositionNm, i);
      const ca = shellDistancesNm(c, c.cationAnion, c.cationPositionNm, c.anionPositionNm, i);
      expect(cc).toEqual(repeat(a / Math.SQRT2, 12).map((d) => expect.closeTo(d, 9)));
      expect(ca).toEqual(repeat((Math.sqrt(3) * a) / 4, 4).map((d) => expect.closeTo(d, 9)));
    }
  });

  it('gives every anion 4 cations at sqrt(3)a/4', () => {
    for (let i = 0; i < c.anionCount; i++) {
      const ac = shellDistancesNm(c, c.anionCation, c.anionPositionNm, c.cationPositionNm, i);
      expect(ac).toEqual(repeat((Math.sqrt(3) * a) / 4, 4).map((d) => expect.closeTo(d, 9)));
    }
  });

  it('gives each T_Cd 4 cations at sqrt(3)a/4 and each T_Se 6 cations at a/2', () => {
    for (let i = 0; i < c.interstitialCount; i++) {
      const d = shellDistancesNm(c, c.interstitialCation, c.interstitialPositionNm, c.cationPositionNm, i);
      const expected = c.interstitialKind[i] === InterstitialKind.TetraCation ? repeat((Math.sqrt(3) * a) / 4, 4) : repeat(a / 2, 6);
      expect(d).toEqual(expected.map((x) => expect.closeTo(x, 9)));
    }
  });

  it('puts 4 anions at sqrt(3)a/4 around each T_Se and 6 at a/2 around each T_Cd (brute force over all anions)', () => {
    for (let i = 0; i < c.interstitialCount; i++) {
      const near: number[] = [];
      for (let j = 0; j < c.anionCount; j++) {
        const d = distanceNm(c, c.interstitialPositionNm, i, c.anionPositionNm, j);
        if (d <= a / 2 + TOL_NM) near.push(d);
      }
      near.sort((x, y) => x - y);
      const expected = c.interstitialKind[i] === InterstitialKind.TetraAnion ? repeat((Math.sqrt(3) * a) / 4, 4) : repeat(a / 2, 6);
      expect(near).toEqual(expected.map((x) => expect.closeTo(x, 9)));
    }
  });

  it('links each T site to 4 T sites of the other kind at sqrt(3)a/4', () => {
    for (let i = 0; i < c.interstitialCount; i++) {
      const others = row(c.interstitialInterstitial, i);
      expect(others.every((j) => c.interstitialKind[j] !== c.interstitialKind[i])).toBe(true);
      const d = shellDistancesNm(c, c.interstitialInterstitial, c.interstitialPositionNm, c.interstitialPositionNm, i);
      expect(d).toEqual(repeat((Math.sqrt(3) * a) / 4, 4).map((x) => expect.closeTo(x, 9)));
    }
  });

  it('has no surface: no cation misses an anion, no interstitial misses a framework neighbour', () => {
    expect(c.surfaceCation.every((f) => f === 0)).toBe(true);
    expect(c.surfaceInterstitial.every((f) => f === 0)).toBe(true);
  });

  it('still gives 12 distinct cation neighbours with the smallest periodic box (2 cells)', () => {
    const small = buildCrystal({ structure: 'zincblende', shape: 'bulk', material: 'CdSe', cells: 2 });
    for (let i = 0; i < small.cationCount; i++) expect(new Set(row(small.cationCation, i)).size).toBe(12);
  });
});

describe('zinc blende spheres (centre on a cation)', () => {
  const a = 0.605; // CdSe, PHYSICS-NOTES 1.1
  const bond = (Math.sqrt(3) * a) / 4;
  const rules = (diameterNm: number, cationRich: boolean) => ({
    radiusNm: diameterNm / 2,
    bondCutoffNm: bond * 1.1, // the next cation-anion distance is sqrt(11)a/4, far beyond
    frameworkCutoffNm: (a / 2) * 1.01, // T sites: 4 at sqrt(3)a/4 + 6 at a/2 = 10
    frameworkFull: 10,
    cationRich,
  });

  it.each([
    [2.3, false],
    [3.3, false],
    [3.3, true],
  ])('d = %s nm (cationRich %s) has exactly the sites of an independent brute-force build of the documented rules', (d, rich) => {
    const crystal = buildCrystal({ structure: 'zincblende', shape: 'sphere', material: 'CdSe', diameterNm: d, cationRich: rich });
    const reference = referenceSphere(zincBlendeSites(a, d / 2 + a), rules(d, rich));
    expect(crystalSiteKeys(crystal)).toEqual(siteKeys(reference));
  });

  it('reproduces PHYSICS-NOTES 1.5 at 3.3 and 4.0 nm: 321/336 and 603/604 Cd/Se, 96 and 168 Cd with < 4 Se', () => {
    const counts = [3.3, 4.0].map((d) => {
      const c = buildCrystal({ structure: 'zincblende', shape: 'sphere', material: 'CdSe', diameterNm: d });
      return [c.cationCount, c.anionCount, c.surfaceCation.reduce((s, f) => s + f, 0)];
    });
    expect(counts).toEqual([
      [321, 336, 96],
      [603, 604, 168],
    ]);
  });

  it('differs from PHYSICS-NOTES 1.5 at 2.3 and 2.7 nm only by the singly bonded atoms the notes keep', () => {
    // The notes count every site within the radius (2.3 nm: 135 Cd / 104 Se; 2.7 nm: 177 / 180).
    for (const [d, rawCd, rawSe] of [
      [2.3, 135, 104],
      [2.7, 177, 180],
    ] as const) {
      const raw = zincBlendeSites(a, d / 2);
      expect([raw.filter((s) => s.kind === 'cation').length, raw.filter((s) => s.kind === 'anion').length]).toEqual([rawCd, rawSe]);
      const c = buildCrystal({ structure: 'zincblende', shape: 'sphere', material: 'CdSe', diameterNm: d });
      const singly = (kind: 'cation' | 'anion') =>
        raw.filter(
          (s) =>
            s.kind === kind &&
            raw.filter((t) => t.kind !== kind && t.kind !== 'interstitial' && Math.hypot(...s.pos.map((x, k) => x - t.pos[k]!)) < bond * 1.1)
              .length < 2,
        ).length;
      expect([c.cationCount, c.anionCount]).toEqual([rawCd - singly('cation'), rawSe - singly('anion')]);
    }
  });

  it.each([3.3, 5, 8, 10])(
    'd = %s nm holds 4/a^3 x volume cations to within half of one outer {111} cation layer',
    (d) => {
      // The continuum count differs from the lattice count only at the surface: the carved boundary
      // and the pruning move at most part of the outermost layer (thickness a/sqrt(3), the {111} spacing).
      const c = buildCrystal({ structure: 'zincblende', shape: 'sphere', material: 'CdSe', diameterNm: d });
      const densityPerNm3 = 4 / a ** 3;
      const continuum = densityPerNm3 * (Math.PI / 6) * d ** 3;
      const halfShell = 0.5 * densityPerNm3 * Math.PI * d ** 2 * (a / Math.sqrt(3));
      expect(Math.abs(c.cationCount - continuum)).toBeLessThan(halfShell);
    },
  );

  it('gives interior cations (more than a from the surface) the bulk shells and measures distance from the centre', () => {
    const d = 5;
    const c = buildCrystal({ structure: 'zincblende', shape: 'sphere', material: 'CdSe', diameterNm: d });
    let interior = 0;
    for (let i = 0; i < c.cationCount; i++) {
      const r = Math.hypot(...[0, 1, 2].map((k) => c.cationPositionNm[3 * i + k]! - c.centreNm[k]!));
      expect(c.cationDistanceNm[i]).toBeCloseTo(r, 12);
      if (r > d / 2 - a) continue;
      interior++;
      expect(shellDistancesNm(c, c.cationCation, c.cationPositionNm, c.cationPositionNm, i)).toEqual(
        repeat(a / Math.SQRT2, 12).map((x) => expect.closeTo(x, 9)),
      );
      expect(row(c.cationAnion, i).length).toBe(4);
    }
    expect(interior).toBeGreaterThan(100);
  });

  it('cation-rich: adds cations (3.3 nm: more cations, same anions) and leaves no empty cation site bonded to >= 2 anions', () => {
    const plain = buildCrystal({ structure: 'zincblende', shape: 'sphere', material: 'CdSe', diameterNm: 3.3 });
    const rich = buildCrystal({ structure: 'zincblende', shape: 'sphere', material: 'CdSe', diameterNm: 3.3, cationRich: true });
    expect(rich.anionCount).toBe(plain.anionCount);
    expect(rich.cationCount).toBeGreaterThan(plain.cationCount);
    // Every lattice cation site next to a kept anion: either present, or bonded to < 2 anions.
    const present = new Set(crystalSiteKeys(rich));
    const candidates = zincBlendeSites(a, 3.3 / 2 + a).filter((s) => s.kind === 'cation');
    const anions = zincBlendeSites(a, 3.3 / 2 + a).filter((s) => s.kind === 'anion' && present.has(siteKeys([s])[0]!));
    for (const s of candidates) {
      const bonds = anions.filter((t) => Math.hypot(...s.pos.map((x, k) => x - t.pos[k]!)) < bond * 1.1).length;
      if (bonds >= 2) expect(present.has(siteKeys([s])[0]!)).toBe(true);
    }
  });
});

describe('zinc blende N.5 monolayer platelets ([001] normal)', () => {
  const spec = { structure: 'zincblende', shape: 'platelet', material: 'CdSe', monolayers: 4.5, lateralNm: [6, 4], periodic: true } as const;
  const c = buildCrystal(spec);
  const a = c.latticeANm;
  const planes = (p: Float64Array): number[] =>
    [...new Set(Array.from({ length: p.length / 3 }, (_, i) => Number(p[3 * i + 2]!.toFixed(6))))].sort((x, y) => x - y);

  it('4.5 ML periodic: exactly 5 cation planes and 4 anion planes, a/2 apart, cation-terminated on both faces', () => {
    const cz = planes(c.cationPositionNm);
    const az = planes(c.anionPositionNm);
    expect(cz.length).toBe(5);
    expect(az.length).toBe(4);
    cz.slice(1).forEach((z, k) => expect(z - cz[k]!).toBeCloseTo(a / 2, 6));
    expect(cz[0]!).toBeLessThan(az[0]!);
    expect(cz[4]!).toBeGreaterThan(az[3]!);
  });

  it('4.5 ML periodic: cation:anion exactly 5:4, 2/a^2 cations per plane per area, lateral size rounded to whole cells', () => {
    expect(c.cationCount * 4).toBe(c.anionCount * 5);
    const [px, py] = c.periodicNm;
    expect([px / a, py / a]).toEqual([Math.round(6 / a), Math.round(4 / a)].map((n) => expect.closeTo(n, 9)));
    expect(c.cationCount).toBe(Math.round((5 * 2 * px * py) / a ** 2));
  });

  it('4.5 ML periodic: the surface is exactly the two outer cation planes, each cation there with 8 cation neighbours', () => {
    const cz = planes(c.cationPositionNm);
    for (let i = 0; i < c.cationCount; i++) {
      const z = Number(c.cationPositionNm[3 * i + 2]!.toFixed(6));
      const outer = z === cz[0] || z === cz[4];
      expect(c.surfaceCation[i]).toBe(outer ? 1 : 0);
      expect(row(c.cationCation, i).length).toBe(outer ? 8 : 12);
      expect(row(c.cationAnion, i).length).toBe(outer ? 2 : 4);
    }
  });

  it('4.5 ML: cation distances from the mid-plane are 0, a/2 and a', () => {
    const values = [...new Set(Array.from(c.cationDistanceNm, (x) => Number((x / a).toFixed(9))))].sort();
    expect(values).toEqual([0, 0.5, 1]);
  });

  it.each([1.5, 2.5, 3.5, 6.5])('%s ML has N + 1 cation planes and N anion planes', (ml) => {
    const p = buildCrystal({ ...spec, monolayers: ml });
    expect([planes(p.cationPositionNm).length, planes(p.anionPositionNm).length]).toEqual([ml + 0.5, ml - 0.5]);
    expect(p.cationCount * (ml - 0.5)).toBe(p.anionCount * (ml + 0.5));
  });

  it('a finite platelet spans the requested lateral size to within one lattice constant', () => {
    const f = buildCrystal({ ...spec, periodic: false, lateralNm: [6, 4] });
    expect(f.periodicNm).toEqual([0, 0, 0]);
    const extent = (d: number): number => {
      const xs = Array.from({ length: f.cationCount }, (_, i) => f.cationPositionNm[3 * i + d]!);
      return Math.max(...xs) - Math.min(...xs);
    };
    expect(Math.abs(extent(0) - 6)).toBeLessThan(a);
    expect(Math.abs(extent(1) - 4)).toBeLessThan(a);
  });
});
