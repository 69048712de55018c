// A pool of worker threads running replicas in parallel: J workers, each taking the next replica index
// when it finishes one. Results live in files, so completion order never matters. Wall times in s.
import { Worker } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import type { ReplicaJob, WorkerReply, WorkerSetup } from './protocol.js';

/** The compiled worker script beside this module (dist/node/sim/ensemble/worker.js). */
export const DEFAULT_WORKER_URL = new URL('./worker.js', import.meta.url);

export interface PoolOptions {
  jobs: number;
  setup: WorkerSetup;
  /** Override for tests that import the sources: point at the compiled worker. */
  workerUrl?: URL;
  /** Called on the main thread as each replica finishes. */
  onDone?: (index: number, wallS: number) => void;
  /** Called as a running replica reports the fraction of its simulated time done. */
  onProgress?: (index: number, fraction: number) => void;
}

/**
 * Run every job on min(jobs, queue length) workers. Resolves when all finished; on the first failure
 * stops the other workers and rejects (a UsageError from a replica stays a UsageError).
 */
export function runPool(queue: readonly ReplicaJob[], options: PoolOptions): Promise<void> {
  const workerCount = Math.max(0, Math.min(Math.floor(options.jobs), queue.length));
  if (workerCount === 0) return Promise.resolve();
  const workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const retired = new Set<Worker>(); // terminated by us: their exit code means nothing
    let next = 0;
    let finished = 0;
    let failed = false;

    const fail = (err: Error): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) retire(w);
      reject(err);
    };

    const retire = (worker: Worker): void => {
      retired.add(worker);
      void worker.terminate();
    };

    const feed = (worker: Worker): void => {
      if (next < queue.length) worker.postMessage(queue[next++]);
      else retire(worker);
    };

    for (let w = 0; w < workerCount; w++) {
      const worker = new Worker(workerUrl, { workerData: options.setup });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if (failed) return;
        if (reply.type === 'progress') {
          options.onProgress?.(reply.index, reply.fraction);
          return;
        }
        if (reply.type === 'error') {
          const text = `replica ${reply.index}: ${reply.message}`;
          fail(reply.usage ? new UsageError(text) : new Error(text));
          return;
        }
        finished++;
        options.onDone?.(reply.index, reply.wallS);
        if (finished === queue.length) {
          for (const other of workers) retire(other);
          resolve();
        } else {
          feed(worker);
        }
      });
      worker.on('error', (err) => fail(err));
      worker.on('exit', (code) => {
        if (!retired.has(worker)) fail(new Error(`ensemble worker exited with code ${code}`));
      });
      feed(worker);
    }
  });
}
