// Eigenvalues of the surface-exchange (Robin) problems for any Biot number L >= 0, dimensionless: sphere β cot β + L − 1 = 0
// (Crank p. 96), sheet β tan β = L (Crank p. 60); solved as offsets from the nearer interval end (den Otter et al. 2000).

/** Geometry of the continuum model: a sphere of radius a, or a plane sheet −l < x < l (a platelet). */
export type FickGeometry = 'sphere' | 'slab';

const HALF_PI = Math.PI / 2;

/**
 * Residual of one root written as R(y) = (b + s·y) cos y − k sin y on y ∈ [0, π/2] (both geometries reduce to
 * this form; see RobinRoots.solve). The sphere's first root for L < 1 (b = 0, s = 1, k = 1 − L) is passed
 * `smallBiot` = L instead: there y cos y − sin y ≈ −y³/3 cancels and 1 − (1 − L) would lose L's digits, so
 * R = [y cos y − sin y] + L sin y with the bracket from its Taylor series for small y.
 */
function residual(b: number, s: number, k: number, smallBiot: number, y: number): number {
  if (smallBiot >= 0) {
    const y2 = y * y;
    const diff = y < 0.1 ? y * y2 * (-1 / 3 + y2 * (1 / 30 + y2 * (-1 / 840 + y2 / 45360))) : y * Math.cos(y) - Math.sin(y);
    return diff + smallBiot * Math.sin(y);
  }
  return (b + s * y) * Math.cos(y) - k * Math.sin(y);
}

function residualSlope(b: number, s: number, k: number, smallBiot: number, y: number): number {
  if (smallBiot >= 0) return smallBiot * Math.cos(y) - y * Math.sin(y);
  return (s - k) * Math.cos(y) - (b + s * y) * Math.sin(y);
}

/**
 * Bracketed Newton: root of R on (0, π/2], R(0+) > 0 and R(π/2) <= 0.
 * Newton steps that leave the bracket are replaced by bisection; converges to ~1 ulp relative to y.
 */
function solveOffset(b: number, s: number, k: number, smallBiot: number, guess: number): number {
  let lo = 0;
  let hi = HALF_PI;
  if (residual(b, s, k, smallBiot, hi) === 0) return hi;
  let y = guess > lo && guess < hi ? guess : 0.5 * (lo + hi);
  for (let iter = 0; iter < 200; iter++) {
    const r = residual(b, s, k, smallBiot, y);
    if (r === 0) return y;
    if (r > 0) lo = y;
    else hi = y;
    let next = y - r / residualSlope(b, s, k, smallBiot, y);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - y) <= 4e-16 * next || hi - lo <= 4e-16 * hi) return next;
    y = next;
  }
  return y;
}

/**
 * The roots of one Robin problem, grown on demand. beta[i], sinBeta[i], cosBeta[i] hold root n = i + 1.
 * For L = 0 the first root is 0 (nothing exchanges); L must be finite (L = ∞ is the constant-surface case).
 */
export class RobinRoots {
  beta: Float64Array = new Float64Array(0);
  sinBeta: Float64Array = new Float64Array(0);
  cosBeta: Float64Array = new Float64Array(0);
  count = 0;

  constructor(
    readonly geometry: FickGeometry,
    /** Biot number L = a·α/D (sphere) or l·α/D (sheet). */
    readonly biot: number,
  ) {
    if (!(biot >= 0) || !Number.isFinite(biot)) throw new RangeError(`Biot number must be finite and >= 0, got ${biot}`);
  }

  /** Make sure the first `n` roots are available. */
  ensure(n: number): void {
    if (n <= this.count) return;
    if (n > this.beta.length) {
      const capacity = Math.max(n, 2 * this.beta.length, 16);
      const grow = (a: Float64Array): Float64Array => {
        const b = new Float64Array(capacity);
        b.set(a.subarray(0, this.count));
        return b;
      };
      this.beta = grow(this.beta);
      this.sinBeta = grow(this.sinBeta);
      this.cosBeta = grow(this.cosBeta);
    }
    for (let i = this.count; i < n; i++) this.solve(i + 1, i);
    this.count = n;
  }

  private solve(n: number, i: number): void {
    const L = this.biot;
    const parity = n % 2 === 1 ? 1 : -1; // (−1)^(n−1)
    if (this.geometry === 'sphere') {
      if (L === 0 && n === 1) {
        this.beta[i] = 0;
        this.sinBeta[i] = 0;
        this.cosBeta[i] = 1;
        return;
      }
      if (L < 1) {
        // β = (n−1)π + θ, θ ∈ (0, π/2]: ((n−1)π + θ) cos θ − (1 − L) sin θ = 0.
        const b = (n - 1) * Math.PI;
        const k = 1 - L;
        const guess = n === 1 ? Math.min(Math.sqrt(3 * L), 1.5) : Math.atan2(b + Math.PI / 4, k);
        const t = solveOffset(b, 1, k, n === 1 ? L : -1, guess);
        this.beta[i] = b + t;
        this.sinBeta[i] = parity * Math.sin(t);
        this.cosBeta[i] = parity * Math.cos(t);
      } else {
        // β = nπ − ε, ε ∈ (0, π/2]: (nπ − ε) cos ε − (L − 1) sin ε = 0.
        const b = n * Math.PI;
        const k = L - 1;
        const e = solveOffset(b, -1, k, -1, Math.atan2(b - Math.PI / 4, k));
        this.beta[i] = b - e;
        this.sinBeta[i] = parity * Math.sin(e);
        this.cosBeta[i] = -parity * Math.cos(e);
      }
      return;
    }
    // Sheet: root in ((n−1)π, (n−½)π); pick the end it lies nearer (compare L with β tan β at the midpoint).
    if (L === 0 && n === 1) {
      this.beta[i] = 0;
      this.sinBeta[i] = 0;
      this.cosBeta[i] = 1;
      return;
    }
    if (L < (n - 0.75) * Math.PI) {
      // β = (n−1)π + θ, θ ∈ [0, π/2): ((n−1)π + θ) sin θ − L cos θ = 0.
      const b = (n - 1) * Math.PI;
      const t = solveSheetLow(b, L, n === 1 ? Math.min(Math.sqrt(L), 0.78) : Math.atan2(L, b + Math.PI / 8));
      this.beta[i] = b + t;
      this.sinBeta[i] = parity * Math.sin(t);
      this.cosBeta[i] = parity * Math.cos(t);
    } else {
      // β = (n−½)π − ε: ((n−½)π − ε) cos ε − L sin ε = 0.
      const b = (n - 0.5) * Math.PI;
      const e = solveOffset(b, -1, L, -1, Math.atan2(b - Math.PI / 8, L));
      this.beta[i] = b - e;
      this.sinBeta[i] = parity * Math.cos(e);
      this.cosBeta[i] = parity * Math.sin(e);
    }
  }
}

/** Sheet root near the lower end: (b + θ) sin θ − L cos θ = 0 on [0, π/2), negative at 0, positive at π/2. */
function solveSheetLow(b: number, L: number, guess: number): number {
  let lo = 0;
  let hi = HALF_PI;
  let t = guess > lo && guess < hi ? guess : 0.5 * (lo + hi);
  for (let iter = 0; iter < 200; iter++) {
    const r = (b + t) * Math.sin(t) - L * Math.cos(t);
    if (r === 0) return t;
    if (r < 0) lo = t;
    else hi = t;
    const slope = Math.sin(t) + (b + t) * Math.cos(t) + L * Math.sin(t);
    let next = t - r / slope;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 4e-16 * next || hi - lo <= 4e-16 * hi) return next;
    t = next;
  }
  return t;
}
