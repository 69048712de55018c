// `cxsim compare DIR`: fit Fick's D to a run's (or an ensemble's) Hg fraction and write compare.svg (simulation with its
// spread, fitted curve, the paper's D, residuals) and compare.json into DIR, atomically. Units: s, nm, m²/s, m/s.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import {
  PAPER_IECE_D_M2_PER_S,
  fickFractions,
  fickTimeToFractionS,
  fitFick,
  lookupMaterial,
  plateletHalfThicknessNm,
  type FickFitResult,
  type FickGeometry,
  type FickProblem,
} from '../../src/index.js';
import { UsageError } from '../errors.js';
import { readJsonFile, readTextFile, writeFileAtomic, writeJsonAtomic } from '../files.js';
import { renderPlot, type PlotSeries } from '../plots.js';
import { GEOMETRIES, fmt, geometryFlag, positiveFlag, sizeFromFlags } from './fick.js';
import { checkFractionSeries, fitJson, fitLines, readFractionCsv, type FractionSeries } from './fit.js';

export const COMPARE_SVG = 'compare.svg';
export const COMPARE_JSON = 'compare.json';
/** rmse (in the fraction exchanged) up to which one D is said to describe the time course. */
export const ONE_D_RMSE = 0.03;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What was simulated: the source, its scenario spec and the fraction series (with sd for ensembles). */
interface Simulated {
  kind: 'run' | 'ensemble';
  file: string;
  scenario: string;
  spec: Json;
  replicas?: number;
  series: FractionSeries;
  /** Standard deviation over replicas of the (scaled) fraction, ensembles only. */
  sd?: Float64Array;
}

function numberArray(file: string, key: string, value: unknown): Float64Array {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'number')) throw new UsageError(`${file}: ${key} must be an array of numbers`);
  return Float64Array.from(value as number[]);
}

function readEnsemble(dir: string, xInf: number, minPoints: number): Simulated {
  const file = join(dir, 'ensemble.json');
  const doc = readJsonFile(file, 'ensemble file');
  if (!isObject(doc) || !isObject(doc['series'])) throw new UsageError(`${file}: expected an object with "series" {timeS, hgFractionMean, hgFractionSd}`);
  const series = doc['series'];
  const timesS = numberArray(file, 'series.timeS', series['timeS']);
  const mean = numberArray(file, 'series.hgFractionMean', series['hgFractionMean']);
  if (mean.length !== timesS.length) throw new UsageError(`${file}: series.hgFractionMean has ${mean.length} values, series.timeS ${timesS.length}`);
  const sdRaw = series['hgFractionSd'] === undefined ? undefined : numberArray(file, 'series.hgFractionSd', series['hgFractionSd']);
  if (sdRaw && sdRaw.length !== timesS.length) throw new UsageError(`${file}: series.hgFractionSd has ${sdRaw.length} values, series.timeS ${timesS.length}`);
  const checked = checkFractionSeries(file, timesS, mean, xInf, { time: 'series.timeS', fraction: 'series.hgFractionMean' }, (i) => `point ${i}`, minPoints);
  return {
    kind: 'ensemble',
    file,
    scenario: typeof doc['scenario'] === 'string' ? doc['scenario'] : '',
    spec: isObject(doc['scenarioSpec']) ? doc['scenarioSpec'] : {},
    ...(typeof doc['replicas'] === 'number' ? { replicas: doc['replicas'] } : {}),
    series: checked,
    ...(sdRaw ? { sd: sdRaw.map((s) => s / xInf) } : {}),
  };
}

function readRun(dir: string, xInf: number, minPoints: number): Simulated {
  const summaryFile = join(dir, 'summary.json');
  const summary = readJsonFile(summaryFile, 'run summary');
  if (!isObject(summary)) throw new UsageError(`${summaryFile}: expected a JSON object`);
  const csvFile = join(dir, 'timeseries.csv');
  return {
    kind: 'run',
    file: csvFile,
    scenario: typeof summary['scenario'] === 'string' ? summary['scenario'] : '',
    spec: isObject(summary['scenarioSpec']) ? summary['scenarioSpec'] : {},
    series: readFractionCsv(csvFile, readTextFile(csvFile, 'time series'), xInf, minPoints),
  };
}

/** Geometry and size from flags, else from the scenario's crystal (sphere: diameter/2; N.5 ML platelet: N·a/4). */
function resolveGeometry(sim: Simulated, argv: CompareArgs): { geometry: FickGeometry; sizeNm: number; sizeFrom: string } {
  const crystal = isObject(sim.spec['crystal']) ? sim.spec['crystal'] : {};
  const shape = crystal['shape'];
  const geometry: FickGeometry | undefined = argv.geometry !== undefined ? geometryFlag(argv.geometry) : (shape === 'sphere' ? 'sphere' : shape === 'platelet' ? 'slab' : undefined);
  if (geometry === undefined) {
    throw new UsageError(`${sim.file}: cannot take a sphere or slab from the scenario's crystal shape ${JSON.stringify(shape)}; give --geometry and --radius-nm or --half-thickness-nm`);
  }
  if (argv.radiusNm !== undefined || argv.halfThicknessNm !== undefined) {
    return { geometry, sizeNm: sizeFromFlags(geometry, argv.radiusNm, argv.halfThicknessNm), sizeFrom: 'flag' };
  }
  if (geometry === 'sphere') {
    const diameterNm = crystal['diameterNm'];
    if (shape !== 'sphere' || typeof diameterNm !== 'number' || !(diameterNm > 0)) throw new UsageError(`${sim.file}: scenario has no sphere diameterNm; give --radius-nm`);
    return { geometry, sizeNm: diameterNm / 2, sizeFrom: 'scenario crystal.diameterNm / 2' };
  }
  const monolayers = crystal['monolayers'];
  if (shape !== 'platelet' || typeof monolayers !== 'number' || !(monolayers >= 1)) throw new UsageError(`${sim.file}: scenario has no platelet monolayers; give --half-thickness-nm`);
  let latticeNm: number;
  let latticeFrom: string;
  if (argv.latticeNm !== undefined) {
    latticeNm = positiveFlag('lattice-nm', argv.latticeNm, 'nm');
    latticeFrom = '--lattice-nm';
  } else {
    const material = sim.spec['material'];
    if (typeof material !== 'string') throw new UsageError(`${sim.file}: scenario names no material; give --lattice-nm or --half-thickness-nm`);
    try {
      latticeNm = lookupMaterial(material).zincblendeANm;
    } catch {
      throw new UsageError(`${sim.file}: unknown material ${JSON.stringify(material)} for the lattice constant; give --lattice-nm or --half-thickness-nm`);
    }
    latticeFrom = `${material} zinc-blende a`;
  }
  return { geometry, sizeNm: plateletHalfThicknessNm(monolayers, latticeNm), sizeFrom: `scenario crystal.monolayers ${monolayers}: floor(N) * a / 4, a = ${latticeNm} nm (${latticeFrom})` };
}

/** Log-spaced times between the first positive and the last sample, for smooth model curves. */
function curveTimes(timesS: Float64Array, logAxis: boolean): Float64Array {
  const last = timesS[timesS.length - 1]!;
  let first = 0;
  for (const t of timesS) if (t > 0) { first = t; break; }
  const n = 240;
  if (!logAxis) return Float64Array.from({ length: n }, (_, i) => (last * i) / (n - 1));
  return Float64Array.from({ length: n }, (_, i) => first * (last / first) ** (i / (n - 1)));
}

function rmseOf(model: Float64Array, data: Float64Array, timesS: Float64Array): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    if (!(timesS[i]! > 0)) continue;
    sum += (model[i]! - data[i]!) ** 2;
    n++;
  }
  return Math.sqrt(sum / n);
}

function comparePlot(sim: Simulated, fit: FickFitResult, problem: FickProblem, paper: FickProblem, paperRmse: number): string {
  const { timesS, fraction } = sim.series;
  let first = 0;
  for (const t of timesS) if (t > 0) { first = t; break; }
  const logAxis = first > 0 && timesS[timesS.length - 1]! / first > 100;
  const curve = curveTimes(timesS, logAxis);
  const fitted = fickFractions(problem, timesS);
  const residual = fraction.map((f, i) => (timesS[i]! > 0 ? f - fitted[i]! : Number.NaN));
  const simLabel = sim.kind === 'ensemble' ? `KMC mean ± sd (${sim.replicas ?? '?'} replicas)` : 'KMC run';
  const simSeries: PlotSeries = { label: simLabel, x: timesS, y: fraction, markers: true, line: sim.kind === 'ensemble', lineWidth: 1.5, color: '#000000' };
  if (sim.sd) simSeries.band = { lo: fraction.map((f, i) => f - sim.sd![i]!), hi: fraction.map((f, i) => f + sim.sd![i]!) };
  const boundary = fit.boundary === 'robin' ? `, α = ${fmt(fit.surfaceRateMPerS!, 3)} m/s` : '';
  const ci = fit.dCi95M2PerS ? ` [${fmt(fit.dCi95M2PerS[0], 3)}, ${fmt(fit.dCi95M2PerS[1], 3)}]` : '';
  const resBand = sim.sd ? { lo: sim.sd.map((s, i) => (timesS[i]! > 0 ? -s : Number.NaN)), hi: sim.sd.map((s, i) => (timesS[i]! > 0 ? s : Number.NaN)) } : undefined;
  return renderPlot({
    title: `${sim.scenario || 'simulation'}: one Fickian D?`,
    subtitle: `${problem.geometry} ${problem.geometry === 'sphere' ? 'a' : 'l'} = ${fmt(problem.sizeNm, 3)} nm; fit D = ${fmt(fit.dM2PerS, 3)} m²/s${ci}${boundary}; rmse ${fmt(fit.rmse, 2)}`,
    xLabel: 'time (s)',
    xLog: logAxis,
    panels: [
      {
        yLabel: 'fraction exchanged',
        yRange: [0, 1],
        series: [
          simSeries,
          { label: `Fick fit, D = ${fmt(fit.dM2PerS, 3)} m²/s`, x: curve, y: fickFractions(problem, curve), color: '#D55E00' },
          { label: `paper IE-CE D = ${fmt(paper.dM2PerS, 2)} m²/s (rmse ${fmt(paperRmse, 2)})`, x: curve, y: fickFractions(paper, curve), color: '#0072B2', dashed: true },
        ],
      },
      {
        yLabel: 'data − fit',
        weight: 0.45,
        hLines: [{ at: 0, dashed: false, color: '#888888' }],
        legend: false,
        series: [{ x: timesS, y: residual, markers: true, line: false, color: '#D55E00', ...(resBand ? { band: resBand } : {}) }],
      },
    ],
  });
}

interface CompareArgs {
  dir: string;
  geometry?: string;
  radiusNm?: number;
  halfThicknessNm?: number;
  latticeNm?: number;
  robin: boolean;
  xInf: number;
  json: boolean;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <dir>',
  describe: "Fit Fick's law to a run or ensemble folder; write compare.svg and compare.json there",
  builder: (y: Argv<object>) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'A run folder (summary.json, timeseries.csv) or an ensemble folder (ensemble.json)' })
      .option('geometry', { type: 'string', describe: `${GEOMETRIES.join(' or ')}; default from the scenario's crystal shape` })
      .option('radius-nm', { type: 'number', describe: 'Sphere radius, nm (default: crystal.diameterNm / 2)' })
      .option('half-thickness-nm', { type: 'number', describe: 'Slab half-thickness, nm (default: N.5 ML platelet, N * a / 4)' })
      .option('lattice-nm', { type: 'number', describe: "Lattice constant a for a platelet's half-thickness, nm (default: the scenario material's)" })
      .option('robin', { type: 'boolean', default: false, describe: 'Also fit a surface exchange rate (Robin boundary)' })
      .option('x-inf', { type: 'number', default: 1, describe: 'Final Hg fraction: fraction exchanged = hgFraction / x-inf' })
      .option('json', { type: 'boolean', default: false, describe: 'Print compare.json to stdout as well' }) as unknown as Argv<CompareArgs>,
  handler: (argv) => {
    const dir = argv.dir;
    const xInf = positiveFlag('x-inf', argv.xInf, 'fraction');
    if (xInf > 1) throw new UsageError(`--x-inf: expected a fraction in (0, 1], got ${xInf}`);
    const minPoints = argv.robin ? 3 : 2;
    let sim: Simulated;
    if (existsSync(join(dir, 'ensemble.json'))) sim = readEnsemble(dir, xInf, minPoints);
    else if (existsSync(join(dir, 'summary.json'))) sim = readRun(dir, xInf, minPoints);
    else throw new UsageError(`${dir}: not a run folder (summary.json + timeseries.csv) or an ensemble folder (ensemble.json)`);

    const { geometry, sizeNm, sizeFrom } = resolveGeometry(sim, argv);
    const { timesS, fraction } = sim.series;
    const fit = fitFick(timesS, fraction, { geometry, sizeNm, robin: argv.robin });
    const problem: FickProblem = { geometry, sizeNm, dM2PerS: fit.dM2PerS, ...(fit.boundary === 'robin' ? { surfaceRateMPerS: fit.surfaceRateMPerS! } : {}) };
    const paper: FickProblem = { geometry, sizeNm, dM2PerS: PAPER_IECE_D_M2_PER_S };
    const paperRmse = rmseOf(fickFractions(paper, timesS), fraction, timesS);
    const temperatureC = typeof sim.spec['temperatureC'] === 'number' ? sim.spec['temperatureC'] : undefined;

    const svg = comparePlot(sim, fit, problem, paper, paperRmse);
    const doc = {
      source: sim.kind,
      file: sim.file,
      scenario: sim.scenario,
      ...(sim.replicas !== undefined ? { replicas: sim.replicas } : {}),
      ...(temperatureC !== undefined ? { temperatureC } : {}),
      geometry,
      [geometry === 'sphere' ? 'radiusNm' : 'halfThicknessNm']: sizeNm,
      sizeFrom,
      xInf,
      fit: { ...fitJson(fit), t50S: fickTimeToFractionS(problem, 0.5), t95S: fickTimeToFractionS(problem, 0.95) },
      reference: { dM2S: PAPER_IECE_D_M2_PER_S, source: 'Lee & Smith, IE-CE at 80 C (Fig. S9)', rmse: paperRmse },
      oneD: { rmseLimit: ONE_D_RMSE, describes: fit.rmse <= ONE_D_RMSE && !fit.atBound },
      files: { plot: COMPARE_SVG },
    };
    // Both documents are complete in memory before either file is written.
    writeFileAtomic(join(dir, COMPARE_SVG), svg);
    writeJsonAtomic(join(dir, COMPARE_JSON), doc);
    if (argv.json) {
      process.stdout.write(JSON.stringify(doc) + '\n');
      return;
    }
    const verdict = doc.oneD.describes ? `one D describes it (rmse <= ${ONE_D_RMSE})` : `one D does not describe it well (rmse > ${ONE_D_RMSE} or at a bound)`;
    process.stdout.write(
      [`${sim.file}: ${geometry}, ${geometry === 'sphere' ? 'a' : 'l'} = ${fmt(sizeNm)} nm (${sizeFrom})`, ...fitLines(fit), `paper D = ${PAPER_IECE_D_M2_PER_S} m^2/s: rmse ${fmt(paperRmse)}`, verdict, `wrote ${join(dir, COMPARE_SVG)}, ${join(dir, COMPARE_JSON)}`].join('\n') + '\n',
    );
  },
};
