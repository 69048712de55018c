// The explicit command list (one line per command module).
import type { CommandModule } from 'yargs';
import { benchCommand } from './bench.js';
import { compareCommand } from './compare.js';
import { crystalCommand } from './crystal.js';
import { demoCommand } from './demo.js';
import { ensembleCommand } from './ensemble.js';
import { exportCommand } from './export.js';
import { fickCommand } from './fick.js';
import { fitCommand } from './fit.js';
import { mergeCommand } from './merge.js';
import { opticsCommand, opticsCurvesCommand } from './optics.js';
import { runCommand } from './run.js';
import { slurmCommand } from './slurm.js';
import { sweepCommand } from './sweep.js';
import { validateCommand } from './validate.js';
import { viewCommand } from './view.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [
  benchCommand,
  compareCommand,
  crystalCommand,
  demoCommand,
  ensembleCommand,
  exportCommand,
  fickCommand,
  fitCommand,
  mergeCommand,
  opticsCommand,
  opticsCurvesCommand,
  runCommand,
  slurmCommand,
  sweepCommand,
  validateCommand,
  viewCommand,
];
