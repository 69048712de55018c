// `cxsim ensemble SCENARIO --replicas N`: parse flags and hand over to sim/ensemble/run.ts (worker pool,
// derived seeds, resume, merge). No physics here. Wall times in s.
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { createProgress } from '../progress.js';
import { loadScenario } from '../run-scenario.js';
import { checkCount, checkSeed, listFlag, MAX_JOBS, MAX_REPLICAS } from '../ensemble/args.js';
import { ENSEMBLE_FILE } from '../ensemble/layout.js';
import { formatIndexList } from '../ensemble/merge.js';
import { defaultJobs, runEnsemble } from '../ensemble/run.js';
import { resolveShard } from '../ensemble/shard.js';

interface EnsembleArgs {
  scenario: string;
  replicas: number;
  jobs?: number;
  seed: string;
  out?: string;
  set?: string | string[];
  shard?: string;
  quiet: boolean;
}

/** Exit code after Ctrl-C / SIGTERM (128 + signal number); finished replicas are kept. */
const EXIT_ON_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

export const ensembleCommand: CommandModule<object, EnsembleArgs> = {
  command: 'ensemble <scenario>',
  describe: 'Run N replicas of a scenario in parallel (worker threads), resumably, and merge their statistics',
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file or built-in name' })
      .option('replicas', { type: 'number', demandOption: true, describe: 'Number of replicas N' })
      .option('jobs', { type: 'number', describe: 'Worker threads [default: number of cores]' })
      .option('seed', { type: 'string', default: '1', describe: 'Base seed; replica r runs seed "<seed>/replica-<r>"' })
      .option('out', { type: 'string', describe: 'Ensemble folder [default: out/<scenario name>-ensemble]' })
      .option('set', { type: 'string', describe: 'Override a scenario key: dotted.key=value (repeatable)' })
      .option('shard', {
        type: 'string',
        describe: 'Run only shard i/n (replicas r with r mod n = i) [default: $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT]',
      })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar and no summary line' }) as Argv<EnsembleArgs>,
  handler: async (argv) => {
    const replicas = checkCount('replicas', argv.replicas, MAX_REPLICAS);
    const jobs = checkCount('jobs', argv.jobs ?? defaultJobs(), MAX_JOBS);
    const baseSeed = checkSeed(argv.seed);
    const shard = resolveShard(argv.shard, process.env);
    const { scenario } = loadScenario(argv.scenario, listFlag(argv.set));
    const outDir = argv.out ?? join('out', `${scenario.name}-ensemble`);

    const progress = createProgress({ quiet: argv.quiet, label: `${scenario.name} x${replicas}` });
    const onSignal = (name: keyof typeof EXIT_ON_SIGNAL) => () => {
      progress.finish();
      process.stderr.write(`cxsim: ${name}: stopped; finished replicas are kept in ${outDir}; run the same command again to continue\n`);
      process.exit(EXIT_ON_SIGNAL[name]);
    };
    const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
    for (const [name, h] of Object.entries(handlers)) process.once(name, h);
    try {
      const report = await runEnsemble({ scenario, baseSeed, replicas, jobs, outDir, ...(shard ? { shard } : {}), progress });
      if (argv.quiet) return;
      const where = shard ? `shard ${shard.index}/${shard.count}: ` : '';
      process.stdout.write(
        report.ran === 0
          ? `${where}all ${report.owned} replicas already done\n`
          : `${where}ran ${report.ran} replicas (${report.alreadyDone} already done) on ${report.jobs} workers in ${report.wallS.toFixed(1)} s\n`,
      );
      if (report.merged) {
        const x = report.merged.final['hgFraction'];
        const csi = report.merged.final['coreShellIndex'];
        const fmt = (m: typeof x) => (m ? `${m.mean.toFixed(4)} +- ${m.sd.toFixed(4)} (sem ${m.sem.toFixed(4)})` : 'n/a');
        process.stdout.write(`${scenario.name}, ${replicas} replicas: Hg fraction ${fmt(x)}, core/shell index ${fmt(csi)} -> ${join(outDir, ENSEMBLE_FILE)}\n`);
      } else {
        process.stdout.write(`${report.missing.length} replicas still missing (${formatIndexList(report.missing)}); merge with: cxsim merge ${outDir}\n`);
      }
    } finally {
      progress.finish();
      for (const [name, h] of Object.entries(handlers)) process.off(name, h);
    }
  },
};
