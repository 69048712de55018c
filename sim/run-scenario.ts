// One scenario, one seed, one output folder: resolve and load the scenario, drive the Simulation sample by
// sample, checkpoint/resume, and write summary.json (last), timeseries.csv, profiles.csv. Times in s.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyOverrides, CrystalSpecError, formatCsv, formatCsvNumber, parseScenario, ScenarioError } from '../src/index.js';
import { createSimulation, sampleTimes } from '../src/model/simulation.js';
import type {
  ProfileRow,
  SampleRow,
  Scenario,
  Simulation,
  SimulationOptions,
  SimulationResult,
  TrajectorySink,
} from '../src/model/contract.js';
import { UsageError } from './errors.js';
import { readJsonFile, writeFileAtomic, writeJsonAtomic } from './files.js';
import { canonicalJson } from './ensemble/manifest.js';

export const SUMMARY_FILE = 'summary.json';
export const TIMESERIES_FILE = 'timeseries.csv';
export const PROFILES_FILE = 'profiles.csv';
export const CHECKPOINT_FILE = 'checkpoint.json';
const CHECKPOINT_FORMAT = 'cxsim-checkpoint/1';

export const TIMESERIES_COLUMNS = [
  'timeS',
  'hgFraction',
  'coreShellIndex',
  'agInterstitial',
  'agSubstitutional',
  'vacancies',
  'cdReleased',
  'events',
] as const satisfies readonly (keyof SampleRow)[];
export const PROFILE_COLUMNS = ['timeS', 'shell', 'radiusNm', 'hgFraction'] as const satisfies readonly (keyof ProfileRow)[];

export type CreateSimulation = (scenario: Scenario, seed: string, options?: SimulationOptions) => Simulation;

// ---------------------------------------------------------------------------------------------
// Package files: the scenarios folder and the version, found from this module (src or dist/node).

let cachedRoot: string | undefined;

/** The cxsim package root: the nearest folder above this module holding package.json named "cxsim". */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (readJsonFile(manifest) as { name?: unknown }).name === 'cxsim') return (cachedRoot = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cxsim package root not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export function cxsimVersion(): string {
  return String((readJsonFile(join(packageRoot(), 'package.json')) as { version?: unknown }).version);
}

/** Folder of the built-in scenarios. */
export function scenariosDir(): string {
  return join(packageRoot(), 'scenarios');
}

/** Names of the built-in scenarios, sorted. */
export function builtinScenarioNames(): string[] {
  return readdirSync(scenariosDir())
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** A scenario argument: an existing file path, else a built-in name (with or without .json). */
export function resolveScenarioPath(arg: string): string {
  if (arg.trim() === '') throw new UsageError('SCENARIO: expected a scenario file or a built-in name, got ""');
  if (existsSync(arg)) return arg;
  const name = arg.endsWith('.json') ? arg.slice(0, -'.json'.length) : arg;
  const names = builtinScenarioNames();
  if (names.includes(name)) return join(scenariosDir(), `${name}.json`);
  const close = names.filter((n) => n.includes(name) || name.includes(n));
  const hint = close.length > 0 ? `did you mean ${close.slice(0, 4).join(', ')}?` : `built-ins: ${names.join(', ')}`;
  throw new UsageError(`SCENARIO: no file "${arg}" and no built-in scenario of that name (${hint})`);
}

export interface LoadedScenario {
  scenario: Scenario;
  /** The file it came from. */
  path: string;
}

/** Read, override (`--set`) and validate a scenario; every problem becomes a one-line UsageError. */
export function loadScenario(arg: string, overrides: readonly string[] = []): LoadedScenario {
  const path = resolveScenarioPath(arg);
  const json = readJsonFile(path, 'scenario file');
  try {
    return { scenario: parseScenario(applyOverrides(json, overrides), path), path };
  } catch (err) {
    if (err instanceof ScenarioError) throw new UsageError(err.message);
    throw err;
  }
}

/** SHA-256 of the parsed scenario's canonical JSON: equal specs, equal hashes. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// CSV (format of src/io/csv.ts: numbers as the shortest text that reads back to the same double)

/** Re-exported for the ensemble and optics modules that import it from here. */
export { formatCsvNumber };

function toCsv<Row>(columns: readonly (keyof Row & string)[], rows: readonly Row[]): string {
  return formatCsv(columns, rows.map((row) => columns.map((c) => row[c] as number)));
}

export const timeseriesCsv = (rows: readonly SampleRow[]): string => toCsv<SampleRow>(TIMESERIES_COLUMNS, rows);
export const profilesCsv = (rows: readonly ProfileRow[]): string => toCsv<ProfileRow>(PROFILE_COLUMNS, rows);

// ---------------------------------------------------------------------------------------------
// The run

/** summary.json. Everything but wallS and eventsPerS is a function of (scenario, seed). */
export interface RunSummary {
  scenario: string;
  seed: string;
  scenarioHash: string;
  /** The parsed scenario, defaults and --set overrides included. */
  scenarioSpec: Scenario;
  crystal: SimulationResult['crystal'];
  final: SimulationResult['final'];
  events: SimulationResult['events'];
  samples: number;
  wallS: number;
  eventsPerS: number;
  cxsimVersion: string;
  nodeVersion: string;
}

/** Progress after each sample. */
export interface RunProgress {
  samplesDone: number;
  samples: number;
  timeS: number;
  durationS: number;
}

/**
 * INTEGRATION POINT (trajectory): a TrajectorySink fed by the simulation at `frames` times spaced like the
 * samples; finish() runs after the last sample, before summary.json (sim/trajectory-file.ts writes the file).
 */
export interface TrajectoryOutput {
  readonly sink: TrajectorySink;
  readonly frames: number;
  finish(): unknown;
}

export interface RunScenarioOptions {
  /** A parsed scenario (loadScenario, or parseScenario on a resolved spec). */
  scenario: Scenario;
  seed: string;
  outDir: string;
  /** Write DIR/checkpoint.json after a sample once this many wall seconds passed since the last one. */
  checkpointEveryS?: number;
  /** Continue from DIR/checkpoint.json if present (else start at t = 0 and say so through `notice`). */
  resume?: boolean;
  /** Conservation and rate checks after every event (slow). */
  check?: boolean;
  trajectory?: TrajectoryOutput;
  /** Abort between samples: a checkpoint is written and RunInterrupted thrown. */
  signal?: AbortSignal;
  onSample?: (progress: RunProgress) => void;
  /** One-line notices for the user (stderr in the CLI). */
  notice?: (message: string) => void;
  /** The model; tests inject a stand-in. Defaults to src/model/simulation.ts. */
  createSimulation?: CreateSimulation;
}

/** A run stopped through its AbortSignal; its checkpoint lets --resume continue it. */
export class RunInterrupted extends Error {
  override readonly name = 'RunInterrupted';
  constructor(
    readonly samplesDone: number,
    readonly samples: number,
    readonly checkpointPath: string,
  ) {
    super(`interrupted after sample ${samplesDone} of ${samples}; checkpoint ${checkpointPath} (continue with --resume)`);
  }
}

interface CheckpointFile {
  format: typeof CHECKPOINT_FORMAT;
  scenario: string;
  scenarioHash: string;
  seed: string;
  samplesDone: number;
  /** Wall seconds spent before this checkpoint (all sessions). */
  wallS: number;
  state: unknown;
}

/**
 * Run one scenario with one seed into outDir: timeseries.csv, profiles.csv, then summary.json (written
 * last: its presence marks a finished run). Outputs depend only on (scenario, seed), also across resumes.
 * @throws UsageError for a bad crystal or checkpoint; RunInterrupted when `signal` aborts.
 */
export async function runScenarioToDir(options: RunScenarioOptions): Promise<RunSummary> {
  const { scenario, seed, outDir } = options;
  const hash = scenarioHash(scenario);
  const checkpointPath = join(outDir, CHECKPOINT_FILE);
  const resumed = options.resume ? readCheckpoint(checkpointPath, scenario, hash, seed) : undefined;
  if (options.resume && resumed === undefined) options.notice?.(`no ${checkpointPath}: starting at t = 0`);
  if (resumed !== undefined && options.trajectory !== undefined) {
    throw new UsageError('--trajectory cannot be combined with --resume (the trajectory of the earlier session is not kept)');
  }
  const create = options.createSimulation ?? createSimulation;

  const simOptions: SimulationOptions = {};
  if (resumed !== undefined) simOptions.resume = resumed.state;
  if (options.check) simOptions.check = true;
  if (options.trajectory) {
    simOptions.trajectory = { sink: options.trajectory.sink, frameTimesS: sampleTimes({ ...scenario, samples: options.trajectory.frames }) };
  }

  const startMs = performance.now();
  const priorWallS = resumed?.wallS ?? 0;
  const wallS = () => priorWallS + (performance.now() - startMs) / 1000;
  const sim = createModel(create, scenario, seed, simOptions);
  const samples = sim.sampleTimesS.length;
  const report = () =>
    options.onSample?.({ samplesDone: sim.samplesDone, samples, timeS: sim.sampleTimesS[sim.samplesDone - 1] ?? 0, durationS: scenario.durationS });
  const checkpoint = () => {
    const file: CheckpointFile = {
      format: CHECKPOINT_FORMAT,
      scenario: scenario.name,
      scenarioHash: hash,
      seed,
      samplesDone: sim.samplesDone,
      wallS: wallS(),
      state: sim.checkpoint(),
    };
    writeJsonAtomic(checkpointPath, file);
  };

  report();
  let lastCheckpointMs = performance.now();
  while (sim.samplesDone < samples) {
    // Yield to the event loop between samples so signals (and the progress bar) get through.
    await new Promise<void>((done) => setImmediate(done));
    if (options.signal?.aborted) {
      checkpoint();
      throw new RunInterrupted(sim.samplesDone, samples, checkpointPath);
    }
    const more = sim.advance();
    report();
    if (!more) break;
    const everyS = options.checkpointEveryS;
    if (everyS !== undefined && performance.now() - lastCheckpointMs >= everyS * 1000) {
      checkpoint();
      lastCheckpointMs = performance.now();
    }
  }

  const result = sim.result();
  const totalWallS = wallS();
  const summary: RunSummary = {
    scenario: scenario.name,
    seed,
    scenarioHash: hash,
    scenarioSpec: scenario,
    crystal: result.crystal,
    final: result.final,
    events: result.events,
    samples: result.samples.length,
    wallS: totalWallS,
    eventsPerS: totalWallS > 0 ? result.events.total / totalWallS : 0,
    cxsimVersion: cxsimVersion(),
    nodeVersion: process.version,
  };
  writeFileAtomic(join(outDir, TIMESERIES_FILE), timeseriesCsv(result.samples));
  writeFileAtomic(join(outDir, PROFILES_FILE), profilesCsv(result.profiles));
  options.trajectory?.finish();
  writeJsonAtomic(join(outDir, SUMMARY_FILE), summary);
  rmSync(checkpointPath, { force: true }); // the finished outputs supersede it
  return summary;
}

/** Build the simulation, turning a crystal the lattice cannot build into a UsageError. */
function createModel(create: CreateSimulation, scenario: Scenario, seed: string, options: SimulationOptions): Simulation {
  try {
    return create(scenario, seed, options);
  } catch (err) {
    if (err instanceof CrystalSpecError) throw new UsageError(`scenario ${scenario.name}: crystal: ${err.message}`);
    throw err;
  }
}

/** The checkpoint in DIR, if any, after checking it belongs to this scenario and seed. */
function readCheckpoint(path: string, scenario: Scenario, hash: string, seed: string): CheckpointFile | undefined {
  if (!existsSync(path)) return undefined;
  const file = readJsonFile(path, 'checkpoint') as Partial<CheckpointFile> | null;
  if (file === null || typeof file !== 'object' || file.format !== CHECKPOINT_FORMAT || !('state' in file)) {
    throw new UsageError(`${path}: not a cxsim checkpoint (expected format "${CHECKPOINT_FORMAT}")`);
  }
  if (file.scenarioHash !== hash) {
    throw new UsageError(
      `${path}: written for a different scenario (${String(file.scenario)} ${String(file.scenarioHash).slice(0, 12)}, ` +
        `this is ${scenario.name} ${hash.slice(0, 12)}); use another --out or drop --resume`,
    );
  }
  if (file.seed !== seed) {
    throw new UsageError(`${path}: written for seed ${JSON.stringify(file.seed)}, not ${JSON.stringify(seed)}; use --seed ${String(file.seed)} or another --out`);
  }
  return file as CheckpointFile;
}
