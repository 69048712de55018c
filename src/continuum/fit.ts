// Least-squares fit of Crank's solution to a fraction-exchanged time course (the paper's Suppl. Note 1): D, or D and α
// (Robin); s, nm, m²/s, m/s. Grid + golden section / Nelder-Mead in ln D, ln L; Wald 95% interval (Bates & Watts 1988 §2.3).
import { M_PER_NM } from '../units.js';
import { fractionExchanged } from './analytic.js';
import { goldenSection, nelderMead } from './minimize.js';
import { RobinRoots, type FickGeometry } from './roots.js';
import { invertMatrix, studentTQuantile } from './stats.js';

export interface FickFitOptions {
  geometry: FickGeometry;
  /** Sphere radius or sheet half-thickness, nm. */
  sizeNm: number;
  /** Also fit a surface exchange rate α (Robin boundary); default false: constant surface concentration. */
  robin?: boolean;
}

export interface FickFitResult {
  geometry: FickGeometry;
  sizeNm: number;
  boundary: 'constant' | 'robin';
  dM2PerS: number;
  /** 95% confidence interval of D, m²/s; null when it cannot be estimated (too few points, singular Jacobian). */
  dCi95M2PerS: [number, number] | null;
  /** Robin fits only: α, m/s, its 95% interval, and the Biot number L = aα/D. */
  surfaceRateMPerS?: number;
  surfaceRateCi95MPerS?: [number, number] | null;
  biot?: number;
  /** Root-mean-square residual in the fraction exchanged, over the n points with t > 0. */
  rmse: number;
  sse: number;
  n: number;
  /** The optimum sits on the edge of the searched range: the data do not pin that parameter down. */
  atBound: boolean;
  /** Which edge, in words, when atBound. */
  boundNote?: string;
  evaluations: number;
}

/** Searched ranges: τ at the last time >= 1e-6 (almost nothing exchanged) up to τ at the first time <= 1e3. */
const TAU_AT_LAST_MIN = 1e-6;
const TAU_AT_FIRST_MAX = 1e3;
const LN_D_GRID_STEP = Math.LN10 / 8;
const LN_L_MIN = Math.log(1e-4);
const LN_L_MAX = Math.log(1e5);
const LN_L_GRID_STEP = Math.LN10 / 3;
const NOTE_D_LOW = 'D at the low end of the searched range: almost nothing exchanges within the data';
const NOTE_D_HIGH = 'D at the high end of the searched range: exchange is complete by the first time point';
/** Step for the central-difference Jacobian, in ln units. */
const JACOBIAN_STEP = 1e-4;

interface Series {
  timesS: Float64Array;
  fraction: Float64Array;
  sizeM2: number; // a², m²
}

function sumSquares(series: Series, geometry: FickGeometry, lnD: number, biot: number, roots: RobinRoots | undefined): number {
  const scale = Math.exp(lnD) / series.sizeM2;
  let sse = 0;
  for (let i = 0; i < series.timesS.length; i++) {
    const r = fractionExchanged(geometry, scale * series.timesS[i]!, biot, roots) - series.fraction[i]!;
    sse += r * r;
  }
  return sse;
}

/** Best ln D at a fixed Biot number (Infinity: constant surface): grid, then golden section on the best bracket. */
function bestLnDAtBiot(series: Series, geometry: FickGeometry, biot: number, lnDLo: number, lnDHi: number): { lnD: number; sse: number; atBound: boolean; atLow: boolean; evaluations: number } {
  const roots = Number.isFinite(biot) ? new RobinRoots(geometry, biot) : undefined;
  const steps = Math.max(2, Math.ceil((lnDHi - lnDLo) / LN_D_GRID_STEP));
  let bestIndex = 0;
  let bestSse = Number.POSITIVE_INFINITY;
  for (let k = 0; k <= steps; k++) {
    const sse = sumSquares(series, geometry, lnDLo + ((lnDHi - lnDLo) * k) / steps, biot, roots);
    if (sse < bestSse) {
      bestSse = sse;
      bestIndex = k;
    }
  }
  const at = (k: number): number => lnDLo + ((lnDHi - lnDLo) * Math.min(steps, Math.max(0, k))) / steps;
  const golden = goldenSection((lnD) => sumSquares(series, geometry, lnD, biot, roots), at(bestIndex - 1), at(bestIndex + 1), 1e-9);
  const best = golden.value <= bestSse ? { lnD: golden.x, sse: golden.value } : { lnD: at(bestIndex), sse: bestSse };
  return { ...best, atBound: bestIndex === 0 || bestIndex === steps, atLow: bestIndex === 0, evaluations: steps + 1 + golden.evaluations };
}

/** Model fractions at parameters p = [ln D] or [ln D, ln α]. */
function modelFractions(series: Series, geometry: FickGeometry, sizeM: number, p: readonly number[]): Float64Array {
  const d = Math.exp(p[0]!);
  const biot = p.length > 1 ? (Math.exp(p[1]!) * sizeM) / d : Number.POSITIVE_INFINITY;
  const roots = Number.isFinite(biot) ? new RobinRoots(geometry, biot) : undefined;
  const out = new Float64Array(series.timesS.length);
  for (let i = 0; i < out.length; i++) out[i] = fractionExchanged(geometry, (d * series.timesS[i]!) / series.sizeM2, biot, roots);
  return out;
}

/** Wald 95% intervals of exp(p_k) from the Jacobian of the model in p (ln units); null where not estimable. */
function waldIntervals(series: Series, geometry: FickGeometry, sizeM: number, p: number[], sse: number): ([number, number] | null)[] {
  const n = series.timesS.length;
  const k = p.length;
  const dof = n - k;
  if (dof < 1) return p.map(() => null);
  const jacobian: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const plus = p.slice();
    const minus = p.slice();
    plus[j] = plus[j]! + JACOBIAN_STEP;
    minus[j] = minus[j]! - JACOBIAN_STEP;
    const fPlus = modelFractions(series, geometry, sizeM, plus);
    const fMinus = modelFractions(series, geometry, sizeM, minus);
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = (fPlus[i]! - fMinus[i]!) / (2 * JACOBIAN_STEP);
    jacobian.push(column);
  }
  const normal = new Array<number>(k * k).fill(0);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) for (let i = 0; i < n; i++) normal[a * k + b] = normal[a * k + b]! + jacobian[a]![i]! * jacobian[b]![i]!;
  const inverse = invertMatrix(normal, k);
  if (inverse === null) return p.map(() => null);
  const variance = sse / dof;
  const t = studentTQuantile(0.975, dof);
  return p.map((value, j) => {
    const se = Math.sqrt(variance * inverse[j * k + j]!);
    if (!Number.isFinite(se)) return null;
    return [Math.exp(value - t * se), Math.exp(value + t * se)];
  });
}

/**
 * Fit D (and with options.robin the surface rate α) to fractions exchanged M_t/M_∞ at times (s). Points at t <= 0
 * carry no information on D and are skipped. Throws RangeError for unusable input (callers validate files first).
 */
export function fitFick(timesS: ArrayLike<number>, fraction: ArrayLike<number>, options: FickFitOptions): FickFitResult {
  if (timesS.length !== fraction.length) throw new RangeError(`times and fractions differ in length (${timesS.length} vs ${fraction.length})`);
  if (!(options.sizeNm > 0)) throw new RangeError(`sizeNm must be positive, got ${options.sizeNm}`);
  const keep: number[] = [];
  for (let i = 0; i < timesS.length; i++) {
    const t = timesS[i]!;
    const f = fraction[i]!;
    if (!Number.isFinite(t) || !Number.isFinite(f)) throw new RangeError(`point ${i}: time and fraction must be finite numbers`);
    if (t > 0) keep.push(i);
  }
  const parameterCount = options.robin ? 2 : 1;
  if (keep.length < parameterCount + 1) throw new RangeError(`need at least ${parameterCount + 1} points with t > 0, got ${keep.length}`);
  const sizeM = options.sizeNm * M_PER_NM;
  const series: Series = {
    timesS: Float64Array.from(keep, (i) => timesS[i]!),
    fraction: Float64Array.from(keep, (i) => fraction[i]!),
    sizeM2: sizeM * sizeM,
  };
  let tFirst = Number.POSITIVE_INFINITY;
  let tLast = 0;
  for (const t of series.timesS) {
    tFirst = Math.min(tFirst, t);
    tLast = Math.max(tLast, t);
  }
  const lnDLo = Math.log((TAU_AT_LAST_MIN * series.sizeM2) / tLast);
  const lnDHi = Math.log((TAU_AT_FIRST_MAX * series.sizeM2) / tFirst);
  const geometry = options.geometry;
  const n = series.timesS.length;

  if (!options.robin) {
    const best = bestLnDAtBiot(series, geometry, Number.POSITIVE_INFINITY, lnDLo, lnDHi);
    const [ci] = waldIntervals(series, geometry, sizeM, [best.lnD], best.sse);
    return {
      geometry,
      sizeNm: options.sizeNm,
      boundary: 'constant',
      dM2PerS: Math.exp(best.lnD),
      dCi95M2PerS: ci ?? null,
      rmse: Math.sqrt(best.sse / n),
      sse: best.sse,
      n,
      atBound: best.atBound,
      ...(best.atBound ? { boundNote: best.atLow ? NOTE_D_LOW : NOTE_D_HIGH } : {}),
      evaluations: best.evaluations,
    };
  }

  // Robin: a finite surface rate only slows uptake, so D is searched from a decade below the constant-surface D
  // (this also keeps τ, hence the number of roots per series, moderate). Profile the best ln D over a grid of
  // ln L (roots shared along each profile), then polish (ln D, ln L) with Nelder-Mead.
  const constant = bestLnDAtBiot(series, geometry, Number.POSITIVE_INFINITY, lnDLo, lnDHi);
  let evaluations = constant.evaluations;
  const lnDMin = Math.max(lnDLo, constant.lnD - Math.LN10);
  let start = { lnD: constant.lnD, lnL: LN_L_MAX, sse: Number.POSITIVE_INFINITY };
  const lSteps = Math.ceil((LN_L_MAX - LN_L_MIN) / LN_L_GRID_STEP);
  for (let k = 0; k <= lSteps; k++) {
    const lnL = LN_L_MIN + ((LN_L_MAX - LN_L_MIN) * k) / lSteps;
    const best = bestLnDAtBiot(series, geometry, Math.exp(lnL), lnDMin, lnDHi);
    evaluations += best.evaluations;
    if (best.sse < start.sse) start = { lnD: best.lnD, lnL, sse: best.sse };
  }
  const clampLnD = (lnD: number): number => Math.min(lnDHi, Math.max(lnDMin, lnD));
  const clampLnL = (lnL: number): number => Math.min(LN_L_MAX, Math.max(LN_L_MIN, lnL));
  const objective = (q: readonly number[]): number => {
    const biot = Math.exp(clampLnL(q[1]!));
    return sumSquares(series, geometry, clampLnD(q[0]!), biot, new RobinRoots(geometry, biot));
  };
  const polished = nelderMead(objective, [start.lnD, start.lnL], { step: [0.3, 0.5], xTolerance: 1e-7, maxEvaluations: 600 });
  evaluations += polished.evaluations;
  const lnD = clampLnD(polished.x[0]!);
  const lnL = clampLnL(polished.x[1]!);
  const sse = polished.value;
  const notes: string[] = [];
  if (Math.abs(lnD - lnDMin) < 1e-3) notes.push(lnDMin > lnDLo ? 'D at a decade below the constant-surface D' : NOTE_D_LOW);
  if (Math.abs(lnD - lnDHi) < 1e-3) notes.push(NOTE_D_HIGH);
  if (Math.abs(lnL - LN_L_MIN) < 0.05) notes.push('Biot number L at its lower limit 1e-4: surface-limited, D not determined');
  if (Math.abs(lnL - LN_L_MAX) < 0.05) notes.push('Biot number L at its upper limit 1e5: the surface is effectively instantaneous, alpha not determined (use the constant-surface fit)');
  const atBound = notes.length > 0;
  const d = Math.exp(lnD);
  const biot = Math.exp(lnL);
  const alpha = (biot * d) / sizeM;
  const [dCi, alphaCi] = waldIntervals(series, geometry, sizeM, [lnD, Math.log(alpha)], sse);
  return {
    geometry,
    sizeNm: options.sizeNm,
    boundary: 'robin',
    dM2PerS: d,
    dCi95M2PerS: dCi ?? null,
    surfaceRateMPerS: alpha,
    surfaceRateCi95MPerS: alphaCi ?? null,
    biot,
    rmse: Math.sqrt(sse / n),
    sse,
    n,
    atBound,
    ...(atBound ? { boundNote: notes.join('; ') } : {}),
    evaluations,
  };
}

export interface BurstFickFitOptions extends FickFitOptions {
  /** End of the surface burst, s: x at this time is taken as exchanged at t = 0 (interpolated), later points are fitted. */
  burstS: number;
}

export interface BurstFickFitResult extends FickFitResult {
  /** Fraction exchanged at burstS, the initial condition. */
  burstFraction: number;
  /** Size of the unexchanged inner region the fit diffuses into, nm (sizeNm shrunk by the burst). */
  innerSizeNm: number;
  /** D sits at the low end of its range: nothing measurable exchanges after the burst. */
  stalled: boolean;
  /** rmse and sse in the fraction of the whole particle (fitFick's are in the inner region's fraction). */
  rmse: number;
  sse: number;
}

/**
 * Fick's fit with the seconds-scale surface burst as the initial condition instead of diffusion (PHYSICS-NOTES 4.4;
 * the paper's E13 fit "after excluding the initial surface exchange"): the fraction f_b exchanged by burstS is an
 * exchanged outer layer at t = 0, and the inner region (sphere of radius a (1 - f_b)^(1/3), or sheet of half-thickness
 * l (1 - f_b)) takes up the rest, (f - f_b) / (1 - f_b), by Crank's solution fitted to the points after burstS.
 */
export function fitFickAfterBurst(timesS: ArrayLike<number>, fraction: ArrayLike<number>, options: BurstFickFitOptions): BurstFickFitResult {
  if (!(options.burstS > 0)) throw new RangeError(`burstS must be positive, got ${options.burstS}`);
  let k = 0;
  while (k < timesS.length && timesS[k]! < options.burstS) k++;
  if (k === 0 || k === timesS.length) throw new RangeError(`the burst time ${options.burstS} s must lie inside the sampled times`);
  const t0 = timesS[k - 1]!;
  const t1 = timesS[k]!;
  const fb = t1 === t0 ? fraction[k]! : fraction[k - 1]! + ((options.burstS - t0) / (t1 - t0)) * (fraction[k]! - fraction[k - 1]!);
  if (!(fb >= 0 && fb < 1)) throw new RangeError(`the fraction exchanged at the burst time must lie in [0, 1), got ${fb}`);
  const after: number[] = [];
  for (let i = 0; i < timesS.length; i++) if (timesS[i]! > options.burstS) after.push(i);
  const remaining = 1 - fb;
  const innerSizeNm = options.sizeNm * (options.geometry === 'sphere' ? Math.cbrt(remaining) : remaining);
  const fit = fitFick(
    Float64Array.from(after, (i) => timesS[i]!),
    Float64Array.from(after, (i) => (fraction[i]! - fb) / remaining),
    { ...options, sizeNm: innerSizeNm },
  );
  const stalled = fit.boundNote?.includes(NOTE_D_LOW) ?? false;
  return { ...fit, sizeNm: options.sizeNm, burstFraction: fb, innerSizeNm, stalled, rmse: fit.rmse * remaining, sse: fit.sse * remaining * remaining };
}
