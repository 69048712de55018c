// Run an ensemble (or one shard of it) into a directory: claim it by manifest, run only the replicas whose
// summary.json is missing on a worker pool, then merge once every replica exists. Wall times in s.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { replicaSeed } from '../../src/index.js';
import type { Scenario } from '../../src/model/contract.js';
import { writeJsonAtomic } from '../files.js';
import type { Progress } from '../progress.js';
import { missingReplicas, replicaDir, TIMING_FILE } from './layout.js';
import { buildManifest, claimEnsembleDir } from './manifest.js';
import { mergeEnsemble, type EnsembleDocument } from './merge.js';
import { runPool } from './pool.js';
import type { ReplicaJob } from './protocol.js';
import { shardReplicas, type Shard } from './shard.js';

/** The real replica module, beside this one (dist/node/sim/ensemble/replica.js once built). */
export const DEFAULT_REPLICA_MODULE_URL = new URL('./replica.js', import.meta.url).href;

export interface EnsembleOptions {
  /** The resolved scenario (file plus --set overrides), as loadScenario returns it. */
  scenario: Scenario;
  baseSeed: string;
  replicas: number;
  /** Worker threads; defaults to the number of cores. */
  jobs?: number;
  outDir: string;
  /** Only this shard's replicas (r mod count = index). */
  shard?: Shard;
  progress?: Progress;
  /** Tests point these at a stand-in replica module and the compiled worker. */
  replicaModuleUrl?: string;
  workerUrl?: URL;
}

export interface EnsembleReport {
  /** Replicas this shard owns, and how many of them were already done before this call. */
  owned: number;
  alreadyDone: number;
  ran: number;
  /** Replicas of the whole ensemble still missing after this call (other shards). */
  missing: number[];
  merged?: EnsembleDocument;
  wallS: number;
  jobs: number;
}

export function defaultJobs(): number {
  return availableParallelism();
}

export async function runEnsemble(options: EnsembleOptions): Promise<EnsembleReport> {
  const startMs = performance.now();
  const { scenario, baseSeed, replicas, outDir, shard } = options;
  claimEnsembleDir(outDir, buildManifest(scenario.name, scenario, baseSeed, replicas));

  const owned = shardReplicas(replicas, shard);
  const todo = missingReplicas(outDir, owned);
  const queue: ReplicaJob[] = todo.map((index) => ({ index, seed: replicaSeed(baseSeed, index), dir: replicaDir(outDir, index) }));
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), Math.max(1, queue.length)));

  let done = 0;
  let replicaWallS = 0;
  // Progress counts finished replicas plus the simulated-time fraction of those in flight.
  const inFlight = new Map<number, number>();
  const showProgress = () => {
    let partial = 0;
    for (const f of inFlight.values()) partial += f;
    options.progress?.update((done + partial) / queue.length, `${done}/${queue.length} replicas`);
  };
  showProgress();
  await runPool(queue, {
    jobs,
    setup: { replicaModuleUrl: options.replicaModuleUrl ?? DEFAULT_REPLICA_MODULE_URL, scenarioSpec: scenario },
    ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
    onDone: (index, wallS) => {
      done++;
      replicaWallS += wallS;
      inFlight.delete(index);
      showProgress();
    },
    onProgress: (index, fraction) => {
      inFlight.set(index, fraction);
      showProgress();
    },
  });
  options.progress?.finish();

  const all = Array.from({ length: replicas }, (_, r) => r);
  const missing = missingReplicas(outDir, all);
  // The last shard to finish merges; two finishing together write identical bytes (atomic renames).
  const merged = missing.length === 0 ? mergeEnsemble(outDir) : undefined;
  const wallS = (performance.now() - startMs) / 1000;

  // Wall-clock facts of this session: kept out of ensemble.json (which must not depend on them).
  const timingFile = shard ? `timing-shard-${shard.index}-of-${shard.count}.json` : TIMING_FILE;
  writeJsonAtomic(join(outDir, timingFile), {
    jobs,
    replicasRun: queue.length,
    sessionWallS: wallS,
    replicaWallSTotal: replicaWallS,
    /** Busy time of the workers over (jobs x session time): 1 means no overhead at all. */
    parallelEfficiency: queue.length > 0 && wallS > 0 ? replicaWallS / (jobs * wallS) : null,
  });

  return { owned: owned.length, alreadyDone: owned.length - todo.length, ran: queue.length, missing, ...(merged ? { merged } : {}), wallS, jobs };
}
