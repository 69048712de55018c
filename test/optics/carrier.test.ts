// One-carrier ground states of src/optics/carrier.ts against closed-form limits solved here independently:
// infinite well, finite spherical and slab wells (BenDaniel-Duke matching), the binding threshold.
import { describe, expect, it } from 'vitest';
import { groundStateEv, type LayeredWell, type WellGeometry } from '../../src/optics/carrier.js';
import { COULOMB_EV_NM, HBAR2_OVER_2M0_EV_NM2 } from '../../src/units.js';

function well(geometry: WellGeometry, radiusNm: number, depthEv: number, massM0: number, outsideMassM0: number, outsidePotentialEv = 0): LayeredWell {
  return {
    geometry,
    outerNm: Float64Array.of(radiusNm),
    potentialEv: Float64Array.of(-depthEv),
    massM0: Float64Array.of(massM0),
    outsidePotentialEv,
    outsideMassM0,
  };
}

/** Root of a continuous f on [lo, hi] with a sign change, by plain bisection (test-side solver). */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  let fLo = f(lo);
  expect(Math.sign(fLo)).not.toBe(Math.sign(f(hi)));
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    const fMid = f(mid);
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else hi = mid;
  }
  return 0.5 * (lo + hi);
}

const K = HBAR2_OVER_2M0_EV_NM2;

describe('units for the EMA', () => {
  it('hbar^2/2m0 and e^2/4 pi eps0 match the textbook 3.81 eV A^2 and 14.40 eV A', () => {
    expect(K).toBeCloseTo(0.0381, 4);
    expect(COULOMB_EV_NM).toBeCloseTo(1.44, 3);
  });
});

describe('groundStateEv()', () => {
  // A barrier of 1e7 eV: the leading finite-barrier correction is -2/(kappa R) relative, 2e-4 here.
  it('approaches hbar^2 pi^2 / (2 m R^2) in a sphere with a very high barrier', () => {
    const radiusNm = 1.65;
    const massM0 = 0.112;
    const e = groundStateEv(well('sphere', radiusNm, 0, massM0, massM0, 1e7));
    const infinite = (K * Math.PI ** 2) / (massM0 * radiusNm ** 2);
    expect(Math.abs(e / infinite - 1)).toBeLessThan(5e-4);
  });

  it('approaches hbar^2 pi^2 / (2 m (2L)^2) in a slab of half-thickness L with a very high barrier', () => {
    const halfNm = 0.756;
    const massM0 = 0.469;
    const e = groundStateEv(well('slab', halfNm, 0, massM0, massM0, 1e7));
    const infinite = (K * Math.PI ** 2) / (massM0 * (2 * halfNm) ** 2);
    expect(Math.abs(e / infinite - 1)).toBeLessThan(5e-4);
  });

  // Sphere: psi = sin(kr)/r inside, exp(-kappa r)/r outside; psi'/(m psi) equal at R:
  // (k R cot(kR) - 1) / m_in = -(kappa R + 1) / m_out. Ground state: the root with kR in (0, pi).
  it.each([
    [1.65, 1.36, 0.112, 1.0],
    [1.65, 1.36, 0.112, 0.112],
    [1.65, 0.6, 0.469, 0.34],
    [4.0, 1.36, 0.112, 0.34], // deep enough for excited states: the solver must still return the lowest
  ])('solves the finite spherical well R = %f nm, V0 = %f eV, m_in = %f, m_out = %f', (radiusNm, depthEv, mIn, mOut) => {
    const match = (kR: number): number => {
      const eEv = -depthEv + (K * (kR / radiusNm) ** 2) / mIn;
      const kappaR = Math.sqrt((mOut * -eEv) / K) * radiusNm;
      return (kR / Math.tan(kR) - 1) / mIn + (kappaR + 1) / mOut;
    };
    const kR = bisect(match, 1e-9, Math.PI - 1e-9);
    const expected = -depthEv + (K * (kR / radiusNm) ** 2) / mIn;
    expect(groundStateEv(well('sphere', radiusNm, depthEv, mIn, mOut))).toBeCloseTo(expected, 9);
  });

  // Slab, even state: cos(kz) inside, exp(-kappa z) outside: k tan(kL) / m_in = kappa / m_out, kL in (0, pi/2).
  it.each([
    [0.756, 1.36, 0.112, 0.34],
    [0.756, 0.6, 0.469, 1.0],
  ])('solves the finite slab well L = %f nm, V0 = %f eV, m_in = %f, m_out = %f', (halfNm, depthEv, mIn, mOut) => {
    const match = (kL: number): number => {
      const eEv = -depthEv + (K * (kL / halfNm) ** 2) / mIn;
      const kappaL = Math.sqrt((mOut * -eEv) / K) * halfNm;
      return (kL * Math.tan(kL)) / mIn - kappaL / mOut;
    };
    const kLMax = Math.min(Math.PI / 2, Math.sqrt((mIn * depthEv) / K) * halfNm) - 1e-9;
    const kL = bisect(match, 1e-9, kLMax);
    const expected = -depthEv + (K * (kL / halfNm) ** 2) / mIn;
    expect(groundStateEv(well('slab', halfNm, depthEv, mIn, mOut))).toBeCloseTo(expected, 9);
  });

  // Equal masses: a sphere binds an s state only when V0 > hbar^2 pi^2 / (8 m R^2).
  it('returns NaN, not an exception, just below the spherical binding threshold and a state just above', () => {
    const radiusNm = 1.65;
    const massM0 = 0.019;
    const thresholdEv = (K * Math.PI ** 2) / (4 * massM0 * radiusNm ** 2);
    expect(groundStateEv(well('sphere', radiusNm, 0.99 * thresholdEv, massM0, massM0))).toBeNaN();
    const e = groundStateEv(well('sphere', radiusNm, 1.01 * thresholdEv, massM0, massM0));
    expect(e).toBeLessThan(0);
    expect(e).toBeGreaterThan(-0.01 * thresholdEv);
  });

  it('returns NaN when no layer lies below the outside potential', () => {
    expect(groundStateEv(well('sphere', 1.65, -0.1, 0.112, 0.112))).toBeNaN();
  });

  it('gives the same energy when one layer is cut into many identical layers (transfer matrices compose)', () => {
    const n = 17;
    const sliced: LayeredWell = {
      geometry: 'sphere',
      outerNm: Float64Array.from({ length: n }, (_, i) => (1.65 * (i + 1)) / n),
      potentialEv: new Float64Array(n).fill(-0.6),
      massM0: new Float64Array(n).fill(0.469),
      outsidePotentialEv: 0,
      outsideMassM0: 0.34,
    };
    expect(groundStateEv(sliced)).toBeCloseTo(groundStateEv(well('sphere', 1.65, 0.6, 0.469, 0.34)), 10);
  });
});
