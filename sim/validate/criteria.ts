// The physics thresholds of the validation criteria (one value each, shared by every scenario that tests the
// same property) and the helpers that turn ensemble statistics into verdict text. Times s, D m²/s, energies eV.
import { PAPER_IECE_D_M2_PER_S } from '../../src/index.js';
import { ONE_D_RMSE } from '../commands/compare.js';
import type { Moments } from '../ensemble/stats.js';
import { moments } from '../ensemble/stats.js';

/** A threshold as the report states it. */
export interface Criterion {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly why: string;
}

function criterion(name: string, value: number, unit: string, why: string): Criterion {
  return Object.freeze({ name, value, unit, why });
}

export const HOUR_S = 3600;

/** Every threshold used by the outcome table, in one place (the report prints this list). */
export const CRITERIA = {
  burstTimeS: criterion('burst time', 10, 's', 'E1: the colour changes within 5 s; 10 s leaves room for the sampling grid'),
  burstMinOfSurface: criterion('burst size', 0.5, 'of the surface-cation fraction', 'a "large fraction" replaced at once: at least half of the surface cation sites worth of Hg'),
  checkTimeS: criterion('observation time', HOUR_S, 's', 'E3, E4: the paper compares CE and IE-CE products after 1 h'),
  completeTimeS: criterion('completion time', 4 * HOUR_S, 's', 'E6: IE-CE nearly complete by ~4 h'),
  coreShellMin: criterion('core/shell', 0.2, 'coreShellIndex', 'x(outer half) - x(inner half) clearly above 0 (an ideal core/shell at x = 0.5 gives 1)'),
  alloyMax: criterion('homogeneous alloy', 0.1, 'coreShellIndex', 'outer and inner halves within 0.1 in x at every sample of the alloy window'),
  alloyFromS: criterion('alloy window start', 600, 's', 'after the seconds-scale surface burst (E1), which every run has'),
  alloyToS: criterion('alloy window end', 4 * HOUR_S, 's', 'the IE-CE time course up to near completion (E6)'),
  completeMin: criterion('nearly complete', 0.9, 'Hg fraction x', 'the paper\'s "nearly complete" / "converts completely" (E6, E9, E43, E48 ~98 %, E52)'),
  fewAgMax: criterion('few Ag remain', 0.25, 'of the Ag dose', 'E6: "few Ag per NC remain" after ~4 h, of ~25 dosed per 3.3 nm NC (0.075 Ag/Cd): at most a quarter, ~6 per NC'),
  noExchangeMax: criterion('almost no exchange', 0.1, 'Hg fraction x', 'E24: a large thiol excess leaves almost all Cd in place'),
  sameXTol: criterion('no effect', 0.05, 'Hg fraction x', 'an effect smaller than this in x is "unaffected" / "no enhancement" / "constant"'),
  stallMaxDx: criterion('stalled', 0.05, 'Hg fraction x', 'E41: exchange "halts": x grows by less than this from 3 h to 8 h'),
  fitGoodRmse: criterion('one D fits', ONE_D_RMSE, 'rmse in x', 'the rmse up to which one Fickian D describes a time course (sim/commands/compare.ts ONE_D_RMSE)'),
  paperD: criterion('paper D', PAPER_IECE_D_M2_PER_S, 'm²/s', 'E12: Fickian D of IE-CE at 80 °C'),
  equalRatesBiot: criterion('equal rates', 1, 'Biot number aα/D', 'E12: "the surface exchange cation rate and the interdiffusion rate are equivalent" (PHYSICS-NOTES 4.4: L ~ 1)'),
  orderFactor: criterion('order of magnitude', 10, 'factor', 'a D "of order" a value, or a ratio "about" a value, is within this factor of it'),
  rtDRatio: criterion('room-temperature D ratio', 1e-3, 'D(25 °C) / D(80 °C)', 'E14: D three orders of magnitude smaller at room temperature'),
  agFewFoldMin: criterion('Ag speed-up, low', 2, 'D ratio', 'E15: Ag raises D "~4x": a few-fold means 2x to 10x'),
  agFewFoldMax: criterion('Ag speed-up, high', 10, 'D ratio', 'E15, as above'),
  agOptimumLo: criterion('Ag optimum, low', 0.05, 'Ag per Cd', 'E17: the fastest dose lies on the grid points next to 0.075 Ag/Cd'),
  agOptimumHi: criterion('Ag optimum, high', 0.1, 'Ag per Cd', 'E17, as above'),
  thiolWindowLo: criterion('thiol window, low', 0.6, 'thiol per Cd', 'E23: optimal 0.6-1.5 thiol per Cd'),
  thiolWindowHi: criterion('thiol window, high', 1.5, 'thiol per Cd', 'E23, as above'),
  plateletRatio: criterion('platelet cation:anion', 1.25, 'ratio', 'E48: 4.5 ML platelets keep cation:anion 5:4'),
  ratioTol: criterion('ratio tolerance', 0.02, 'relative', 'E48: "stays ~5:4" within 2 %'),
  opticsTolEv: criterion('1S-1S tolerance', 0.2, 'eV', 'one-band EMA brackets 3.3 nm CdSe within ~0.2 eV and is poorer for HgSe-rich NCs (PHYSICS-NOTES 5.3)'),
  likenessMid: criterion('core/shell likeness midpoint', 0.5, '', 'E33: closer to the core/shell EMA curve (1) than to the alloy curve (0) of the same x'),
  likenessXLo: criterion('likeness window, low', 0.2, 'Hg fraction x', 'where the alloy and core/shell EMA curves differ by > 0.15 eV (3.3 nm)'),
  likenessXHi: criterion('likeness window, high', 0.8, 'Hg fraction x', 'as above'),
  significanceZ: criterion('beyond noise', 2, 'standard errors', 'a difference of ensemble means counts when it exceeds 2 combined sem'),
} as const;

export type CriterionName = keyof typeof CRITERIA;

/** The value of a threshold. */
export function c(name: CriterionName): number {
  return CRITERIA[name].value;
}

// ---------------------------------------------------------------- statistics of replica values

/** Mean, sd and sem over the replicas that gave a finite value, and how many did. */
export interface Stat extends Moments {
  readonly n: number;
}

export function statOf(values: readonly number[]): Stat {
  const finite = values.filter(Number.isFinite);
  return { ...moments(finite), n: finite.length };
}

export const NAN_STAT: Stat = Object.freeze({ mean: Number.NaN, sd: Number.NaN, sem: Number.NaN, n: 0 });

/** a - b with the sem of a difference of independent means. */
export function difference(a: Stat, b: Stat): Stat {
  return { mean: a.mean - b.mean, sd: Math.hypot(a.sd, b.sd), sem: Math.hypot(a.sem, b.sem), n: Math.min(a.n, b.n) };
}

/** a's mean exceeds b's by more than significanceZ combined standard errors (NaN: false). */
export function greaterBeyondNoise(a: Stat, b: Stat): boolean {
  const d = difference(a, b);
  return d.mean > 0 && d.mean > c('significanceZ') * d.sem;
}

/** Ratio of means, with its relative sem propagated to first order. */
export function ratio(a: Stat, b: Stat): Stat {
  const mean = a.mean / b.mean;
  const rel = (s: Stat, k: 'sd' | 'sem') => (s.mean !== 0 ? s[k] / Math.abs(s.mean) : Number.NaN);
  return { mean, sd: Math.abs(mean) * Math.hypot(rel(a, 'sd'), rel(b, 'sd')), sem: Math.abs(mean) * Math.hypot(rel(a, 'sem'), rel(b, 'sem')), n: Math.min(a.n, b.n) };
}

/** lo <= mean <= hi (NaN: false). */
export function within(s: Stat, lo: number, hi: number): boolean {
  return s.mean >= lo && s.mean <= hi;
}

// ---------------------------------------------------------------- text

function num(value: number, digits: number, scientific: boolean): string {
  if (!Number.isFinite(value)) return 'n/a';
  return scientific ? value.toExponential(Math.max(0, digits - 1)) : value.toFixed(digits);
}

/** "0.412 ± 0.015 (sem 0.005)", scientific for small or large values; "(n = 3)" when some replicas gave no value. */
export function formatStat(s: Stat, digits = 3, replicas?: number): string {
  if (s.n === 0 || !Number.isFinite(s.mean)) return 'n/a';
  const scientific = s.mean !== 0 && (Math.abs(s.mean) < 1e-3 || Math.abs(s.mean) >= 1e4);
  const text = `${num(s.mean, digits, scientific)} ± ${num(s.sd, scientific ? 2 : digits, scientific)} (sem ${num(s.sem, scientific ? 2 : digits, scientific)})`;
  return replicas !== undefined && s.n < replicas ? `${text} (n = ${s.n})` : text;
}

/** A number with fixed digits, "n/a" when not finite. */
export function formatNumber(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** The mean alone, "0.412" ("n/a" when no replica gave a value). */
export function formatMean(s: Stat, digits = 3): string {
  return s.n > 0 ? formatNumber(s.mean, digits) : 'n/a';
}

/** "10 s", "30 min", "4 h", "48 h". */
export function formatTime(timeS: number): string {
  const short = (v: number) => String(Number(v.toPrecision(3)));
  if (timeS < 120) return `${short(timeS)} s`;
  if (timeS < HOUR_S) return `${short(timeS / 60)} min`;
  return `${short(timeS / HOUR_S)} h`;
}
