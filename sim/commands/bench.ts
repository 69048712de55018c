// `cxsim bench`: the standard speed workload (vacancy exchange on a periodic fcc lattice, src/kmc/workload) through
// the real engine; prints sites, events, wall and CPU time, events/s and simulated time (text or --json). Times in s.
import { availableParallelism, cpus } from 'node:os';
import type { Argv, CommandModule } from 'yargs';
import { createVacancyWorkload } from '../../src/index.js';
import { UsageError } from '../errors.js';

interface BenchArgs {
  cells: string;
  events: string;
  seed: string;
  repeat: string;
  json: boolean;
}

interface BenchRun {
  wallS: number;
  cpuS: number;
  eventsPerS: number;
  simulatedTime: number;
}

function integerFlag(flag: string, text: string, min: number): number {
  const n = /^\d+(e\d+)?$/i.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${flag}: expected an integer >= ${min}, got "${text}"`);
  return n;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One timed run on a fresh workload (same seed, so every repeat does the same work). */
function runOnce(cells: number, events: number, seed: string): BenchRun & { sites: number; vacancies: number; setupS: number } {
  const setupStart = performance.now();
  const { lattice, model, engine } = createVacancyWorkload({ cells, seed });
  const setupS = (performance.now() - setupStart) / 1000;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  engine.runUntil(Number.POSITIVE_INFINITY, events);
  const wallS = (performance.now() - wallStart) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return {
    sites: lattice.siteCount,
    vacancies: model.vacancyCount,
    setupS,
    wallS,
    cpuS: (cpu.user + cpu.system) / 1e6,
    eventsPerS: engine.steps / wallS,
    simulatedTime: engine.timeS,
  };
}

export const benchCommand: CommandModule<object, BenchArgs> = {
  command: 'bench',
  describe: 'Speed workload: vacancy hops on a periodic fcc lattice of L^3 cells (4 L^3 sites, 5 % vacant)',
  builder: (y: Argv<object>) =>
    y
      .option('cells', { type: 'string', default: '16', describe: 'cubic cells per edge, L' })
      .option('events', { type: 'string', default: '2000000', describe: 'events per timed run' })
      .option('seed', { type: 'string', default: '1', describe: 'seed of the placement and of the run' })
      .option('repeat', { type: 'string', default: '1', describe: 'timed runs (fresh workload each); best and median are reported' })
      .option('json', { type: 'boolean', default: false, describe: 'print one JSON object' }) as unknown as Argv<BenchArgs>,
  handler: (argv) => {
    const cells = integerFlag('cells', argv.cells, 2);
    const events = integerFlag('events', argv.events, 1);
    const repeat = integerFlag('repeat', argv.repeat, 1);
    const runs = Array.from({ length: repeat }, () => runOnce(cells, events, argv.seed));
    const best = runs.reduce((a, b) => (b.eventsPerS > a.eventsPerS ? b : a));
    const result = {
      workload: 'fcc vacancy exchange (issue 3)',
      cells,
      sites: best.sites,
      vacancies: best.vacancies,
      events,
      seed: argv.seed,
      setupS: best.setupS,
      wallS: best.wallS,
      cpuS: best.cpuS,
      eventsPerS: best.eventsPerS,
      eventsPerSMedian: median(runs.map((r) => r.eventsPerS)),
      eventsPerCpuS: events / best.cpuS,
      simulatedTime: best.simulatedTime,
      eventsPerSimulatedTime: events / best.simulatedTime,
      runs: runs.map(({ wallS, cpuS, eventsPerS }) => ({ wallS, cpuS, eventsPerS })),
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: availableParallelism(),
    };
    if (argv.json) {
      process.stdout.write(JSON.stringify(result) + '\n');
      return;
    }
    const lines = [
      `workload          ${result.workload}, L = ${cells}, seed ${result.seed}`,
      `sites             ${result.sites} (${result.vacancies} vacancies)`,
      `events            ${events} per run, ${repeat} run(s)`,
      `wallS             ${result.wallS.toFixed(3)} (best run; cpu ${result.cpuS.toFixed(3)} s)`,
      `eventsPerS        ${Math.round(result.eventsPerS)} best, ${Math.round(result.eventsPerSMedian)} median`,
      `simulatedTime     ${result.simulatedTime.toPrecision(6)} (rates in units of nu = 1)`,
      `eventsPerSimulatedTime ${result.eventsPerSimulatedTime.toPrecision(6)}`,
      `node              ${result.node} on ${result.cpu} (${result.cores} cores)`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  },
};
