// SVG plots of an ensemble (x(t) and core/shell index with their spread; radial profiles at a few times)
// and of a sweep (each final metric against the varied key), with the paper's reference where one exists.
import { join } from 'node:path';
import { fickFractions, fickProfile, PAPER_IECE_D_M2_PER_S, type FickProblem } from '../../src/index.js';
import type { Scenario } from '../../src/model/contract.js';
import { writeFileAtomic } from '../files.js';
import { PALETTE, renderPlot, type PlotSeries } from '../plots.js';
import type { Manifest } from './manifest.js';
import type { EnsembleStats } from './reduce.js';
import type { Moments } from './stats.js';

export const XT_SVG = 'ensemble-xt.svg';
export const PROFILES_SVG = 'ensemble-profiles.svg';
/** Profiles drawn: a few times spread over the run, so the plot stays readable. */
const PROFILE_TIMES = 4;
/** E6: IE-CE of 3.3 nm CdSe at 80 C is nearly complete (taken here as x >= 0.95, PHYSICS-NOTES 6.7) by ~4 h. */
const E6_TIME_S = 4 * 3600;
const E6_FRACTION = 0.95;

/** Axis labels with units for the observables cxsim reports. */
const METRIC_LABELS: Record<string, string> = {
  hgFraction: 'Hg fraction x (of cation sites)',
  coreShellIndex: 'core/shell index x(outer half) − x(inner half)',
  cationToAnion: 'cation : anion ratio',
  agInterstitial: 'Ag interstitials (atoms per NC)',
  agSubstitutional: 'Ag on cation sites (atoms per NC)',
  vacancies: 'cation vacancies (per NC)',
  cdReleased: 'Cd released (atoms per NC)',
  hgFree: 'free Hg in solution (atoms per NC)',
  agFree: 'free Ag in solution (atoms per NC)',
  timeS: 'simulated time (s)',
  events: 'KMC events',
};

export function metricLabel(metric: string): string {
  return METRIC_LABELS[metric] ?? metric;
}

/** A scenario key with the unit its name carries (units-in-names convention). */
export function keyLabel(key: string): string {
  const units: [RegExp, string][] = [
    [/PerCd$/, 'equivalents per Cd'],
    [/temperatureC$/, '°C'],
    [/Nm$/, 'nm'],
    [/Ev$/, 'eV'],
    [/Hz$/, 'Hz'],
    [/S$/, 's'],
  ];
  const unit = units.find(([pattern]) => pattern.test(key))?.[1];
  return unit ? `${key} (${unit})` : key;
}

/** "2.5 s", "15 min", "4 h": sample times in legends. */
function formatTime(timeS: number): string {
  const short = (v: number) => String(Number(v.toPrecision(3)));
  if (timeS < 120) return `${short(timeS)} s`;
  if (timeS < 7200) return `${short(timeS / 60)} min`;
  return `${short(timeS / 3600)} h`;
}

function conditionsLine(spec: Scenario): string {
  const c = spec.crystal;
  const size = 'diameterNm' in c ? `${c.diameterNm} nm ` : 'monolayers' in c ? `${c.monolayers} ML ` : '';
  const r = spec.reagents;
  return `${size}${c.structure} ${c.shape}, ${spec.material}, ${spec.temperatureC} °C; Hg ${r.hgPerCd}, Ag ${r.agPerCd}, thiol ${r.thiolPerCd} per Cd`;
}

/**
 * The paper's quantitative x(t) reference, where this scenario is the experiment it was measured on: IE-CE
 * (Hg + Ag) of zinc-blende CdSe spheres at 80 C, one Fickian D ~ 1e-22 m^2/s (E12), constant surface
 * (Crank eq. 6.20 via src/continuum), x_inf = 1 (conversion to HgSe is nearly complete, E6).
 */
function paperFickProblem(spec: Scenario): FickProblem | undefined {
  const c = spec.crystal;
  const isIece = spec.reagents.agPerCd > 0 && spec.reagents.hgPerCd > 0;
  if (spec.material !== 'CdSe' || c.shape !== 'sphere' || c.structure !== 'zincblende' || !isIece) return undefined;
  if (Math.abs(spec.temperatureC - 80) > 5 || spec.stages.length > 0) return undefined;
  return { geometry: 'sphere', sizeNm: c.diameterNm / 2, dM2PerS: PAPER_IECE_D_M2_PER_S };
}

const band = (mean: readonly number[], sd: readonly number[]) => ({
  lo: mean.map((m, i) => m - sd[i]!),
  hi: mean.map((m, i) => m + sd[i]!),
});

function xtPlot(spec: Scenario, replicas: number, stats: EnsembleStats): string {
  const s = stats.series;
  const timeS = s['timeS']!;
  const xLog = spec.sampleSpacing === 'log';
  const xSeries: PlotSeries[] = [
    { label: `KMC mean ± sd, ${replicas} replicas`, x: timeS, y: s['hgFractionMean']!, band: band(s['hgFractionMean']!, s['hgFractionSd']!) },
  ];
  const problem = paperFickProblem(spec);
  if (problem) {
    // Drawn on a dense grid over the simulated times (skipping t = 0 on a log axis).
    const lo = xLog ? (timeS.find((t) => t > 0) ?? 1) : 0;
    const hi = timeS[timeS.length - 1]!;
    const grid = Array.from({ length: 200 }, (_, i) => (xLog ? lo * (hi / lo) ** (i / 199) : lo + ((hi - lo) * i) / 199));
    xSeries.push({ label: 'Fick sphere, D = 1e-22 m²/s (paper fit, E12)', x: grid, y: Array.from(fickFractions(problem, grid)), dashed: true, color: '#000000' });
    if (hi >= E6_TIME_S) {
      xSeries.push({ label: 'paper: nearly complete HgSe at ~4 h (E6)', x: [E6_TIME_S], y: [E6_FRACTION], line: false, markers: true, color: PALETTE[1]! });
    }
  }
  return renderPlot({
    title: `${spec.name}: exchange kinetics, ${replicas} replicas`,
    subtitle: conditionsLine(spec),
    xLabel: 'time (s)',
    xLog,
    panels: [
      { yLabel: metricLabel('hgFraction'), yRange: [0, 1], series: xSeries },
      {
        yLabel: 'core/shell index',
        weight: 0.6,
        hLines: [{ at: 0, label: 'homogeneous alloy (0)', color: '#999999' }],
        series: [{ label: 'mean ± sd', x: timeS, y: s['coreShellIndexMean']!, band: band(s['coreShellIndexMean']!, s['coreShellIndexSd']!), color: PALETTE[2]! }],
      },
    ],
  });
}

/** Indices of up to `count` non-zero sample times spread evenly (in index) from the first to the last. */
function pickTimes(timesS: readonly number[], count: number): number[] {
  const nonzero = timesS.map((t, i) => [t, i] as const).filter(([t]) => t > 0).map(([, i]) => i);
  if (nonzero.length <= count) return nonzero;
  const picks = new Set<number>();
  for (let k = 0; k < count; k++) picks.add(nonzero[Math.round((k * (nonzero.length - 1)) / (count - 1))]!);
  return [...picks];
}

function profilesPlot(spec: Scenario, replicas: number, stats: EnsembleStats): string {
  const p = stats.profiles;
  const mean = p['hgFractionMean'] as number[][];
  const sd = p['hgFractionSd'] as number[][];
  const problem = paperFickProblem(spec);
  const picked = pickTimes(p.timeS, PROFILE_TIMES);
  const series: PlotSeries[] = picked.map((ti, k) => ({
    label: `t = ${formatTime(p.timeS[ti]!)}`,
    x: p.radiusNm,
    y: mean[ti]!,
    band: band(mean[ti]!, sd[ti]!),
    markers: true,
    color: PALETTE[k % PALETTE.length]!,
  }));
  if (problem) {
    // The continuum profile at the same times, same colours, dashed (one legend entry for all).
    const r = Array.from({ length: 60 }, (_, i) => (problem.sizeNm * i) / 59);
    picked.forEach((ti, k) => {
      series.push({
        ...(k === 0 ? { label: 'Fick, D = 1e-22 m²/s (E12), same times' } : {}),
        x: r,
        y: Array.from(fickProfile(problem, p.timeS[ti]!, r)),
        dashed: true,
        lineWidth: 1.4,
        color: PALETTE[k % PALETTE.length]!,
      });
    });
  }
  const where = spec.crystal.shape === 'platelet' ? 'mid-plane' : spec.crystal.shape === 'rod' ? 'rod axis' : 'centre';
  return renderPlot({
    title: `${spec.name}: radial Hg profiles (mean ± sd over ${replicas} replicas)`,
    subtitle: conditionsLine(spec),
    xLabel: `mean distance of the shell's cation sites from the ${where} (nm)`,
    yLabel: 'Hg fraction in the shell',
    yRange: [0, 1],
    series,
  });
}

/** Write the ensemble plots into DIR; returns their file names. */
export function writeEnsemblePlots(dir: string, manifest: Manifest, stats: EnsembleStats): string[] {
  const spec = manifest.scenarioSpec as Scenario;
  writeFileAtomic(join(dir, XT_SVG), xtPlot(spec, manifest.replicas, stats));
  writeFileAtomic(join(dir, PROFILES_SVG), profilesPlot(spec, manifest.replicas, stats));
  return [XT_SVG, PROFILES_SVG];
}

// ---------------------------------------------------------------- sweeps

export interface SweepPlotRow {
  texts: string[];
  final: Record<string, Moments>;
}

/** Paper landmarks on a swept reagent axis (vertical dashed lines, labelled). */
function sweepLandmarks(key: string): { at: number; label: string }[] {
  if (key === 'reagents.agPerCd') return [{ at: 0.075, label: 'paper: fastest exchange at 0.075 Ag/Cd (E17)' }];
  if (key === 'reagents.thiolPerCd') {
    return [
      { at: 0.6, label: 'paper: optimal window 0.6–1.5 thiol/Cd (E23)' },
      { at: 1.5, label: '' },
    ];
  }
  return [];
}

/** One SVG per final metric: mean ± sd against the first varied key, one line per value of the second. */
export function sweepPlots(scenarioName: string, keys: readonly string[], rows: readonly SweepPlotRow[], replicas: number): Record<string, string> {
  if (rows.length === 0) return {};
  const numeric = rows.every((r) => Number.isFinite(Number(r.texts[0])));
  const firstValues = [...new Set(rows.map((r) => r.texts[0]!))];
  const xOf = (text: string) => (numeric ? Number(text) : firstValues.indexOf(text));
  const xLabel = numeric ? keyLabel(keys[0]!) : `${keys[0]} (${firstValues.map((v, i) => `${i} = ${v}`).join(', ')})`;
  const groups = keys.length > 1 ? [...new Set(rows.map((r) => r.texts[1]!))] : [''];
  const out: Record<string, string> = {};
  for (const metric of Object.keys(rows[0]!.final)) {
    if (metric === 'timeS') continue; // the same for every condition: nothing to plot
    const series: PlotSeries[] = groups.map((g, k) => {
      const members = rows.filter((r) => keys.length < 2 || r.texts[1] === g).sort((a, b) => xOf(a.texts[0]!) - xOf(b.texts[0]!));
      const mean = members.map((r) => r.final[metric]?.mean ?? Number.NaN);
      const sd = members.map((r) => r.final[metric]?.sd ?? Number.NaN);
      return {
        label: keys.length > 1 ? `${keyLabel(keys[1]!)} = ${g}` : 'mean ± sd',
        x: members.map((r) => xOf(r.texts[0]!)),
        y: mean,
        band: band(mean, sd),
        markers: true,
        color: PALETTE[k % PALETTE.length]!,
      };
    });
    const yAll = series.flatMap((s) => [...(s.band!.lo as number[]), ...(s.band!.hi as number[])]).filter(Number.isFinite);
    const yLo = Math.min(...yAll);
    const yHi = Math.max(...yAll);
    const xs = rows.map((r) => xOf(r.texts[0]!));
    if (numeric && yAll.length > 0) {
      // Only landmarks inside the swept range: they must not stretch the axis.
      for (const mark of sweepLandmarks(keys[0]!).filter((m) => m.at >= Math.min(...xs) && m.at <= Math.max(...xs))) {
        series.push({ ...(mark.label ? { label: mark.label } : {}), x: [mark.at, mark.at], y: [yLo, yHi], dashed: true, lineWidth: 1.2, color: '#555555' });
      }
    }
    out[metric] = renderPlot({
      title: `${scenarioName}: final ${metric} against ${keys[0]}`,
      subtitle: `points: mean over ${replicas} replicas per condition; bands: ± sd`,
      xLabel,
      yLabel: `final ${metricLabel(metric)}`,
      series,
    });
  }
  return out;
}

/** Write sweep-<metric>.svg for every final metric; returns the file names. */
export function writeSweepPlots(dir: string, base: Scenario, keys: readonly string[], rows: readonly SweepPlotRow[], replicas: number): string[] {
  const files: string[] = [];
  for (const [metric, svg] of Object.entries(sweepPlots(base.name, keys, rows, replicas))) {
    const name = `sweep-${metric}.svg`;
    writeFileAtomic(join(dir, name), svg);
    files.push(name);
  }
  return files;
}
