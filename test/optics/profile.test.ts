// From shell profiles to layered particles (src/optics/profile.ts) and along a run (src/optics/series.ts):
// boundary placement, two construction paths agreeing, ordering and bad input.
import { describe, expect, it } from 'vitest';
import { opticsOfLayers } from '../../src/optics/exciton.js';
import { EMA_CDSE } from '../../src/optics/materials.js';
import { coreShellSphere, layersFromShells, opticsOfProfile, surfaceDistanceNm } from '../../src/optics/profile.js';
import { opticsSeries, type ProfileSample } from '../../src/optics/series.js';

describe('layersFromShells()', () => {
  it('puts boundaries midway between shell radii and the last one at the particle radius', () => {
    const p = layersFromShells({ shape: 'sphere', diameterNm: 3.3 }, { radiusNm: [0.2, 0.6, 1.0, 1.4], hgFraction: [0, 0, 0.5, 1] });
    expect(p.geometry).toBe('sphere');
    expect([...p.outerNm]).toEqual([0.4, 0.8, 1.2, 1.65].map((v) => expect.closeTo(v, 12)));
    expect([...p.hgFraction]).toEqual([0, 0, 0.5, 1]);
  });

  it('ends an N.5 ML platelet half a (001) plane spacing beyond its outer cation plane: (N + 1) a / 4', () => {
    const size = { shape: 'platelet', monolayers: 4.5 } as const;
    expect(surfaceDistanceNm(size)).toBeCloseTo((5 * EMA_CDSE.latticeNm) / 4, 12);
    const planesNm = [0, 1, 2].map((j) => (j * EMA_CDSE.latticeNm) / 2); // 5 cation planes: z = 0, +-a/2, +-a
    const p = layersFromShells(size, { radiusNm: planesNm, hgFraction: [0, 0, 1] });
    expect(p.geometry).toBe('slab');
    expect(p.outerNm[2]! - planesNm[2]!).toBeCloseTo(EMA_CDSE.latticeNm / 4, 12);
  });

  it('rejects radii that do not increase or reach the surface', () => {
    const size = { shape: 'sphere', diameterNm: 3.3 } as const;
    expect(() => layersFromShells(size, { radiusNm: [0.5, 0.4], hgFraction: [0, 0] })).toThrow(/increase/);
    expect(() => layersFromShells(size, { radiusNm: [0.5, 1.7], hgFraction: [0, 0] })).toThrow(/surface/);
    expect(() => layersFromShells(size, { radiusNm: [0.5], hgFraction: [0, 0] })).toThrow(/one Hg fraction per shell/);
  });
});

describe('opticsOfProfile()', () => {
  it('agrees with the two-layer core/shell when a sliced profile puts a boundary exactly at r_core', () => {
    const x = 0.4;
    const reference = coreShellSphere(4, x);
    const coreNm = reference.outerNm[0]!;
    const stepNm = coreNm / 12; // shells at (i + 1/2) step: boundary 12 lands on r_core
    const radiusNm: number[] = [];
    const hgFraction: number[] = [];
    for (let i = 0; (i + 0.5) * stepNm < 2; i++) {
      radiusNm.push((i + 0.5) * stepNm);
      hgFraction.push(i < 12 ? 0 : 1);
    }
    const sliced = opticsOfProfile({ shape: 'sphere', diameterNm: 4 }, { radiusNm, hgFraction });
    const direct = opticsOfLayers(reference);
    if (!sliced.bound || !direct.bound) throw new Error('both must bind');
    expect(sliced.e1s1sEv).toBeCloseTo(direct.e1s1sEv, 6);
    expect(sliced.overlap).toBeCloseTo(direct.overlap, 5);
    expect(sliced.hgFraction).toBeCloseTo(x, 12);
  });
});

describe('opticsSeries()', () => {
  const size = { shape: 'sphere', diameterNm: 3.3 } as const;
  const shellRadii = [0.3, 0.8, 1.3];
  const profileAt = (timeS: number, xOuter: number): ProfileSample[] =>
    shellRadii.map((radiusNm, shell) => ({ timeS, shell, radiusNm, hgFraction: shell === 2 ? xOuter : 0 }));

  it('orders times and shells and matches opticsOfProfile at each time', () => {
    const rows = [...profileAt(60, 0.5), ...profileAt(0, 0)].reverse(); // shells and times out of order
    const series = opticsSeries(size, rows);
    expect(series.map((p) => p.timeS)).toEqual([0, 60]);
    const direct = opticsOfProfile(size, { radiusNm: shellRadii, hgFraction: [0, 0, 0.5] });
    expect(series[1]!.optics).toEqual(direct);
  });

  it('rejects a time with a different number of shells or a repeated shell', () => {
    expect(() => opticsSeries(size, [...profileAt(0, 0), ...profileAt(1, 0).slice(0, 2)])).toThrow(/2 shells, earlier times 3/);
    const repeated = profileAt(0, 0);
    repeated[1] = { ...repeated[1]!, shell: 0 };
    expect(() => opticsSeries(size, repeated)).toThrow(/twice/);
  });
});
