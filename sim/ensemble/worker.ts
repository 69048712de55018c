// Worker-thread entry of the ensemble pool: loads the replica module once, then runs the replicas it is
// sent one at a time and reports each (wall time in s). Compiled to dist/node/sim/ensemble/worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { ReplicaJob, RunReplica, WorkerReply, WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('sim/ensemble/worker.js must run in a worker thread');

// Messages posted before this import finishes are queued by the port until the listener is attached.
const replicaModule = (await import(setup.replicaModuleUrl)) as { runReplica?: RunReplica };
const runReplica = replicaModule.runReplica;
if (typeof runReplica !== 'function') throw new Error(`${setup.replicaModuleUrl} does not export runReplica`);

port.on('message', (job: ReplicaJob) => {
  const startMs = performance.now();
  Promise.resolve()
    .then(() => runReplica(setup.scenarioSpec, job.seed, job.dir, (fraction) => reply({ type: 'progress', index: job.index, fraction })))
    .then(
      () => reply({ type: 'done', index: job.index, wallS: (performance.now() - startMs) / 1000 }),
      (err: unknown) =>
        reply({
          type: 'error',
          index: job.index,
          message: err instanceof Error ? err.message : String(err),
          usage: err instanceof Error && err.name === 'UsageError',
        }),
    );
});

function reply(message: WorkerReply): void {
  port!.postMessage(message);
}
