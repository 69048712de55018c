// Merge a finished ensemble directory: read replicas 0..N-1 in index order, reduce, and write ensemble.json,
// the ensemble CSVs and plots. The same code serves a single-machine run and `cxsim merge` after shards.
import { join } from 'node:path';
import { formatCsv, formatCsvColumns, replicaSeed } from '../../src/index.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../files.js';
import { scenarioHash } from '../run-scenario.js';
import type { Scenario } from '../../src/model/contract.js';
import { ENSEMBLE_FILE, PROFILES_CSV, replicaDir, SERIES_CSV, missingReplicas } from './layout.js';
import { readManifest, type Manifest } from './manifest.js';
import { readReplica, type ReplicaData } from './replica-files.js';
import { reduceReplicas, type EnsembleProfiles, type EnsembleSeries, type EnsembleStats } from './reduce.js';
import { writeEnsemblePlots } from './plots.js';
import type { Moments } from './stats.js';

export const ENSEMBLE_FORMAT = 'cxsim-ensemble/1';

/** ensemble.json: a function of (scenario spec, base seed, replica count) only; no wall-clock fields. */
export interface EnsembleDocument {
  format: typeof ENSEMBLE_FORMAT;
  scenario: string;
  replicas: number;
  baseSeed: string;
  /** How replica seeds derive from baseSeed (src/rng.ts replicaSeed). */
  seedRule: string;
  specHash: string;
  scenarioSpec: unknown;
  /** Final metrics of summary.json (hgFraction, coreShellIndex, ...): mean, sd, sem over replicas. */
  final: Record<string, Moments>;
  series: EnsembleSeries;
  profiles: EnsembleProfiles;
  /** Other files of the merge, relative to the ensemble directory. */
  files: { series: string; profiles: string; plots: string[] };
}

/** "0-3, 7, 9-10": compact list of replica indices for messages. */
export function formatIndexList(indices: readonly number[], max = 20): string {
  const parts: string[] = [];
  for (let i = 0; i < indices.length; ) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j]! + 1) j++;
    parts.push(j === i ? String(indices[i]) : `${indices[i]}-${indices[j]}`);
    i = j + 1;
  }
  return parts.length > max ? `${parts.slice(0, max).join(', ')}, ...` : parts.join(', ');
}

/** Read every replica of the manifest, checking seeds and scenario; refuses (listing them) if any is missing. */
export function readEnsembleReplicas(dir: string, manifest: Manifest): ReplicaData[] {
  const all = Array.from({ length: manifest.replicas }, (_, r) => r);
  const missing = missingReplicas(dir, all);
  if (missing.length > 0) {
    throw new UsageError(
      `${dir}: ${missing.length} of ${manifest.replicas} replicas not finished (no summary.json): ${formatIndexList(missing)}; ` +
        'run the missing shards (or the ensemble command again), then merge',
    );
  }
  const wantHash = scenarioHash(manifest.scenarioSpec as Scenario);
  return all.map((r) => {
    const dirR = replicaDir(dir, r);
    const data = readReplica(dirR);
    const seed = replicaSeed(manifest.baseSeed, r);
    if (data.seed !== seed) throw new UsageError(`${dirR}/summary.json: seed ${JSON.stringify(data.seed)}, expected ${JSON.stringify(seed)}`);
    if (data.scenarioHash !== wantHash) throw new UsageError(`${dirR}/summary.json: ran a different scenario spec than ${dir}/manifest.json`);
    return data;
  });
}

/** Merge DIR: write ensemble.json, CSVs and plots; return the document. */
export function mergeEnsemble(dir: string): EnsembleDocument {
  const manifest = readManifest(dir);
  const replicas = readEnsembleReplicas(dir, manifest);
  const labels = replicas.map((_, r) => replicaDir(dir, r));
  const stats = reduceReplicas(replicas, labels);
  writeFileAtomic(join(dir, SERIES_CSV), formatCsvColumns(stats.series));
  writeFileAtomic(join(dir, PROFILES_CSV), profilesCsv(stats.profiles));
  const plots = writeEnsemblePlots(dir, manifest, stats);
  const doc: EnsembleDocument = {
    format: ENSEMBLE_FORMAT,
    scenario: manifest.scenario,
    replicas: manifest.replicas,
    baseSeed: manifest.baseSeed,
    seedRule: `replica r runs seed replicaSeed(baseSeed, r) of src/rng.ts; replica 0: ${JSON.stringify(replicaSeed(manifest.baseSeed, 0))}`,
    specHash: manifest.specHash,
    scenarioSpec: manifest.scenarioSpec,
    final: stats.final,
    series: stats.series,
    profiles: stats.profiles,
    files: { series: SERIES_CSV, profiles: PROFILES_CSV, plots },
  };
  writeJsonAtomic(join(dir, ENSEMBLE_FILE), doc);
  return doc;
}

/** Long format: one row per (time, shell), the value statistics as columns. Full double precision. */
function profilesCsv(profiles: EnsembleProfiles): string {
  const stats = Object.keys(profiles).filter((k) => !['timeS', 'shell', 'radiusNm'].includes(k));
  const rows: number[][] = [];
  profiles.timeS.forEach((t, ti) => {
    for (const s of profiles.shell) rows.push([t, s, profiles.radiusNm[s]!, ...stats.map((k) => (profiles[k] as number[][])[ti]![s]!)]);
  });
  return formatCsv(['timeS', 'shell', 'radiusNm', ...stats], rows);
}

export type { EnsembleStats };
