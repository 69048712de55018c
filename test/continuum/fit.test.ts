// Fitting D (and α) to a fraction time course (src/continuum/fit.ts): exact recovery from noiseless series, and the
// coverage of the 95% Wald interval over a seeded ensemble of noisy series (tolerance from the binomial spread).
import { describe, expect, it } from 'vitest';
import { fickFractions, type FickProblem } from '../../src/continuum/fick.js';
import { fitFick, fitFickAfterBurst } from '../../src/continuum/fit.js';
import { studentTQuantile } from '../../src/continuum/stats.js';
import { createRng } from '../../src/rng.js';

const TIMES_S = Array.from({ length: 30 }, (_, i) => 10 * 10 ** ((i * 3.2) / 29)); // 10 s .. 4 h, log-spaced

function gaussian(rng: { next(): number }): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

describe('studentTQuantile', () => {
  it('matches scipy.stats.t.ppf(0.975, ν) to 1e-9', () => {
    const scipy: [number, number][] = [
      [1, 12.706204736174694],
      [2, 4.302652729749462],
      [3, 3.1824463052837078],
      [10, 2.228138851986274],
      [30, 2.0422724563012378],
      [100, 1.9839715185235518],
    ];
    for (const [dof, t] of scipy) expect(Math.abs(studentTQuantile(0.975, dof) - t)).toBeLessThan(1e-9);
  });
});

describe('fitFick', () => {
  it.each(['sphere', 'slab'] as const)('%s: recovers D from a noiseless series to 1e-6 (constant surface)', (geometry) => {
    const problem: FickProblem = { geometry, sizeNm: 1.65, dM2PerS: 2.3e-22 };
    const fit = fitFick(TIMES_S, fickFractions(problem, TIMES_S), { geometry, sizeNm: 1.65 });
    expect(Math.abs(fit.dM2PerS / 2.3e-22 - 1)).toBeLessThan(1e-6);
    expect(fit.rmse).toBeLessThan(1e-8);
    expect(fit.atBound).toBe(false);
  });

  it.each(['sphere', 'slab'] as const)('%s: recovers D and α from a noiseless Robin series (L = 1) to 1e-3', (geometry) => {
    const alpha = (1 * 1e-22) / 1.65e-9;
    const problem: FickProblem = { geometry, sizeNm: 1.65, dM2PerS: 1e-22, surfaceRateMPerS: alpha };
    const fit = fitFick(TIMES_S, fickFractions(problem, TIMES_S), { geometry, sizeNm: 1.65, robin: true });
    expect(Math.abs(fit.dM2PerS / 1e-22 - 1)).toBeLessThan(1e-3);
    expect(Math.abs(fit.surfaceRateMPerS! / alpha - 1)).toBeLessThan(1e-3);
    expect(fit.biot).toBeCloseTo(1, 2);
  });

  it('95% intervals from noisy series (σ = 0.01) cover the true D in 85-100% of 40 seeded trials', () => {
    // Binomial: 40 trials at p = 0.95 have sd 0.034; 0.85 is 3 sd below. Also rmse ≈ σ √((n−1)/n).
    const rng = createRng('fit-coverage');
    const truth: FickProblem = { geometry: 'sphere', sizeNm: 1.65, dM2PerS: 1e-22 };
    const clean = fickFractions(truth, TIMES_S);
    let covered = 0;
    let rmseSum = 0;
    const trials = 40;
    for (let k = 0; k < trials; k++) {
      const noisy = clean.map((f) => f + 0.01 * gaussian(rng));
      const fit = fitFick(TIMES_S, noisy, { geometry: 'sphere', sizeNm: 1.65 });
      const [lo, hi] = fit.dCi95M2PerS!;
      if (lo <= 1e-22 && 1e-22 <= hi) covered++;
      rmseSum += fit.rmse;
    }
    expect(covered / trials).toBeGreaterThanOrEqual(0.85);
    // mean rmse of 40 fits: standard error ≈ σ/√(2n·40) ≈ 2e-4 relative 2%; allow 8%
    expect(Math.abs(rmseSum / trials / (0.01 * Math.sqrt(29 / 30)) - 1)).toBeLessThan(0.08);
  });

  it('flags a flat (never exchanging) series as at the bound of the searched range', () => {
    const fit = fitFick(TIMES_S, TIMES_S.map(() => 0), { geometry: 'sphere', sizeNm: 1.65 });
    expect(fit.atBound).toBe(true);
  });

  it('skips t = 0 points and rejects too few points or mismatched arrays', () => {
    const problem: FickProblem = { geometry: 'slab', sizeNm: 0.605, dM2PerS: 1e-23 };
    const withZero = [0, ...TIMES_S];
    const fit = fitFick(withZero, fickFractions(problem, withZero), { geometry: 'slab', sizeNm: 0.605 });
    expect(fit.n).toBe(TIMES_S.length);
    expect(() => fitFick([0, 1], [0, 0.1], { geometry: 'slab', sizeNm: 1 })).toThrow(RangeError);
    expect(() => fitFick([1, 2], [0.1], { geometry: 'slab', sizeNm: 1 })).toThrow(RangeError);
    expect(() => fitFick([1, 2], [0.1, 0.2], { geometry: 'slab', sizeNm: 1, robin: true })).toThrow(RangeError);
  });
});

describe('fitFickAfterBurst', () => {
  // A burst to 0.35 within the first second, then Robin uptake (D 2e-22 m²/s, L = 5) of the inner sphere that the
  // burst leaves, radius 1.65 (1 - 0.35)^(1/3) nm: the fit must recover exactly those numbers.
  const burst = 0.35;
  const inner = 1.65 * Math.cbrt(1 - burst);
  const d = 2e-22;
  const problem: FickProblem = { geometry: 'sphere', sizeNm: inner, dM2PerS: d, surfaceRateMPerS: (5 * d) / (inner * 1e-9) };
  const times = [0, 1, 3, ...TIMES_S]; // TIMES_S[0] is the burst time, 10 s
  const later = fickFractions(problem, TIMES_S.slice(1));
  const fractions = [0, burst, burst, burst, ...Array.from(later, (f) => burst + (1 - burst) * f)];

  it('recovers the burst, D and the Biot number of the inner sphere from a noiseless series', () => {
    const fit = fitFickAfterBurst(times, fractions, { geometry: 'sphere', sizeNm: 1.65, robin: true, burstS: 10 });
    expect(fit.burstFraction).toBe(burst); // the series is flat from 1 s to 10 s
    expect(fit.innerSizeNm).toBeCloseTo(inner, 12);
    expect(Math.abs(fit.dM2PerS / d - 1)).toBeLessThan(1e-3);
    expect(fit.biot).toBeCloseTo(5, 2);
    expect(fit.rmse).toBeLessThan(1e-6);
    expect(fit.stalled).toBe(false);
  });

  it('calls a series that does not move after the burst stalled, and rejects a burst time outside the samples', () => {
    const flat = times.map((t) => (t > 0 ? burst : 0));
    const fit = fitFickAfterBurst(times, flat, { geometry: 'sphere', sizeNm: 1.65, robin: true, burstS: 10 });
    expect(fit.stalled).toBe(true);
    expect(fit.rmse).toBeLessThan(1e-6);
    expect(() => fitFickAfterBurst(times, fractions, { geometry: 'sphere', sizeNm: 1.65, burstS: 1e9 })).toThrow(RangeError);
    expect(() => fitFickAfterBurst(times, fractions, { geometry: 'sphere', sizeNm: 1.65, burstS: 0 })).toThrow(RangeError);
  });
});
