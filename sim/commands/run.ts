// `cxsim run SCENARIO`: parse flags, load the scenario, hand over to runScenarioToDir (sim/run-scenario.ts).
// No physics here; times in s (simulated) and wall seconds for --checkpoint-every-s.
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { TRAJECTORY_FILE_NAME } from '../../src/index.js';
import type { Scenario } from '../../src/model/contract.js';
import { UsageError } from '../errors.js';
import { createProgress } from '../progress.js';
import { TrajectoryFileSink } from '../trajectory-file.js';
import { loadScenario, RunInterrupted, runScenarioToDir, type RunSummary, type TrajectoryOutput } from '../run-scenario.js';

interface RunArgs {
  scenario: string;
  seed: string;
  out?: string;
  set?: string | string[];
  json: boolean;
  quiet: boolean;
  'checkpoint-every-s'?: number;
  resume: boolean;
  check: boolean;
  trajectory: boolean;
  frames?: number;
}

const EXIT_ON_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Run one scenario (a file, or a built-in name from scenarios/) into an output folder',
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file or built-in name (e.g. zb-iece-80c)' })
      .option('seed', { type: 'string', default: '1', describe: 'Random seed (any text; same seed, same run)' })
      .option('out', { type: 'string', describe: 'Output folder [default: out/<scenario name>]' })
      .option('set', { type: 'string', describe: 'Override a scenario key before validation: dotted.key=value (repeatable)' })
      .option('json', { type: 'boolean', default: false, describe: 'Also print summary.json to stdout' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar, no notices' })
      .option('checkpoint-every-s', { type: 'number', describe: 'Write checkpoint.json after a sample at most this often (wall s)' })
      .option('resume', { type: 'boolean', default: false, describe: 'Continue from OUT/checkpoint.json if present' })
      .option('check', { type: 'boolean', default: false, describe: 'Check conservation and rates after every event (slow)' })
      .option('trajectory', { type: 'boolean', default: false, describe: `Also write OUT/${TRAJECTORY_FILE_NAME}` })
      .option('frames', { type: 'number', describe: 'Trajectory frames, spaced like the samples [default: samples]' }) as Argv<RunArgs>,
  handler: async (argv) => {
    const checkpointEveryS = argv['checkpoint-every-s'];
    if (checkpointEveryS !== undefined && !(Number.isFinite(checkpointEveryS) && checkpointEveryS >= 0)) {
      throw new UsageError(`--checkpoint-every-s: expected a number of seconds >= 0, got ${String(checkpointEveryS)}`);
    }
    if (argv.frames !== undefined && !argv.trajectory) throw new UsageError('--frames: only with --trajectory');
    if (argv.frames !== undefined && !(Number.isInteger(argv.frames) && argv.frames >= 2 && argv.frames <= 100000)) {
      throw new UsageError(`--frames: expected an integer 2..100000, got ${String(argv.frames)}`);
    }
    const seed = argv.seed;
    if (typeof seed !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(seed)) {
      throw new UsageError(`--seed: expected 1-200 printable characters without spaces, got ${JSON.stringify(seed)}`);
    }
    const sets = argv.set === undefined ? [] : ([] as string[]).concat(argv.set).map(String);
    const { scenario } = loadScenario(argv.scenario, sets);
    const outDir = argv.out ?? join('out', scenario.name);

    // Signals only stop a run cleanly (between samples) when the user asked for checkpoints.
    const abort = new AbortController();
    let signalName: keyof typeof EXIT_ON_SIGNAL | undefined;
    const onSignal = (name: keyof typeof EXIT_ON_SIGNAL) => () => {
      signalName = name;
      abort.abort();
    };
    const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
    if (checkpointEveryS !== undefined) for (const [name, h] of Object.entries(handlers)) process.once(name, h);

    const progress = createProgress({ quiet: argv.quiet, label: scenario.name });
    let summary: RunSummary;
    try {
      summary = await runScenarioToDir({
        scenario,
        seed,
        outDir,
        checkpointEveryS,
        resume: argv.resume,
        check: argv.check,
        trajectory: argv.trajectory ? trajectoryOutput(scenario, seed, outDir, argv.frames ?? scenario.samples) : undefined,
        signal: abort.signal,
        onSample: (p) => progress.update(p.timeS / p.durationS, `${p.samplesDone}/${p.samples} t=${p.timeS.toPrecision(3)}s`),
        notice: (message) => {
          if (!argv.quiet) process.stderr.write(`cxsim: ${message}\n`);
        },
      });
    } catch (err) {
      if (!(err instanceof RunInterrupted)) throw err;
      progress.finish();
      process.stderr.write(`cxsim: ${err.message}\n`);
      process.exitCode = EXIT_ON_SIGNAL[signalName ?? 'SIGINT'];
      return;
    } finally {
      progress.finish();
      for (const [name, h] of Object.entries(handlers)) process.off(name, h);
    }

    if (argv.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else if (!argv.quiet) {
      const f = summary.final;
      process.stdout.write(
        `${summary.scenario} seed ${summary.seed}: t = ${f.timeS} s, Hg fraction ${f.hgFraction.toFixed(3)}, ` +
          `core/shell index ${f.coreShellIndex.toFixed(3)}, ${summary.events.total} events in ${summary.wallS.toFixed(1)} s -> ${outDir}\n`,
      );
    }
  },
};

/** INTEGRATION POINT (trajectory): the file sink of sim/trajectory-file.ts, written to OUT/trajectory.cxtraj. */
function trajectoryOutput(scenario: Scenario, seed: string, outDir: string, frames: number): TrajectoryOutput {
  const sink = new TrajectoryFileSink(join(outDir, TRAJECTORY_FILE_NAME), { info: { scenario: scenario.name, seed } });
  return { sink, frames, finish: () => sink.finish() };
}
