// Pair integrals of src/optics/exciton.ts against the infinite-well closed forms (overlap, eq. 3, the
// Coulomb constant 1.786 of Brus), and the 1S-1S bookkeeping E = E_gap(medium) + E_e + E_h - J.
import { describe, expect, it } from 'vitest';
import { groundStateEv, type LayeredWell, type WellGeometry } from '../../src/optics/carrier.js';
import { opticsOfLayers, pairIntegrals } from '../../src/optics/exciton.js';
import { EMA_CDSE, MEDIUM_GAP_EV } from '../../src/optics/materials.js';
import { alloySphere } from '../../src/optics/profile.js';
import { COULOMB_EV_NM } from '../../src/units.js';

// 1e7 eV barriers: the states differ from the infinite well's by O(1/(kappa R)) ~ 1e-4.
function hardWell(geometry: WellGeometry, sizeNm: number, massM0: number): LayeredWell {
  return {
    geometry, outerNm: Float64Array.of(sizeNm), potentialEv: Float64Array.of(0), massM0: Float64Array.of(massM0),
    outsidePotentialEv: 1e7, outsideMassM0: massM0,
  };
}

/** Si(x) = int_0^x sin(t)/t dt by its Taylor series (converges fast for x <= 4 pi with enough terms). */
function sineIntegral(x: number): number {
  let sum = 0;
  let term = x; // x^(2n+1) / (2n+1)! with alternating sign
  for (let n = 0; n < 60; n++) {
    sum += term / (2 * n + 1);
    term *= (-x * x) / ((2 * n + 2) * (2 * n + 3));
  }
  return sum;
}

describe('pairIntegrals() in an infinite spherical well', () => {
  const radiusNm = 1.65;
  const electron = hardWell('sphere', radiusNm, 0.112);
  const hole = hardWell('sphere', radiusNm, 0.469);
  const surfaceShellNm = radiusNm - 0.3;
  const pair = pairIntegrals(electron, groundStateEv(electron), hole, groundStateEv(hole), surfaceShellNm);

  it('gives overlap 1 for two carriers of different mass (same sin(pi r/R)/r shape)', () => {
    expect(Math.abs(pair.overlap - 1)).toBeLessThan(1e-3);
  });

  it('gives <1/max(r_e, r_h)> R = 2 - Si(2 pi)/pi + Si(4 pi)/(2 pi) = 1.786 (Brus)', () => {
    const exact = 2 - sineIntegral(2 * Math.PI) / Math.PI + sineIntegral(4 * Math.PI) / (2 * Math.PI);
    expect(exact).toBeCloseTo(1.786, 3); // the series itself against the textbook constant
    expect(Math.abs((pair.inverseDistancePerNm * radiusNm) / exact - 1)).toBeLessThan(1e-3);
  });

  it('puts d/R - sin(2 pi d/R)/(2 pi) of the electron in the outer shell of depth d (paper eq. 3)', () => {
    const d = radiusNm - surfaceShellNm;
    const exact = d / radiusNm - Math.sin((2 * Math.PI * d) / radiusNm) / (2 * Math.PI);
    expect(pair.surfaceLocalisation).toBeCloseTo(exact, 3);
  });
});

describe('pairIntegrals() in an infinite slab', () => {
  it('gives overlap 1 and d/L - sin(pi d/L)/pi beyond depth d from both faces', () => {
    const halfNm = 0.756;
    const electron = hardWell('slab', halfNm, 0.112);
    const hole = hardWell('slab', halfNm, 0.469);
    const d = 0.15;
    const pair = pairIntegrals(electron, groundStateEv(electron), hole, groundStateEv(hole), halfNm - d);
    expect(Math.abs(pair.overlap - 1)).toBeLessThan(1e-3);
    expect(pair.surfaceLocalisation).toBeCloseTo(d / halfNm - Math.sin((Math.PI * d) / halfNm) / Math.PI, 3);
    expect(pair.inverseDistancePerNm).toBeNaN();
  });
});

describe('opticsOfLayers()', () => {
  it('adds the medium gap, both confinement energies and -J, with J from eps_inf of the composition', () => {
    const r = opticsOfLayers(alloySphere(3.3, 0), { outsideMass: 1 });
    if (!r.bound) throw new Error('3.3 nm CdSe must bind both carriers');
    expect(r.e1s1sEv).toBeCloseTo(MEDIUM_GAP_EV + r.electronEv + r.holeEv - r.coulombEv, 12);
    expect(MEDIUM_GAP_EV).toBeCloseTo(3.7, 12);
    // J lies below the infinite-well value 1.786 e^2/(4 pi eps0 eps R): the finite barrier lets carriers spread
    const infiniteWellJ = (1.786 * COULOMB_EV_NM) / (EMA_CDSE.epsilonInf * 1.65);
    expect(r.coulombEv).toBeGreaterThan(0.5 * infiniteWellJ);
    expect(r.coulombEv).toBeLessThan(infiniteWellJ);
  });

  it('reports an unbound hole for pure HgSe with m_out = m_in instead of throwing (PHYSICS-NOTES 5.3)', () => {
    const r = opticsOfLayers(alloySphere(3.3, 1), { outsideMass: 'inside' });
    expect(r.bound).toBe(false);
    if (!r.bound) expect(r.unbound).toBe('hole');
    expect(r.hgFraction).toBe(1);
  });

  it('rejects a non-positive outside mass and compositions outside [0, 1]', () => {
    expect(() => opticsOfLayers(alloySphere(3.3, 0), { outsideMass: 0 })).toThrow(/outside mass/);
    expect(() => opticsOfLayers(alloySphere(3.3, 1.2))).toThrow(/Hg fraction/);
  });

  it('gives a slab no first-order Coulomb term', () => {
    const r = opticsOfLayers({ geometry: 'slab', outerNm: Float64Array.of(0.756), hgFraction: Float64Array.of(0) });
    expect(r.bound && r.coulombEv).toBe(0);
  });
});
