// `cxsim fit DATA.csv`: least-squares D (and with --robin the surface rate α) of Crank's solution to a time course of
// the fraction exchanged (a KMC timeseries.csv or a two-column CSV). Units: s, nm, m²/s, m/s. Fitting in src/continuum/fit.ts.
import type { Argv, CommandModule } from 'yargs';
import {
  CsvError,
  S_PER_HOUR,
  csvColumnIndex,
  csvNumberColumn,
  fitFick,
  fitFickAfterBurst,
  parseCsv,
  type BurstFickFitResult,
  type FickFitResult,
} from '../../src/index.js';
import { UsageError } from '../errors.js';
import { readTextFile } from '../files.js';
import { GEOMETRIES, fmt, geometryFlag, positiveFlag, sizeFromFlags } from './fick.js';

/** A time course of the fraction exchanged, M_t/M_∞ in 0..1, times in s (strictly increasing). */
export interface FractionSeries {
  timesS: Float64Array;
  fraction: Float64Array;
  /** Where each point came from, for messages ("line 7", "series.timeS[6]"). */
  where: (index: number) => string;
}

/**
 * Check a series and return it as fractions: hgFraction / xInf must lie in 0..1, times finite, >= 0 and strictly
 * increasing, at least `minPoints` points with t > 0. Errors name `source`, the point and the column.
 */
export function checkFractionSeries(source: string, timesS: Float64Array, raw: Float64Array, xInf: number, names: { time: string; fraction: string }, where: (index: number) => string, minPoints: number): FractionSeries {
  const fraction = new Float64Array(raw.length);
  let positive = 0;
  for (let i = 0; i < timesS.length; i++) {
    const t = timesS[i]!;
    if (!Number.isFinite(t) || t < 0) throw new UsageError(`${source}: ${where(i)}, column ${names.time}: expected a time >= 0, got ${t}`);
    if (i > 0 && !(t > timesS[i - 1]!)) throw new UsageError(`${source}: ${where(i)}, column ${names.time}: times must increase (${t} after ${timesS[i - 1]})`);
    const f = raw[i]! / xInf;
    if (!Number.isFinite(f) || f < -1e-12 || f > 1 + 1e-12) {
      const scaled = xInf !== 1 ? ` (${names.fraction} / --x-inf ${xInf})` : '';
      throw new UsageError(`${source}: ${where(i)}, column ${names.fraction}: fraction ${raw[i]}${scaled} outside 0..1${xInf === 1 && raw[i]! > 1 ? '; use --x-inf' : ''}`);
    }
    fraction[i] = Math.min(1, Math.max(0, f));
    if (t > 0) positive++;
  }
  if (positive < minPoints) throw new UsageError(`${source}: need at least ${minPoints} points with ${names.time} > 0 for this fit, found ${positive}`);
  return { timesS, fraction, where };
}

const TIME_COLUMNS: Record<string, number> = { timeS: 1, timeH: S_PER_HOUR };
const FRACTION_COLUMNS = ['fraction', 'hgFraction'];

/**
 * Read a fraction time course from CSV text: time column timeS or timeH (hours), fraction column `fraction`
 * (already M_t/M_∞) or `hgFraction` (a KMC timeseries.csv; divided by xInf).
 */
export function readFractionCsv(path: string, text: string, xInf: number, minPoints: number): FractionSeries {
  try {
    const table = parseCsv(text);
    const timeName = Object.keys(TIME_COLUMNS).find((name) => csvColumnIndex(table, name) >= 0);
    if (timeName === undefined) throw new UsageError(`${path}: no time column: expected timeS or timeH (header has: ${table.header.join(', ')})`);
    const fractionName = FRACTION_COLUMNS.find((name) => csvColumnIndex(table, name) >= 0);
    if (fractionName === undefined) throw new UsageError(`${path}: no fraction column: expected fraction or hgFraction (header has: ${table.header.join(', ')})`);
    const timesS = csvNumberColumn(table, timeName).map((t) => t * TIME_COLUMNS[timeName]!);
    const raw = csvNumberColumn(table, fractionName);
    return checkFractionSeries(path, timesS, raw, xInf, { time: timeName, fraction: fractionName }, (i) => `line ${table.lines[i]}`, minPoints);
  } catch (err) {
    if (err instanceof CsvError) throw new UsageError(`${path}: ${err.message}`);
    throw err;
  }
}

/** The JSON shape printed by `fit --json` and stored under "fit" in compare.json (keys with units, m²/s and m/s). */
export function fitJson(result: FickFitResult | BurstFickFitResult): Record<string, unknown> {
  const burst = 'burstFraction' in result ? { burstFraction: result.burstFraction, [result.geometry === 'sphere' ? 'innerRadiusNm' : 'innerHalfThicknessNm']: result.innerSizeNm } : {};
  return {
    ...burst,
    geometry: result.geometry,
    [result.geometry === 'sphere' ? 'radiusNm' : 'halfThicknessNm']: result.sizeNm,
    boundary: result.boundary,
    dM2S: result.dM2PerS,
    ...(result.boundary === 'robin' ? { surfaceRateMS: result.surfaceRateMPerS, biot: result.biot } : {}),
    ci95: {
      dM2S: result.dCi95M2PerS,
      ...(result.boundary === 'robin' ? { surfaceRateMS: result.surfaceRateCi95MPerS ?? null } : {}),
    },
    ciMethod: 'Wald: Jacobian in ln D (and ln alpha) and residual variance, Student t(n - p)',
    rmse: result.rmse,
    n: result.n,
    atBound: result.atBound,
    ...(result.boundNote ? { boundNote: result.boundNote } : {}),
  };
}

/** Human-readable lines for a fit result. */
export function fitLines(result: FickFitResult | BurstFickFitResult): string[] {
  const ci = (c: [number, number] | null | undefined): string => (c ? `95% CI ${fmt(c[0])} .. ${fmt(c[1])}` : '95% CI not estimable');
  const lines: string[] = [];
  if ('burstFraction' in result) lines.push(`burst: fraction ${fmt(result.burstFraction)} exchanged at t = 0; fitted: the inner region, size ${fmt(result.innerSizeNm)} nm (L below is for it)`);
  lines.push(`D = ${fmt(result.dM2PerS)} m^2/s  (${ci(result.dCi95M2PerS)})`);
  if (result.boundary === 'robin') lines.push(`surface rate alpha = ${fmt(result.surfaceRateMPerS!)} m/s  (${ci(result.surfaceRateCi95MPerS)}), Biot L = ${result.geometry === 'sphere' ? 'a' : 'l'}*alpha/D = ${fmt(result.biot!)}`);
  lines.push(`rmse = ${fmt(result.rmse)} over n = ${result.n} points with t > 0`);
  if (result.atBound) lines.push(`warning: ${result.boundNote ?? 'the optimum lies on the edge of the searched range'}`);
  return lines;
}

interface FitArgs {
  data: string;
  geometry: string;
  radiusNm?: number;
  halfThicknessNm?: number;
  robin: boolean;
  burstS?: number;
  xInf: number;
  json: boolean;
}

export const fitCommand: CommandModule<object, FitArgs> = {
  command: 'fit <data>',
  describe: "Fit Fick's D (and with --robin a surface rate) to a time course of the fraction exchanged",
  builder: (y: Argv<object>) =>
    y
      .positional('data', { type: 'string', demandOption: true, describe: 'CSV with timeS or timeH and fraction or hgFraction (e.g. a run\'s timeseries.csv)' })
      .option('geometry', { type: 'string', demandOption: true, describe: `${GEOMETRIES.join(' or ')}: sphere (radius a) or slab (half-thickness l)` })
      .option('radius-nm', { type: 'number', describe: 'Sphere radius a, nm' })
      .option('half-thickness-nm', { type: 'number', describe: 'Slab half-thickness l, nm' })
      .option('robin', { type: 'boolean', default: false, describe: 'Also fit a surface exchange rate alpha (Robin boundary)' })
      .option('burst-s', { type: 'number', describe: 'End of the surface burst, s: the fraction at this time is the initial condition, later points are fitted (PHYSICS-NOTES 4.4; as `cxsim validate` does for E12, E13)' })
      .option('x-inf', { type: 'number', default: 1, describe: 'Final (equilibrium) Hg fraction: fraction exchanged = hgFraction / x-inf' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON instead of text' }) as unknown as Argv<FitArgs>,
  handler: (argv) => {
    const geometry = geometryFlag(argv.geometry);
    const sizeNm = sizeFromFlags(geometry, argv.radiusNm, argv.halfThicknessNm);
    const xInf = positiveFlag('x-inf', argv.xInf, 'fraction');
    if (xInf > 1) throw new UsageError(`--x-inf: expected a fraction in (0, 1], got ${xInf}`);
    const burstS = argv.burstS === undefined ? undefined : positiveFlag('burst-s', argv.burstS, 'time in s');
    const series = readFractionCsv(argv.data, readTextFile(argv.data, 'data file'), xInf, argv.robin ? 3 : 2);
    if (burstS !== undefined && !(burstS > series.timesS[0]! && burstS < series.timesS[series.timesS.length - 1]!)) {
      throw new UsageError(`--burst-s: expected a time inside the data (${series.timesS[0]} .. ${series.timesS[series.timesS.length - 1]} s), got ${burstS}`);
    }
    const options = { geometry, sizeNm, robin: argv.robin };
    let result: FickFitResult | BurstFickFitResult;
    try {
      result = burstS === undefined ? fitFick(series.timesS, series.fraction, options) : fitFickAfterBurst(series.timesS, series.fraction, { ...options, burstS });
    } catch (err) {
      if (burstS !== undefined && err instanceof RangeError) throw new UsageError(`${argv.data}: --burst-s ${burstS}: ${err.message}`);
      throw err;
    }
    if (argv.json) {
      process.stdout.write(JSON.stringify({ file: argv.data, xInf, ...(burstS === undefined ? {} : { burstS }), ...fitJson(result) }) + '\n');
      return;
    }
    const size = geometry === 'sphere' ? `a = ${fmt(sizeNm)} nm` : `l = ${fmt(sizeNm)} nm`;
    const boundary = argv.robin ? 'surface exchange (Robin) boundary' : 'constant surface concentration';
    process.stdout.write([`${argv.data}: ${geometry}, ${size}, ${boundary}`, ...fitLines(result)].join('\n') + '\n');
  },
};
