// Flag checks shared by the ensemble, sweep and slurm commands: one-line UsageErrors naming the flag.
// Counts are plain integers; the seed is text (replica seeds are derived from it by src/rng.ts).
import { UsageError } from '../errors.js';

/** Same rule as `cxsim run --seed`: printable, no spaces (it appears in paths and shell scripts). */
export function checkSeed(seed: unknown): string {
  if (typeof seed !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(seed)) {
    throw new UsageError(`--seed: expected 1-200 printable characters without spaces, got ${JSON.stringify(seed)}`);
  }
  return seed;
}

/** A positive integer flag in [1, max]. */
export function checkCount(flag: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`--${flag}: expected an integer 1..${max}, got ${String(value)}`);
  }
  return value;
}

/** A repeatable string flag as a list (yargs gives a string for one use, an array for several). */
export function listFlag(value: unknown): string[] {
  return value === undefined ? [] : ([] as unknown[]).concat(value).map(String);
}

export const MAX_REPLICAS = 100_000;
export const MAX_JOBS = 1024;

