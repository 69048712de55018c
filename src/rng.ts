// Seeded random streams: the only source of randomness in cxsim (never Math.random).
// Alea from seedrandom: fast, with a serialisable state for bit-identical checkpoint/resume.
import seedrandom from 'seedrandom';

/** Opaque generator state; JSON-serialisable. */
export type RngState = { readonly alea: unknown };

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Snapshot of the internal state (restore with restoreRng). */
  state(): RngState;
}

interface AleaPrng {
  (): number;
  state(): unknown;
}

function wrap(prng: AleaPrng): Rng {
  return {
    next: prng,
    state: () => ({ alea: prng.state() }),
  };
}

/** A generator seeded from a number or string. Same seed, same stream. */
export function createRng(seed: number | string): Rng {
  return wrap(seedrandom.alea(String(seed), { state: true }) as unknown as AleaPrng);
}

/** Continue a stream exactly where state() was taken. */
export function restoreRng(state: RngState): Rng {
  return wrap(seedrandom.alea('', { state: state.alea as seedrandom.State.Alea }) as unknown as AleaPrng);
}

/**
 * Seed of replica `index` derived from a base seed: independent of job count and completion order,
 * so any replica can be rerun alone.
 */
export function replicaSeed(baseSeed: number | string, replicaIndex: number): string {
  return `${baseSeed}/replica-${replicaIndex}`;
}
