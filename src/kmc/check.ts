// Check mode for the incremental KMC bookkeeping: every stored base rate against a from-scratch recomputation,
// group sums and the total against plain summation, and the solver's picks against a linear scan. Rates in 1/s.
import type { Solver } from './solver.js';

export interface SolverCheckOptions {
  /** Relative tolerance for a slot rate against its recomputation (default 1e-12: same formula, same table). */
  rateTolerance?: number;
  /** Relative tolerance for sums (different summation order; default 1e-9). */
  sumTolerance?: number;
  /** Number of evenly spaced pick targets compared with a linear scan (default 64). */
  pickProbes?: number;
}

export interface SolverCheck {
  ok: boolean;
  slotsChecked: number;
  /** Slots whose stored base rate differs from the recomputation. */
  rateMismatches: number;
  /** Groups whose stored sum differs from the sum of their slots. */
  sumMismatches: number;
  /** Probe targets for which the solver picked another slot than a linear scan. */
  pickMismatches: number;
  /** First problem found, as one line ('' if ok). */
  message: string;
}

function relativeDifference(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

/**
 * The slot a linear scan over solver.rate() and the group factors picks for `target` (the reference for pick()).
 * Returns -1 if every propensity is zero.
 */
export function linearPick(solver: Solver, target: number): number {
  let last = -1;
  for (let g = 0; g < solver.groupCount; g++) {
    const factor = solver.factor(g);
    if (factor <= 0) continue;
    for (let slot = solver.groupStart[g]!; slot < solver.groupStart[g + 1]!; slot++) {
      const w = factor * solver.rate(slot);
      if (w <= 0) continue;
      last = slot;
      if (target < w) return slot;
      target -= w;
    }
  }
  return last;
}

/**
 * Compare the solver's incremental state with a rebuild from scratch, without modifying it. recomputeRate(slot) must
 * return the base rate (1/s, before the group factor) the model would assign to the slot from its current state.
 * Cost O(slots): call it every N events in debug runs, not every event.
 */
export function verifySolver(solver: Solver, recomputeRate: (slot: number) => number, options: SolverCheckOptions = {}): SolverCheck {
  const rateTolerance = options.rateTolerance ?? 1e-12;
  const sumTolerance = options.sumTolerance ?? 1e-9;
  const probes = options.pickProbes ?? 64;
  let rateMismatches = 0;
  let sumMismatches = 0;
  let pickMismatches = 0;
  let message = '';
  const note = (line: string): void => {
    if (message === '') message = line;
  };

  let totalHz = 0;
  for (let g = 0; g < solver.groupCount; g++) {
    let sum = 0;
    for (let slot = solver.groupStart[g]!; slot < solver.groupStart[g + 1]!; slot++) {
      const stored = solver.rate(slot);
      const expected = recomputeRate(slot);
      if (!(relativeDifference(stored, expected) <= rateTolerance)) {
        rateMismatches++;
        note(`slot ${slot} (group ${g}): stored rate ${stored} Hz, recomputed ${expected} Hz`);
      }
      sum += stored;
    }
    if (!(relativeDifference(solver.groupSum(g), sum) <= sumTolerance)) {
      sumMismatches++;
      note(`group ${g}: stored sum ${solver.groupSum(g)} Hz, sum of its slots ${sum} Hz`);
    }
    totalHz += solver.factor(g) * sum;
  }
  if (!(relativeDifference(solver.total(), totalHz) <= sumTolerance)) {
    sumMismatches++;
    note(`total: stored ${solver.total()} Hz, recomputed ${totalHz} Hz`);
  }

  // Probes at the centres of equal-probability bins; the chance of landing within rounding of a boundary is negligible.
  const storedTotal = solver.total();
  if (storedTotal > 0) {
    for (let p = 0; p < probes; p++) {
      const target = ((p + 0.5) / probes) * storedTotal;
      const picked = solver.pick(target);
      const reference = linearPick(solver, target);
      if (picked !== reference) {
        pickMismatches++;
        note(`pick(${target}) returned slot ${picked}, a linear scan gives ${reference}`);
      }
    }
  }
  return {
    ok: rateMismatches + sumMismatches + pickMismatches === 0,
    slotsChecked: solver.slotCount,
    rateMismatches,
    sumMismatches,
    pickMismatches,
    message,
  };
}
