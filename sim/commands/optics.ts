// `cxsim optics DIR`: the EMA readout (1S-1S energy eV, overlap, surface localisation) of a run's or an
// ensemble's profiles.csv -> optics.csv, optics.svg, final.e1s1sEv/overlap in summary.json. No physics here.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import {
  DEFAULT_OUTSIDE_MASS_M0, alloySphere, coreShellSphere, opticsOfLayers, opticsSeries,
  type OpticsParticle, type OpticsPoint, type OutsideMass, type ProfileSample,
} from '../../src/index.js';
import { UsageError } from '../errors.js';
import { readJsonFile, readTextFile, writeFileAtomic, writeJsonAtomic } from '../files.js';
import { ENSEMBLE_FILE, REPLICAS_DIR } from '../ensemble/layout.js';
import { parseNumericCsv } from '../ensemble/replica-files.js';
import { moments } from '../ensemble/stats.js';
import { PROFILES_FILE, PROFILE_COLUMNS, SUMMARY_FILE, formatCsvNumber } from '../run-scenario.js';

export const OPTICS_CSV = 'optics.csv';
export const OPTICS_SVG = 'optics.svg';
const OPTICS_COLUMNS = ['timeS', 'hgFraction', 'e1s1sEv', 'overlap', 'surfaceLocalisation'] as const;
type OpticsColumn = (typeof OPTICS_COLUMNS)[number];

// ---------------------------------------------------------------------------------------------
// Inputs

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** --outside-mass: a mass in m0 or "inside" (each carrier keeps the outermost layer's mass). */
export function parseOutsideMass(text: string): OutsideMass {
  const t = text.trim();
  if (t === 'inside') return 'inside';
  if (NUMBER.test(t) && Number(t) > 0) return Number(t);
  throw new UsageError(`--outside-mass: expected a mass in m0 > 0 (e.g. 0.34) or "inside", got "${text}"`);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Particle size from summary.json's scenarioSpec.crystal; the EMA tables cover CdSe/HgSe only. */
export function particleFromSummary(summary: unknown, path: string): OpticsParticle {
  if (!isObject(summary)) throw new UsageError(`${path}: expected a JSON object`);
  const spec = summary['scenarioSpec'];
  const crystal = isObject(spec) ? spec['crystal'] : undefined;
  if (!isObject(crystal)) throw new UsageError(`${path}: missing key scenarioSpec.crystal`);
  const material = (isObject(summary['crystal']) ? summary['crystal']['material'] : undefined) ?? (isObject(spec) ? spec['material'] : undefined);
  if (material !== 'CdSe') {
    throw new UsageError(`${path}: crystal.material is ${JSON.stringify(material)}; the EMA parameters exist for CdSe (Hg_xCd1-xSe) only`);
  }
  const positive = (key: string): number => {
    const v = crystal[key];
    if (typeof v !== 'number' || !(v > 0)) throw new UsageError(`${path}: scenarioSpec.crystal.${key} must be a number > 0, got ${JSON.stringify(v)}`);
    return v;
  };
  if (crystal['shape'] === 'sphere') return { shape: 'sphere', diameterNm: positive('diameterNm') };
  if (crystal['shape'] === 'platelet') return { shape: 'platelet', monolayers: positive('monolayers') };
  throw new UsageError(`${path}: scenarioSpec.crystal.shape is ${JSON.stringify(crystal['shape'])}; optics handles sphere and platelet`);
}

/** profiles.csv rows (columns by name, extra columns ignored); every problem names the file. */
export function parseProfilesCsv(text: string, path: string): ProfileSample[] {
  const table = parseNumericCsv(text, path);
  const missing = PROFILE_COLUMNS.filter((c) => !table.columns.includes(c));
  if (missing.length > 0) throw new UsageError(`${path}: missing column(s) ${missing.join(', ')} (expected ${PROFILE_COLUMNS.join(',')})`);
  if (table.rows === 0) throw new UsageError(`${path}: no profile rows`);
  const { timeS, shell, radiusNm, hgFraction } = table.data as Record<(typeof PROFILE_COLUMNS)[number], Float64Array>;
  const rows: ProfileSample[] = [];
  for (let r = 0; r < table.rows; r++) {
    if (!(hgFraction[r]! >= 0 && hgFraction[r]! <= 1)) throw new UsageError(`${path}: line ${r + 2}: hgFraction must lie in [0, 1], got ${hgFraction[r]}`);
    rows.push({ timeS: timeS[r]!, shell: shell[r]!, radiusNm: radiusNm[r]!, hgFraction: hgFraction[r]! });
  }
  return rows;
}

interface RunOptics {
  dir: string;
  summary: Json;
  series: OpticsPoint[];
}

function opticsOfRun(dir: string, outsideMass: OutsideMass): RunOptics {
  const summaryPath = join(dir, SUMMARY_FILE);
  const summary = readJsonFile(summaryPath, 'run summary') as Json;
  const particle = particleFromSummary(summary, summaryPath);
  const profilesPath = join(dir, PROFILES_FILE);
  const rows = parseProfilesCsv(readTextFile(profilesPath, 'profile table'), profilesPath);
  try {
    return { dir, summary, series: opticsSeries(particle, rows, { outsideMass }) };
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(`${profilesPath}: ${err.message}`);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Outputs

type OpticsRow = Record<OpticsColumn, number>;

/** One row per time; an unbound carrier leaves NaN in the optical columns (JSON: null). */
function rowOf(point: OpticsPoint): OpticsRow {
  const o = point.optics;
  return {
    timeS: point.timeS,
    hgFraction: o.hgFraction,
    e1s1sEv: o.bound ? o.e1s1sEv : NaN,
    overlap: o.bound ? o.overlap : NaN,
    surfaceLocalisation: o.bound ? o.surfaceLocalisation : NaN,
  };
}

function csv(columns: readonly string[], rows: readonly Record<string, number>[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => formatCsvNumber(r[c]!)).join(','))].join('\n') + '\n';
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** summary.json with final.e1s1sEv and final.overlap added; every other key kept as it was. */
function summaryWithOptics(summary: Json, last: OpticsRow): Json {
  const final = isObject(summary['final']) ? summary['final'] : {};
  return { ...summary, final: { ...final, e1s1sEv: finiteOrNull(last.e1s1sEv), overlap: finiteOrNull(last.overlap) } };
}

type EnsembleRow = OpticsRow & Record<`${Exclude<OpticsColumn, 'timeS'>}Sd`, number> & { replicas: number };

/** Mean and sd per sample time over replicas (optical columns over replicas with both carriers bound). */
function ensembleRows(runs: readonly RunOptics[]): EnsembleRow[] {
  const byTime = new Map<number, OpticsRow[]>();
  for (const run of runs) {
    for (const point of run.series) {
      const list = byTime.get(point.timeS) ?? [];
      list.push(rowOf(point));
      byTime.set(point.timeS, list);
    }
  }
  return [...byTime.keys()].sort((a, b) => a - b).map((timeS) => {
    const rows = byTime.get(timeS)!;
    const bound = rows.filter((r) => Number.isFinite(r.e1s1sEv));
    const x = moments(rows.map((r) => r.hgFraction));
    const e = moments(bound.map((r) => r.e1s1sEv));
    const o = moments(bound.map((r) => r.overlap));
    const s = moments(bound.map((r) => r.surfaceLocalisation));
    return {
      timeS, hgFraction: x.mean, e1s1sEv: e.mean, overlap: o.mean, surfaceLocalisation: s.mean,
      hgFractionSd: x.sd, e1s1sEvSd: e.sd, overlapSd: o.sd, surfaceLocalisationSd: s.sd, replicas: bound.length,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// A minimal SVG line plot (sim/plots.ts did not exist when this was written).

interface Line {
  label: string;
  color: string;
  x: readonly number[];
  y: readonly number[];
  sd?: readonly number[];
}
interface Panel {
  xLabel: string;
  yLabel: string;
  logX: boolean;
  lines: Line[];
}

const PANEL_W = 540;
const PANEL_H = 300;
const MARGIN = { left: 62, right: 16, top: 36, bottom: 48 };
const LEGEND_W = 120; // legend column to the right of each plot box

function niceTicks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9 * span; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (v: number): string => String(Number(v.toPrecision(4)));

function renderPanel(panel: Panel, offsetX: number): string {
  const pts = panel.lines.flatMap((l) =>
    l.x.map((x, i) => ({ x, y: l.y[i]!, sd: l.sd?.[i] ?? 0 })).filter((p) => Number.isFinite(p.y) && (!panel.logX || p.x > 0)),
  );
  const out: string[] = [];
  const w = PANEL_W - MARGIN.left - MARGIN.right - LEGEND_W;
  const h = PANEL_H - MARGIN.top - MARGIN.bottom;
  const x0 = offsetX + MARGIN.left;
  const y0 = MARGIN.top;
  out.push(`<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="none" stroke="#444"/>`);
  out.push(`<text x="${x0 + w / 2}" y="${PANEL_H - 10}" text-anchor="middle">${esc(panel.xLabel)}</text>`);
  out.push(`<text transform="translate(${offsetX + 16},${y0 + h / 2}) rotate(-90)" text-anchor="middle">${esc(panel.yLabel)}</text>`);
  if (pts.length === 0) {
    out.push(`<text x="${x0 + w / 2}" y="${y0 + h / 2}" text-anchor="middle">no bound states to plot</text>`);
    return out.join('\n');
  }
  const tx = (v: number): number => (panel.logX ? Math.log10(v) : v);
  let xLo = Math.min(...pts.map((p) => tx(p.x)));
  let xHi = Math.max(...pts.map((p) => tx(p.x)));
  let yLo = Math.min(...pts.map((p) => p.y - p.sd));
  let yHi = Math.max(...pts.map((p) => p.y + p.sd));
  if (xHi === xLo) [xLo, xHi] = [xLo - 0.5, xHi + 0.5];
  const pad = 0.05 * (yHi - yLo || 0.1);
  [yLo, yHi] = [yLo - pad, yHi + pad];
  const sx = (v: number): number => x0 + ((tx(v) - xLo) / (xHi - xLo)) * w;
  const sy = (v: number): number => y0 + h - ((v - yLo) / (yHi - yLo)) * h;
  const xTicks = panel.logX
    ? niceTicks(Math.ceil(xLo), Math.floor(xHi), Math.min(6, Math.max(1, Math.floor(xHi) - Math.ceil(xLo)))).filter(Number.isInteger)
    : niceTicks(xLo, xHi, 5);
  for (const t of xTicks) {
    const px = panel.logX ? x0 + ((t - xLo) / (xHi - xLo)) * w : sx(t);
    out.push(`<line x1="${px.toFixed(1)}" y1="${y0 + h}" x2="${px.toFixed(1)}" y2="${y0 + h + 5}" stroke="#444"/>`);
    out.push(`<text x="${px.toFixed(1)}" y="${y0 + h + 18}" text-anchor="middle">${panel.logX ? `1e${t}` : fmt(t)}</text>`);
  }
  for (const t of niceTicks(yLo, yHi, 5)) {
    out.push(`<line x1="${x0 - 5}" y1="${sy(t).toFixed(1)}" x2="${x0}" y2="${sy(t).toFixed(1)}" stroke="#444"/>`);
    out.push(`<text x="${x0 - 8}" y="${(sy(t) + 4).toFixed(1)}" text-anchor="end">${fmt(t)}</text>`);
  }
  panel.lines.forEach((line, k) => {
    const p = line.x.map((x, i) => ({ x, y: line.y[i]!, sd: line.sd?.[i] ?? 0 })).filter((q) => Number.isFinite(q.y) && (!panel.logX || q.x > 0));
    if (p.some((q) => q.sd > 0)) {
      const band = [...p.map((q) => `${sx(q.x).toFixed(1)},${sy(q.y + q.sd).toFixed(1)}`), ...p.reverse().map((q) => `${sx(q.x).toFixed(1)},${sy(q.y - q.sd).toFixed(1)}`)];
      p.reverse();
      out.push(`<polygon points="${band.join(' ')}" fill="${line.color}" fill-opacity="0.2" stroke="none"/>`);
    }
    out.push(`<polyline points="${p.map((q) => `${sx(q.x).toFixed(1)},${sy(q.y).toFixed(1)}`).join(' ')}" fill="none" stroke="${line.color}" stroke-width="1.8"/>`);
    for (const q of p) out.push(`<circle cx="${sx(q.x).toFixed(1)}" cy="${sy(q.y).toFixed(1)}" r="2.2" fill="${line.color}"/>`);
    out.push(`<text x="${x0 + w + 8}" y="${y0 + 12 + 15 * k}" fill="${line.color}">${esc(line.label)}</text>`);
  });
  return out.join('\n');
}

/** Panels side by side with a title line; fixed size, no scripts, no external fonts. */
export function renderPanelsSvg(title: string, panels: readonly Panel[]): string {
  const width = PANEL_W * panels.length;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${PANEL_H}" viewBox="0 0 ${width} ${PANEL_H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${PANEL_H}" fill="white"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${esc(title)}</text>`,
    ...panels.map((p, i) => renderPanel(p, i * PANEL_W)),
    '</svg>',
    '',
  ].join('\n');
}

function opticsSvg(title: string, rows: readonly (OpticsRow & Partial<EnsembleRow>)[]): string {
  const positive = rows.map((r) => r.timeS).filter((t) => t > 0);
  const logX = positive.length > 1 && Math.max(...positive) / Math.min(...positive) >= 100;
  const e = rows.map((r) => r.e1s1sEv);
  const sd = rows.map((r) => r.e1s1sEvSd ?? 0);
  const lines = (x: number[]): Line[] => [{ label: '1S-1S (EMA)', color: '#1f77b4', x, y: e, sd }];
  return renderPanelsSvg(title, [
    { xLabel: logX ? 'time (s, log; t = 0 not shown)' : 'time (s)', yLabel: '1S-1S energy (eV)', logX, lines: lines(rows.map((r) => r.timeS)) },
    { xLabel: 'Hg fraction x (volume mean)', yLabel: '1S-1S energy (eV)', logX: false, lines: lines(rows.map((r) => r.hgFraction)) },
  ]);
}

function massLabel(m: OutsideMass): string {
  return m === 'inside' ? 'm_out = m_in' : `m_out = ${m} m0`;
}

// ---------------------------------------------------------------------------------------------
// Commands

function replicaDirs(ensembleDir: string): string[] {
  const root = join(ensembleDir, REPLICAS_DIR);
  if (!existsSync(root)) throw new UsageError(`${ensembleDir}: ensemble without a ${REPLICAS_DIR}/ folder`);
  const dirs = readdirSync(root)
    .filter((d) => /^\d+$/.test(d) && existsSync(join(root, d, SUMMARY_FILE)))
    .sort((a, b) => Number(a) - Number(b))
    .map((d) => join(root, d));
  if (dirs.length === 0) throw new UsageError(`${root}: no finished replica (a folder NNNN with ${SUMMARY_FILE})`);
  return dirs;
}

interface OpticsArgs {
  dir: string;
  'outside-mass': string;
}

export const opticsCommand: CommandModule<object, OpticsArgs> = {
  command: 'optics <dir>',
  describe: 'EMA readout of a run or ensemble: 1S-1S energy, e-h overlap, surface localisation -> optics.csv/.svg',
  builder: (y: Argv<object>) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'Run folder (summary.json, profiles.csv) or ensemble folder' })
      .option('outside-mass', {
        type: 'string',
        default: String(DEFAULT_OUTSIDE_MASS_M0),
        describe: 'Carrier mass outside the NC, m0, or "inside" (0.34 reproduces 2.24 eV for 3.3 nm CdSe)',
      }) as Argv<OpticsArgs>,
  handler: (argv) => {
    const outsideMass = parseOutsideMass(argv['outside-mass']);
    const dir = argv.dir;
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: run or ensemble folder not found`);
    const isRun = existsSync(join(dir, SUMMARY_FILE));
    if (!isRun && !existsSync(join(dir, ENSEMBLE_FILE)) && !existsSync(join(dir, REPLICAS_DIR))) {
      throw new UsageError(`${dir}: neither a run (${SUMMARY_FILE}) nor an ensemble (${ENSEMBLE_FILE}, ${REPLICAS_DIR}/)`);
    }
    // Everything is computed before the first write, so bad input leaves no partial outputs.
    const runs = (isRun ? [dir] : replicaDirs(dir)).map((d) => opticsOfRun(d, outsideMass));
    const label = massLabel(outsideMass);
    for (const run of runs) {
      const rows = run.series.map(rowOf);
      writeFileAtomic(join(run.dir, OPTICS_CSV), csv(OPTICS_COLUMNS, rows));
      if (isRun) writeFileAtomic(join(run.dir, OPTICS_SVG), opticsSvg(`${String(run.summary['scenario'] ?? dir)}: EMA 1S-1S (${label})`, rows));
      writeJsonAtomic(join(run.dir, SUMMARY_FILE), summaryWithOptics(run.summary, rows[rows.length - 1]!));
    }
    let rows: OpticsRow[] = runs[0]!.series.map(rowOf);
    if (!isRun) {
      const ensemble = ensembleRows(runs);
      const columns = [...OPTICS_COLUMNS, ...OPTICS_COLUMNS.slice(1).map((c) => `${c}Sd`), 'replicas'];
      writeFileAtomic(join(dir, OPTICS_CSV), csv(columns, ensemble));
      writeFileAtomic(join(dir, OPTICS_SVG), opticsSvg(`${runs.length} replicas: EMA 1S-1S, mean +- sd (${label})`, ensemble));
      rows = ensemble;
    }
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    const energy = (r: OpticsRow): string => (Number.isFinite(r.e1s1sEv) ? `${r.e1s1sEv.toFixed(3)} eV` : 'unbound');
    process.stdout.write(
      `optics (${label}): ${isRun ? dir : `${dir} (${runs.length} replicas)`}: 1S-1S ${energy(first)} -> ${energy(last)}, ` +
        `x ${first.hgFraction.toFixed(3)} -> ${last.hgFraction.toFixed(3)}, overlap ${Number.isFinite(last.overlap) ? last.overlap.toFixed(3) : 'n/a'}; ` +
        `wrote ${OPTICS_CSV}, ${OPTICS_SVG}\n`,
    );
  },
};

// ---------------------------------------------------------------------------------------------
// `cxsim optics-curves OUT`: the EMA curves of docs/optics.md (alloy vs core/shell, energy and overlap vs x).

interface CurvesArgs {
  out: string;
  'diameters-nm': string;
  'outside-mass': string;
  points: number;
}

export const opticsCurvesCommand: CommandModule<object, CurvesArgs> = {
  command: 'optics-curves <out>',
  describe: 'EMA 1S-1S energy and overlap vs Hg fraction, alloy vs core/shell spheres -> OUT/optics-curves-mout-M.csv/.svg',
  builder: (y: Argv<object>) =>
    y
      .positional('out', { type: 'string', demandOption: true, describe: 'Output folder' })
      .option('diameters-nm', { type: 'string', default: '3.3,4', describe: 'Sphere diameters, nm, comma-separated' })
      .option('outside-mass', { type: 'string', default: String(DEFAULT_OUTSIDE_MASS_M0), describe: 'Outside mass, m0, or "inside"' })
      .option('points', { type: 'number', default: 41, describe: 'Hg fractions from 0 to 1 (inclusive)' }) as Argv<CurvesArgs>,
  handler: (argv) => {
    const outsideMass = parseOutsideMass(argv['outside-mass']);
    const diameters = argv['diameters-nm'].split(',').map((s) => s.trim());
    if (!diameters.every((d) => NUMBER.test(d) && Number(d) > 0)) {
      throw new UsageError(`--diameters-nm: expected diameters in nm > 0 separated by commas, got "${argv['diameters-nm']}"`);
    }
    if (!(Number.isInteger(argv.points) && argv.points >= 2 && argv.points <= 1001)) {
      throw new UsageError(`--points: expected an integer 2..1001, got ${String(argv.points)}`);
    }
    const xs = Array.from({ length: argv.points }, (_, i) => i / (argv.points - 1));
    const profiles = [
      { name: 'alloy', make: alloySphere },
      { name: 'core/shell', make: coreShellSphere },
    ];
    const colors = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
    const rows: Record<string, number>[] = [];
    const energyLines: Line[] = [];
    const overlapLines: Line[] = [];
    let k = 0;
    for (const dText of diameters) {
      const diameterNm = Number(dText);
      for (const profile of profiles) {
        const results = xs.map((x) => opticsOfLayers(profile.make(diameterNm, x), { outsideMass }));
        results.forEach((r, i) =>
          rows.push({
            diameterNm, coreShell: profile.name === 'alloy' ? 0 : 1, hgFraction: xs[i]!,
            e1s1sEv: r.bound ? r.e1s1sEv : NaN, overlap: r.bound ? r.overlap : NaN, surfaceLocalisation: r.bound ? r.surfaceLocalisation : NaN,
          }),
        );
        const color = colors[k++ % colors.length]!;
        const label = `${diameterNm} nm ${profile.name}`;
        energyLines.push({ label, color, x: xs, y: rows.slice(-xs.length).map((r) => r['e1s1sEv']!) });
        overlapLines.push({ label, color, x: xs, y: rows.slice(-xs.length).map((r) => r['overlap']!) });
      }
    }
    const columns = ['diameterNm', 'coreShell', 'hgFraction', 'e1s1sEv', 'overlap', 'surfaceLocalisation'];
    const base = join(argv.out, `optics-curves-mout-${outsideMass}`);
    writeFileAtomic(`${base}.csv`, csv(columns, rows));
    writeFileAtomic(
      `${base}.svg`,
      renderPanelsSvg(`EMA, Hg_xCd1-xSe spheres (${massLabel(outsideMass)})`, [
        { xLabel: 'Hg fraction x', yLabel: '1S-1S energy (eV)', logX: false, lines: energyLines },
        { xLabel: 'Hg fraction x', yLabel: 'electron-hole overlap', logX: false, lines: overlapLines },
      ]),
    );
    process.stdout.write(`optics-curves (${massLabel(outsideMass)}): wrote ${base}.csv, ${base}.svg\n`);
  },
};
