// `cxsim sweep SCENARIO --vary key=v1,v2 [--vary ...] --replicas N`: a grid of conditions, each an ensemble,
// summarised into sweep.csv and plots (sim/ensemble/sweep.ts). No physics here.
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { createProgress } from '../progress.js';
import { checkCount, checkSeed, listFlag, MAX_JOBS, MAX_REPLICAS } from '../ensemble/args.js';
import { defaultJobs } from '../ensemble/run.js';
import { parseVary, runSweep, SWEEP_CSV } from '../ensemble/sweep.js';

interface SweepArgs {
  scenario: string;
  vary?: string | string[];
  replicas: number;
  jobs?: number;
  seed: string;
  out?: string;
  set?: string | string[];
  quiet: boolean;
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <scenario>',
  describe: 'Run an ensemble per condition of a grid (--vary key=v1,v2,...) and tabulate the final metrics',
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file or built-in name' })
      .option('vary', { type: 'string', describe: 'dotted.key=v1,v2,... (repeatable; the grid is every combination)' })
      .option('replicas', { type: 'number', demandOption: true, describe: 'Replicas per condition' })
      .option('jobs', { type: 'number', describe: 'Worker threads [default: number of cores]' })
      .option('seed', { type: 'string', default: '1', describe: 'Base seed (the same for every condition: common random numbers)' })
      .option('out', { type: 'string', describe: 'Sweep folder [default: out/<scenario name>-sweep]' })
      .option('set', { type: 'string', describe: 'Override a scenario key for every condition: dotted.key=value (repeatable)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress bars and no summary lines' }) as Argv<SweepArgs>,
  handler: async (argv) => {
    const varies = listFlag(argv.vary);
    if (varies.length === 0) throw new UsageError('--vary: give at least one dotted.key=v1,v2,...');
    if (varies.length > 2) throw new UsageError(`--vary: at most 2 keys (a grid to plot), got ${varies.length}`);
    const axes = varies.map(parseVary);
    const replicas = checkCount('replicas', argv.replicas, MAX_REPLICAS);
    const jobs = checkCount('jobs', argv.jobs ?? defaultJobs(), MAX_JOBS);
    const baseSeed = checkSeed(argv.seed);
    const sets = listFlag(argv.set);
    const firstName = argv.scenario.replace(/^.*\//, '').replace(/\.json$/, '');
    const outDir = argv.out ?? join('out', `${firstName}-sweep`);
    const { rows, plots } = await runSweep({
      scenarioArg: argv.scenario,
      sets,
      axes,
      baseSeed,
      replicas,
      jobs,
      outDir,
      progressFor: (label) => createProgress({ quiet: argv.quiet, label }),
      onCondition: (slug, report) => {
        if (argv.quiet) return;
        const x = report.merged?.final['hgFraction'];
        const text = x ? `Hg fraction ${x.mean.toFixed(4)} +- ${x.sd.toFixed(4)}` : '';
        process.stdout.write(`${slug}: ran ${report.ran} replicas (${report.alreadyDone} already done) ${text}\n`);
      },
    });
    if (!argv.quiet) process.stdout.write(`${rows.length} conditions -> ${join(outDir, SWEEP_CSV)}, ${plots.length} plots\n`);
  },
};
