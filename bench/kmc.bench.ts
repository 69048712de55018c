// Micro-benchmarks of the KMC core with tinybench: tree-solver update / updateRange / pick, and engine steps on a
// fixed-rate toy and on the standard vacancy workload. Each task runs a batch, in its own process (a shared JIT
// would make the engine's call sites polymorphic); the table reports ns per operation. Then the heap allocation per
// event of the workload (sampled by V8's heap profiler, objects already collected included): 0 is the design goal.
// Run: npx tsc -p tsconfig.json && node dist/node/bench/kmc.bench.js [task index | alloc]
import { spawnSync } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { KmcEngine, type KmcModel } from '../src/kmc/engine.js';
import { createTreeSolver } from '../src/kmc/solver.js';
import { createVacancyWorkload } from '../src/kmc/workload/vacancy-exchange.js';
import { createRng } from '../src/rng.js';

const BATCH = 1000;
const SLOTS = 13104; // 16 slots x 819 vacancies: the workload's solver size at L = 16

function solverWithRates(): ReturnType<typeof createTreeSolver> {
  const solver = createTreeSolver([SLOTS]);
  const rng = createRng('bench/rates');
  for (let slot = 0; slot < SLOTS; slot++) solver.update(slot, rng.next());
  return solver;
}

// Precomputed random inputs, so that the tasks time the solver, not the generator.
const rng = createRng('bench/inputs');
const slots = Int32Array.from({ length: 1 << 16 }, () => Math.floor(rng.next() * SLOTS));
const fractions = Float64Array.from({ length: 1 << 16 }, () => rng.next());
const twelve = Float64Array.from({ length: 12 }, () => rng.next());
let cursor = 0;

const updateSolver = solverWithRates();
const pickSolver = solverWithRates();
let sink = 0;

/** 1000 slots with fixed rates: the engine's own cost per step (pick, clock, bookkeeping). */
class NoOpModel implements KmcModel {
  execute(): void {}
}
const fixedSolver = solverWithRates();
const fixedEngine = new KmcEngine(fixedSolver, new NoOpModel(), createRng('bench/engine'));
const workload = createVacancyWorkload({ cells: 16, seed: 'bench/workload' });

const TASKS: [string, () => void][] = [
  [
    `solver.update (${SLOTS} slots), one total() per ${BATCH}`,
    () => {
      for (let i = 0; i < BATCH; i++, cursor = (cursor + 1) & 0xffff) updateSolver.update(slots[cursor]!, fractions[cursor]!);
      sink += updateSolver.total(); // updates are applied to the tree at the next read
    },
  ],
  [
    'solver.updateRange (12 slots of one block) + total()',
    () => {
      for (let i = 0; i < BATCH; i++, cursor = (cursor + 1) & 0xffff) {
        updateSolver.updateRange(16 * Math.floor(slots[cursor]! / 16), twelve, 12);
        sink += updateSolver.total();
      }
    },
  ],
  [
    `solver.pick (${SLOTS} slots)`,
    () => {
      const total = pickSolver.total();
      for (let i = 0; i < BATCH; i++, cursor = (cursor + 1) & 0xffff) sink += pickSolver.pick(fractions[cursor]! * total);
    },
  ],
  [`engine step, no-op model (${SLOTS} slots)`, () => void fixedEngine.runUntil(Number.POSITIVE_INFINITY, BATCH)],
  [`engine step, vacancy workload L = 16 (${workload.lattice.siteCount} sites)`, () => void workload.engine.runUntil(Number.POSITIVE_INFINITY, BATCH)],
];

interface Row {
  task: string;
  'ns/op (median)': string;
  'ns/op (mean)': string;
  'ops/s (median)': number;
  samples: number;
}

/** Run one task in this process and return its row. */
async function runTask(index: number): Promise<Row> {
  const [name, fn] = TASKS[index]!;
  const bench = new Bench({ time: 1000, warmupTime: 200 });
  bench.add(name, fn);
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (result.state !== 'completed') throw new Error(`${name}: ${result.state}`);
  return {
    task: name,
    'ns/op (median)': ((result.latency.p50 * 1e6) / BATCH).toFixed(1),
    'ns/op (mean)': ((result.latency.mean * 1e6) / BATCH).toFixed(1),
    'ops/s (median)': Math.round((BATCH * 1000) / result.latency.p50),
    samples: result.latency.df + 1,
  };
}

/** Heap bytes allocated per event of the vacancy workload at L = 16 (after a warm-up), from V8's sampling heap profiler. */
async function allocationPerEvent(): Promise<number> {
  const { engine } = createVacancyWorkload({ cells: 16, seed: 'bench/alloc' });
  engine.runUntil(Number.POSITIVE_INFINITY, 300_000);
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const events = 1_000_000;
  engine.runUntil(Number.POSITIVE_INFINITY, events);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  type Node = { selfSize: number; children: Node[] };
  const bytes = (node: Node): number => node.children.reduce((sum, child) => sum + bytes(child), node.selfSize);
  return bytes(profile.head) / events;
}

const only = process.argv[2];
if (only === 'alloc') {
  process.stdout.write(JSON.stringify(await allocationPerEvent()) + '\n');
} else if (only !== undefined) {
  process.stdout.write(JSON.stringify(await runTask(Number(only))) + '\n');
} else {
  const rows = TASKS.map((_, index) => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), String(index)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`task ${index} failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as Row;
  });
  console.log(`cxsim KMC core: node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'}, ${availableParallelism()} cores, batch ${BATCH}, one process per task`);
  console.table(rows);
  const alloc = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'alloc'], { encoding: 'utf8' });
  if (alloc.status !== 0) throw new Error(`allocation measurement failed: ${alloc.stderr}`);
  console.log(`heap allocation, vacancy workload L = 16: ${Number(JSON.parse(alloc.stdout)).toFixed(2)} bytes/event (sampled, 10^6 events after warm-up)`);
}
if (sink === -1) console.log(sink); // keep the pick results alive
