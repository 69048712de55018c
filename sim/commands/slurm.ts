// `cxsim slurm SCENARIO --replicas N --array M`: write ready-to-submit Slurm scripts (array job of ensemble
// shards, dependent merge job, submit.sh) into DIR/slurm/ and claim DIR for the ensemble. No physics here.
import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv, CommandModule } from 'yargs';
import { writeFileAtomic } from '../files.js';
import { loadScenario } from '../run-scenario.js';
import { checkCount, checkSeed, listFlag, MAX_JOBS, MAX_REPLICAS } from '../ensemble/args.js';
import { buildManifest, claimEnsembleDir } from '../ensemble/manifest.js';
import { buildSlurmScripts, checkPartition, checkTimeLimit } from '../ensemble/slurm.js';

interface SlurmArgs {
  scenario: string;
  replicas: number;
  array: number;
  'cpus-per-task': number;
  partition?: string;
  time?: string;
  out?: string;
  seed: string;
  set?: string | string[];
}

/** This CLI's entry point (dist/node/sim/main.js), which the batch scripts run by absolute path. */
const CLI_PATH = fileURLToPath(new URL('../main.js', import.meta.url));

export const slurmCommand: CommandModule<object, SlurmArgs> = {
  command: 'slurm <scenario>',
  describe: 'Write Slurm scripts running an ensemble as an array job (one shard per task) plus a merge job',
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file or built-in name' })
      .option('replicas', { type: 'number', demandOption: true, describe: 'Number of replicas N' })
      .option('array', { type: 'number', demandOption: true, describe: 'Array tasks M (1..N): task i runs replicas r with r mod M = i' })
      .option('cpus-per-task', { type: 'number', default: 1, describe: 'CPUs per array task (= worker threads)' })
      .option('partition', { type: 'string', describe: 'Slurm partition' })
      .option('time', { type: 'string', describe: 'Time limit per array task, HH:MM:SS' })
      .option('out', { type: 'string', describe: 'Ensemble folder [default: out/<scenario name>-ensemble]' })
      .option('seed', { type: 'string', default: '1', describe: 'Base seed' })
      .option('set', { type: 'string', describe: 'Override a scenario key: dotted.key=value (repeatable)' }) as Argv<SlurmArgs>,
  handler: (argv) => {
    const replicas = checkCount('replicas', argv.replicas, MAX_REPLICAS);
    const arrayTasks = checkCount('array', argv.array, replicas);
    const cpusPerTask = checkCount('cpus-per-task', argv['cpus-per-task'], MAX_JOBS);
    const baseSeed = checkSeed(argv.seed);
    const sets = listFlag(argv.set);
    const { scenario, path } = loadScenario(argv.scenario, sets);
    const outDir = resolve(argv.out ?? join('out', `${scenario.name}-ensemble`));
    if (argv.partition !== undefined) checkPartition(argv.partition);
    if (argv.time !== undefined) checkTimeLimit(argv.time);

    // Claim the folder now, so a clash with another ensemble shows before anything is queued.
    claimEnsembleDir(outDir, buildManifest(scenario.name, scenario, baseSeed, replicas));
    const scripts = buildSlurmScripts({
      nodePath: process.execPath,
      cliPath: CLI_PATH,
      scenarioPath: resolve(path),
      outDir,
      workDir: process.cwd(),
      scenarioName: scenario.name,
      replicas,
      arrayTasks,
      cpusPerTask,
      baseSeed,
      sets,
      ...(argv.partition !== undefined ? { partition: argv.partition } : {}),
      ...(argv.time !== undefined ? { timeLimit: argv.time } : {}),
    });
    for (const [name, text] of Object.entries(scripts.files)) {
      const file = join(scripts.slurmDir, name);
      writeFileAtomic(file, text);
      chmodSync(file, 0o755);
    }
    const d = scripts.slurmDir;
    process.stdout.write(
      [
        `wrote ${join(d, 'ensemble.sbatch')} (array 0-${arrayTasks - 1}, ${replicas} replicas), ${join(d, 'merge.sbatch')}, ${join(d, 'submit.sh')}`,
        `submit both (merge runs after the array succeeds):  bash ${join(d, 'submit.sh')}`,
        `or by hand:  sbatch ${join(d, 'ensemble.sbatch')}  and when it is done:  node ${CLI_PATH} merge ${outDir}`,
        `results: ${join(outDir, 'ensemble.json')}; task logs in ${d}`,
        '',
      ].join('\n'),
    );
  },
};
