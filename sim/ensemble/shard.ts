// Which replicas a process runs: shard i of n owns replicas r with r mod n = i (round-robin, so shards
// get equal shares of early and late indices). Defaults to the Slurm array task when one is set.
import { UsageError } from '../errors.js';

export interface Shard {
  index: number;
  count: number;
}

const SHARD_PATTERN = /^(\d+)\/(\d+)$/;

/** Parse "i/n" (0 <= i < n); `source` names the flag or variable in the error. */
export function parseShard(text: string, source = '--shard'): Shard {
  const match = SHARD_PATTERN.exec(text.trim());
  if (!match) throw new UsageError(`${source}: expected i/n with whole numbers (e.g. 0/4), got "${text}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new UsageError(`${source}: shard count must be at least 1, got ${count}`);
  if (index >= count) throw new UsageError(`${source}: shard index ${index} is out of range 0..${count - 1}`);
  return { index, count };
}

/**
 * The shard to run: the --shard flag if given, else SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT when both are
 * set (array indices must be 0..count-1, as `cxsim slurm` writes them), else undefined (all replicas).
 */
export function resolveShard(flag: string | undefined, env: NodeJS.ProcessEnv): Shard | undefined {
  if (flag !== undefined) return parseShard(flag);
  const id = env['SLURM_ARRAY_TASK_ID'];
  const count = env['SLURM_ARRAY_TASK_COUNT'];
  if (id === undefined || count === undefined || id === '' || count === '') return undefined;
  return parseShard(`${id}/${count}`, 'SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT');
}

/** Replica indices of `shard` among 0..replicas-1 (all of them without a shard), ascending. */
export function shardReplicas(replicas: number, shard: Shard | undefined): number[] {
  const out: number[] = [];
  for (let r = 0; r < replicas; r++) if (!shard || r % shard.count === shard.index) out.push(r);
  return out;
}
