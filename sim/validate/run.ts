// The validation runner: select outcomes, plan their ensembles (each run once), run or resume them with
// runEnsemble under the work dir, read the replicas into metrics and evaluate every outcome. Wall times in s.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UsageError } from '../errors.js';
import { readJsonFile } from '../files.js';
import { replicaDir } from '../ensemble/layout.js';
import { readManifest } from '../ensemble/manifest.js';
import { formatIndexList, readEnsembleReplicas } from '../ensemble/merge.js';
import { runEnsemble } from '../ensemble/run.js';
import type { Progress } from '../progress.js';
import { formatDuration } from '../progress.js';
import { SUMMARY_FILE } from '../run-scenario.js';
import type { Scenario } from '../../src/model/contract.js';
import { ensembleMetrics, type EnsembleMetrics } from './metrics.js';
import { OUTCOMES, refLabel, type EnsembleRef, type MetricsSource, type Outcome, type Verdict } from './outcomes.js';
import { planEnsembles, type PlannedEnsemble } from './plan.js';

export interface ValidateOptions {
  replicas: number;
  jobs: number;
  baseSeed: string;
  /** Work dir: one ensemble folder per planned ensemble (resumable). */
  outDir: string;
  /** Outcome ids; default all. */
  only?: readonly string[];
  /** --set applied to every ensemble after its own (smoke runs, exploration). */
  sets?: readonly string[];
  /** Delete the planned ensemble folders first (after a change of model code). */
  fresh?: boolean;
  /** The outcome table; tests pass a small one. */
  outcomes?: readonly Outcome[];
  progressFor?: (label: string) => Progress;
  /** One line per ensemble started and finished (stderr in the CLI). */
  log?: (line: string) => void;
  replicaModuleUrl?: string;
  workerUrl?: URL;
}

export interface EnsembleRun {
  readonly planned: PlannedEnsemble;
  readonly dir: string;
  readonly ran: number;
  readonly alreadyDone: number;
  readonly wallS: number;
  readonly metrics: EnsembleMetrics;
}

export interface ValidationRun {
  readonly outcomes: readonly Outcome[];
  readonly verdicts: readonly Verdict[];
  readonly ensembles: readonly EnsembleRun[];
  /** Metrics by reference; undefined for ensembles not run (outcomes left out by --only). */
  readonly lookup: (ref: EnsembleRef) => EnsembleMetrics | undefined;
  readonly wallS: number;
}

/** The outcomes named by --only (in table order), or all; an unknown id is a UsageError listing the known ones. */
export function selectOutcomes(table: readonly Outcome[], only: readonly string[] | undefined): Outcome[] {
  if (only === undefined || only.length === 0) return [...table];
  const known = new Set(table.map((o) => o.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new UsageError(`--only: unknown outcome id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')} (known: ${table.map((o) => o.id).join(', ')})`);
  }
  return table.filter((o) => only.includes(o.id));
}

/** Cation sites and surface cation sites over all cation sites, from a replica's summary.json crystal (NaN if absent). */
function crystalCounts(dir: string): { cations: number; surfaceFraction: number } {
  const summary = readJsonFile(join(dir, SUMMARY_FILE), 'replica summary') as { crystal?: { surfaceCations?: unknown; cations?: unknown } } | null;
  const crystal = summary?.crystal;
  const surface = crystal?.surfaceCations;
  const cations = typeof crystal?.cations === 'number' && crystal.cations > 0 ? crystal.cations : Number.NaN;
  return { cations, surfaceFraction: typeof surface === 'number' ? surface / cations : Number.NaN };
}

/** Metrics of a finished ensemble folder (every replica of its manifest, checked like a merge). */
export function loadEnsembleMetrics(dir: string): EnsembleMetrics {
  const manifest = readManifest(dir);
  const replicas = readEnsembleReplicas(dir, manifest);
  return ensembleMetrics(
    manifest.scenarioSpec as Scenario,
    replicas.map((r, i) => ({ series: r.series, profiles: r.profiles, final: r.final, ...crystalCounts(replicaDir(dir, i)) })),
  );
}

export async function runValidation(options: ValidateOptions): Promise<ValidationRun> {
  const startMs = performance.now();
  const table = options.outcomes ?? OUTCOMES;
  const outcomes = selectOutcomes(table, options.only);
  const sets = options.sets ?? [];
  // Planned over the whole table so that folder names do not depend on --only; then only what is needed runs.
  const needed = new Set(outcomes.flatMap((o) => o.needs.map(refLabel)));
  const isNeeded = (ref: EnsembleRef) => needed.has(refLabel(ref));
  const plan = planEnsembles(table.flatMap((o) => o.needs), sets, options.baseSeed, isNeeded).filter((p) => p.refs.some(isNeeded));
  const log = options.log ?? (() => undefined);

  const ensembles: EnsembleRun[] = [];
  for (const [k, planned] of plan.entries()) {
    const dir = join(options.outDir, planned.dirName);
    if (options.fresh) rmSync(dir, { recursive: true, force: true });
    const label = `[${k + 1}/${plan.length}] ${planned.dirName.replace(/--[0-9a-f]+$/, '')}`;
    log(`${label}: ${options.replicas} replicas -> ${dir}`);
    const report = await runEnsemble({
      scenario: planned.scenario,
      baseSeed: options.baseSeed,
      replicas: options.replicas,
      jobs: options.jobs,
      outDir: dir,
      ...(options.progressFor ? { progress: options.progressFor(label) } : {}),
      ...(options.replicaModuleUrl ? { replicaModuleUrl: options.replicaModuleUrl } : {}),
      ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
    });
    if (report.missing.length > 0) throw new Error(`${dir}: replicas ${formatIndexList(report.missing)} did not finish`);
    const metrics = loadEnsembleMetrics(dir);
    log(`${label}: ran ${report.ran} (${report.alreadyDone} already done) in ${formatDuration(report.wallS)}`);
    ensembles.push({ planned, dir, ran: report.ran, alreadyDone: report.alreadyDone, wallS: report.wallS, metrics });
  }

  const byRef = new Map<string, EnsembleMetrics>();
  for (const e of ensembles) for (const ref of e.planned.refs) byRef.set(refLabel(ref), e.metrics);
  const lookup = (ref: EnsembleRef) => byRef.get(refLabel(ref));
  const source: MetricsSource = {
    of: (ref) => {
      const m = lookup(ref);
      if (!m) throw new Error(`validation: ensemble "${refLabel(ref)}" was not run (missing from an outcome's needs?)`);
      return m;
    },
  };
  const verdicts = outcomes.map((o) => o.evaluate(source));
  return { outcomes, verdicts, ensembles, lookup, wallS: (performance.now() - startMs) / 1000 };
}
