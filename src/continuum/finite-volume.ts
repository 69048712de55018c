// Finite volumes for ∂c/∂t = ∇·(D(c)∇c) in a sphere or a sheet, constant-surface or Robin boundary; nm, m²/s, m/s, s.
// Kirchhoff fluxes −ΔΦ/Δr, Φ = ∫D dc (Patankar 1980, §4.2); backward Euler + step doubling + Richardson; flux-conservative.
import { M_PER_NM } from '../units.js';
import type { FickGeometry } from './roots.js';

export interface FvProblem {
  geometry: FickGeometry;
  /** Sphere radius or sheet half-thickness, nm. */
  sizeNm: number;
  /** Diffusion coefficient, m²/s: a constant, or D(c) of the local exchanged fraction c ∈ [0, 1]. */
  dM2PerS: number | ((c: number) => number);
  /** Surface exchange coefficient α, m/s; absent or Infinity: constant surface concentration c = 1. */
  surfaceRateMPerS?: number;
}

export interface FvOptions {
  /** Radial (or depth) cells; default 200. */
  cells?: number;
  /** Grid clustering towards the surface: faces at tanh(s·k/N)/tanh(s); 0 is uniform; default 1.5. */
  stretch?: number;
  /** Largest accepted step-doubling difference in c per step; default 1e-5 (M_t/M_∞ then good to ~1e-5). */
  stepTolerance?: number;
  /** Record the profile at every requested time; default false. */
  profiles?: boolean;
}

export interface FvSolution {
  timesS: Float64Array;
  /** M_t/M_∞ at each time. */
  fraction: Float64Array;
  /** Integrated surface inflow / M_∞ at each time; equals `fraction` when mass is conserved. */
  uptake: Float64Array;
  /** Cell centres then the surface, nm (cells + 1 entries). */
  positionNm: Float64Array;
  /** Concentration at positionNm for each time (empty unless options.profiles). */
  profiles: Float64Array[];
  steps: number;
  rejectedSteps: number;
}

const PHI_TABLE_INTERVALS = 1024;
const GAUSS_NODES = [-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526];
const GAUSS_WEIGHTS = [0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538];

/**
 * Kirchhoff potential Φ(c) = ∫₀ᶜ d(s) ds of the scaled diffusivity d = D/D_ref, tabulated with Gauss-Legendre
 * quadrature and interpolated by cubic Hermite splines whose node slopes are d itself (4th order); linear outside
 * [0, 1]. Constant d: exact.
 */
class KirchhoffPotential {
  private readonly phi: Float64Array;
  private readonly slope: Float64Array;
  constructor(
    private readonly constant: number,
    d?: (c: number) => number,
  ) {
    if (d === undefined) {
      this.phi = new Float64Array(0);
      this.slope = new Float64Array(0);
      return;
    }
    const n = PHI_TABLE_INTERVALS;
    const h = 1 / n;
    this.phi = new Float64Array(n + 1);
    this.slope = new Float64Array(n + 1);
    for (let j = 0; j <= n; j++) this.slope[j] = d(j * h);
    for (let j = 0; j < n; j++) {
      let integral = 0;
      for (let q = 0; q < 4; q++) integral += GAUSS_WEIGHTS[q]! * d((j + 0.5 + 0.5 * GAUSS_NODES[q]!) * h);
      this.phi[j + 1] = this.phi[j]! + 0.5 * h * integral;
    }
  }

  /** Φ(c); writes Φ'(c) to this.derivative. */
  derivative = 0;
  value(c: number): number {
    const n = this.phi.length - 1;
    if (n < 0) {
      this.derivative = this.constant;
      return this.constant * c;
    }
    if (c <= 0) {
      this.derivative = this.slope[0]!;
      return this.slope[0]! * c;
    }
    if (c >= 1) {
      this.derivative = this.slope[n]!;
      return this.phi[n]! + this.slope[n]! * (c - 1);
    }
    const h = 1 / n;
    const j = Math.min(n - 1, Math.floor(c * n));
    const t = c * n - j;
    const t2 = t * t;
    const t3 = t2 * t;
    const p0 = this.phi[j]!;
    const p1 = this.phi[j + 1]!;
    const m0 = this.slope[j]! * h;
    const m1 = this.slope[j + 1]! * h;
    this.derivative = ((6 * t2 - 6 * t) * p0 + (3 * t2 - 4 * t + 1) * m0 + (-6 * t2 + 6 * t) * p1 + (3 * t2 - 2 * t) * m1) / h;
    return (2 * t3 - 3 * t2 + 1) * p0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * p1 + (t3 - t2) * m1;
  }
}

/** Scratch and geometry of one solve (allocated once; the step loop allocates nothing). */
interface Grid {
  cells: number;
  volume: Float64Array; // per cell, dimensionless (ρ³/3 or ρ differences)
  totalVolume: number;
  /** conductance A_f / h_f of face k (k = 0: centre/mid-plane, zero; k = cells: the surface half-cell). */
  conductance: Float64Array;
  centre: Float64Array; // ρ of cell centres
  surfaceHalfWidth: number;
  robin: boolean;
  biot: number; // α a / D_ref
  phi: KirchhoffPotential;
  linear: boolean;
  // scratch, cells + 1 each
  phiValue: Float64Array;
  phiSlope: Float64Array;
  lower: Float64Array;
  diag: Float64Array;
  upper: Float64Array;
  rhs: Float64Array;
  work: Float64Array;
}

function buildGrid(geometry: FickGeometry, cells: number, stretch: number, robin: boolean, biot: number, phi: KirchhoffPotential, linear: boolean): Grid {
  const faces = new Float64Array(cells + 1);
  for (let k = 0; k <= cells; k++) faces[k] = stretch > 0 ? Math.tanh((stretch * k) / cells) / Math.tanh(stretch) : k / cells;
  faces[cells] = 1;
  const centre = new Float64Array(cells);
  const volume = new Float64Array(cells);
  let totalVolume = 0;
  for (let i = 0; i < cells; i++) {
    const a = faces[i]!;
    const b = faces[i + 1]!;
    centre[i] = 0.5 * (a + b);
    volume[i] = geometry === 'sphere' ? (b * b * b - a * a * a) / 3 : b - a;
    totalVolume += volume[i]!;
  }
  const conductance = new Float64Array(cells + 1);
  for (let k = 1; k <= cells; k++) {
    const area = geometry === 'sphere' ? faces[k]! * faces[k]! : 1;
    const distance = k < cells ? centre[k]! - centre[k - 1]! : 1 - centre[cells - 1]!;
    conductance[k] = area / distance;
  }
  const n = cells + 1;
  return {
    cells,
    volume,
    totalVolume,
    conductance,
    centre,
    surfaceHalfWidth: 1 - centre[cells - 1]!,
    robin,
    biot,
    phi,
    linear,
    phiValue: new Float64Array(n),
    phiSlope: new Float64Array(n),
    lower: new Float64Array(n),
    diag: new Float64Array(n),
    upper: new Float64Array(n),
    rhs: new Float64Array(n),
    work: new Float64Array(n),
  };
}

/** Thomas algorithm: solve the tridiagonal system in place (solution in g.rhs). */
function solveTridiagonal(g: Grid): void {
  const n = g.cells + 1;
  const { lower, diag, upper, rhs, work } = g;
  let denominator = diag[0]!;
  rhs[0] = rhs[0]! / denominator;
  for (let i = 1; i < n; i++) {
    work[i] = upper[i - 1]! / denominator;
    denominator = diag[i]! - lower[i]! * work[i]!;
    rhs[i] = (rhs[i]! - lower[i]! * rhs[i - 1]!) / denominator;
  }
  for (let i = n - 2; i >= 0; i--) rhs[i] = rhs[i]! - work[i + 1]! * rhs[i + 1]!;
}

/**
 * One backward-Euler step of size dt from `from` into `out` (cells + surface node) by Newton's method.
 * Returns the surface inflow over the step (dimensionless amount), or NaN if Newton did not converge.
 */
function backwardEuler(g: Grid, from: Float64Array, dt: number, out: Float64Array): number {
  const N = g.cells;
  out.set(from);
  const maxIterations = g.linear ? 1 : 30;
  for (let iter = 0; iter < maxIterations; iter++) {
    for (let i = 0; i <= N; i++) {
      g.phiValue[i] = g.phi.value(out[i]!);
      g.phiSlope[i] = g.phi.derivative;
    }
    for (let i = 0; i < N; i++) {
      const gIn = g.conductance[i]!; // face towards the centre (0 for the first cell)
      const gOut = g.conductance[i + 1]!;
      const fluxOut = gOut * (g.phiValue[i + 1]! - g.phiValue[i]!);
      const fluxIn = i > 0 ? gIn * (g.phiValue[i]! - g.phiValue[i - 1]!) : 0;
      g.rhs[i] = -((g.volume[i]! * (out[i]! - from[i]!)) / dt - (fluxOut - fluxIn));
      g.diag[i] = g.volume[i]! / dt + (gOut + gIn) * g.phiSlope[i]!;
      g.upper[i] = -gOut * g.phiSlope[i + 1]!;
      g.lower[i] = i > 0 ? -gIn * g.phiSlope[i - 1]! : 0;
    }
    if (g.robin) {
      // α(1 − c_s) = D ∂c/∂r at the surface, the gradient over the half cell: L(1 − u_N) − ΔΦ/h = 0.
      const h = g.surfaceHalfWidth;
      g.rhs[N] = -(g.biot * (1 - out[N]!) - (g.phiValue[N]! - g.phiValue[N - 1]!) / h);
      g.diag[N] = -g.biot - g.phiSlope[N]! / h;
      g.lower[N] = g.phiSlope[N - 1]! / h;
    } else {
      g.rhs[N] = -(out[N]! - 1);
      g.diag[N] = 1;
      g.lower[N] = 0;
    }
    g.upper[N] = 0;
    solveTridiagonal(g);
    let change = 0;
    for (let i = 0; i <= N; i++) {
      out[i] = out[i]! + g.rhs[i]!;
      change = Math.max(change, Math.abs(g.rhs[i]!));
    }
    if (!Number.isFinite(change)) return Number.NaN;
    if (g.linear || change < 1e-13) {
      const flux = g.conductance[N]! * (g.phi.value(out[N]!) - g.phi.value(out[N - 1]!));
      return dt * flux;
    }
  }
  return Number.NaN;
}

function amount(g: Grid, c: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < g.cells; i++) sum += g.volume[i]! * c[i]!;
  return sum;
}

/** Largest scaled diffusivity on a grid of c, used to scale time (τ = D_ref t / a²). */
function referenceDiffusivity(d: number | ((c: number) => number)): number {
  if (typeof d === 'number') return d;
  let max = 0;
  for (let j = 0; j <= 64; j++) {
    const value = d(j / 64);
    if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`D(c) must be positive and finite on [0, 1]; D(${j / 64}) = ${value}`);
    max = Math.max(max, value);
  }
  return max;
}

/**
 * Solve from a pristine body (c = 0) to each of `timesS` (non-decreasing, s) and report M_t/M_∞, the integrated
 * surface inflow (mass balance) and, optionally, profiles.
 */
export function solveFickFv(problem: FvProblem, timesS: ArrayLike<number>, options: FvOptions = {}): FvSolution {
  const cells = options.cells ?? 200;
  const stretch = options.stretch ?? 1.5;
  const tolerance = options.stepTolerance ?? 1e-5;
  if (!(problem.sizeNm > 0)) throw new RangeError(`sizeNm must be positive, got ${problem.sizeNm}`);
  if (!Number.isInteger(cells) || cells < 2) throw new RangeError(`cells must be an integer >= 2, got ${cells}`);
  const dRef = referenceDiffusivity(problem.dM2PerS);
  if (!(dRef > 0) || !Number.isFinite(dRef)) throw new RangeError(`dM2PerS must be positive, got ${dRef}`);
  const alpha = problem.surfaceRateMPerS;
  if (alpha !== undefined && !(alpha >= 0)) throw new RangeError(`surfaceRateMPerS must be >= 0, got ${alpha}`);
  const robin = alpha !== undefined && Number.isFinite(alpha);
  const sizeM = problem.sizeNm * M_PER_NM;
  const biot = robin ? (alpha * sizeM) / dRef : Number.POSITIVE_INFINITY;
  const d = problem.dM2PerS;
  const phi = typeof d === 'number' ? new KirchhoffPotential(1) : new KirchhoffPotential(1, (c) => d(c) / dRef);
  const g = buildGrid(problem.geometry, cells, stretch, robin, biot, phi, typeof d === 'number');

  const n = cells + 1;
  let c = new Float64Array(n);
  c[cells] = robin ? 0 : 1;
  const coarse = new Float64Array(n);
  const half = new Float64Array(n);
  let fine = new Float64Array(n);

  const count = timesS.length;
  const solution: FvSolution = {
    timesS: Float64Array.from(timesS),
    fraction: new Float64Array(count),
    uptake: new Float64Array(count),
    positionNm: new Float64Array(n),
    profiles: [],
    steps: 0,
    rejectedSteps: 0,
  };
  for (let i = 0; i < cells; i++) solution.positionNm[i] = g.centre[i]! * problem.sizeNm;
  solution.positionNm[cells] = problem.sizeNm;

  const tauPerS = dRef / (sizeM * sizeM);
  let tau = 0;
  let uptake = 0;
  let dt = 1e-9;
  for (let k = 0; k < count; k++) {
    const t = timesS[k]!;
    if (!(t >= 0) || (k > 0 && t < timesS[k - 1]!)) throw new RangeError(`times must be non-negative and non-decreasing; got ${t} at index ${k}`);
    const target = t * tauPerS;
    while (tau < target) {
      const clipped = target - tau <= dt;
      const h = clipped ? target - tau : dt;
      const qCoarse = backwardEuler(g, c, h, coarse);
      const qHalf = Number.isNaN(qCoarse) ? Number.NaN : backwardEuler(g, c, h / 2, half);
      const qFine = Number.isNaN(qHalf) ? Number.NaN : backwardEuler(g, half, h / 2, fine);
      let error = Number.POSITIVE_INFINITY;
      if (!Number.isNaN(qFine)) {
        // Volume-weighted RMS difference: what M_t/M_∞ feels; a sharp front crossing one cell does not stall the run.
        error = 0;
        for (let i = 0; i < cells; i++) error += g.volume[i]! * (fine[i]! - coarse[i]!) ** 2;
        error = Math.sqrt(error / g.totalVolume);
      }
      if (!(error <= tolerance)) {
        solution.rejectedSteps++;
        dt = h * (Number.isFinite(error) ? Math.max(0.1, 0.9 * Math.sqrt(tolerance / error)) : 0.25);
        if (dt < 1e-300) throw new Error('finite-volume solver: step size underflow');
        continue;
      }
      // Richardson: 2·fine − coarse cancels backward Euler's leading error; linear, so still conservative.
      for (let i = 0; i < n; i++) fine[i] = 2 * fine[i]! - coarse[i]!;
      uptake += 2 * (qHalf + qFine) - qCoarse;
      [c, fine] = [fine, c];
      tau = clipped ? target : tau + h;
      solution.steps++;
      const grow = error > 0 ? Math.min(4, 0.9 * Math.sqrt(tolerance / error)) : 4;
      if (!clipped || grow < 1) dt = h * grow;
    }
    solution.fraction[k] = amount(g, c) / g.totalVolume;
    solution.uptake[k] = uptake / g.totalVolume;
    if (options.profiles) solution.profiles.push(Float64Array.from(c));
  }
  return solution;
}
