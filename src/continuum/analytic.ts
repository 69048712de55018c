// Crank's exact solutions (The Mathematics of Diffusion, 1975, ch. 4 and 6; PHYSICS-NOTES §4) for a sphere and a plane sheet,
// constant surface or surface exchange (Robin). Dimensionless: τ = Dt/a², ρ = r/a, Biot L = aα/D (∞: constant surface).
import { erfc, erfcx, erfcxUptake, ierfc } from './special.js';
import { RobinRoots, type FickGeometry } from './roots.js';

const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
/** Below this τ the constant-surface forms switch from the Fourier series to the error-function forms. */
const SHORT_TIME_TAU = 0.01;
/** Below this τ the constant-surface profile uses the image (erfc) series. */
const SHORT_TIME_PROFILE_TAU = 0.05;
/** Terms with β²τ > 40 (e^-40 ≈ 4e-18) are dropped. */
const EXP_CUTOFF = 40;
/** Above this many Robin roots (τ < ~6e-11) the semi-infinite short-time form is used; its error is O(τ). */
const MAX_ROBIN_TERMS = 250_000;
/** Above this Biot number the Robin solution equals the constant-surface one to double precision in practice. */
const BIOT_CONSTANT_SURFACE = 1e15;
/** Relative size at which a series is cut (terms times (n+1), which bounds a 1/n² tail). */
const SERIES_TOL = 1e-16;

function checkBiot(biot: number): void {
  if (!(biot >= 0)) throw new RangeError(`Biot number must be >= 0 (or Infinity), got ${biot}`);
}

/** Number of Robin roots needed so that every dropped term carries e^(−β²τ) < e^-40. */
function robinTermsFor(tau: number): number {
  return Math.ceil(Math.sqrt(EXP_CUTOFF / tau) / Math.PI) + 2;
}

/** Robin roots for (geometry, biot), reusing `roots` when it matches. */
function rootsFor(geometry: FickGeometry, biot: number, roots?: RobinRoots): RobinRoots {
  return roots !== undefined && roots.geometry === geometry && roots.biot === biot ? roots : new RobinRoots(geometry, biot);
}

// ---------------------------------------------------------------- M_t / M_∞

/** Sphere, constant surface: Crank eq. 6.20 for τ >= 0.01, the short-time form eq. 6.22 below. */
function sphereConstantFraction(tau: number): number {
  if (tau < SHORT_TIME_TAU) {
    const sqrtTau = Math.sqrt(tau);
    let sum = 0;
    for (let n = 1; n < 100; n++) {
      const term = ierfc(n / sqrtTau);
      sum += term;
      if (term < 1e-18) break;
    }
    return 6 * sqrtTau * (INV_SQRT_PI + 2 * sum) - 3 * tau;
  }
  let sum = 0;
  for (let n = 1; ; n++) {
    const term = Math.exp(-n * n * Math.PI * Math.PI * tau) / (n * n);
    sum += term;
    if (term * (n + 1) < SERIES_TOL) break;
  }
  return 1 - (6 / (Math.PI * Math.PI)) * sum;
}

/** Sheet, constant surface: Crank eq. 4.18 for τ >= 0.01, the short-time ierfc form below. */
function sheetConstantFraction(tau: number): number {
  if (tau < SHORT_TIME_TAU) {
    const sqrtTau = Math.sqrt(tau);
    let sum = 0;
    for (let n = 1; n < 100; n++) {
      const term = ierfc(n / sqrtTau);
      sum += n % 2 === 0 ? term : -term;
      if (term < 1e-18) break;
    }
    return 2 * sqrtTau * (INV_SQRT_PI + 2 * sum);
  }
  let sum = 0;
  for (let n = 0; ; n++) {
    const m = 2 * n + 1;
    const term = Math.exp((-m * m * Math.PI * Math.PI * tau) / 4) / (m * m);
    sum += term;
    if (term * (n + 2) < SERIES_TOL) break;
  }
  return 1 - (8 / (Math.PI * Math.PI)) * sum;
}

/** Below this τ the Robin M_t/M_∞ uses the one-image closed forms below (neglected images ~e^(−1/τ) < 1e-21). */
const ROBIN_SHORT_TIME_TAU = 0.02;

/**
 * Robin uptake at small τ from the Laplace-domain solution with coth q (sphere) or tanh q (sheet) set to 1, i.e.
 * dropping image terms of order e^(−1/τ); inverted in closed form (Crank ch. 3 and 6 transforms):
 *   sheet:  M = g(L√τ)/L,  g(x) = e^(x²) erfc(x) − 1 + 2x/√π (the semi-infinite surface-evaporation result);
 *   sphere: M = 3L[−τ/b + L g(x)/b³], b = L − 1, x = b√τ, rearranged as 3Lτ + 3L²τ^(3/2) H(x),
 *           H(x) = (g(x) − x²)/x³ = Σ_{k>=3} (−1)^k x^(k−3)/Γ(k/2 + 1), so L = 1 (b = 0) is regular.
 * Both give M ≈ 3Lτ (sheet Lτ) as τ -> 0 and the constant-surface 6√(τ/π) (2√(τ/π)) as L -> ∞.
 */
function robinFractionShort(geometry: FickGeometry, tau: number, biot: number): number {
  const L = biot;
  if (geometry === 'slab') return erfcxUptake(L * Math.sqrt(tau)) / L;
  const b = L - 1;
  const x = b * Math.sqrt(tau);
  if (x >= 0.5) return ((3 * L) / b) * ((L * tau * erfcxUptake(x)) / (x * x) - tau);
  // |x| < 0.5 here (b >= −1 and τ < 0.02 keep x > −0.15): the series of H converges fast.
  let h = 0;
  let gammaPrev2 = Math.sqrt(Math.PI) / 2; // Γ(k/2) for k = 3
  let gammaPrev = 1; // Γ((k+1)/2) for k = 3, i.e. Γ(2)
  let power = 1; // x^(k−3)
  for (let k = 3; k < 80; k++) {
    const gamma = (k / 2) * gammaPrev2; // Γ(k/2 + 1)
    gammaPrev2 = gammaPrev;
    gammaPrev = gamma;
    const term = ((k % 2 === 0 ? 1 : -1) * power) / gamma;
    h += term;
    if (Math.abs(term) < 1e-17 * Math.abs(h)) break;
    power *= x;
  }
  return 3 * L * tau + 3 * L * L * tau * Math.sqrt(tau) * h;
}

/** Sum Σ A_n e^(−β_n² τ) of the Robin M_t/M_∞ series; A_n from Crank p. 96 (sphere) and p. 60 (sheet). */
function robinFraction(geometry: FickGeometry, tau: number, biot: number, roots?: RobinRoots): number {
  if (tau < ROBIN_SHORT_TIME_TAU) return robinFractionShort(geometry, tau, biot);
  const needed = robinTermsFor(tau);
  const r = rootsFor(geometry, biot, roots);
  const L = biot;
  // Kahan summation: up to ~2e5 terms are added to a sum near 1, and 1 − sum is the answer.
  let sum = 0;
  let carry = 0;
  for (let i = 0; i < needed; i++) {
    if (i >= r.count) r.ensure(Math.min(needed, Math.max(2 * r.count, 32)));
    const beta = r.beta[i]!;
    const b2 = beta * beta;
    let amplitude: number;
    if (geometry === 'sphere') {
      // 6L² / (β²(β² + L(L−1))), written for large L as 6 / (β²(β²/L² + 1 − 1/L)).
      amplitude = L < 1 ? (6 * L * L) / (b2 * (b2 + L * (L - 1))) : 6 / (b2 * (b2 / (L * L) + 1 - 1 / L));
    } else {
      amplitude = L < 1 ? (2 * L * L) / (b2 * (b2 + L * L + L)) : 2 / (b2 * (b2 / (L * L) + 1 + 1 / L));
    }
    const term = amplitude * Math.exp(-b2 * tau);
    const y = term - carry;
    const t = sum + y;
    carry = t - sum - y;
    sum = t;
    if (term * (i + 2) < SERIES_TOL) break;
  }
  return 1 - sum;
}

/**
 * Fraction exchanged M_t/M_∞ at dimensionless time τ for a sphere or a sheet, Biot number L (Infinity: constant
 * surface concentration; 0: nothing exchanges). Pass `roots` to reuse Robin roots across calls with the same L.
 * Absolute accuracy ~1e-14 (series), O(τ) < 1e-9 in the semi-infinite fallback for τ < ~6e-11.
 */
export function fractionExchanged(geometry: FickGeometry, tau: number, biot = Number.POSITIVE_INFINITY, roots?: RobinRoots): number {
  checkBiot(biot);
  if (Number.isNaN(tau)) return Number.NaN;
  if (tau <= 0 || biot === 0) return 0;
  if (tau === Number.POSITIVE_INFINITY) return 1;
  if (biot > BIOT_CONSTANT_SURFACE) return geometry === 'sphere' ? sphereConstantFraction(tau) : sheetConstantFraction(tau);
  return robinFraction(geometry, tau, biot, roots);
}

// ---------------------------------------------------------------- C(ρ, τ)

/** sin(x)/x, 1 at 0. */
function sinc(x: number): number {
  return Math.abs(x) < 1e-4 ? 1 - (x * x) / 6 : Math.sin(x) / x;
}

/** Sphere, constant surface, image series (Crank eq. 6.19): C = (1/ρ) Σ [erfc((2n+1−ρ)/2√τ) − erfc((2n+1+ρ)/2√τ)]. */
function sphereConstantProfileShort(rho: number, tau: number): number {
  const w = 2 * Math.sqrt(tau);
  const s = rho / w;
  let sum = 0;
  for (let n = 0; n < 100; n++) {
    const a = (2 * n + 1) / w;
    let term: number;
    if (s < 1e-3) {
      // (erfc(a − s) − erfc(a + s))/ρ by its Taylor expansion in s: 2s·(2/√π)e^(−a²)(1 + s²(2a² − 1)/3)/ρ.
      term = ((4 * INV_SQRT_PI * Math.exp(-a * a)) / w) * (1 + (s * s * (2 * a * a - 1)) / 3);
    } else {
      term = (erfc(a - s) - erfc(a + s)) / rho;
    }
    sum += term;
    if (a - s > 6 && Math.abs(term) < 1e-18) break;
  }
  return sum;
}

/** Sphere, constant surface, Fourier series (Crank p. 91): C = 1 + 2 Σ (−1)^n sinc(nπρ) e^(−n²π²τ). */
function sphereConstantProfileSeries(rho: number, tau: number): number {
  let sum = 0;
  for (let n = 1; ; n++) {
    const decay = Math.exp(-n * n * Math.PI * Math.PI * tau);
    sum += (n % 2 === 0 ? 2 : -2) * sinc(n * Math.PI * rho) * decay;
    if (decay < 1e-18) break;
  }
  return 1 + sum;
}

/** Sheet, constant surface, image series (Crank eq. 2.67): Σ (−1)^n [erfc((2n+1−ξ)/2√τ) + erfc((2n+1+ξ)/2√τ)]. */
function sheetConstantProfileShort(xi: number, tau: number): number {
  const w = 2 * Math.sqrt(tau);
  let sum = 0;
  for (let n = 0; n < 100; n++) {
    const term = erfc((2 * n + 1 - xi) / w) + erfc((2 * n + 1 + xi) / w);
    sum += n % 2 === 0 ? term : -term;
    if (term < 1e-18) break;
  }
  return sum;
}

/** Sheet, constant surface, Fourier series (Crank eq. 4.17). */
function sheetConstantProfileSeries(xi: number, tau: number): number {
  let sum = 0;
  for (let n = 0; ; n++) {
    const m = 2 * n + 1;
    const decay = Math.exp((-m * m * Math.PI * Math.PI * tau) / 4);
    sum += ((n % 2 === 0 ? 1 : -1) / m) * decay * Math.cos((m * Math.PI * xi) / 2);
    if (decay < 1e-18) break;
  }
  return 1 - (4 / Math.PI) * sum;
}

/** Semi-infinite surface-exchange profile at depth X = 1 − ρ: erfc(ξ) − e^(−ξ²) erfcx(ξ + L√τ), ξ = X/2√τ. */
function semiInfiniteRobinProfile(rho: number, tau: number, biot: number): number {
  const xi = (1 - rho) / (2 * Math.sqrt(tau));
  return erfc(xi) - Math.exp(-xi * xi) * erfcx(xi + biot * Math.sqrt(tau));
}

/** Robin profile series: sphere (Crank p. 96) and sheet (Crank p. 60). */
function robinProfile(geometry: FickGeometry, rho: number, tau: number, biot: number, roots?: RobinRoots): number {
  const needed = robinTermsFor(tau);
  if (needed > MAX_ROBIN_TERMS) return semiInfiniteRobinProfile(rho, tau, biot);
  const r = rootsFor(geometry, biot, roots);
  r.ensure(needed);
  const L = biot;
  let sum = 0;
  for (let i = 0; i < needed; i++) {
    const beta = r.beta[i]!;
    const b2 = beta * beta;
    const decay = Math.exp(-b2 * tau);
    if (geometry === 'sphere') {
      // 2Lβ sinc(βρ) / ((β² + L(L−1)) sin β), the L-dependence rearranged so L -> ∞ stays finite.
      const denominator = L < 1 ? (b2 + L * (L - 1)) * r.sinBeta[i]! : (b2 / L + L - 1) * r.sinBeta[i]!;
      const scale = L < 1 ? 2 * L * beta : 2 * beta;
      sum += (scale * sinc(beta * rho) * decay) / denominator;
    } else {
      const denominator = L < 1 ? (b2 + L * L + L) * r.cosBeta[i]! : (b2 / L + L + 1) * r.cosBeta[i]!;
      const scale = L < 1 ? 2 * L : 2;
      sum += (scale * Math.cos(beta * rho) * decay) / denominator;
    }
  }
  return 1 - sum;
}

/**
 * Concentration C/C_s at ρ = r/a (sphere) or ρ = x/l (sheet, |ρ| <= 1) and dimensionless time τ, for Biot number
 * L (Infinity: constant surface). C_s = 1 is the concentration in equilibrium with the surroundings.
 */
export function concentrationProfile(geometry: FickGeometry, rho: number, tau: number, biot = Number.POSITIVE_INFINITY, roots?: RobinRoots): number {
  checkBiot(biot);
  const x = Math.abs(rho);
  if (!(x <= 1)) throw new RangeError(`position must lie within the body (|rho| <= 1), got ${rho}`);
  if (Number.isNaN(tau)) return Number.NaN;
  if (tau <= 0) return x === 1 && biot > BIOT_CONSTANT_SURFACE ? 1 : 0;
  if (biot === 0) return 0;
  if (tau === Number.POSITIVE_INFINITY) return 1;
  if (biot > BIOT_CONSTANT_SURFACE) {
    if (geometry === 'sphere') return tau < SHORT_TIME_PROFILE_TAU ? sphereConstantProfileShort(x, tau) : sphereConstantProfileSeries(x, tau);
    return tau < SHORT_TIME_PROFILE_TAU ? sheetConstantProfileShort(x, tau) : sheetConstantProfileSeries(x, tau);
  }
  return robinProfile(geometry, x, tau, biot, roots);
}

/** Dimensionless time τ at which M_t/M_∞ first reaches `fraction` (0 < fraction < 1), by bisection in ln τ. */
export function tauForFraction(geometry: FickGeometry, fraction: number, biot = Number.POSITIVE_INFINITY): number {
  checkBiot(biot);
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`fraction must lie in (0, 1), got ${fraction}`);
  if (biot === 0) return Number.POSITIVE_INFINITY;
  const roots = biot > BIOT_CONSTANT_SURFACE ? undefined : new RobinRoots(geometry, biot);
  let lo = -60;
  let hi = 10;
  while (fractionExchanged(geometry, Math.exp(hi), biot, roots) < fraction) hi += 10; // small L: τ ~ 1/L
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = 0.5 * (lo + hi);
    if (fractionExchanged(geometry, Math.exp(mid), biot, roots) < fraction) lo = mid;
    else hi = mid;
  }
  return Math.exp(0.5 * (lo + hi));
}
