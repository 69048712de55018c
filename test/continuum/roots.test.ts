// Robin eigenvalues: each root satisfies its equation, lies in its interval, and has the known limits; reference
// roots for L = 0.01, 2.5, 1000 from scipy.optimize.brentq (an independent solver), tolerance 1e-12 relative.
import { describe, expect, it } from 'vitest';
import { RobinRoots, type FickGeometry } from '../../src/continuum/roots.js';

const SCIPY: Record<FickGeometry, Record<string, number[]>> = {
  sphere: {
    '0.01': [0.17303198713330534, 4.495634935639374, 7.726546292384993],
    '2.5': [2.17462602868888, 5.003645252864171, 8.038462755385991],
    '1000': [3.138451071261232, 6.276902204471175, 9.415353461571211],
  },
  slab: {
    '0.01': [0.09983363855112636, 3.144772523110166, 6.284776452327979],
    '2.5': [1.1422268547823513, 3.7318380860148603, 6.643120751985293],
    '1000': [1.569227100981973, 4.707681333828024, 7.846135659316748],
  },
};

describe('RobinRoots', () => {
  for (const geometry of ['sphere', 'slab'] as const) {
    for (const [L, expected] of Object.entries(SCIPY[geometry])) {
      it(`${geometry}, L = ${L}: first three roots match scipy to 1e-12`, () => {
        const roots = new RobinRoots(geometry, Number(L));
        roots.ensure(3);
        expected.forEach((beta, i) => expect(Math.abs(roots.beta[i]! / beta - 1)).toBeLessThan(1e-12));
      });
    }
  }

  it.each([1e-12, 1e-6, 0.3, 1, 7, 1e3, 1e9])('roots for L = %f satisfy their equations and intervals, with exact sin and cos', (L) => {
    const sphere = new RobinRoots('sphere', L);
    const slab = new RobinRoots('slab', L);
    sphere.ensure(200);
    slab.ensure(200);
    for (let i = 0; i < 200; i++) {
      const n = i + 1;
      const b = sphere.beta[i]!;
      expect(b).toBeGreaterThan((n - 1) * Math.PI);
      expect(b).toBeLessThan(n * Math.PI);
      // β cos β + (L − 1) sin β = 0, scaled by its largest term
      const s = sphere.sinBeta[i]!;
      const c = sphere.cosBeta[i]!;
      expect(Math.abs(b * c + (L - 1) * s) / (b + Math.abs(L - 1) * Math.abs(s) + 1e-300)).toBeLessThan(1e-13);
      expect(Math.abs(s * s + c * c - 1)).toBeLessThan(1e-15);
      const q = slab.beta[i]!;
      expect(q).toBeGreaterThanOrEqual((n - 1) * Math.PI);
      expect(q).toBeLessThan((n - 0.5) * Math.PI);
      expect(Math.abs(q * slab.sinBeta[i]! - L * slab.cosBeta[i]!) / (q * Math.abs(slab.sinBeta[i]!) + L * Math.abs(slab.cosBeta[i]!))).toBeLessThan(1e-13);
    }
  });

  it('sphere with L = 1 has β_n = (n − ½)π exactly (β cot β = 0)', () => {
    const roots = new RobinRoots('sphere', 1);
    roots.ensure(5);
    for (let i = 0; i < 5; i++) expect(roots.beta[i]).toBeCloseTo((i + 0.5) * Math.PI, 14);
  });

  it('L -> 0: sphere β₁² -> 3L, sheet β₁² -> L (β cot β ≈ 1 − β²/3, β tan β ≈ β²), to relative O(L)', () => {
    for (const L of [1e-10, 1e-6, 1e-3]) {
      const sphere = new RobinRoots('sphere', L);
      const slab = new RobinRoots('slab', L);
      sphere.ensure(1);
      slab.ensure(1);
      expect(Math.abs(sphere.beta[0]! ** 2 / (3 * L) - 1)).toBeLessThan(L); // next term: −L/5
      expect(Math.abs(slab.beta[0]! ** 2 / L - 1)).toBeLessThan(L); // next term: −L/3
    }
  });

  it('L -> ∞: roots approach nπ (sphere) and (n − ½)π (sheet) as nπ/L and (n − ½)π/L', () => {
    const L = 1e12;
    const sphere = new RobinRoots('sphere', L);
    const slab = new RobinRoots('slab', L);
    sphere.ensure(3);
    slab.ensure(3);
    for (let i = 0; i < 3; i++) {
      const n = i + 1;
      // β = nπ − ε with ε ≈ nπ/(L − 1); sin β = ±sin ε kept exactly, so compare through sinBeta
      expect(Math.abs(Math.abs(sphere.sinBeta[i]!) / ((n * Math.PI) / L) - 1)).toBeLessThan(1e-9);
      expect(Math.abs(Math.abs(slab.cosBeta[i]!) / (((n - 0.5) * Math.PI) / L) - 1)).toBeLessThan(1e-9);
    }
  });

  it('rejects a negative or infinite Biot number', () => {
    expect(() => new RobinRoots('sphere', -1)).toThrow(RangeError);
    expect(() => new RobinRoots('slab', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
