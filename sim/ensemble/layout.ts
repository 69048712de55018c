// Where an ensemble directory keeps things: manifest first, one full run dir per replica, merged outputs.
// A replica counts as done when its summary.json exists (the replica runner writes it last, atomically).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FILE = 'manifest.json';
export const ENSEMBLE_FILE = 'ensemble.json';
/** Wall-clock facts live apart from ensemble.json so that a resumed run merges to identical bytes. */
export const TIMING_FILE = 'timing.json';
export const SERIES_CSV = 'ensemble-timeseries.csv';
export const PROFILES_CSV = 'ensemble-profiles.csv';
export const REPLICAS_DIR = 'replicas';
export const REPLICA_DONE_FILE = 'summary.json';

/** Run dir of replica `index`: replicas/0000, replicas/0001, ... */
export function replicaDir(ensembleDir: string, index: number): string {
  return join(ensembleDir, REPLICAS_DIR, String(index).padStart(4, '0'));
}

export function isReplicaDone(ensembleDir: string, index: number): boolean {
  return existsSync(join(replicaDir(ensembleDir, index), REPLICA_DONE_FILE));
}

/** Indices among `indices` whose summary.json is missing, ascending. */
export function missingReplicas(ensembleDir: string, indices: readonly number[]): number[] {
  return indices.filter((r) => !isReplicaDone(ensembleDir, r));
}
