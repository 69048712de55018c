// A continuum exchange problem in physical units and its exact (Crank series) solution: sizes nm, D m²/s,
// surface rate α m/s, times s. Maps to the dimensionless forms of analytic.ts: τ = D t / a², L = a α / D.
import { M_PER_NM } from '../units.js';
import { concentrationProfile, fractionExchanged, tauForFraction } from './analytic.js';
import { RobinRoots, type FickGeometry } from './roots.js';

/** The paper's single Fickian D for IE-CE of CdSe at 80 °C, m²/s (Lee & Smith, Fig. S9; PHYSICS-NOTES §0, E12). */
export const PAPER_IECE_D_M2_PER_S = 1e-22;

export interface FickProblem {
  geometry: FickGeometry;
  /** Sphere radius a, or sheet half-thickness l, nm. */
  sizeNm: number;
  /** Diffusion coefficient, m²/s. */
  dM2PerS: number;
  /** Surface exchange coefficient α (flux = α (C_s,eq − C_surface)), m/s; absent or Infinity: constant surface. */
  surfaceRateMPerS?: number;
}

/** Reject a problem that has no physical meaning (RangeError naming the field). */
export function checkFickProblem(problem: FickProblem): void {
  if (problem.geometry !== 'sphere' && problem.geometry !== 'slab') throw new RangeError(`geometry must be 'sphere' or 'slab', got ${String(problem.geometry)}`);
  if (!(problem.sizeNm > 0 && Number.isFinite(problem.sizeNm))) throw new RangeError(`sizeNm must be a positive number, got ${problem.sizeNm}`);
  if (!(problem.dM2PerS > 0 && Number.isFinite(problem.dM2PerS))) throw new RangeError(`dM2PerS must be a positive number, got ${problem.dM2PerS}`);
  const alpha = problem.surfaceRateMPerS;
  if (alpha !== undefined && !(alpha >= 0)) throw new RangeError(`surfaceRateMPerS must be >= 0, got ${alpha}`);
}

/** Dimensionless time τ = D t / a². */
export function fickTau(problem: FickProblem, timeS: number): number {
  const sizeM = problem.sizeNm * M_PER_NM;
  return (problem.dM2PerS * timeS) / (sizeM * sizeM);
}

/** Biot number L = a α / D (Infinity for a constant surface concentration). */
export function fickBiot(problem: FickProblem): number {
  const alpha = problem.surfaceRateMPerS;
  if (alpha === undefined || alpha === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  return (alpha * problem.sizeNm * M_PER_NM) / problem.dM2PerS;
}

/** Robin roots for this problem (undefined for a constant surface), to share across many evaluations. */
export function fickRoots(problem: FickProblem): RobinRoots | undefined {
  const biot = fickBiot(problem);
  return Number.isFinite(biot) ? new RobinRoots(problem.geometry, biot) : undefined;
}

/** Fraction exchanged M_t/M_∞ at each time (s). */
export function fickFractions(problem: FickProblem, timesS: ArrayLike<number>): Float64Array {
  checkFickProblem(problem);
  const biot = fickBiot(problem);
  const roots = fickRoots(problem);
  const out = new Float64Array(timesS.length);
  for (let i = 0; i < timesS.length; i++) out[i] = fractionExchanged(problem.geometry, fickTau(problem, timesS[i]!), biot, roots);
  return out;
}

/**
 * Concentration C/C_s (0 = pristine, 1 = fully exchanged) at distances from the centre (sphere) or mid-plane
 * (sheet), nm, at one time (s).
 */
export function fickProfile(problem: FickProblem, timeS: number, positionsNm: ArrayLike<number>): Float64Array {
  checkFickProblem(problem);
  const biot = fickBiot(problem);
  const roots = fickRoots(problem);
  const tau = fickTau(problem, timeS);
  const out = new Float64Array(positionsNm.length);
  for (let i = 0; i < positionsNm.length; i++) out[i] = concentrationProfile(problem.geometry, positionsNm[i]! / problem.sizeNm, tau, biot, roots);
  return out;
}

/** Time (s) at which M_t/M_∞ first reaches `fraction`. Sphere, constant surface: t50 = 0.030547 a²/D. */
export function fickTimeToFractionS(problem: FickProblem, fraction: number): number {
  checkFickProblem(problem);
  const sizeM = problem.sizeNm * M_PER_NM;
  return (tauForFraction(problem.geometry, fraction, fickBiot(problem)) * sizeM * sizeM) / problem.dM2PerS;
}

/**
 * Half-thickness (nm) of an N.5-monolayer zinc-blende platelet for the plane-sheet model: its N+1 cation planes,
 * a/2 apart, span N·a/2 (PHYSICS-NOTES §1.4: 0.605 nm for 4.5 ML CdSe, a = 0.605 nm).
 */
export function plateletHalfThicknessNm(monolayers: number, latticeNm: number): number {
  if (!(monolayers >= 1) || !(latticeNm > 0)) throw new RangeError(`need monolayers >= 1 and latticeNm > 0, got ${monolayers}, ${latticeNm}`);
  return (Math.floor(monolayers) * latticeNm) / 4;
}
