// Parallel efficiency of the ensemble runner: N replicas one after another in one thread (no pool) versus
// runEnsemble on J worker threads. Each phase runs in a fresh child process of this script, so neither
// inherits the other's heap or JIT state. Efficiency = T_sequential / (J x T_parallel); wall times in s.
// Run: npx tsc -p tsconfig.json && node dist/node/bench/ensemble-efficiency.js [--scenario zb-iece-80c] [--replicas 64] [--jobs 2]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
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
    // Internal: run one phase into --dir and print its timing as JSON.
    phase: { type: 'string' },
    dir: { type: 'string' },
  },
});
const replicas = Number(values.replicas);
const jobs = Number(values.jobs);

interface PhaseTiming {
  wallS: number;
  /** User + system CPU time of the whole process (all threads), s. */
  cpuS: number;
  jobs: number;
}

if (values.phase) {
  const { scenario } = loadScenario(values.scenario, values.set);
  const dir = values.dir!;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let usedJobs = 1;
  if (values.phase === 'sequential') {
    for (let r = 0; r < replicas; r++) {
      await runScenarioToDir({ scenario, seed: replicaSeed(values.seed, r), outDir: replicaDir(dir, r) });
    }
  } else {
    usedJobs = (await runEnsemble({ scenario, baseSeed: values.seed, replicas, jobs, outDir: dir })).jobs;
  }
  const u = process.cpuUsage(c0);
  const timing: PhaseTiming = { wallS: (performance.now() - t0) / 1000, cpuS: (u.user + u.system) / 1e6, jobs: usedJobs };
  process.stdout.write(JSON.stringify(timing) + '\n');
} else {
  const work = mkdtempSync(join(tmpdir(), 'cxsim-bench-ensemble-'));
  const self = fileURLToPath(import.meta.url);
  const forwarded = process.argv.slice(2);
  const phase = (name: string, dir: string): PhaseTiming =>
    JSON.parse(execFileSync(process.execPath, [self, ...forwarded, '--phase', name, '--dir', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as PhaseTiming;
  try {
    const name = values.scenario;
    process.stderr.write(`sequential: ${replicas} replicas of ${name} in one thread, fresh process...\n`);
    const seqDir = join(work, 'sequential');
    const seq = phase('sequential', seqDir);
    process.stderr.write(`parallel: runEnsemble with ${jobs} workers, fresh process...\n`);
    const parDir = join(work, 'parallel');
    const par = phase('parallel', parDir);

    // The same replicas either way (same derived seeds), so the comparison is of like with like.
    for (let r = 0; r < replicas; r++) {
      const a = readFileSync(join(replicaDir(seqDir, r), 'timeseries.csv'), 'utf8');
      const b = readFileSync(join(replicaDir(parDir, r), 'timeseries.csv'), 'utf8');
      if (a !== b) throw new Error(`replica ${r}: the pool's timeseries.csv differs from the sequential run's`);
    }

    const speedup = seq.wallS / par.wallS;
    const lines = [
      `scenario ${name} ${values.set.join(' ')}, replicas ${replicas}, jobs ${par.jobs}; node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0]!.toFixed(2)} at the end`,
      `sequential (one thread, no pool): ${seq.wallS.toFixed(1)} s wall, ${seq.cpuS.toFixed(1)} s CPU (${(seq.wallS / replicas).toFixed(2)} s per replica)`,
      `parallel (runEnsemble, ${par.jobs} workers): ${par.wallS.toFixed(1)} s wall, ${par.cpuS.toFixed(1)} s CPU (all threads)`,
      `speedup ${speedup.toFixed(2)}x, parallel efficiency ${((100 * speedup) / par.jobs).toFixed(1)} % (ideal 100 %); replicas identical either way`,
      // On a machine shared with other work the wall clock measures the neighbours too; CPU time does not.
      `pool CPU overhead ${(100 * (par.cpuS / seq.cpuS - 1)).toFixed(1)} % (worker start-up, per-thread JIT warm-up, merge and plots)`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
