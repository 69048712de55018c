// `cxsim validate` (npm run validate): run every ensemble the validation outcomes need (resumably, under --out),
// judge each outcome against the paper and write docs/validation.md with its figures. No physics here.
import type { Argv, CommandModule } from 'yargs';
import { checkCount, checkSeed, listFlag, MAX_JOBS, MAX_REPLICAS } from '../ensemble/args.js';
import { defaultJobs } from '../ensemble/run.js';
import { createProgress, formatDuration } from '../progress.js';
import { cxsimVersion } from '../run-scenario.js';
import { opticsSummary } from '../validate/optics.js';
import { ensembleRef, refLabel } from '../validate/outcomes.js';
import { validationFigures } from '../validate/plots.js';
import { writeReport } from '../validate/report.js';
import { runValidation } from '../validate/run.js';

interface ValidateArgs {
  replicas?: number;
  quick: boolean;
  jobs?: number;
  seed: string;
  only?: string | string[];
  out: string;
  docs: string;
  set?: string | string[];
  fresh: boolean;
  quiet: boolean;
}

const DEFAULT_REPLICAS = 8;
const QUICK_REPLICAS = 2;
/** Exit code after Ctrl-C / SIGTERM (128 + signal number); finished replicas are kept. */
const EXIT_ON_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

/** The command line as typed, for the report. */
function commandLine(): string {
  const quote = (a: string) => (/^[\w./=,:@+-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
  return ['cxsim', ...process.argv.slice(2).map(quote)].join(' ');
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate',
  describe: 'Run the validation ensembles, judge every experimental outcome and write docs/validation.md with SVG plots',
  builder: (y: Argv<object>) =>
    y
      .option('replicas', { type: 'number', describe: `Replicas per ensemble [default: ${DEFAULT_REPLICAS}, ${QUICK_REPLICAS} with --quick]` })
      .option('quick', { type: 'boolean', default: false, describe: 'Smoke run: fewer replicas, report marked as such' })
      .option('jobs', { type: 'number', describe: 'Worker threads [default: number of cores]' })
      .option('seed', { type: 'string', default: '1', describe: 'Base seed shared by every ensemble' })
      .option('only', { type: 'string', describe: 'Only these outcome ids, comma-separated (repeatable)' })
      .option('out', { type: 'string', default: 'out/validate', describe: 'Work folder for the ensembles (rerun to resume)' })
      .option('docs', { type: 'string', default: 'docs', describe: 'Folder for validation.md and validation/*.svg' })
      .option('set', { type: 'string', describe: 'Override a key in every ensemble, dotted.key=value (repeatable; the report says so)' })
      .option('fresh', { type: 'boolean', default: false, describe: 'Delete the ensembles this run uses first (after a model-code change)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress on stderr' }) as Argv<ValidateArgs>,
  handler: async (argv) => {
    const replicas = checkCount('replicas', argv.replicas ?? (argv.quick ? QUICK_REPLICAS : DEFAULT_REPLICAS), MAX_REPLICAS);
    const jobs = checkCount('jobs', argv.jobs ?? defaultJobs(), MAX_JOBS);
    const baseSeed = checkSeed(argv.seed);
    const only = listFlag(argv.only).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
    const sets = listFlag(argv.set);
    const log = (line: string) => {
      if (!argv.quiet) process.stderr.write(`${line}\n`);
    };

    const onSignal = (name: keyof typeof EXIT_ON_SIGNAL) => () => {
      process.stderr.write(`cxsim: ${name}: stopped; finished replicas are kept in ${argv.out}; run the same command again to continue\n`);
      process.exit(EXIT_ON_SIGNAL[name]);
    };
    const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
    for (const [name, h] of Object.entries(handlers)) process.once(name, h);
    try {
      const run = await runValidation({
        replicas,
        jobs,
        baseSeed,
        outDir: argv.out,
        only,
        sets,
        fresh: argv.fresh,
        progressFor: (label) => createProgress({ quiet: argv.quiet, label }),
        log,
      });
      const optics = opticsSummary(run.lookup(ensembleRef('zb-ce-80c')), run.lookup(ensembleRef('zb-iece-80c')));
      const rows = run.outcomes.map((outcome, i) => ({ outcome, verdict: run.verdicts[i]! }));
      const path = writeReport(argv.docs, {
        command: commandLine(),
        dateIso: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        cxsimVersion: cxsimVersion(),
        nodeVersion: process.version,
        replicas,
        baseSeed,
        quick: argv.quick,
        sets,
        only,
        wallS: run.wallS,
        rows,
        figures: validationFigures(run.lookup, optics),
        optics,
        ensembles: run.ensembles.map((e) => ({
          name: e.planned.scenario.name,
          serves: e.planned.refs.map(refLabel),
          replicas: e.metrics.replicas,
          ran: e.ran,
          wallS: e.wallS,
          dir: e.dir,
        })),
      });
      const width = Math.max(...rows.map((r) => r.outcome.id.length));
      for (const { outcome, verdict } of rows) process.stdout.write(`${verdict.pass ? 'pass' : 'FAIL'}  ${outcome.id.padEnd(width)}  ${verdict.value}\n`);
      const passed = rows.filter((r) => r.verdict.pass).length;
      process.stdout.write(`${passed} of ${rows.length} outcomes pass (${replicas} replicas per ensemble, ${run.ensembles.length} ensembles, ${formatDuration(run.wallS)}) -> ${path}\n`);
    } finally {
      for (const [name, h] of Object.entries(handlers)) process.off(name, h);
    }
  },
};
