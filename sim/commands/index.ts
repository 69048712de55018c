// The explicit command list (one line per command module).
import type { CommandModule } from 'yargs';
import { crystalCommand } from './crystal.js';
import { exportCommand } from './export.js';
import { runCommand } from './run.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [
  crystalCommand,
  exportCommand,
  runCommand,
];
