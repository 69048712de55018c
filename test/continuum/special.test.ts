// erfc, erfcx and ierfc against reference values from Python (math.erfc, scipy.special.erfcx), an independent
// implementation; tolerance 1e-13 relative, well inside what the Crank series need (1e-10).
import { describe, expect, it } from 'vitest';
import { erfc, erfcx, erfcxUptake, ierfc } from '../../src/continuum/special.js';

// [x, erfc(x), erfcx(x)] from Python 3 math.erfc and scipy 1.17 special.erfcx.
const REFERENCE: [number, number, number][] = [
  [0.1, 0.8875370839817152, 0.8964569799691268],
  [0.5, 0.4795001221869535, 0.6156903441929258],
  [1, 0.15729920705028513, 0.427583576155807],
  [2, 0.004677734981047265, 0.2553956763105058],
  [2.5, 0.0004069520174449589, 0.2108063640611436],
  [3, 2.2090496998585438e-5, 0.17900115118138998],
  [6, 2.1519736712498916e-17, 0.09277656780053836],
  [10, 2.088487583762545e-45, 0.05614099274382259],
];

describe('special functions', () => {
  it.each(REFERENCE)('erfc(%f) and erfcx agree with Python to 1e-13 relative', (x, erfcRef, erfcxRef) => {
    expect(Math.abs(erfc(x) / erfcRef - 1)).toBeLessThan(1e-13);
    expect(Math.abs(erfcx(x) / erfcxRef - 1)).toBeLessThan(1e-13);
  });

  it('erfc(-x) = 2 - erfc(x), erfc(0) = 1, and erfc underflows to 0 past x = 27.3', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028513, 15);
    expect(erfc(30)).toBe(0);
  });

  it('ierfc(x) = e^(-x²)/√π − x erfc(x): ierfc(0) = 1/√π and the large-x form ≈ e^(-x²)/(2x²√π)', () => {
    expect(ierfc(0)).toBeCloseTo(1 / Math.sqrt(Math.PI), 15);
    expect(Math.abs(ierfc(1) - (Math.exp(-1) / Math.sqrt(Math.PI) - 0.15729920705028513)) / ierfc(1)).toBeLessThan(1e-12);
    const x = 8;
    const asymptotic = (Math.exp(-x * x) / (2 * x * x * Math.sqrt(Math.PI))) * (1 - 3 / (2 * x * x));
    expect(Math.abs(ierfc(x) / asymptotic - 1)).toBeLessThan(2e-3); // next asymptotic term 15/(4x⁴) ≈ 1e-3
  });

  it('erfcxUptake(x) = erfcx(x) − 1 + 2x/√π is ≈ x² for small x and continuous at the series switch (0.5)', () => {
    expect(erfcxUptake(1e-6) / 1e-12).toBeCloseTo(1, 5);
    const direct = (x: number): number => erfcx(x) - 1 + (2 * x) / Math.sqrt(Math.PI);
    expect(Math.abs(erfcxUptake(0.4999999) - direct(0.4999999))).toBeLessThan(1e-14);
    expect(Math.abs(erfcxUptake(3) - direct(3))).toBe(0);
  });
});
