// Crank's series (src/continuum/analytic.ts): reference numbers, the short-time forms against the plain series,
// limits in L, profiles that integrate to M_t/M_∞ and obey their boundary conditions. References: PHYSICS-NOTES §4;
// the Robin values come from scipy roots and a direct 400-term sum (independent code).
import { describe, expect, it } from 'vitest';
import { concentrationProfile, fractionExchanged, tauForFraction } from '../../src/continuum/analytic.js';
import { fickFractions, fickTimeToFractionS, plateletHalfThicknessNm } from '../../src/continuum/fick.js';
import { RobinRoots, type FickGeometry } from '../../src/continuum/roots.js';

/** Plain Fourier series (no short-time switch) with many terms, written out here as an independent check. */
function plainSeries(geometry: FickGeometry, tau: number): number {
  let sum = 0;
  if (geometry === 'sphere') {
    for (let n = 1; n < 20000; n++) sum += Math.exp(-n * n * Math.PI * Math.PI * tau) / (n * n);
    return 1 - (6 / Math.PI ** 2) * sum;
  }
  for (let n = 0; n < 20000; n++) sum += Math.exp((-((2 * n + 1) ** 2) * Math.PI * Math.PI * tau) / 4) / (2 * n + 1) ** 2;
  return 1 - (8 / Math.PI ** 2) * sum;
}

/** Composite Simpson rule of f on [0, 1] with an even number of intervals. */
function simpson(f: (x: number) => number, intervals = 2000): number {
  const h = 1 / intervals;
  let sum = f(0) + f(1);
  for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return (sum * h) / 3;
}

describe('Crank series, constant surface', () => {
  it('sphere t50 = 0.030547 a²/D and t95 = 0.25312 a²/D (PHYSICS-NOTES §0)', () => {
    expect(tauForFraction('sphere', 0.5)).toBeCloseTo(0.030547, 6);
    expect(tauForFraction('sphere', 0.95)).toBeCloseTo(0.25312, 5);
  });

  it('3.3 nm sphere at D = 1e-22 m²/s: t50 = 13.9 min, t95 = 1.91 h (PHYSICS-NOTES §3.4)', () => {
    const problem = { geometry: 'sphere' as const, sizeNm: 1.65, dM2PerS: 1e-22 };
    expect(fickTimeToFractionS(problem, 0.5) / 60).toBeCloseTo(13.9, 1);
    expect(fickTimeToFractionS(problem, 0.95) / 3600).toBeCloseTo(1.91, 2);
    expect(fickFractions(problem, [fickTimeToFractionS(problem, 0.5)])[0]).toBeCloseTo(0.5, 12);
  });

  it.each(['sphere', 'slab'] as const)('%s: the short-time (ierfc) form used below τ = 0.01 equals the plain series to 1e-12', (geometry) => {
    for (const tau of [1e-3, 5e-3, 0.0099, 0.01, 0.02, 0.5]) expect(Math.abs(fractionExchanged(geometry, tau) - plainSeries(geometry, tau))).toBeLessThan(1e-12);
  });

  it('t -> 0: M ≈ 6√(τ/π) (sphere) and 2√(τ/π) (sheet), relative corrections O(√τ)', () => {
    for (const tau of [1e-10, 1e-8, 1e-6]) {
      expect(Math.abs(fractionExchanged('sphere', tau) / (6 * Math.sqrt(tau / Math.PI)) - 1)).toBeLessThan(Math.sqrt(tau));
      expect(Math.abs(fractionExchanged('slab', tau) / (2 * Math.sqrt(tau / Math.PI)) - 1)).toBeLessThan(1e-12); // no curvature
    }
    expect(fractionExchanged('sphere', 0)).toBe(0);
    expect(fractionExchanged('sphere', Number.POSITIVE_INFINITY)).toBe(1);
  });
});

describe('Crank series, surface exchange (Robin)', () => {
  it('sphere L = 2.5 matches a direct sum over scipy roots (1e-12)', () => {
    const reference: [number, number][] = [
      [0.01, 0.06218435406716849],
      [0.05, 0.246486528793734],
      [0.2, 0.6364384457592178],
    ];
    for (const [tau, m] of reference) expect(Math.abs(fractionExchanged('sphere', tau, 2.5) - m)).toBeLessThan(1e-12);
  });

  it.each(['sphere', 'slab'] as const)('%s: L -> ∞ recovers the constant-surface solution, the gap shrinking like 1/L', (geometry) => {
    for (const tau of [1e-4, 1e-2, 0.1, 1]) {
      const exact = fractionExchanged(geometry, tau);
      let previous = Number.POSITIVE_INFINITY;
      for (const L of [1e2, 1e4, 1e6, 1e8]) {
        const gap = exact - fractionExchanged(geometry, tau, L);
        expect(gap).toBeGreaterThanOrEqual(-1e-13); // a finite surface rate can only slow uptake
        expect(gap).toBeLessThan(previous);
        previous = gap;
      }
      expect(previous).toBeLessThan(1e-6);
    }
  });

  it('L -> 0: nothing exchanges (L = 0 gives exactly 0; M ≈ 3Lτ, sheet Lτ, while Lτ ≪ 1)', () => {
    expect(fractionExchanged('sphere', 1, 0)).toBe(0);
    expect(fractionExchanged('slab', 1, 0)).toBe(0);
    for (const L of [1e-6, 1e-4]) {
      // Surface-limited: M = 1 − exp(−3Lτ) to O(L) (sphere), so M/(3Lτ) = 1 to within ~1.5Lτ + O(L).
      expect(Math.abs(fractionExchanged('sphere', 1, L) / (3 * L) - 1)).toBeLessThan(4 * L);
      expect(Math.abs(fractionExchanged('slab', 1, L) / L - 1)).toBeLessThan(4 * L);
    }
  });

  it('small times: M ≈ 3Lτ (sphere) and Lτ (sheet), the relative correction ≈ −(4/3√π) L√τ', () => {
    for (const L of [0.1, 1, 10]) {
      for (const tau of [1e-8, 1e-6]) {
        const x = L * Math.sqrt(tau);
        const expected = 1 - (4 / (3 * Math.sqrt(Math.PI))) * x;
        // tolerance: the next terms (x², curvature ~τ) plus the documented absolute accuracy (~1e-14) of 1 − Σ
        expect(Math.abs(fractionExchanged('sphere', tau, L) - 3 * L * tau * expected)).toBeLessThan(3 * L * tau * (x * x + 2 * tau) + 1e-14);
        expect(Math.abs(fractionExchanged('slab', tau, L) - L * tau * expected)).toBeLessThan(L * tau * x * x + 1e-14);
      }
    }
  });

  it('stays smooth at very small τ: M ∝ τ while L√τ ≪ 1', () => {
    for (const geometry of ['sphere', 'slab'] as const) {
      const below = fractionExchanged(geometry, 6.0e-11, 10);
      const above = fractionExchanged(geometry, 7.0e-11, 10);
      // M ∝ τ here (L√τ ~ 1e-4), so the ratio is 7/6 up to O(L√τ)
      expect(Math.abs(above / below - 7 / 6)).toBeLessThan(1e-3);
    }
  });
});

describe('concentration profiles', () => {
  const cases: [FickGeometry, number][] = [
    ['sphere', Number.POSITIVE_INFINITY],
    ['sphere', 2.5],
    ['sphere', 0.1],
    ['slab', Number.POSITIVE_INFINITY],
    ['slab', 2.5],
    ['slab', 0.1],
  ];
  it.each(cases)('%s, L = %f: the profile integrates to M_t/M_∞ (Simpson, 1e-7)', (geometry, L) => {
    for (const tau of [0.003, 0.02, 0.049, 0.051, 0.2]) {
      const weight = geometry === 'sphere' ? (r: number) => 3 * r * r : () => 1;
      const integral = simpson((r) => weight(r) * concentrationProfile(geometry, r, tau, L));
      expect(Math.abs(integral - fractionExchanged(geometry, tau, L))).toBeLessThan(1e-7);
    }
  });

  it.each(cases)('%s, L = %f: boundary condition at the surface (C = 1, or ∂C/∂ρ = L(1 − C))', (geometry, L) => {
    for (const tau of [0.01, 0.1]) {
      const surface = concentrationProfile(geometry, 1, tau, L);
      if (!Number.isFinite(L)) {
        expect(surface).toBeCloseTo(1, 12);
        continue;
      }
      const h = 1e-4; // second-order one-sided difference
      const slope = (3 * surface - 4 * concentrationProfile(geometry, 1 - h, tau, L) + concentrationProfile(geometry, 1 - 2 * h, tau, L)) / (2 * h);
      expect(Math.abs(slope - L * (1 - surface))).toBeLessThan(1e-5 * Math.max(1, L));
    }
  });

  it('the sphere profile is finite and smooth at the centre, and symmetric in the sheet', () => {
    for (const tau of [0.01, 0.1]) {
      const centre = concentrationProfile('sphere', 0, tau);
      expect(Math.abs(centre - concentrationProfile('sphere', 1e-7, tau))).toBeLessThan(1e-10);
      expect(concentrationProfile('slab', -0.3, tau, 2)).toBe(concentrationProfile('slab', 0.3, tau, 2));
    }
    expect(() => concentrationProfile('sphere', 1.5, 0.1)).toThrow(RangeError);
  });
});

describe('platelet half-thickness', () => {
  it('4.5 ML CdSe (a = 0.605 nm): 5 cation planes span 4·a/2, l = 0.605 nm (PHYSICS-NOTES §1.4)', () => {
    expect(plateletHalfThicknessNm(4.5, 0.605)).toBeCloseTo(0.605, 12);
    expect(plateletHalfThicknessNm(2.5, 0.605)).toBeCloseTo(0.3025, 12);
  });
});

describe('Robin short-time closed forms (τ < 0.02)', () => {
  /** The Robin series summed here directly over RobinRoots, with all terms up to β²τ = 60. */
  function robinSeries(geometry: FickGeometry, tau: number, L: number): number {
    const roots = new RobinRoots(geometry, L);
    const count = Math.ceil(Math.sqrt(60 / tau) / Math.PI) + 5;
    roots.ensure(count);
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const b2 = roots.beta[i]! ** 2;
      const amplitude = geometry === 'sphere' ? (6 * L * L) / (b2 * (b2 + L * (L - 1))) : (2 * L * L) / (b2 * (b2 + L * L + L));
      sum += amplitude * Math.exp(-b2 * tau);
    }
    return 1 - sum;
  }

  it.each(['sphere', 'slab'] as const)('%s: the one-image closed form equals the eigenfunction series to 1e-12', (geometry) => {
    for (const L of [0.01, 0.5, 1, 1.7, 30, 1e4]) {
      for (const tau of [1e-4, 2e-3, 0.0199]) expect(Math.abs(fractionExchanged(geometry, tau, L) - robinSeries(geometry, tau, L))).toBeLessThan(1e-12);
    }
  });
});
