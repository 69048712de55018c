// The report's figures as SVG text (sim/plots.ts renderPlot): x(t) and core/shell index with their spread for
// paired ensembles, radial profiles at 1 h and 4 h, the Ag-dose and thiol curves, and the optics comparison.
// Thresholds of criteria.ts and the paper's numbers are drawn as reference lines. Times s, lengths nm, eV.
import { fickFractions, fickProfile, PAPER_1S1S_EV, PAPER_IECE_D_M2_PER_S } from '../../src/index.js';
import { keyLabel, metricLabel } from '../ensemble/plots.js';
import { PALETTE, renderPlot, type PlotSeries } from '../plots.js';
import { c, formatTime, HOUR_S, type Stat } from './criteria.js';
import type { EnsembleMetrics } from './metrics.js';
import type { OpticsSummary } from './optics.js';
import { ensembleRef, sweepRefs, AG_DOSE, THIOL, type EnsembleRef, type SweepSpec } from './outcomes.js';

export interface Figure {
  /** File name under docs/validation/. */
  readonly file: string;
  /** Report section it belongs to. */
  readonly section: 'kinetics' | 'sweeps' | 'optics' | 'more';
  readonly caption: string;
  readonly svg: string;
}

export type Lookup = (ref: EnsembleRef) => EnsembleMetrics | undefined;

const CE_COLOR = PALETTE[0]!;
const IECE_COLOR = PALETTE[1]!;
const REFERENCE_COLOR = '#000000';

const meanOf = (stats: readonly Stat[]) => stats.map((s) => s.mean);
const bandOf = (stats: readonly Stat[]) => ({ lo: stats.map((s) => s.mean - s.sd), hi: stats.map((s) => s.mean + s.sd) });

function conditions(m: EnsembleMetrics): string {
  const cr = m.spec.crystal;
  const size = 'diameterNm' in cr ? `${cr.diameterNm} nm` : 'monolayers' in cr ? `${cr.monolayers} ML` : '';
  return `${size} ${cr.structure} ${m.spec.material}, ${m.spec.temperatureC} °C`;
}

interface Curve {
  label: string;
  m: EnsembleMetrics;
  color: string;
}

/** One mean ± sd line per ensemble against time; unlabelled series stay out of the legend (it lists thresholds). */
function timeSeries(curves: readonly Curve[], stats: (m: EnsembleMetrics) => readonly Stat[], labelled: boolean): PlotSeries[] {
  return curves.map(({ label, m, color }) => {
    const st = stats(m);
    return { ...(labelled ? { label: `${label} (${m.replicas} replicas)` } : {}), x: m.timesS, y: meanOf(st), band: bandOf(st), color };
  });
}

/** x(t) and core/shell index, mean ± sd, for a few ensembles; the paper's Fick curve where asked. */
function xtFigure(file: string, section: Figure['section'], title: string, curves: readonly Curve[], caption: string, paperFick = false): Figure {
  const xSeries = timeSeries(curves, (m) => m.seriesStats('hgFraction'), true);
  const csiSeries = timeSeries(curves, (m) => m.seriesStats('coreShellIndex'), false);
  const iece = curves.find((cv) => cv.m.spec.reagents.agPerCd > 0)?.m;
  if (paperFick && iece && iece.spec.crystal.shape === 'sphere') {
    const times = iece.timesS.filter((v) => v > 0);
    const lo = times[0]!;
    const hi = times[times.length - 1]!;
    const grid = Array.from({ length: 200 }, (_, i) => lo * (hi / lo) ** (i / 199));
    const fick = fickFractions({ geometry: 'sphere', sizeNm: iece.spec.crystal.diameterNm / 2, dM2PerS: PAPER_IECE_D_M2_PER_S }, grid);
    xSeries.push({ label: `paper: Fick sphere, D = ${PAPER_IECE_D_M2_PER_S} m²/s (E12)`, x: grid, y: Array.from(fick), dashed: true, color: REFERENCE_COLOR });
  }
  const svg = renderPlot({
    title,
    subtitle: `${[...new Set(curves.map((cv) => conditions(cv.m)))].join(' / ')}; bands: ± sd over replicas; dashed verticals: ${formatTime(c('checkTimeS'))} and ${formatTime(c('completeTimeS'))}`,
    xLabel: 'time (s)',
    xLog: true,
    vLines: [{ at: c('checkTimeS') }, { at: c('completeTimeS') }],
    panels: [
      { yLabel: metricLabel('hgFraction'), yRange: [0, 1], series: xSeries, hLines: [{ at: c('completeMin'), label: `criterion: nearly complete (x = ${c('completeMin')})`, color: '#777777' }] },
      {
        yLabel: 'core/shell index',
        weight: 0.7,
        series: csiSeries,
        hLines: [
          { at: c('coreShellMin'), label: `core/shell ≥ ${c('coreShellMin')}`, color: '#777777' },
          { at: c('alloyMax'), label: `alloy ≤ ${c('alloyMax')}`, color: '#bbbbbb' },
        ],
      },
    ],
  });
  return { file, section, caption, svg };
}

function profilesFigure(ce: EnsembleMetrics, iece: EnsembleMetrics): Figure {
  const series: PlotSeries[] = [];
  const times = [c('checkTimeS'), c('completeTimeS')];
  for (const [k, timeS] of times.entries()) {
    for (const { label, m, color } of [{ label: 'CE', m: ce, color: CE_COLOR }, { label: 'IE-CE', m: iece, color: IECE_COLOR }]) {
      const p = m.profileAt(timeS);
      if (!p) continue;
      series.push({ label: `${label}, ${formatTime(timeS)}`, x: p.radiusNm, y: meanOf(p.hgFraction), band: bandOf(p.hgFraction), color, dashed: k > 0, markers: true });
    }
    if (iece.spec.crystal.shape === 'sphere') {
      const radiusNm = iece.spec.crystal.diameterNm / 2;
      const r = Array.from({ length: 60 }, (_, i) => (radiusNm * i) / 59);
      const y = fickProfile({ geometry: 'sphere', sizeNm: radiusNm, dM2PerS: PAPER_IECE_D_M2_PER_S }, timeS, r);
      series.push({ label: `paper D (Fick), ${formatTime(timeS)}`, x: r, y: Array.from(y), color: REFERENCE_COLOR, dashed: k > 0, lineWidth: 1.2 });
    }
  }
  const svg = renderPlot({
    title: 'Radial Hg profiles: CE vs IE-CE',
    subtitle: `${conditions(iece)}; mean ± sd over replicas; black: Fick sphere with the paper's D = ${PAPER_IECE_D_M2_PER_S} m²/s (E12)`,
    xLabel: "mean distance of the shell's cation sites from the centre (nm)",
    yLabel: 'Hg fraction in the shell',
    yRange: [0, 1],
    series,
  });
  return {
    file: 'profiles-ce-vs-iece.svg',
    section: 'kinetics',
    caption: `Radial Hg profiles at ${formatTime(c('checkTimeS'))} (solid) and ${formatTime(c('completeTimeS'))} (dashed). A core/shell has Hg outside and Cd inside; an alloy is flat.`,
    svg,
  };
}

interface SweepPoint {
  value: number;
  m: EnsembleMetrics;
}

function sweepPoints(lookup: Lookup, sweep: SweepSpec): SweepPoint[] | undefined {
  const points = sweepRefs(sweep).map((ref, i) => ({ value: Number(sweep.texts[i]), m: lookup(ref) }));
  if (points.some((p) => p.m === undefined)) return undefined;
  return points as SweepPoint[];
}

function sweepSeries(points: readonly SweepPoint[], stat: (m: EnsembleMetrics) => Stat, label: string, color: string): PlotSeries {
  const stats = points.map((p) => stat(p.m));
  return { label, x: points.map((p) => p.value), y: meanOf(stats), band: bandOf(stats), markers: true, color };
}

function doseFigure(points: readonly SweepPoint[]): Figure {
  const t = c('checkTimeS');
  const svg = renderPlot({
    title: 'Ag dose response (zb-ag-dose-80c)',
    subtitle: `${conditions(points[0]!.m)}; mean ± sd over ${points[0]!.m.replicas} replicas; dashed vertical: the paper's optimum 0.075 Ag/Cd (E17)`,
    xLabel: keyLabel(AG_DOSE.key),
    vLines: [{ at: 0.075 }],
    panels: [
      { yLabel: `Hg fraction x at ${formatTime(t)}`, series: [sweepSeries(points, (m) => m.at('hgFraction', t), `x(${formatTime(t)})`, PALETTE[2]!)] },
      { yLabel: metricLabel('agSubstitutional'), weight: 0.7, series: [sweepSeries(points, (m) => m.final('agSubstitutional'), 'Ag_Cd at the end', PALETTE[3]!)] },
    ],
  });
  return { file: 'ag-dose.svg', section: 'sweeps', caption: `Extent of exchange after ${formatTime(t)} and Ag on cation sites (Ag_Cd, the cluster proxy) against the Ag dose.`, svg };
}

function thiolFigure(points: readonly SweepPoint[]): Figure {
  const surface = points[0]!.m.surfaceFraction;
  const svg = renderPlot({
    title: 'Thiol response with Ag (zb-thiol-80c)',
    subtitle: `mean ± sd; dashed verticals: ${Number.isFinite(surface) ? `surface-cation fraction ${surface.toFixed(2)} (E25), ` : ''}the paper's window ${c('thiolWindowLo')}-${c('thiolWindowHi')} (E23)`,
    xLabel: keyLabel(THIOL.key),
    xLog: true,
    vLines: [{ at: surface, color: '#999999' }, { at: c('thiolWindowLo') }, { at: c('thiolWindowHi') }],
    panels: [
      {
        yLabel: `Hg fraction x at ${formatTime(c('completeTimeS'))}`,
        yRange: [0, 1],
        series: [sweepSeries(points, (m) => m.at('hgFraction', c('completeTimeS')), `x(${formatTime(c('completeTimeS'))})`, PALETTE[2]!)],
        hLines: [{ at: c('noExchangeMax'), label: `almost no exchange ≤ ${c('noExchangeMax')}`, color: '#999999' }],
      },
      {
        yLabel: `core/shell index at ${formatTime(c('checkTimeS'))}`,
        weight: 0.8,
        series: [sweepSeries(points, (m) => m.at('coreShellIndex', c('checkTimeS')), `coreShellIndex(${formatTime(c('checkTimeS'))})`, PALETTE[3]!)],
        hLines: [
          { at: c('coreShellMin'), label: `core/shell ≥ ${c('coreShellMin')}`, color: '#777777' },
          { at: c('alloyMax'), label: `alloy ≤ ${c('alloyMax')}`, color: '#bbbbbb' },
        ],
      },
    ],
  });
  return { file: 'thiol.svg', section: 'sweeps', caption: 'Extent of exchange and core/shell index against the thiol amount (with 0.075 Ag/Cd).', svg };
}

function opticsTimeFigure(optics: OpticsSummary, ce: EnsembleMetrics | undefined, iece: EnsembleMetrics | undefined): Figure {
  const series: PlotSeries[] = [];
  for (const { label, m, color, paperEv } of [
    { label: 'CE', m: ce, color: CE_COLOR, paperEv: PAPER_1S1S_EV.ce1h },
    { label: 'IE-CE', m: iece, color: IECE_COLOR, paperEv: PAPER_1S1S_EV.ieCe1h },
  ]) {
    if (!m) continue;
    const track = m.opticsTrack();
    series.push({ label: `${label}, EMA of the simulated profiles`, x: track.map((p) => p.timeS), y: track.map((p) => p.e1s1sEv.mean), band: bandOf(track.map((p) => p.e1s1sEv)), color });
    series.push({ label: `paper ${label}, 1 h: ${paperEv} eV`, x: [HOUR_S], y: [paperEv], line: false, markers: true, color });
  }
  const svg = renderPlot({
    title: '1S-1S energy during exchange',
    subtitle: `${optics.diameterNm} nm; bands ± sd over replicas; dashed vertical: 1 h`,
    xLabel: 'time (s)',
    xLog: true,
    yLabel: '1S-1S energy (eV)',
    vLines: [{ at: HOUR_S }],
    hLines: [{ at: optics.paperParentEv, label: `paper: parent CdSe ${optics.paperParentEv} eV`, color: '#777777' }],
    series,
  });
  return { file: 'optics-time.svg', section: 'optics', caption: 'EMA 1S-1S energy of the simulated radial profiles against time, with the paper\'s 1 h absorption peaks (E3, E4).', svg };
}

function opticsXFigure(optics: OpticsSummary, ce: EnsembleMetrics | undefined, iece: EnsembleMetrics | undefined): Figure {
  const series: PlotSeries[] = [
    { label: 'EMA, homogeneous alloy', x: optics.curves.x, y: optics.curves.alloyEv, dashed: true, color: '#555555', lineWidth: 1.4 },
    { label: 'EMA, CdSe/HgSe core/shell', x: optics.curves.x, y: optics.curves.coreShellEv, dashed: true, color: REFERENCE_COLOR, lineWidth: 1.4 },
  ];
  for (const { label, m, color } of [{ label: 'CE simulated', m: ce, color: CE_COLOR }, { label: 'IE-CE simulated', m: iece, color: IECE_COLOR }]) {
    if (!m) continue;
    const track = m.opticsTrack().filter((p) => p.timeS > 0);
    series.push({ label, x: track.map((p) => p.emaHgFraction.mean), y: track.map((p) => p.e1s1sEv.mean), band: bandOf(track.map((p) => p.e1s1sEv)), markers: true, color });
  }
  const svg = renderPlot({
    title: '1S-1S energy against composition (bowing, E33)',
    subtitle: `${optics.diameterNm} nm; simulated: per sample time, band ± sd; paper: 1 h energies (x not reported)`,
    xLabel: 'Hg fraction x (volume mean over the EMA layers)',
    yLabel: '1S-1S energy (eV)',
    xRange: [0, 1],
    hLines: [
      { at: PAPER_1S1S_EV.ce1h, label: `paper CE 1 h (${PAPER_1S1S_EV.ce1h} eV)`, color: CE_COLOR },
      { at: PAPER_1S1S_EV.ieCe1h, label: `paper IE-CE 1 h (${PAPER_1S1S_EV.ieCe1h} eV)`, color: IECE_COLOR },
    ],
    series,
  });
  return { file: 'optics-x.svg', section: 'optics', caption: 'EMA 1S-1S against the Hg fraction: ideal alloy and core/shell spheres (dashed) and the simulated CE and IE-CE tracks.', svg };
}

/** Where the Ag is: the fraction of the dose in the crystal against time, with x, for the IE-CE runs (E6, E48). */
function agFateFigure(curves: readonly Curve[]): Figure {
  const xSeries = timeSeries(curves, (m) => m.seriesStats('hgFraction'), true);
  const agSeries = timeSeries(curves, (m) => m.timesS.map((t) => m.agRetainedAt(t)), false);
  const svg = renderPlot({
    title: 'Where the Ag goes: in while the crystal is Cd-rich, out once it is HgSe',
    subtitle: `bands: ± sd over replicas; dashed vertical: ${formatTime(c('completeTimeS'))}`,
    xLabel: 'time (s)',
    xLog: true,
    vLines: [{ at: c('completeTimeS') }],
    panels: [
      { yLabel: metricLabel('hgFraction'), yRange: [0, 1], series: xSeries },
      {
        yLabel: 'Ag in the crystal (of the dose)',
        yRange: [0, 1],
        series: agSeries,
        hLines: [{ at: c('fewAgMax'), label: `criterion: few Ag remain (≤ ${c('fewAgMax')} at ${formatTime(c('completeTimeS'))}, E6)`, color: '#777777' }],
      },
    ],
  });
  return {
    file: 'ag-fate.svg',
    section: 'kinetics',
    caption: 'Ag_i + Ag_Cd in the crystal as a fraction of the Ag dose, and the Hg fraction, against time: the Ag enters within a minute and leaves as the crystal turns to HgSe (agSolubilityHgEv; E6 "few Ag remain", E48 5:4 platelets).',
    svg,
  };
}

const ref = ensembleRef;

/** Every figure whose ensembles are available. */
export function validationFigures(lookup: Lookup, optics: OpticsSummary | undefined): Figure[] {
  const figures: Figure[] = [];
  const pair = (file: string, section: Figure['section'], title: string, a: string, b: string, caption: string, paperFick = false) => {
    const ma = lookup(ref(a));
    const mb = lookup(ref(b));
    if (ma && mb) figures.push(xtFigure(file, section, title, [{ label: a, m: ma, color: CE_COLOR }, { label: b, m: mb, color: IECE_COLOR }], caption, paperFick));
  };
  pair('xt-ce-vs-iece.svg', 'kinetics', 'Exchange kinetics: CE vs IE-CE at 80 °C', 'zb-ce-80c', 'zb-iece-80c', 'Hg fraction and core/shell index against time, CE (Hg only) and IE-CE (Hg + 0.075 Ag/Cd); black dashed: the paper\'s Fickian fit (E12).', true);
  const ce = lookup(ref('zb-ce-80c'));
  const iece = lookup(ref('zb-iece-80c'));
  if (ce && iece) figures.push(profilesFigure(ce, iece));
  const agRuns = [
    { label: 'zb-iece-80c', m: iece, color: IECE_COLOR },
    { label: 'npl45-iece-rt', m: lookup(ref('npl45-iece-rt')), color: PALETTE[2]! },
    { label: 'cdte-iece-rt', m: lookup(ref('cdte-iece-rt')), color: PALETTE[3]! },
  ].filter((cv): cv is Curve => cv.m !== undefined);
  if (agRuns.length > 0) figures.push(agFateFigure(agRuns));
  const dose = sweepPoints(lookup, AG_DOSE);
  if (dose) figures.push(doseFigure(dose));
  const thiol = sweepPoints(lookup, THIOL);
  if (thiol) figures.push(thiolFigure(thiol));
  if (optics) figures.push(opticsTimeFigure(optics, ce, iece), opticsXFigure(optics, ce, iece));
  pair('xt-rt-nothiol.svg', 'more', 'Room temperature, no thiol: CE vs IE-CE', 'zb-ce-rt-nothiol', 'zb-iece-rt-nothiol', 'E14, E15: both stay core/shell; Ag raises D a few-fold; the burst is the same.');
  pair('xt-250c.svg', 'more', 'CE at 80 °C vs 250 °C', 'zb-ce-80c', 'zb-ce-250c', 'E16: thermal alloying without Ag near 250 °C.');
  pair('xt-wurtzite.svg', 'more', 'Wurtzite: CE vs IE-CE at 80 °C', 'wz-ce-80c', 'wz-iece-80c', 'E41, E43: CE halts, IE-CE completes.');
  pair('xt-platelets.svg', 'more', '4.5 ML platelets at 25 °C: CE vs IE-CE', 'npl45-ce-rt', 'npl45-iece-rt', 'E45, E46, E48 (the core/shell index compares the outer and inner halves of the cation planes).');
  pair('xt-cds.svg', 'more', 'CdS: CE vs IE-CE at 80 °C', 'cds-ce-80c', 'cds-iece-80c', 'E53: no Ag enhancement in CdS.');
  pair('xt-cdses.svg', 'more', 'CdSe0.5S0.5: CE vs IE-CE at 80 °C', 'cdses-ce-80c', 'cdses-iece-80c', 'E50: Ag accelerates exchange.');
  const purified = lookup(ref('zb-purified-ag-80c'));
  if (purified) figures.push(xtFigure('xt-purified.svg', 'more', 'Purified CE product + Ag (zb-purified-ag-80c)', [{ label: 'zb-purified-ag-80c', m: purified, color: PALETTE[2]! }], 'E19: purification and Ag addition at 1 h; x stays constant while the core/shell index falls.'));
  const sizes = ['2.3', '2.7', '3.3', '4.0'].map((d, k) => ({ label: `${d} nm`, m: lookup(ref(`zb-iece-80c-d${d}`)), color: PALETTE[k]! }));
  if (sizes.every((s) => s.m)) figures.push(xtFigure('xt-sizes.svg', 'more', 'IE-CE size series at 80 °C', sizes as Curve[], 'E9: every size converts within several hours.'));
  return figures;
}
