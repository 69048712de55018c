// Drives runEnsemble (built) with the fake replica module in its own process, so tests can kill -9 it.
// Usage: node run-fake-ensemble.mjs <scenario-file> <outDir> <replicas> <jobs> <seed> [shard i/n]
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../../dist/node/src/index.js';
import { runEnsemble } from '../../../dist/node/sim/ensemble/run.js';
import { parseShard } from '../../../dist/node/sim/ensemble/shard.js';

const [scenarioFile, outDir, replicas, jobs, seed, shard] = process.argv.slice(2);
const scenario = parseScenario(JSON.parse(readFileSync(scenarioFile, 'utf8')), scenarioFile);
const report = await runEnsemble({
  scenario,
  baseSeed: seed,
  replicas: Number(replicas),
  jobs: Number(jobs),
  outDir,
  ...(shard ? { shard: parseShard(shard) } : {}),
  replicaModuleUrl: new URL('./fake-replica.mjs', import.meta.url).href,
});
process.stdout.write(JSON.stringify({ ran: report.ran, alreadyDone: report.alreadyDone, merged: report.merged !== undefined }) + '\n');
