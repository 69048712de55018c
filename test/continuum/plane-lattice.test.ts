// The plane-lattice sheet (src/continuum/plane-lattice.ts): exact for the discrete problem, and converging to Crank's
// sheet (fixed surface) and Robin sheet (α = k h / (1 − k h²/2D)) as the number of planes grows.
import { describe, expect, it } from 'vitest';
import { fickFractions } from '../../src/continuum/fick.js';
import { equivalentSheet, planeFractions, planeHopHz, type PlaneSheet } from '../../src/continuum/plane-lattice.js';

const D = 1e-21; // m²/s
const H = 0.3025; // nm, a/2 for CdSe

/** Times (s) at dimensionless τ = D t / l² for the sheet's equivalent half-thickness. */
function timesAtTau(sheet: PlaneSheet, taus: readonly number[]): number[] {
  const lM = equivalentSheet(sheet).sizeNm * 1e-9;
  return taus.map((tau) => (tau * lM * lM) / sheet.dM2PerS);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

const TAUS = [0.01, 0.03, 0.1, 0.3, 1, 2];

describe('plane-lattice sheet', () => {
  it('with fixed surface planes equals the closed-form sine series of the discrete problem (1e-12)', () => {
    // Interior planes k = 1..N−1, u = 1 − c: u_k(t) = (2/N) Σ_m sin(mπk/N) S_m e^(−4r sin²(mπ/2N) t), S_m = Σ_j sin(mπj/N).
    const sheet: PlaneSheet = { planes: 13, spacingNm: H, dM2PerS: D, surface: { kind: 'fixed' } };
    const n = sheet.planes - 1;
    const r = planeHopHz(sheet);
    const times = timesAtTau(sheet, TAUS);
    const closed = times.map((t) => {
      let cSum = 0;
      for (let k = 1; k < n; k++) {
        let u = 0;
        for (let m = 1; m < n; m++) {
          let s = 0;
          for (let j = 1; j < n; j++) s += Math.sin((m * Math.PI * j) / n);
          u += (2 / n) * Math.sin((m * Math.PI * k) / n) * s * Math.exp(-4 * r * Math.sin((m * Math.PI) / (2 * n)) ** 2 * t);
        }
        cSum += 1 - u;
      }
      return (cSum + 1) / n; // interior plus half of each surface plane
    });
    expect(maxAbsDiff(planeFractions(sheet, times), closed)).toBeLessThan(1e-12);
  });

  it('with a slow surface exchange is uniform and surface-limited: M = 1 − exp(−2kt/P)', () => {
    const planes = 9;
    const k = 1e-6 * planeHopHz({ planes, spacingNm: H, dM2PerS: D, surface: { kind: 'fixed' } });
    const sheet: PlaneSheet = { planes, spacingNm: H, dM2PerS: D, surface: { kind: 'exchange', rateHz: k } };
    const times = [0.1, 1, 3].map((x) => (x * planes) / (2 * k));
    const expected = times.map((t) => 1 - Math.exp((-2 * k * t) / planes));
    expect(maxAbsDiff(planeFractions(sheet, times), expected)).toBeLessThan(1e-5);
  });

  it('approaches Crank’s sheet as the planes multiply, the gap shrinking like 1/P² (fixed surface)', () => {
    const gap = (planes: number) => {
      const sheet: PlaneSheet = { planes, spacingNm: H, dM2PerS: D, surface: { kind: 'fixed' } };
      const times = timesAtTau(sheet, TAUS);
      return maxAbsDiff(planeFractions(sheet, times), fickFractions(equivalentSheet(sheet), times));
    };
    const [g9, g17, g33] = [gap(9), gap(17), gap(33)];
    expect(g9).toBeGreaterThan(0.01); // discreteness is visible at 8 intervals ...
    expect(g33).toBeLessThan(0.006); // ... and fades
    expect(g9 / g17).toBeGreaterThan(3); // (16/8)² = 4
    expect(g17 / g33).toBeGreaterThan(3);
  });

  it('approaches Crank’s Robin sheet with α = kh/(1 − kh²/2D) at a fixed Biot number, and α = kh is only first order', () => {
    const gaps = (planes: number) => {
      // Biot number L = α l / D = 1 with l = P h/2 and the refined α.
      const base: PlaneSheet = { planes, spacingNm: H, dM2PerS: D, surface: { kind: 'exchange', rateHz: 1 } };
      const r = planeHopHz(base);
      const k = (2 * r) / (planes + 1); // L = P k / (2r − k) = 1
      const sheet: PlaneSheet = { ...base, surface: { kind: 'exchange', rateHz: k } };
      const problem = equivalentSheet(sheet);
      const times = timesAtTau(sheet, TAUS);
      const lattice = planeFractions(sheet, times);
      const naive = { ...problem, surfaceRateMPerS: k * H * 1e-9 };
      return { biot: (problem.surfaceRateMPerS! * problem.sizeNm * 1e-9) / D, refined: maxAbsDiff(lattice, fickFractions(problem, times)), naive: maxAbsDiff(lattice, fickFractions(naive, times)) };
    };
    const small = gaps(9);
    const large = gaps(33);
    expect(small.biot).toBeCloseTo(1, 10);
    expect(small.refined).toBeLessThan(small.naive / 3);
    expect(large.refined).toBeLessThan(small.refined / 8); // second order: (32/8)² = 16
    expect(large.naive).toBeGreaterThan(large.refined * 5);
  });
});
