// `cxsim merge DIR`: combine the replicas of an ensemble folder (e.g. written by Slurm array shards) into
// the same ensemble.json a single-machine run writes; refuses, listing them, while replicas are missing.
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { ENSEMBLE_FILE } from '../ensemble/layout.js';
import { mergeEnsemble } from '../ensemble/merge.js';

interface MergeArgs {
  dir: string;
  quiet: boolean;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <dir>',
  describe: 'Merge the finished replicas of an ensemble folder into ensemble.json, CSVs and plots',
  builder: (y: Argv<object>) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'Ensemble folder (holds manifest.json)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No summary line' }) as Argv<MergeArgs>,
  handler: (argv) => {
    const doc = mergeEnsemble(argv.dir);
    if (!argv.quiet) process.stdout.write(`merged ${doc.replicas} replicas of ${doc.scenario} -> ${join(argv.dir, ENSEMBLE_FILE)}\n`);
  },
};
