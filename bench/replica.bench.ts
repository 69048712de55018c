// One exchange-model replica end to end (issue 4, item 7): by default zb-iece-80c, 3.3 nm, 4 h simulated, the
// replica the "about a second" refers to. tinybench times each run (no warm-up: a replica is tens of
// seconds, and a fresh model per run is what a user pays); the table adds CPU time, events per second and the
// cost per host hop, the stiff event that sets the count (docs/model.md, "Stiffness and speed").
// tinybench calls the task once more than --repeat (its first call probes for a promise): every call is a row.
// Run: npx tsc -p tsconfig.json && node dist/node/bench/replica.bench.js [--scenario S] [--set k=v ...] [--repeat N]
import { availableParallelism, cpus } from 'node:os';
import { Bench } from 'tinybench';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { createSimulation } from '../src/model/simulation.js';
import { loadScenario } from '../sim/run-scenario.js';

const argv = yargs(hideBin(process.argv))
  .option('scenario', { type: 'string', default: 'zb-iece-80c' })
  .option('set', { type: 'string', array: true, default: ['durationS=14400'] })
  .option('repeat', { type: 'number', default: 2 })
  .option('seed', { type: 'string', default: 'bench/replica' })
  .strict()
  .parseSync();

const { scenario } = loadScenario(argv.scenario, argv.set);
const rows: Record<string, string | number>[] = [];
let run = 0;
const bench = new Bench({ iterations: argv.repeat, time: 0, warmup: false });
bench.add(`${scenario.name} ${argv.set.join(' ')}`, () => {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sim = createSimulation(scenario, `${argv.seed}/${run++}`);
  while (sim.advance());
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const r = sim.result();
  const hostHops = r.events.byType.vacancyHop ?? 0;
  rows.push({
    run: run - 1,
    'wall s': wallS.toFixed(2),
    'CPU s': ((cpu.user + cpu.system) / 1e6).toFixed(2),
    events: r.events.total,
    'events/s': Math.round(r.events.total / wallS),
    'host hops': hostHops,
    'µs per host hop': hostHops > 0 ? ((wallS * 1e6) / hostHops).toFixed(0) : '-',
    'x final': r.final.hgFraction.toFixed(3),
  });
});
await bench.run();
const result = bench.tasks[0]!.result;
if (result.state !== 'completed') throw new Error(`replica bench: ${result.state}`);
console.log(`cxsim replica: node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'}, ${availableParallelism()} cores, one core used`);
console.table(rows);
console.log(`tinybench: ${result.latency.df + 1} runs, mean ${(result.latency.mean / 1000).toFixed(2)} s, min ${(result.latency.min / 1000).toFixed(2)} s per replica`);
