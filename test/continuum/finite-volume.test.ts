// The finite-volume solver (src/continuum/finite-volume.ts) against Crank's series for constant D (1e-4 in
// M_t/M_∞), its mass balance with a composition-dependent D(c), and the Boltzmann √t law for nonlinear D(c).
import { describe, expect, it } from 'vitest';
import { compositionDiffusivity } from '../../src/continuum/diffusivity.js';
import { fickFractions, fickProfile, type FickProblem } from '../../src/continuum/fick.js';
import { solveFickFv } from '../../src/continuum/finite-volume.js';
import { celsiusToKelvin } from '../../src/units.js';

const RADIUS_NM = 1.65;
const D = 1e-22;
const SECONDS_PER_TAU = (RADIUS_NM * 1e-9) ** 2 / D; // τ = D t / a²
const TAUS = [1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1];
const TIMES_S = TAUS.map((tau) => tau * SECONDS_PER_TAU);

describe('solveFickFv', () => {
  const cases: [FickProblem['geometry'], number | undefined][] = [
    ['sphere', undefined],
    ['sphere', 2],
    ['slab', undefined],
    ['slab', 2],
  ];
  it.each(cases)('%s, L = %s: M_t/M_∞ agrees with the Crank series to 1e-4 (200 cells)', (geometry, biot) => {
    const problem: FickProblem = { geometry, sizeNm: RADIUS_NM, dM2PerS: D, ...(biot ? { surfaceRateMPerS: (biot * D) / (RADIUS_NM * 1e-9) } : {}) };
    const fv = solveFickFv(problem, TIMES_S);
    const exact = fickFractions(problem, TIMES_S);
    for (let k = 0; k < TAUS.length; k++) expect(Math.abs(fv.fraction[k]! - exact[k]!)).toBeLessThan(1e-4);
  });

  it('the sphere profile agrees with the series profile to 1e-3 at τ = 0.02 and 0.2', () => {
    const problem: FickProblem = { geometry: 'sphere', sizeNm: RADIUS_NM, dM2PerS: D };
    const times = [0.02 * SECONDS_PER_TAU, 0.2 * SECONDS_PER_TAU];
    const fv = solveFickFv(problem, times, { profiles: true });
    times.forEach((t, k) => {
      const exact = fickProfile(problem, t, fv.positionNm);
      for (let i = 0; i < exact.length; i++) expect(Math.abs(fv.profiles[k]![i]! - exact[i]!)).toBeLessThan(1e-3);
    });
  });

  it('a D(c) that happens to be constant (tabulated path) gives the constant-D answer to 1e-7', () => {
    const base: FickProblem = { geometry: 'sphere', sizeNm: RADIUS_NM, dM2PerS: D, surfaceRateMPerS: 1e-13 };
    const constant = solveFickFv(base, TIMES_S);
    const tabulated = solveFickFv({ ...base, dM2PerS: () => D }, TIMES_S);
    for (let k = 0; k < TAUS.length; k++) expect(Math.abs(tabulated.fraction[k]! - constant.fraction[k]!)).toBeLessThan(1e-7);
  });

  it.each([undefined, 1e-13])('D(c) Hg-rich-is-fast (0.3 eV, 80 °C), surface rate %s: uptake equals integrated surface flux to 1e-10', (alpha) => {
    const dOfC = compositionDiffusivity(D, 0.3, celsiusToKelvin(80));
    const times = [1e-3, 1e-2, 0.1].map((tau) => tau * SECONDS_PER_TAU);
    const fv = solveFickFv({ geometry: 'sphere', sizeNm: RADIUS_NM, dM2PerS: dOfC, ...(alpha ? { surfaceRateMPerS: alpha } : {}) }, times, { cells: 100 });
    for (let k = 0; k < times.length; k++) {
      expect(fv.fraction[k]).toBeGreaterThan(0);
      expect(Math.abs(fv.fraction[k]! - fv.uptake[k]!)).toBeLessThan(1e-10);
    }
    // D(c) <= D everywhere, so uptake cannot beat the constant-D (D = D_Hg) solution (comparison principle).
    const fast = fickFractions({ geometry: 'sphere', sizeNm: RADIUS_NM, dM2PerS: D, ...(alpha ? { surfaceRateMPerS: alpha } : {}) }, times);
    for (let k = 0; k < times.length; k++) expect(fv.fraction[k]).toBeLessThan(fast[k]! + 1e-4);
  });

  it('nonlinear D(c) in a sheet obeys the Boltzmann similarity M ∝ √t before the front reaches the middle (0.5%)', () => {
    const dOfC = compositionDiffusivity(D, 0.3, celsiusToKelvin(80));
    const times = [1e-3, 1e-2].map((tau) => tau * SECONDS_PER_TAU);
    const fv = solveFickFv({ geometry: 'slab', sizeNm: RADIUS_NM, dM2PerS: dOfC }, times, { cells: 200 });
    expect(Math.abs(fv.fraction[1]! / fv.fraction[0]! / Math.sqrt(10) - 1)).toBeLessThan(5e-3);
  });

  it('rejects decreasing times and non-positive D(c)', () => {
    expect(() => solveFickFv({ geometry: 'slab', sizeNm: 1, dM2PerS: D }, [2, 1])).toThrow(RangeError);
    expect(() => solveFickFv({ geometry: 'slab', sizeNm: 1, dM2PerS: () => 0 }, [1])).toThrow(RangeError);
  });
});
