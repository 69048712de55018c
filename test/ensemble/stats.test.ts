// moments(): mean, Bessel-corrected sd and sem, checked against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { moments } from '../../sim/ensemble/stats.js';

describe('moments', () => {
  it('gives mean 2.5, sd sqrt(5/3) and sem sd/2 for 1, 2, 3, 4', () => {
    // sum of squared deviations = 2.25 + 0.25 + 0.25 + 2.25 = 5; n - 1 = 3
    const m = moments([1, 2, 3, 4]);
    expect(m.mean).toBe(2.5);
    expect(m.sd).toBeCloseTo(Math.sqrt(5 / 3), 15);
    expect(m.sem).toBeCloseTo(Math.sqrt(5 / 3) / 2, 15);
  });

  it('reports zero spread for one replica and for identical replicas', () => {
    expect(moments([0.7])).toEqual({ mean: 0.7, sd: 0, sem: 0 });
    expect(moments([3, 3, 3]).sd).toBe(0);
  });

  it('returns NaN statistics for no values rather than inventing numbers', () => {
    const m = moments([]);
    expect(Number.isNaN(m.mean) && Number.isNaN(m.sd) && Number.isNaN(m.sem)).toBe(true);
  });

  it('keeps precision for values with a large common offset (two-pass)', () => {
    // Deviations -1e-4, 0, 1e-4: sd = sqrt(2e-8 / 2) = 1e-4. A one-pass sum of squares (~3e8, ulp ~6e-8) would
    // lose it entirely; the inputs themselves are exact to ~2e-12 (ulp of 1e4), hence the 5e-10 tolerance.
    const m = moments([1e4, 1e4 + 1e-4, 1e4 + 2e-4]);
    expect(m.sd).toBeCloseTo(1e-4, 9);
  });
});
