// Parameter sweeps: the grid of --vary conditions, each an ensemble in DIR/<condition-slug>/, summarised
// into sweep.csv (varied keys, then each final metric's mean, sd, sem) and one SVG per metric.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { applyOverrides, formatCsv, ScenarioError } from '../../src/index.js';
import type { Scenario } from '../../src/model/contract.js';
import { UsageError } from '../errors.js';
import { readJsonFile, writeFileAtomic, writeJsonAtomic } from '../files.js';
import { loadScenario, resolveScenarioPath } from '../run-scenario.js';
import { canonicalJson, specHash } from './manifest.js';
import type { Moments } from './stats.js';
import type { Progress } from '../progress.js';
import { runEnsemble, type EnsembleReport } from './run.js';
import { writeSweepPlots } from './plots.js';

/** One --vary flag: a dotted scenario key and the values it takes (JSON-parsed when possible, as --set). */
export interface VaryAxis {
  key: string;
  /** The values as typed, for --set and for the CSV. */
  texts: string[];
}

export interface SweepCondition {
  /** key=value per axis, in axis order. */
  sets: string[];
  /** Folder name under the sweep dir. */
  slug: string;
  /** The value text per axis. */
  texts: string[];
}

export const SWEEP_MANIFEST_FILE = 'sweep-manifest.json';
export const SWEEP_CSV = 'sweep.csv';
export const SWEEP_JSON = 'sweep.json';
const SWEEP_FORMAT = 'cxsim-sweep/1';

/** Parse "dotted.key=v1,v2,...". */
export function parseVary(text: string): VaryAxis {
  const eq = text.indexOf('=');
  const key = eq > 0 ? text.slice(0, eq).trim() : '';
  const texts = eq > 0 ? text.slice(eq + 1).split(',').map((v) => v.trim()) : [];
  if (key === '' || texts.length === 0 || texts.some((v) => v === '')) {
    throw new UsageError(`--vary ${JSON.stringify(text)}: expected dotted.key=v1,v2,... (e.g. reagents.agPerCd=0,0.075,0.15)`);
  }
  if (new Set(texts).size !== texts.length) throw new UsageError(`--vary ${key}: a value is repeated (${texts.join(',')})`);
  return { key, texts };
}

/** Safe folder-name piece: letters, digits, ".", "_" and "-" only. */
function slugPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** The full grid, first axis slowest; folder "key-value__key-value". */
export function sweepConditions(axes: readonly VaryAxis[]): SweepCondition[] {
  let grid: SweepCondition[] = [{ sets: [], slug: '', texts: [] }];
  for (const axis of axes) {
    grid = grid.flatMap((c) =>
      axis.texts.map((t) => ({
        sets: [...c.sets, `${axis.key}=${t}`],
        slug: c.slug === '' ? `${slugPart(axis.key)}-${slugPart(t)}` : `${c.slug}__${slugPart(axis.key)}-${slugPart(t)}`,
        texts: [...c.texts, t],
      })),
    );
  }
  const seen = new Set<string>();
  for (const c of grid) {
    if (seen.has(c.slug)) throw new UsageError(`--vary: two conditions share the folder name ${c.slug}; use plainer values`);
    seen.add(c.slug);
  }
  return grid;
}

/**
 * Resolve every condition's scenario (base file, --set, then the condition's values), failing on the first
 * --vary key the scenario schema does not have, or a value it rejects, before anything runs.
 */
export function resolveSweep(scenarioArg: string, sets: readonly string[], axes: readonly VaryAxis[]): { base: Scenario; conditions: { condition: SweepCondition; scenario: Scenario }[] } {
  const keys = new Set<string>();
  for (const axis of axes) {
    if (keys.has(axis.key)) throw new UsageError(`--vary ${axis.key}: given twice; list all its values in one --vary`);
    keys.add(axis.key);
  }
  const { scenario: base } = loadScenario(scenarioArg, sets);
  const raw = applyOverrides(readJsonFile(resolveScenarioPath(scenarioArg), 'scenario file'), sets);
  for (const axis of axes) {
    try {
      applyOverrides(raw, [`${axis.key}=${axis.texts[0]}`]);
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      // The override's message starts `--set "k=v": `; say --vary and the key instead.
      const why = err.message.replace(/^--set "[^"]*": /, '');
      throw new UsageError(`--vary ${axis.key}: ${why}`);
    }
  }
  const conditions = sweepConditions(axes).map((condition) => {
    let scenario: Scenario;
    try {
      scenario = loadScenario(scenarioArg, [...sets, ...condition.sets]).scenario;
    } catch (err) {
      if (err instanceof UsageError) throw new UsageError(`--vary ${condition.sets.join(' ')}: ${err.message}`);
      throw err;
    }
    return { condition, scenario };
  });
  return { base, conditions };
}

interface SweepManifest {
  format: typeof SWEEP_FORMAT;
  scenario: string;
  baseSeed: string;
  vary: VaryAxis[];
  /** Hash of the base spec (after --set) and base seed: a different sweep cannot reuse the folder. */
  specHash: string;
}

/** Claim DIR for this sweep (same rules as an ensemble folder). */
export function claimSweepDir(dir: string, base: Scenario, baseSeed: string, axes: readonly VaryAxis[]): void {
  const want: SweepManifest = { format: SWEEP_FORMAT, scenario: base.name, baseSeed, vary: [...axes], specHash: specHash(base, baseSeed) };
  const path = join(dir, SWEEP_MANIFEST_FILE);
  if (existsSync(path)) {
    const have = readJsonFile(path, 'sweep manifest') as Partial<SweepManifest> | null;
    if (have === null || typeof have !== 'object' || have.format !== SWEEP_FORMAT) {
      throw new UsageError(`${path}: not a cxsim sweep manifest (expected format "${SWEEP_FORMAT}")`);
    }
    if (canonicalJson(have) !== canonicalJson(want)) {
      throw new UsageError(
        `${dir}: holds another sweep (scenario "${String(have.scenario)}", seed ${String(have.baseSeed)}, ` +
          `vary ${(have.vary ?? []).map((a) => `${a.key}=${a.texts.join(',')}`).join(' ')}); nothing was changed; use another --out`,
      );
    }
    return;
  }
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`${dir}: --out must be a directory, found a file`);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new UsageError(`${dir}: exists, is not empty and has no ${SWEEP_MANIFEST_FILE}; nothing was changed; use another --out`);
  }
  writeJsonAtomic(path, want);
}

export interface SweepRow {
  condition: SweepCondition;
  final: Record<string, Moments>;
}

/** sweep.csv: the varied keys, then <metric>Mean, <metric>Sd, <metric>Sem for every final metric. */
export function sweepCsv(axes: readonly VaryAxis[], rows: readonly SweepRow[]): string {
  const metrics = rows.length > 0 ? Object.keys(rows[0]!.final) : [];
  const header = [...axes.map((a) => a.key), ...metrics.flatMap((m) => [`${m}Mean`, `${m}Sd`, `${m}Sem`])];
  return formatCsv(
    header,
    rows.map((row) => [
      ...row.condition.texts,
      ...metrics.flatMap((m) => {
        const s = row.final[m];
        return s ? [s.mean, s.sd, s.sem] : [Number.NaN, Number.NaN, Number.NaN];
      }),
    ]),
  );
}

export function writeSweepTables(dir: string, scenario: string, baseSeed: string, replicas: number, axes: readonly VaryAxis[], rows: readonly SweepRow[]): void {
  writeFileAtomic(join(dir, SWEEP_CSV), sweepCsv(axes, rows));
  writeJsonAtomic(join(dir, SWEEP_JSON), {
    format: SWEEP_FORMAT,
    scenario,
    baseSeed,
    replicas,
    vary: axes,
    conditions: rows.map((r) => ({ dir: r.condition.slug, values: Object.fromEntries(axes.map((a, i) => [a.key, r.condition.texts[i]])), final: r.final })),
  });
}

export interface SweepOptions {
  scenarioArg: string;
  sets: readonly string[];
  axes: readonly VaryAxis[];
  baseSeed: string;
  replicas: number;
  jobs: number;
  outDir: string;
  /** One progress bar per condition; label names the condition. */
  progressFor?: (label: string) => Progress;
  /** Called after each condition's ensemble. */
  onCondition?: (slug: string, report: EnsembleReport) => void;
  replicaModuleUrl?: string;
  workerUrl?: URL;
}

/** Run (or resume) every condition's ensemble, then write sweep.csv, sweep.json and the plots. */
export async function runSweep(options: SweepOptions): Promise<{ rows: SweepRow[]; plots: string[] }> {
  const { base, conditions } = resolveSweep(options.scenarioArg, options.sets, options.axes);
  claimSweepDir(options.outDir, base, options.baseSeed, options.axes);
  const rows: SweepRow[] = [];
  for (const { condition, scenario } of conditions) {
    const report = await runEnsemble({
      scenario,
      baseSeed: options.baseSeed,
      replicas: options.replicas,
      jobs: options.jobs,
      outDir: join(options.outDir, condition.slug),
      ...(options.progressFor ? { progress: options.progressFor(condition.slug) } : {}),
      ...(options.replicaModuleUrl ? { replicaModuleUrl: options.replicaModuleUrl } : {}),
      ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
    });
    options.onCondition?.(condition.slug, report);
    if (!report.merged) throw new Error(`sweep condition ${condition.slug}: ensemble did not merge`);
    rows.push({ condition, final: report.merged.final });
  }
  writeSweepTables(options.outDir, base.name, options.baseSeed, options.replicas, options.axes, rows);
  const plots = writeSweepPlots(
    options.outDir,
    base,
    options.axes.map((a) => a.key),
    rows.map((r) => ({ texts: r.condition.texts, final: r.final })),
    options.replicas,
  );
  return { rows, plots };
}
