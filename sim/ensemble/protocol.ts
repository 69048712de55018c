// Messages between the ensemble pool (main thread) and its workers, and the replica-module contract.
// Times in seconds of wall clock (reported for timing.json only, never merged into results).

/** One replica to run: its index, its derived seed and the run dir it owns. */
export interface ReplicaJob {
  index: number;
  seed: string;
  dir: string;
}

/** Given once to every worker. */
export interface WorkerSetup {
  /** URL of a module exporting `runReplica` (the real one is sim/ensemble/replica.js). */
  replicaModuleUrl: string;
  /** The resolved scenario every replica runs. */
  scenarioSpec: unknown;
}

/**
 * What a replica module exports: run one replica into `dir`, writing summary.json last; `onProgress` (optional
 * to call) takes the fraction of the replica's simulated time done, in [0, 1], for the progress bar.
 */
export type RunReplica = (scenarioSpec: unknown, seed: string, dir: string, onProgress?: (fraction: number) => void) => void | Promise<void>;

export type WorkerReply =
  | { type: 'progress'; index: number; fraction: number }
  | { type: 'done'; index: number; wallS: number }
  | { type: 'error'; index: number; message: string; usage: boolean };
