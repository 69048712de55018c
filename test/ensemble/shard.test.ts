// Shards: i/n parsing with range errors, the Slurm array default, and that shards partition the replicas.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../sim/errors.js';
import { parseShard, resolveShard, shardReplicas } from '../../sim/ensemble/shard.js';

describe('shards', () => {
  it('parses i/n and rejects an index outside 0..n-1 naming the flag', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(() => parseShard('5/5')).toThrow(new UsageError('--shard: shard index 5 is out of range 0..4'));
    expect(() => parseShard('1/0')).toThrow(UsageError);
    expect(() => parseShard('-1/3')).toThrow(/expected i\/n/);
    expect(() => parseShard('a/b')).toThrow(/expected i\/n/);
  });

  it('defaults to SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, and the flag wins over them', () => {
    const env = { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' };
    expect(resolveShard(undefined, env)).toEqual({ index: 3, count: 4 });
    expect(resolveShard('0/2', env)).toEqual({ index: 0, count: 2 });
    expect(resolveShard(undefined, {})).toBeUndefined();
    expect(() => resolveShard(undefined, { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow(
      /SLURM_ARRAY_TASK_ID\/SLURM_ARRAY_TASK_COUNT: shard index 4 is out of range 0\.\.3/,
    );
  });

  it('gives every replica to exactly one shard (r mod n = i)', () => {
    const replicas = 23;
    for (const count of [1, 2, 5, 23]) {
      const seen = new Array<number>(replicas).fill(0);
      for (let index = 0; index < count; index++) {
        for (const r of shardReplicas(replicas, { index, count })) {
          expect(r % count).toBe(index);
          seen[r]!++;
        }
      }
      expect(seen.every((n) => n === 1)).toBe(true);
    }
    expect(shardReplicas(4, undefined)).toEqual([0, 1, 2, 3]);
  });
});
