// The validation outcomes as data: each names the experiment (E-numbers of PHYSICS-NOTES section 6), the
// ensembles it needs, its criterion in words, and a function from the ensembles' metrics to a verdict.
// Thresholds come from criteria.ts only, so every scenario is judged by the same physics rule.
import { PAPER_1S1S_EV } from '../../src/index.js';
import type { EnsembleMetrics } from './metrics.js';
import {
  c, difference, formatMean, formatNumber, formatStat, formatTime, greaterBeyondNoise, HOUR_S, ratio, within, type Stat,
} from './criteria.js';

/** One ensemble: a built-in scenario with --set overrides (a sweep condition sets one key). */
export interface EnsembleRef {
  readonly scenario: string;
  readonly sets: readonly string[];
}

/** A scenario swept over one key: one ensemble per value. */
export interface SweepSpec {
  readonly scenario: string;
  readonly key: string;
  readonly texts: readonly string[];
}

export interface Verdict {
  /** The simulated value(s) with their spread over replicas. */
  readonly value: string;
  readonly pass: boolean;
}

/** Metrics of the ensembles an outcome named in `needs`. */
export interface MetricsSource {
  of(ref: EnsembleRef): EnsembleMetrics;
}

export interface Outcome {
  /** Short kebab-case id (for --only). */
  readonly id: string;
  readonly experiments: readonly string[];
  /** What the paper observed. */
  readonly statement: string;
  /** The pass rule, in words, with its thresholds. */
  readonly criterion: string;
  readonly needs: readonly EnsembleRef[];
  readonly evaluate: (metrics: MetricsSource) => Verdict;
}

export function ensembleRef(scenario: string, sets: readonly string[] = []): EnsembleRef {
  return { scenario, sets };
}

export function sweepRefs(sweep: SweepSpec): EnsembleRef[] {
  return sweep.texts.map((t) => ensembleRef(sweep.scenario, [`${sweep.key}=${t}`]));
}

/** "zb-ag-dose-80c reagents.agPerCd=0.3". */
export function refLabel(ref: EnsembleRef): string {
  return [ref.scenario, ...ref.sets].join(' ');
}

// ---------------------------------------------------------------- the ensembles

const CE80 = ensembleRef('zb-ce-80c');
const IECE80 = ensembleRef('zb-iece-80c');
const CE250 = ensembleRef('zb-ce-250c');
const CE_RT = ensembleRef('zb-ce-rt-nothiol');
const IECE_RT = ensembleRef('zb-iece-rt-nothiol');
const PURIFIED = ensembleRef('zb-purified-ag-80c');
const WZ_CE = ensembleRef('wz-ce-80c');
const WZ_IECE = ensembleRef('wz-iece-80c');
const NPL_CE = ensembleRef('npl45-ce-rt');
const NPL_IECE = ensembleRef('npl45-iece-rt');
const CDTE_IECE_RT = ensembleRef('cdte-iece-rt');
const CDS_CE = ensembleRef('cds-ce-80c');
const CDS_IECE = ensembleRef('cds-iece-80c');
const CDSES_CE = ensembleRef('cdses-ce-80c');
const CDSES_IECE = ensembleRef('cdses-iece-80c');
const SIZES = ['zb-iece-80c-d2.3', 'zb-iece-80c-d2.7', 'zb-iece-80c-d3.3', 'zb-iece-80c-d4.0'].map((s) => ensembleRef(s));

/** E17/E18: 0 to 0.3 Ag per Cd, dense around the paper's optimum 0.075. */
export const AG_DOSE: SweepSpec = { scenario: 'zb-ag-dose-80c', key: 'reagents.agPerCd', texts: ['0', '0.025', '0.05', '0.075', '0.1', '0.15', '0.3'] };
/** E23-E25: 0.1 to 10 thiol per Cd (with Ag), bracketing the 0.6-1.5 window. */
export const THIOL: SweepSpec = { scenario: 'zb-thiol-80c', key: 'reagents.thiolPerCd', texts: ['0.1', '0.3', '0.6', '1', '1.5', '3', '10'] };

// ---------------------------------------------------------------- verdict pieces

const t = formatTime;
const fx = (s: Stat, m: EnsembleMetrics) => formatStat(s, 3, m.replicas);
const x = (m: EnsembleMetrics, timeS: number) => m.at('hgFraction', timeS);
const csi = (m: EnsembleMetrics, timeS: number) => m.at('coreShellIndex', timeS);
const atLeast = (s: Stat, min: number) => s.mean >= min;
const atMost = (s: Stat, max: number) => s.mean <= max;
/** Either sign: an inverted profile (Hg-rich core, coreShellIndex < 0) is no more an alloy than a core/shell. */
const nearZero = (s: Stat, max: number) => Math.abs(s.mean) <= max;
const below = (s: Stat, max: number) => s.mean < max;

/** Several checks: passes when all pass; the value texts joined. */
/** The EMA 1S-1S energy of the 1 h radial profile against the paper's value (E3, E4). */
function opticsAt1h(id: string, experiment: string, who: string, ref: EnsembleRef, scenario: string, paperEv: number): Outcome {
  return {
    id,
    experiments: [experiment],
    statement: `${who}, 3.3 nm, 80 °C, 1 h: 1S-1S absorption ${PAPER_1S1S_EV.cdse} → ${paperEv} eV.`,
    criterion: `${scenario}: EMA 1S-1S of the 1 h radial profile within ${c('opticsTolEv')} eV of ${paperEv} eV.`,
    needs: [ref],
    evaluate: (s) => {
      const m = s.of(ref);
      const e = m.e1s1sAt(HOUR_S);
      return { value: `1S-1S(1 h) = ${formatStat(e, 3, m.replicas)} eV`, pass: Math.abs(e.mean - paperEv) <= c('opticsTolEv') };
    },
  };
}

function all(...parts: Verdict[]): Verdict {
  return { value: parts.map((p) => p.value).join('; '), pass: parts.every((p) => p.pass) };
}

function coreShellAt(m: EnsembleMetrics, timeS: number, who = ''): Verdict {
  const s = csi(m, timeS);
  return { value: `${who}coreShellIndex(${t(timeS)}) = ${fx(s, m)}`, pass: atLeast(s, c('coreShellMin')) };
}

/** The alloy test: every sample of the alloy window keeps |mean core/shell index| at or below alloyMax. */
function alloyAllAlong(m: EnsembleMetrics, who = ''): Verdict {
  const worst = m.maxAbsMeanOver('coreShellIndex', c('alloyFromS'), c('alloyToS'));
  if (!worst) return { value: `${who}no sample between ${t(c('alloyFromS'))} and ${t(c('alloyToS'))}`, pass: false };
  return { value: `${who}largest |coreShellIndex| ${fx(worst.stat, m)} at ${t(worst.timeS)}`, pass: nearZero(worst.stat, c('alloyMax')) };
}

/**
 * Not judged, for the reader of a D ratio: the same ratio from the fit E12's D uses (after the burst, Robin), which
 * leaves out the burst the whole-run fit includes; a stalled ensemble (no exchange after its burst) has no D.
 */
function afterBurstRatio(a: EnsembleMetrics, b: EnsembleMetrics): string {
  const fa = a.burstFick();
  const fb = b.burstFick();
  const stalled = [];
  if (fa.stalled > 0) stalled.push(a.spec.name);
  if (fb.stalled > 0) stalled.push(b.spec.name);
  const text = stalled.length > 0 ? `${stalled.join(' and ')}: no exchange after the burst` : `ratio ${formatStat(ratio(fa.dM2PerS, fb.dM2PerS), 2)}`;
  return ` (not judged: after the burst, Robin fit, D ${formatStat(fa.dM2PerS, 2)} and ${formatStat(fb.dM2PerS, 2)} m²/s, ${text})`;
}

function xAtLeast(m: EnsembleMetrics, timeS: number, min: number, who = ''): Verdict {
  const s = x(m, timeS);
  return { value: `${who}x(${t(timeS)}) = ${fx(s, m)}`, pass: atLeast(s, min) };
}

function xBelow(m: EnsembleMetrics, timeS: number, max: number, who = ''): Verdict {
  const s = x(m, timeS);
  return { value: `${who}x(${t(timeS)}) = ${fx(s, m)}`, pass: below(s, max) };
}

/** a's x at ta exceeds b's x at tb beyond noise. */
function xGreater(a: EnsembleMetrics, ta: number, b: EnsembleMetrics, tb: number, whoA: string, whoB: string): Verdict {
  const sa = x(a, ta);
  const sb = x(b, tb);
  const d = difference(sa, sb);
  return {
    value: `${whoA} x(${t(ta)}) = ${fx(sa, a)} vs ${whoB} x(${t(tb)}) = ${fx(sb, b)} (Δ = ${formatStat(d)})`,
    pass: greaterBeyondNoise(sa, sb),
  };
}

function burst(m: EnsembleMetrics, who = ''): Verdict {
  const s = x(m, c('burstTimeS'));
  const min = c('burstMinOfSurface') * m.surfaceFraction;
  return { value: `${who}x(${t(c('burstTimeS'))}) = ${fx(s, m)} (needs ≥ ${min.toFixed(3)})`, pass: atLeast(s, min) };
}

const sweepMetrics = (source: MetricsSource, sweep: SweepSpec) =>
  sweepRefs(sweep).map((ref, i) => ({ value: Number(sweep.texts[i]), text: sweep.texts[i]!, m: source.of(ref) }));

// ---------------------------------------------------------------- the table

const CE_AND_IECE = 'CE (zb-ce-80c) and IE-CE (zb-iece-80c)';

export const OUTCOMES: readonly Outcome[] = [
  {
    id: 'burst',
    experiments: ['E1'],
    statement: '3.3 nm CdSe with Hg or Hg + Ag turns black within 5 s: a large fraction of Cd is replaced at once.',
    criterion: `${CE_AND_IECE}: x(${t(c('burstTimeS'))}) ≥ ${c('burstMinOfSurface')} × the surface-cation fraction of the crystal.`,
    needs: [CE80, IECE80],
    evaluate: (s) => all(burst(s.of(CE80), 'CE '), burst(s.of(IECE80), 'IE-CE ')),
  },
  {
    id: 'ce-core-shell',
    experiments: ['E3', 'E13'],
    statement: 'CE (Hg alone, 80 °C) gives a stable CdSe/HgSe core/shell.',
    criterion: `zb-ce-80c: coreShellIndex(${t(c('checkTimeS'))}) ≥ ${c('coreShellMin')}.`,
    needs: [CE80],
    evaluate: (s) => coreShellAt(s.of(CE80), c('checkTimeS')),
  },
  {
    id: 'ce-incomplete-48h',
    experiments: ['E7'],
    statement: 'CE exchange is still incomplete after 48 h.',
    criterion: `zb-ce-80c: x(48 h) < ${c('completeMin')}.`,
    needs: [CE80],
    evaluate: (s) => xBelow(s.of(CE80), 48 * HOUR_S, c('completeMin')),
  },
  {
    id: 'ce-fick-poor',
    experiments: ['E13'],
    statement: 'A single Fickian D fits CE poorly, still after excluding the initial surface exchange: the exchange rate falls as Hg replaces Cd.',
    criterion: `zb-ce-80c: rmse of the fit after the burst (x(${t(c('burstTimeS'))}) as the initial condition, Crank's surface-exchange (Robin) solution fitted from ${t(c('burstTimeS'))} to the end, x_inf = 1) > ${c('fitGoodRmse')}.`,
    needs: [CE80],
    evaluate: (s) => {
      const m = s.of(CE80);
      const f = m.burstFick();
      const whole = m.fick();
      const stalled = f.stalled > 0 ? `; no exchange after the burst in ${f.stalled} of ${m.replicas} replicas (D at the low end of the fit's range): nothing for a Fickian fit to describe` : '';
      return {
        value: `rmse ${fx(f.rmse, m)}, D ${formatStat(f.dM2PerS, 2, m.replicas)} m²/s${stalled} (not judged: the constant-surface fit of the whole run, burst included: rmse ${fx(whole.rmse, m)})`,
        pass: f.rmse.mean > c('fitGoodRmse'),
      };
    },
  },
  {
    id: 'iece-alloy',
    experiments: ['E4', 'E29'],
    statement: 'IE-CE (Hg + 0.075 Ag/Cd, 80 °C) intermediates are homogeneous HgxCd1-xSe alloys.',
    criterion: `zb-iece-80c: |mean coreShellIndex| ≤ ${c('alloyMax')} at every sample from ${t(c('alloyFromS'))} to ${t(c('alloyToS'))}.`,
    needs: [IECE80],
    evaluate: (s) => alloyAllAlong(s.of(IECE80)),
  },
  {
    id: 'iece-complete-4h',
    experiments: ['E6'],
    statement: 'IE-CE conversion of 3.3 nm CdSe to HgSe is nearly complete in ~4 h.',
    criterion: `zb-iece-80c: x(${t(c('completeTimeS'))}) ≥ ${c('completeMin')}.`,
    needs: [IECE80],
    evaluate: (s) => xAtLeast(s.of(IECE80), c('completeTimeS'), c('completeMin')),
  },
  {
    id: 'iece-few-ag-remain',
    experiments: ['E6'],
    statement: 'After IE-CE (~4 h) few Ag per NC remain in the crystal (elemental analysis).',
    criterion: `zb-iece-80c: Ag in the crystal (Ag_i + Ag_Cd) at ${t(c('completeTimeS'))} ≤ ${c('fewAgMax')} of the Ag dose.`,
    needs: [IECE80],
    evaluate: (s) => {
      const m = s.of(IECE80);
      const kept = m.agRetainedAt(c('completeTimeS'));
      return { value: `${fx(kept, m)} of the dose (${m.spec.reagents.agPerCd} Ag/Cd) in the crystal`, pass: atMost(kept, c('fewAgMax')) };
    },
  },
  {
    id: 'iece-fick-d',
    experiments: ['E12'],
    statement: 'One Fickian D ≈ 1e-22 m²/s fits the IE-CE time course at 80 °C, with the surface exchange rate and the interdiffusion rate equivalent.',
    criterion: `zb-iece-80c: the fit after the burst (x(${t(c('burstTimeS'))}) as the initial condition, Crank's surface-exchange (Robin) solution fitted from ${t(c('burstTimeS'))} to the end, x_inf = 1) gives D within ${c('orderFactor')}x of ${c('paperD')} m²/s, Biot number L = aα/D within ${c('orderFactor')}x of ${c('equalRatesBiot')}, and rmse ≤ ${c('fitGoodRmse')}.`,
    needs: [IECE80],
    evaluate: (s) => {
      const m = s.of(IECE80);
      const f = m.burstFick();
      const d = c('paperD');
      const l = c('equalRatesBiot');
      // Not judged, for the reader: the constant-surface fit of the whole run, burst included.
      const whole = m.fick();
      return {
        value: `D ${formatStat(f.dM2PerS, 2, m.replicas)} m²/s, L ${formatStat(f.biot, 2, m.replicas)}, rmse ${fx(f.rmse, m)} (not judged: constant-surface fit of the whole run, burst included, D ${formatStat(whole.dM2PerS, 2, m.replicas)} m²/s, rmse ${fx(whole.rmse, m)})`,
        pass: within(f.dM2PerS, d / c('orderFactor'), d * c('orderFactor')) && within(f.biot, l / c('orderFactor'), l * c('orderFactor')) && atMost(f.rmse, c('fitGoodRmse')),
      };
    },
  },
  {
    id: 'iece-further-than-ce',
    experiments: ['E2'],
    statement: 'With Hg + Ag the reaction proceeds further than with Hg alone.',
    criterion: `x(IE-CE) > x(CE) beyond noise (> ${c('significanceZ')} combined sem) at ${t(c('checkTimeS'))} and at ${t(c('completeTimeS'))}.`,
    needs: [CE80, IECE80],
    evaluate: (s) =>
      all(
        xGreater(s.of(IECE80), c('checkTimeS'), s.of(CE80), c('checkTimeS'), 'IE-CE', 'CE'),
        xGreater(s.of(IECE80), c('completeTimeS'), s.of(CE80), c('completeTimeS'), 'IE-CE', 'CE'),
      ),
  },
  {
    id: 'ce-250c-alloys',
    experiments: ['E16'],
    statement: 'Without Ag, Hg-Cd alloying needs ~250 °C.',
    criterion: `zb-ce-250c: homogeneous alloy (|mean coreShellIndex| ≤ ${c('alloyMax')} from ${t(c('alloyFromS'))} to ${t(c('alloyToS'))}) and x(${t(c('checkTimeS'))}) above zb-ce-80c's beyond noise (the 250 °C run lasts 1 h).`,
    needs: [CE250, CE80],
    evaluate: (s) => all(alloyAllAlong(s.of(CE250)), xGreater(s.of(CE250), c('checkTimeS'), s.of(CE80), c('checkTimeS'), '250 °C', '80 °C')),
  },
  {
    id: 'rt-core-shell',
    experiments: ['E14'],
    statement: 'At room temperature without thiol, core/shell NCs form both with and without Ag.',
    criterion: `zb-ce-rt-nothiol and zb-iece-rt-nothiol: coreShellIndex(48 h) ≥ ${c('coreShellMin')}.`,
    needs: [CE_RT, IECE_RT],
    evaluate: (s) => all(coreShellAt(s.of(CE_RT), 48 * HOUR_S, 'CE '), coreShellAt(s.of(IECE_RT), 48 * HOUR_S, 'IE-CE ')),
  },
  {
    id: 'rt-d-1e3-lower',
    experiments: ['E14'],
    statement: 'At room temperature without thiol, D is about three orders of magnitude smaller than at 80 °C.',
    criterion: `D(zb-iece-rt-nothiol) / D(zb-iece-80c) within ${c('orderFactor')}x of ${c('rtDRatio')} (same Crank fit for both).`,
    needs: [IECE_RT, IECE80],
    evaluate: (s) => {
      const rt = s.of(IECE_RT).fick().dM2PerS;
      const hot = s.of(IECE80).fick().dM2PerS;
      const r = ratio(rt, hot);
      return {
        value: `ratio ${formatStat(r, 2)} (D 25 °C ${formatStat(rt, 2)}, D 80 °C ${formatStat(hot, 2)} m²/s)${afterBurstRatio(s.of(IECE_RT), s.of(IECE80))}`,
        pass: within(r, c('rtDRatio') / c('orderFactor'), c('rtDRatio') * c('orderFactor')),
      };
    },
  },
  {
    id: 'rt-ag-few-fold',
    experiments: ['E15'],
    statement: 'At room temperature without thiol, Ag raises D about 4-fold.',
    criterion: `D(zb-iece-rt-nothiol) / D(zb-ce-rt-nothiol) between ${c('agFewFoldMin')} and ${c('agFewFoldMax')}.`,
    needs: [IECE_RT, CE_RT],
    evaluate: (s) => {
      const ag = s.of(IECE_RT).fick().dM2PerS;
      const none = s.of(CE_RT).fick().dM2PerS;
      const r = ratio(ag, none);
      return {
        value: `ratio ${formatStat(r, 2)} (D with Ag ${formatStat(ag, 2)}, without ${formatStat(none, 2)} m²/s)${afterBurstRatio(s.of(IECE_RT), s.of(CE_RT))}`,
        pass: within(r, c('agFewFoldMin'), c('agFewFoldMax')),
      };
    },
  },
  {
    id: 'rt-burst-unaffected-by-ag',
    experiments: ['E15'],
    statement: 'At room temperature without thiol, the initial burst of surface exchange is unaffected by Ag.',
    criterion: `|x_IE-CE(${t(c('burstTimeS'))}) - x_CE(${t(c('burstTimeS'))})| ≤ ${c('sameXTol')} (RT, no thiol).`,
    needs: [IECE_RT, CE_RT],
    evaluate: (s) => {
      const a = x(s.of(IECE_RT), c('burstTimeS'));
      const b = x(s.of(CE_RT), c('burstTimeS'));
      const d = difference(a, b);
      return { value: `IE-CE ${formatStat(a)}, CE ${formatStat(b)} (Δ = ${formatStat(d)})`, pass: Math.abs(d.mean) <= c('sameXTol') };
    },
  },
  {
    id: 'ag-dose-rises',
    experiments: ['E17'],
    statement: 'The exchange rate increases with Ag up to 0.075 Ag per Cd.',
    criterion: `zb-ag-dose-80c swept over agPerCd ${AG_DOSE.texts.join(', ')}: x(${t(c('checkTimeS'))}) at 0.075 above that at 0 beyond noise, and the highest mean x(${t(c('checkTimeS'))}) at ${c('agOptimumLo')}-${c('agOptimumHi')} Ag/Cd.`,
    needs: sweepRefs(AG_DOSE),
    evaluate: (s) => {
      const rows = sweepMetrics(s, AG_DOSE).map((r) => ({ ...r, x: x(r.m, c('checkTimeS')) }));
      const zero = rows.find((r) => r.value === 0)!;
      const std = rows.find((r) => r.value === 0.075)!;
      const best = rows.filter((r) => Number.isFinite(r.x.mean)).reduce<(typeof rows)[number] | undefined>((a, b) => (a && a.x.mean >= b.x.mean ? a : b), undefined);
      return {
        value: `x(${t(c('checkTimeS'))}) by Ag/Cd: ${rows.map((r) => `${r.text}: ${formatMean(r.x)}`).join(', ')} (largest sd ${formatNumber(Math.max(...rows.map((r) => r.x.sd)))}); highest at ${best?.text ?? 'n/a'}`,
        pass: greaterBeyondNoise(std.x, zero.x) && best !== undefined && best.value >= c('agOptimumLo') && best.value <= c('agOptimumHi'),
      };
    },
  },
  {
    id: 'ag-dose-excess',
    experiments: ['E18'],
    statement: 'Above 0.075 Ag per Cd the exchange slows down (attributed to Ag_Cd clusters).',
    criterion: `zb-ag-dose-80c: x(${t(c('checkTimeS'))}) at 0.3 Ag/Cd below that at 0.075 beyond noise, and more Ag on cation sites (final Ag_Cd count) at 0.3 than at 0.075 beyond noise.`,
    needs: sweepRefs(AG_DOSE),
    evaluate: (s) => {
      const rows = sweepMetrics(s, AG_DOSE);
      const std = rows.find((r) => r.value === 0.075)!.m;
      const high = rows.find((r) => r.value === 0.3)!.m;
      const agStd = std.final('agSubstitutional');
      const agHigh = high.final('agSubstitutional');
      return all(xGreater(std, c('checkTimeS'), high, c('checkTimeS'), '0.075 Ag/Cd', '0.3 Ag/Cd'), {
        value: `Ag_Cd per NC ${formatStat(agHigh, 2)} at 0.3 vs ${formatStat(agStd, 2)} at 0.075`,
        pass: greaterBeyondNoise(agHigh, agStd),
      });
    },
  },
  {
    id: 'thiol-too-little',
    experiments: ['E25'],
    statement: 'With thiol below the surface-passivation amount, a fast surface reaction gives core/shell NCs even with Ag.',
    criterion: `zb-thiol-80c at every thiolPerCd below the surface-cation fraction: coreShellIndex(${t(c('checkTimeS'))}) ≥ ${c('coreShellMin')}.`,
    needs: sweepRefs(THIOL),
    evaluate: (s) => {
      const rows = sweepMetrics(s, THIOL).filter((r) => r.value < r.m.surfaceFraction);
      if (rows.length === 0) return { value: 'no swept thiol amount lies below the surface-cation fraction', pass: false };
      return all(...rows.map((r) => coreShellAt(r.m, c('checkTimeS'), `${r.text} thiol/Cd: `)));
    },
  },
  {
    id: 'thiol-excess',
    experiments: ['E24'],
    statement: 'More thiol slows exchange; a large excess gives almost no exchange.',
    criterion: `zb-thiol-80c at 10 thiol/Cd: x(${t(c('completeTimeS'))}) ≤ ${c('noExchangeMax')}.`,
    needs: sweepRefs(THIOL),
    evaluate: (s) => {
      const m = sweepMetrics(s, THIOL).find((r) => r.value === 10)!.m;
      const v = x(m, c('completeTimeS'));
      return { value: `x(${t(c('completeTimeS'))}) = ${fx(v, m)}`, pass: atMost(v, c('noExchangeMax')) };
    },
  },
  {
    id: 'thiol-window',
    experiments: ['E23'],
    statement: '0.6-1.5 thiol per Cd (with 0.075 Ag/Cd) is optimal: homogeneous alloying.',
    criterion: `zb-thiol-80c at every thiolPerCd in ${c('thiolWindowLo')}-${c('thiolWindowHi')}: homogeneous alloy (as iece-alloy) and x(${t(c('completeTimeS'))}) ≥ ${c('completeMin')}.`,
    needs: sweepRefs(THIOL),
    evaluate: (s) => {
      const rows = sweepMetrics(s, THIOL).filter((r) => r.value >= c('thiolWindowLo') && r.value <= c('thiolWindowHi'));
      return all(...rows.flatMap((r) => [alloyAllAlong(r.m, `${r.text} thiol/Cd: `), xAtLeast(r.m, c('completeTimeS'), c('completeMin'))]));
    },
  },
  {
    id: 'purified-homogenises',
    experiments: ['E19'],
    statement: 'A purified CE core/shell product with Ag alone (no extra Hg) turns into an alloy at constant overall composition.',
    criterion: `zb-purified-ag-80c: coreShellIndex(1 h, at purification) ≥ ${c('coreShellMin')}, |coreShellIndex(9 h)| ≤ ${c('alloyMax')}, |x(9 h) - x(1 h)| ≤ ${c('sameXTol')}.`,
    needs: [PURIFIED],
    evaluate: (s) => {
      const m = s.of(PURIFIED);
      const end = 9 * HOUR_S;
      const after = csi(m, end);
      const dx = difference(x(m, end), x(m, HOUR_S));
      return all(
        coreShellAt(m, HOUR_S, 'before: '),
        { value: `after: coreShellIndex(9 h) = ${fx(after, m)}`, pass: nearZero(after, c('alloyMax')) },
        { value: `x(9 h) - x(1 h) = ${formatStat(dx)}`, pass: Math.abs(dx.mean) <= c('sameXTol') },
      );
    },
  },
  {
    id: 'wz-ce-halts',
    experiments: ['E41'],
    statement: 'Wurtzite CdSe behaves like zinc blende under CE: exchange halts after ~3 h.',
    criterion: `wz-ce-80c: coreShellIndex(${t(c('checkTimeS'))}) ≥ ${c('coreShellMin')}, x(8 h) - x(3 h) ≤ ${c('stallMaxDx')}, x(8 h) < ${c('completeMin')}.`,
    needs: [WZ_CE],
    evaluate: (s) => {
      const m = s.of(WZ_CE);
      const dx = difference(x(m, 8 * HOUR_S), x(m, 3 * HOUR_S));
      return all(
        coreShellAt(m, c('checkTimeS')),
        { value: `x(8 h) - x(3 h) = ${formatStat(dx)}`, pass: atMost(dx, c('stallMaxDx')) },
        xBelow(m, 8 * HOUR_S, c('completeMin')),
      );
    },
  },
  {
    id: 'wz-iece-complete',
    experiments: ['E43'],
    statement: 'Wurtzite CdSe converts completely to (wurtzite) HgSe under IE-CE.',
    criterion: `wz-iece-80c: x(8 h) ≥ ${c('completeMin')}.`,
    needs: [WZ_IECE],
    evaluate: (s) => xAtLeast(s.of(WZ_IECE), 8 * HOUR_S, c('completeMin')),
  },
  {
    id: 'npl-ce-outer-layers',
    experiments: ['E45'],
    statement: '4.5 ML CdSe platelets, CE at room temperature: immediate exchange, then Hg is hindered beyond ~2 ML for 3 days.',
    criterion: `npl45-ce-rt: burst as in "burst", coreShellIndex(72 h) ≥ ${c('coreShellMin')} (outer planes Hg, mid-plane Cd), x(72 h) < ${c('completeMin')}.`,
    needs: [NPL_CE],
    evaluate: (s) => {
      const m = s.of(NPL_CE);
      return all(burst(m), coreShellAt(m, 72 * HOUR_S), xBelow(m, 72 * HOUR_S, c('completeMin')));
    },
  },
  {
    id: 'npl-iece-complete',
    experiments: ['E48'],
    statement: '4.5 ML platelets, IE-CE at room temperature: ~98 % exchange, cation:anion stays ~5:4.',
    criterion: `npl45-iece-rt: x(72 h) ≥ ${c('completeMin')} and final cation:anion within ${100 * c('ratioTol')} % of ${c('plateletRatio')}.`,
    needs: [NPL_IECE],
    evaluate: (s) => {
      const m = s.of(NPL_IECE);
      const r = m.final('cationToAnion');
      return all(xAtLeast(m, 72 * HOUR_S, c('completeMin')), {
        value: `cation:anion ${formatStat(r, 4, m.replicas)}`,
        pass: Math.abs(r.mean / c('plateletRatio') - 1) <= c('ratioTol'),
      });
    },
  },
  {
    id: 'npl-iece-ahead',
    experiments: ['E46'],
    statement: '4.5 ML platelets: IE-CE after 30 min is further along than CE after 3 days.',
    criterion: 'x(npl45-iece-rt, 30 min) > x(npl45-ce-rt, 72 h) beyond noise.',
    needs: [NPL_IECE, NPL_CE],
    evaluate: (s) => xGreater(s.of(NPL_IECE), 1800, s.of(NPL_CE), 72 * HOUR_S, 'IE-CE', 'CE'),
  },
  {
    id: 'cdte-rt-complete',
    experiments: ['E52'],
    statement: 'CdTe converts completely to HgTe with Ag at room temperature (no thiol).',
    criterion: `cdte-iece-rt: x(24 h) ≥ ${c('completeMin')}.`,
    needs: [CDTE_IECE_RT],
    evaluate: (s) => xAtLeast(s.of(CDTE_IECE_RT), 24 * HOUR_S, c('completeMin')),
  },
  {
    id: 'anion-order',
    experiments: ['E51'],
    statement: 'The exchange rate falls with bond strength: Te > Se > S.',
    criterion: `x(${t(c('checkTimeS'))}): zb-iece-80c (Se) > cds-iece-80c (S) beyond noise; x(24 h): cdte-iece-rt (Te) > zb-iece-rt-nothiol (Se) beyond noise.`,
    needs: [IECE80, CDS_IECE, CDTE_IECE_RT, IECE_RT],
    evaluate: (s) =>
      all(
        xGreater(s.of(IECE80), c('checkTimeS'), s.of(CDS_IECE), c('checkTimeS'), 'Se', 'S'),
        xGreater(s.of(CDTE_IECE_RT), 24 * HOUR_S, s.of(IECE_RT), 24 * HOUR_S, 'Te', 'Se'),
      ),
  },
  {
    id: 'cds-no-ag-enhancement',
    experiments: ['E53'],
    statement: 'CdS shows no enhancement of exchange by Ag.',
    criterion: `x_IE-CE(${t(c('checkTimeS'))}) - x_CE(${t(c('checkTimeS'))}) ≤ ${c('sameXTol')} for CdS (cds-iece-80c vs cds-ce-80c).`,
    needs: [CDS_IECE, CDS_CE],
    evaluate: (s) => {
      const a = x(s.of(CDS_IECE), c('checkTimeS'));
      const b = x(s.of(CDS_CE), c('checkTimeS'));
      const d = difference(a, b);
      return { value: `IE-CE ${formatStat(a)}, CE ${formatStat(b)} (Δ = ${formatStat(d)})`, pass: d.mean <= c('sameXTol') };
    },
  },
  {
    id: 'cdses-ag-faster',
    experiments: ['E50'],
    statement: 'CdSe0.5S0.5 exchange is accelerated by Ag.',
    criterion: `x_IE-CE(${t(c('checkTimeS'))}) > x_CE(${t(c('checkTimeS'))}) beyond noise (cdses-iece-80c vs cdses-ce-80c).`,
    needs: [CDSES_IECE, CDSES_CE],
    evaluate: (s) => xGreater(s.of(CDSES_IECE), c('checkTimeS'), s.of(CDSES_CE), c('checkTimeS'), 'IE-CE', 'CE'),
  },
  {
    id: 'size-series',
    experiments: ['E9'],
    statement: 'IE-CE converts 2.3-4.0 nm CdSe completely to HgSe within several hours.',
    criterion: `zb-iece-80c-d2.3, -d2.7, -d3.3, -d4.0: x(8 h) ≥ ${c('completeMin')} for every size.`,
    needs: SIZES,
    evaluate: (s) => all(...SIZES.map((ref) => xAtLeast(s.of(ref), 8 * HOUR_S, c('completeMin'), `${ref.scenario.replace('zb-iece-80c-', '')}: `))),
  },
  opticsAt1h('optics-ce-1h', 'E3', 'CE', CE80, 'zb-ce-80c', PAPER_1S1S_EV.ce1h),
  opticsAt1h('optics-iece-1h', 'E4', 'IE-CE', IECE80, 'zb-iece-80c', PAPER_1S1S_EV.ieCe1h),
  {
    id: 'optics-iece-redder',
    experiments: ['E3', 'E4'],
    statement: `After 1 h IE-CE is red-shifted further than CE (${PAPER_1S1S_EV.ieCe1h} vs ${PAPER_1S1S_EV.ce1h} eV).`,
    criterion: 'EMA 1S-1S at 1 h: zb-ce-80c above zb-iece-80c beyond noise.',
    needs: [CE80, IECE80],
    evaluate: (s) => {
      const ce = s.of(CE80).e1s1sAt(HOUR_S);
      const ie = s.of(IECE80).e1s1sAt(HOUR_S);
      return { value: `CE ${formatStat(ce)} eV vs IE-CE ${formatStat(ie)} eV (Δ = ${formatStat(difference(ce, ie))})`, pass: greaterBeyondNoise(ce, ie) };
    },
  },
  {
    id: 'optics-bowing',
    experiments: ['E33'],
    statement: '1S-1S energy against total x bows strongly for CdSe/HgSe core/shell NCs and is near linear for alloys.',
    criterion: `Core/shell likeness of the simulated 1S-1S (0 = EMA alloy curve, 1 = EMA core/shell curve at the same volume-mean x; mean over samples with ${c('likenessXLo')} ≤ x ≤ ${c('likenessXHi')}): zb-ce-80c ≥ ${c('likenessMid')}, zb-iece-80c < ${c('likenessMid')}.`,
    needs: [CE80, IECE80],
    evaluate: (s) => {
      const ce = s.of(CE80).coreShellLikeness();
      const ie = s.of(IECE80).coreShellLikeness();
      return { value: `CE ${formatStat(ce, 2)}, IE-CE ${formatStat(ie, 2)}`, pass: atLeast(ce, c('likenessMid')) && below(ie, c('likenessMid')) };
    },
  },
];
