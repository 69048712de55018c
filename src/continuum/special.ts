// Special functions for the continuum solutions: erfc, the scaled erfcx = exp(x^2) erfc(x), ierfc.
// Dimensionless. erf by its positive series (A&S 7.1.6), erfc by its continued fraction (A&S 7.1.14).

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
/** Below this the series is used, above it the continued fraction (both reach ~1e-15 relative there). */
const SERIES_LIMIT = 2.5;

/** Σ 2^n x^(2n+1) / (1·3···(2n+1)): erf(x) = 2/√π e^(-x²) times this (all terms positive, no cancellation). */
function erfSeriesSum(x: number): number {
  const x2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let k = 1; k < 200; k++) {
    term *= x2 / (2 * k + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return sum;
}

/** 1 / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))) by the modified Lentz method; erfc(x) = e^(-x²)/√π times this. */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

/** Complementary error function, relative accuracy ~1e-14 for all real x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < SERIES_LIMIT) return 1 - TWO_OVER_SQRT_PI * Math.exp(-x * x) * erfSeriesSum(x);
  if (x > 27.3) return 0; // below the smallest double
  return Math.exp(-x * x) * INV_SQRT_PI * erfcContinuedFraction(x);
}

/** Error function. */
export function erf(x: number): number {
  if (Math.abs(x) < SERIES_LIMIT) return TWO_OVER_SQRT_PI * Math.exp(-x * x) * erfSeriesSum(x);
  return 1 - erfc(x);
}

/** Scaled complementary error function exp(x²) erfc(x), finite for large x (≈ 1/(x√π)); x >= 0 intended. */
export function erfcx(x: number): number {
  if (x < SERIES_LIMIT) {
    if (x < -26) return Number.POSITIVE_INFINITY;
    return Math.exp(x * x) * erfc(x);
  }
  return INV_SQRT_PI * erfcContinuedFraction(x);
}

/** First repeated integral of erfc: ierfc(x) = e^(-x²)/√π − x erfc(x) (Crank, appendix). */
export function ierfc(x: number): number {
  if (x < SERIES_LIMIT) return Math.exp(-x * x) * INV_SQRT_PI - x * erfc(x);
  if (x > 27.3) return 0;
  // e^(-x²)/√π [1 − x K(x)], K the continued fraction; 1 − xK ≈ 1/(2x²) loses at most ~3 digits here.
  const k = erfcContinuedFraction(x);
  return Math.exp(-x * x) * INV_SQRT_PI * (1 - x * k);
}

/** exp(x²) erfc(x) − 1 + 2x/√π, the bracket of the semi-infinite surface-exchange uptake (≈ x² for small x). */
export function erfcxUptake(x: number): number {
  if (x < 0.5) {
    // erfcx(x) = Σ_k (−x)^k / Γ(k/2 + 1); drop k = 0, 1.
    let sum = 0;
    let gammaPrev = Math.sqrt(Math.PI) / 2; // Γ(3/2)
    let gammaPrev2 = 1; // Γ(1)
    let power = -x; // (−x)^1
    for (let k = 2; k < 60; k++) {
      power *= -x;
      const gamma = (k / 2) * gammaPrev2; // Γ(k/2 + 1) = (k/2) Γ(k/2)
      gammaPrev2 = gammaPrev;
      gammaPrev = gamma;
      const term = power / gamma;
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    }
    return sum;
  }
  return erfcx(x) - 1 + TWO_OVER_SQRT_PI * x;
}
