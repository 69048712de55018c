// Parallel efficiency of the ensemble runner: N replicas one after another in this thread (no pool) versus
// runEnsemble on J worker threads. Efficiency = T_sequential / (J x T_parallel); wall times in s.
// Run: npx tsc -p tsconfig.json && node dist/node/bench/ensemble-efficiency.js [--scenario zb-iece-80c] [--replicas 64] [--jobs 2]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { replicaSeed } from '../src/index.js';
import { replicaDir } from '../sim/ensemble/layout.js';
import { runEnsemble } from '../sim/ensemble/run.js';
import { loadScenario, runScenarioToDir } from '../sim/run-scenario.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'zb-iece-80c' },
    replicas: { type: 'string', default: '64' },
    jobs: { type: 'string', default: '2' },
    seed: { type: 'string', default: 'bench' },
    set: { type: 'string', multiple: true, default: [] },
  },
});
const replicas = Number(values.replicas);
const jobs = Number(values.jobs);
const { scenario } = loadScenario(values.scenario, values.set);
/** User + system CPU time of the whole process (all threads), s. */
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const work = mkdtempSync(join(tmpdir(), 'cxsim-bench-ensemble-'));

try {
  process.stderr.write(`sequential: ${replicas} replicas of ${scenario.name} in one thread...\n`);
  const seqDir = join(work, 'sequential');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let r = 0; r < replicas; r++) {
    await runScenarioToDir({ scenario, seed: replicaSeed(values.seed, r), outDir: replicaDir(seqDir, r) });
  }
  const sequentialS = (performance.now() - t0) / 1000;
  const sequentialCpuS = cpuSeconds(process.cpuUsage(c0));

  process.stderr.write(`parallel: runEnsemble with ${jobs} workers...\n`);
  const parDir = join(work, 'parallel');
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const report = await runEnsemble({ scenario, baseSeed: values.seed, replicas, jobs, outDir: parDir });
  const parallelS = (performance.now() - t1) / 1000;
  const parallelCpuS = cpuSeconds(process.cpuUsage(c1));

  // The same replicas either way (same derived seeds), so the comparison is of like with like.
  for (let r = 0; r < replicas; r++) {
    const a = readFileSync(join(replicaDir(seqDir, r), 'timeseries.csv'), 'utf8');
    const b = readFileSync(join(replicaDir(parDir, r), 'timeseries.csv'), 'utf8');
    if (a !== b) throw new Error(`replica ${r}: the pool's timeseries.csv differs from the sequential run's`);
  }

  const speedup = sequentialS / parallelS;
  const lines = [
    `scenario ${scenario.name}, replicas ${replicas}, jobs ${report.jobs}; node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0]!.toFixed(2)} at the end`,
    `sequential (one thread, no pool): ${sequentialS.toFixed(1)} s wall, ${sequentialCpuS.toFixed(1)} s CPU (${(sequentialS / replicas).toFixed(2)} s per replica)`,
    `parallel (runEnsemble, ${report.jobs} workers): ${parallelS.toFixed(1)} s wall, ${parallelCpuS.toFixed(1)} s CPU (all threads)`,
    `speedup ${speedup.toFixed(2)}x, parallel efficiency ${((100 * speedup) / report.jobs).toFixed(1)} % (ideal 100 %); replicas identical either way`,
    // On a machine shared with other work the wall clock measures the neighbours too; CPU time does not.
    `pool CPU overhead ${(100 * (parallelCpuS / sequentialCpuS - 1)).toFixed(1)} % (worker start-up, per-thread JIT warm-up, merge and plots)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
