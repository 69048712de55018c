// Wurtzite geometry: hcp cation shells (6 at a in-plane, 6 at sqrt(a^2/3 + c^2/4)), bonds, the
// c-channel cage network, and spheres/rods against a build from the hexagonal primitive vectors.
import { describe, expect, it } from 'vitest';
import { buildCrystal } from '../../src/lattice/build.js';
import { InterstitialKind } from '../../src/lattice/types.js';
import { crystalSiteKeys, distanceNm, referenceSphere, row, shellDistancesNm, siteKeys, wurtziteSites } from './helpers.js';

const TOL_NM = 1e-9;
const repeat = (x: number, n: number): number[] => Array<number>(n).fill(x);
const close = (xs: number[]) => xs.map((x) => expect.closeTo(x, 9));

describe('wurtzite bulk (periodic, 3 x 3 x 3 orthohexagonal cells)', () => {
  const c = buildCrystal({ structure: 'wurtzite', shape: 'bulk', material: 'CdSe', cells: 3 });
  const a = c.latticeANm;
  const cc = c.latticeCNm;
  const zOf = (p: Float64Array, i: number): number => p[3 * i + 2]!;
  const dz = (p: Float64Array, i: number, q: Float64Array, j: number): number => {
    const x = zOf(q, j) - zOf(p, i);
    return x - c.periodicNm[2] * Math.round(x / c.periodicNm[2]);
  };

  it('uses CdSe a = 4.299 A, c = 7.01 A and holds 4 cations, 4 anions, 4 cages per a x sqrt(3)a x c cell', () => {
    expect([a, cc]).toEqual([expect.closeTo(0.4299, 12), expect.closeTo(0.701, 12)]);
    expect([c.cationCount, c.anionCount, c.interstitialCount]).toEqual([108, 108, 108]);
    expect(c.interstitialKind.every((k) => k === InterstitialKind.Cage)).toBe(true);
    expect(c.periodicNm).toEqual(close([3 * a, 3 * Math.sqrt(3) * a, 3 * cc]));
  });

  it('gives every cation 6 in-plane cations at a and 6 out-of-plane at sqrt(a^2/3 + c^2/4), dz = +-c/2', () => {
    const outOfPlane = Math.sqrt(a ** 2 / 3 + cc ** 2 / 4);
    for (let i = 0; i < c.cationCount; i++) {
      const neighbours = row(c.cationCation, i);
      const inPlane = neighbours.filter((j) => Math.abs(dz(c.cationPositionNm, i, c.cationPositionNm, j)) < TOL_NM);
      const outer = neighbours.filter((j) => Math.abs(Math.abs(dz(c.cationPositionNm, i, c.cationPositionNm, j)) - cc / 2) < TOL_NM);
      expect([inPlane.length, outer.length]).toEqual([6, 6]);
      expect(inPlane.map((j) => distanceNm(c, c.cationPositionNm, i, c.cationPositionNm, j))).toEqual(close(repeat(a, 6)));
      expect(outer.map((j) => distanceNm(c, c.cationPositionNm, i, c.cationPositionNm, j))).toEqual(close(repeat(outOfPlane, 6)));
    }
  });

  it('bonds every cation to 1 anion at 3c/8 straight along c and 3 at sqrt(a^2/3 + c^2/64)', () => {
    for (let i = 0; i < c.cationCount; i++) {
      const d = shellDistancesNm(c, c.cationAnion, c.cationPositionNm, c.anionPositionNm, i);
      expect(d).toEqual(close([(3 * cc) / 8, ...repeat(Math.sqrt(a ** 2 / 3 + cc ** 2 / 64), 3)].sort((x, y) => x - y)));
      const along = row(c.cationAnion, i).filter((j) => Math.abs(dz(c.cationPositionNm, i, c.anionPositionNm, j) - (3 * cc) / 8) < TOL_NM);
      expect(along.length).toBe(1);
    }
  });

  it('gives each cage 3 cations at sqrt(a^2/3 + (3c/16)^2) and 3 at sqrt(a^2/3 + (5c/16)^2), and no atom closer', () => {
    const d1 = Math.sqrt(a ** 2 / 3 + ((3 * cc) / 16) ** 2);
    const d2 = Math.sqrt(a ** 2 / 3 + ((5 * cc) / 16) ** 2);
    expect([d1, d2]).toEqual([expect.closeTo(0.2809, 4), expect.closeTo(0.331, 3)]); // PHYSICS-NOTES 1.3
    for (let i = 0; i < c.interstitialCount; i++) {
      expect(shellDistancesNm(c, c.interstitialCation, c.interstitialPositionNm, c.cationPositionNm, i)).toEqual(
        close([...repeat(d1, 3), ...repeat(d2, 3)]),
      );
      let nearestNm = Infinity;
      for (const [p, n] of [
        [c.cationPositionNm, c.cationCount],
        [c.anionPositionNm, c.anionCount],
      ] as const) {
        for (let j = 0; j < n; j++) nearestNm = Math.min(nearestNm, distanceNm(c, c.interstitialPositionNm, i, p, j));
      }
      expect(nearestNm).toBeCloseTo(d1, 9);
    }
  });

  it('links each cage to 2 cages along c at c/2 and 6 in-plane at a', () => {
    for (let i = 0; i < c.interstitialCount; i++) {
      const neighbours = row(c.interstitialInterstitial, i);
      const along = neighbours.filter((j) => Math.abs(Math.abs(dz(c.interstitialPositionNm, i, c.interstitialPositionNm, j)) - cc / 2) < TOL_NM);
      expect(along.length).toBe(2);
      expect(shellDistancesNm(c, c.interstitialInterstitial, c.interstitialPositionNm, c.interstitialPositionNm, i)).toEqual(
        close([...repeat(cc / 2, 2), ...repeat(a, 6)]),
      );
    }
  });
});

describe('wurtzite finite shapes', () => {
  const a = 0.4299;
  const cc = 0.701;
  const bondCutoffNm = 1.1 * Math.sqrt(a ** 2 / 3 + cc ** 2 / 64); // next anion is 5c/8 = 0.44 nm away
  const frameworkCutoffNm = 1.02 * Math.sqrt(a ** 2 / 3 + ((5 * cc) / 16) ** 2); // 3 + 3 cations, 3 + 3 anions

  it.each([
    [3.3, false],
    [3.3, true],
  ])('a %s nm sphere (cationRich %s) equals a brute-force build from the hexagonal primitive vectors', (d, cationRich) => {
    const crystal = buildCrystal({ structure: 'wurtzite', shape: 'sphere', material: 'CdSe', diameterNm: d, cationRich });
    const reference = referenceSphere(wurtziteSites(a, cc, d / 2 + 0.6), {
      radiusNm: d / 2,
      bondCutoffNm,
      frameworkCutoffNm,
      frameworkFull: 12,
      cationRich,
    });
    expect(crystalSiteKeys(crystal)).toEqual(siteKeys(reference));
  });

  it('a rod (4 nm x 12 nm) keeps its cations within d/2 of the axis, spans the length along c, and measures the axis distance', () => {
    const rod = buildCrystal({ structure: 'wurtzite', shape: 'rod', material: 'CdSe', diameterNm: 4, lengthNm: 12 });
    const zs: number[] = [];
    for (let i = 0; i < rod.cationCount; i++) {
      const r = Math.hypot(rod.cationPositionNm[3 * i]! - rod.centreNm[0], rod.cationPositionNm[3 * i + 1]! - rod.centreNm[1]);
      expect(rod.cationDistanceNm[i]).toBeCloseTo(r, 12);
      expect(r).toBeLessThanOrEqual(2 + TOL_NM);
      zs.push(rod.cationPositionNm[3 * i + 2]!);
    }
    const length = Math.max(...zs) - Math.min(...zs);
    expect(length).toBeLessThanOrEqual(12 + TOL_NM);
    expect(length).toBeGreaterThan(12 - cc);
  });
});
