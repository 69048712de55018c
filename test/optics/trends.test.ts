// Qualitative EMA outcomes of the paper: overlap vs x for 4 nm core/shell and alloy spheres (Fig. 2g, E31)
// and the bowing of 1S-1S energy vs x for core/shell but not for alloys (Fig. S6, E33).
import { describe, expect, it } from 'vitest';
import { opticsOfLayers, type OutsideMass } from '../../src/optics/exciton.js';
import { alloySphere, coreShellSphere } from '../../src/optics/profile.js';

function optics(particle: Parameters<typeof opticsOfLayers>[0], outsideMass: OutsideMass) {
  const r = opticsOfLayers(particle, { outsideMass });
  if (!r.bound) throw new Error(`expected bound carriers, got unbound ${r.unbound}`);
  return r;
}

describe('overlap vs Hg fraction, 4.0 nm spheres, m_out = m_in (the variant that reproduces Fig. 2g)', () => {
  const xs = [0, 0.1, 0.2, 0.3, 0.4];

  it('falls with x for CdSe/HgSe core/shell up to x = 0.4, by more than 0.1 in total', () => {
    const overlaps = xs.map((x) => optics(coreShellSphere(4, x), 'inside').overlap);
    for (let i = 1; i < overlaps.length; i++) expect(overlaps[i]).toBeLessThan(overlaps[i - 1]!);
    expect(overlaps[0]! - overlaps[overlaps.length - 1]!).toBeGreaterThan(0.1);
  });

  it('stays nearly flat for alloys (within 0.01 of CdSe up to x = 0.6) and nearly linear in x', () => {
    const alloyXs = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    const overlaps = alloyXs.map((x) => optics(alloySphere(4, x), 'inside').overlap);
    const first = overlaps[0]!;
    const last = overlaps[overlaps.length - 1]!;
    for (let i = 0; i < alloyXs.length; i++) {
      expect(Math.abs(overlaps[i]! - first)).toBeLessThan(0.01);
      const line = first + ((last - first) * alloyXs[i]!) / 0.6;
      expect(Math.abs(overlaps[i]! - line)).toBeLessThan(0.003);
    }
  });

  it('puts the core/shell electron closer to the surface than the alloy electron (E30, E38)', () => {
    expect(optics(coreShellSphere(4, 0.4), 'inside').surfaceLocalisation).toBeGreaterThan(
      optics(alloySphere(4, 0.4), 'inside').surfaceLocalisation,
    );
  });
});

// Bowing: deviation of E(x) from the straight line between CdSe (x = 0) and HgSe (x = 1) of the same size.
// The core/shell curve lies above the line (a thin outer shell holds little of the 1S density, so the
// first-order shift is smaller than the alloy's uniform one) by >= 0.1 eV at x = 0.2 and 0.4, at least
// twice the largest alloy deviation; alloys stay within 0.07 eV of their line.
describe.each([
  [3.3, 0.34],
  [4.0, 0.34],
  [3.3, 1],
  [4.0, 1],
])('1S-1S energy vs x, %f nm, m_out = %f m0 (E33)', (diameterNm, outsideMass) => {
  const e0 = optics(alloySphere(diameterNm, 0), outsideMass).e1s1sEv;
  const e1 = optics(alloySphere(diameterNm, 1), outsideMass).e1s1sEv;
  const xs = [0.1, 0.2, 0.4, 0.6, 0.8];
  const deviation = (make: typeof alloySphere): number[] =>
    xs.map((x) => optics(make(diameterNm, x), outsideMass).e1s1sEv - (e0 + (e1 - e0) * x));

  it('bows strongly for core/shell and stays close to linear for alloys', () => {
    const coreShell = deviation(coreShellSphere);
    const alloy = deviation(alloySphere);
    const alloyMax = Math.max(...alloy.map(Math.abs));
    expect(Math.min(coreShell[1]!, coreShell[2]!)).toBeGreaterThan(0.1); // x = 0.2, 0.4
    expect(alloyMax).toBeLessThan(0.07);
    expect(Math.max(...coreShell)).toBeGreaterThan(2 * alloyMax);
  });

  it('red-shifts both profiles monotonically with x', () => {
    for (const make of [alloySphere, coreShellSphere]) {
      const energies = [0, ...xs, 1].map((x) => optics(make(diameterNm, x), outsideMass).e1s1sEv);
      for (let i = 1; i < energies.length; i++) expect(energies[i]).toBeLessThan(energies[i - 1]!);
    }
  });
});
