#!/usr/bin/env node
// cxsim command line: an explicit list of commands; each parses its flags and delegates to the library.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { UsageError } from './errors.js';
import { commands } from './commands/index.js';

const EXIT_USAGE = 2;

function fail(message: string): never {
  process.stderr.write(`cxsim: ${message}\n`);
  process.exit(EXIT_USAGE);
}

export async function main(argv: string[]): Promise<void> {
  try {
    await yargs(argv)
      .scriptName('cxsim')
      .usage('$0 <command> [options]\n\nKinetic Monte Carlo of cation exchange in semiconductor nanocrystals.')
      .command(commands)
      .demandCommand(1, 'Name a command (see --help).')
      .strict()
      .recommendCommands()
      .help()
      .alias('h', 'help')
      .version()
      .wrap(Math.min(110, process.stdout.columns ?? 100))
      .fail((msg, err) => {
        if (err) throw err;
        fail(msg ?? 'invalid arguments');
      })
      .parseAsync();
  } catch (err) {
    if (err instanceof UsageError) fail(err.message);
    throw err;
  }
}

main(hideBin(process.argv)).catch((err: unknown) => {
  process.stderr.write(`cxsim: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
