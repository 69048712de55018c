// Slurm batch scripts for an ensemble: an array job whose task i runs shard i/M of the replicas, a merge job
// that depends on it, and a submit script chaining the two. Times as HH:MM:SS (Slurm's --time format).
import { join } from 'node:path';
import { UsageError } from '../errors.js';

export interface SlurmOptions {
  /** Absolute paths: node, the built CLI, the scenario file, the ensemble folder, the working folder. */
  nodePath: string;
  cliPath: string;
  scenarioPath: string;
  outDir: string;
  workDir: string;
  scenarioName: string;
  replicas: number;
  arrayTasks: number;
  cpusPerTask: number;
  baseSeed: string;
  sets: readonly string[];
  partition?: string;
  timeLimit?: string;
}

export interface SlurmScripts {
  /** File name -> contents (all written under DIR/slurm/). */
  files: Record<string, string>;
  /** Folder of the scripts and of the task logs. */
  slurmDir: string;
}

export const SLURM_SUBDIR = 'slurm';

/** POSIX shell single-quoting. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Slurm --time: [D-]HH:MM:SS or MM:SS or minutes; we accept HH:MM:SS (hours may exceed 23) and D-HH:MM:SS. */
export function checkTimeLimit(text: string): string {
  if (!/^(\d+-)?\d{1,3}:[0-5]\d:[0-5]\d$/.test(text)) throw new UsageError(`--time: expected HH:MM:SS or D-HH:MM:SS (e.g. 04:00:00), got "${text}"`);
  return text;
}

/** Partition names: what sbatch accepts without quoting surprises. */
export function checkPartition(text: string): string {
  if (!/^[A-Za-z0-9_.,-]{1,64}$/.test(text)) throw new UsageError(`--partition: expected a partition name (letters, digits, _ . , -), got "${text}"`);
  return text;
}

function header(jobName: string, logPattern: string, options: SlurmOptions, extra: string[]): string[] {
  const lines = ['#!/bin/bash', `#SBATCH --job-name=${jobName}`, `#SBATCH --output=${logPattern}`];
  if (options.partition) lines.push(`#SBATCH --partition=${options.partition}`);
  if (options.timeLimit) lines.push(`#SBATCH --time=${options.timeLimit}`);
  return [...lines, ...extra];
}

/** The array job, the dependent merge job and the submit script, as text. */
export function buildSlurmScripts(options: SlurmOptions): SlurmScripts {
  const slurmDir = join(options.outDir, SLURM_SUBDIR);
  const jobName = `cxsim-${options.scenarioName}`.slice(0, 64);
  const cli = [options.nodePath, options.cliPath].map(shellQuote).join(' ');
  const sets = options.sets.flatMap((s) => ['--set', shellQuote(s)]);
  const ensembleLine = [
    'exec',
    cli,
    'ensemble',
    shellQuote(options.scenarioPath),
    '--replicas',
    String(options.replicas),
    '--seed',
    shellQuote(options.baseSeed),
    '--out',
    shellQuote(options.outDir),
    ...sets,
    '--shard',
    '"$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT"',
    '--jobs',
    '"$SLURM_CPUS_PER_TASK"',
    '--quiet',
  ].join(' ');
  const array = [
    ...header(jobName, join(slurmDir, 'task-%A_%a.log'), options, [
      `#SBATCH --array=0-${options.arrayTasks - 1}`,
      '#SBATCH --ntasks=1',
      `#SBATCH --cpus-per-task=${options.cpusPerTask}`,
    ]),
    `# ${options.replicas} replicas of ${options.scenarioName} in ${options.arrayTasks} array tasks: task i runs replicas r with r mod ${options.arrayTasks} = i.`,
    '# If tasks were killed or preempted, submit this script again: finished replicas are kept and skipped.',
    'set -euo pipefail',
    `cd ${shellQuote(options.workDir)}`,
    ensembleLine,
    '',
  ].join('\n');
  const merge = [
    ...header(`${jobName}-merge`.slice(0, 64), join(slurmDir, 'merge-%j.log'), options, ['#SBATCH --ntasks=1', '#SBATCH --cpus-per-task=1']),
    '# Combines the shards into ensemble.json; refuses (and lists them) if replicas are missing.',
    'set -euo pipefail',
    `cd ${shellQuote(options.workDir)}`,
    `exec ${cli} merge ${shellQuote(options.outDir)}`,
    '',
  ].join('\n');
  const submit = [
    '#!/bin/bash',
    '# Submit the array job, then the merge job to run after every array task succeeded.',
    'set -euo pipefail',
    `here=${shellQuote(slurmDir)}`,
    'array_id=$(sbatch --parsable "$here/ensemble.sbatch")',
    'array_id=${array_id%%;*}',
    'merge_id=$(sbatch --parsable --dependency=afterok:"$array_id" "$here/merge.sbatch")',
    'merge_id=${merge_id%%;*}',
    'echo "submitted array job $array_id and merge job $merge_id"',
    `echo "results will be in "${shellQuote(join(options.outDir, 'ensemble.json'))}`,
    '',
  ].join('\n');
  return { slurmDir, files: { 'ensemble.sbatch': array, 'merge.sbatch': merge, 'submit.sh': submit } };
}
