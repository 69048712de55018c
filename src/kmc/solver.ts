// Event selection for rejection-free KMC: slots hold base rates (1/s) in groups; each group has a
// multiplier (a solution concentration, or an acceleration scaling) changed in O(1).
// Tree solver: one binary sum tree per group, O(log n) update and pick. Linear: reference for tests.

export interface Solver {
  readonly slotCount: number;
  readonly groupCount: number;
  /** First slot of each group (length groupCount + 1). */
  readonly groupStart: Int32Array;
  /** Group of each slot. */
  readonly groupOfSlot: Int32Array;
  /** Total propensity, 1/s: sum over groups of factor * (sum of base rates). */
  total(): number;
  /** Base rate of one slot, 1/s (before the group factor). */
  rate(slot: number): number;
  /** Set the base rate of one slot, 1/s. */
  update(slot: number, baseRateHz: number): void;
  /** Multiply every rate in a group by `factor` (O(1)). */
  setFactor(group: number, factor: number): void;
  factor(group: number): number;
  /** Sum of base rates in a group (factor not applied). */
  groupSum(group: number): number;
  /** The slot whose cumulative propensity interval holds `target`, 0 <= target < total(). Never a zero-rate slot. */
  pick(target: number): number;
  /** Recompute every partial sum from the leaves (the check mode compares this with the incremental state). */
  rebuild(): void;
}

function layout(groupSizes: ArrayLike<number>): { groupStart: Int32Array; groupOfSlot: Int32Array } {
  const groupStart = new Int32Array(groupSizes.length + 1);
  for (let g = 0; g < groupSizes.length; g++) {
    const size = groupSizes[g]!;
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`group ${g}: size must be a non-negative integer, got ${size}`);
    groupStart[g + 1] = groupStart[g]! + size;
  }
  const groupOfSlot = new Int32Array(groupStart[groupSizes.length]!);
  for (let g = 0; g < groupSizes.length; g++) groupOfSlot.fill(g, groupStart[g]!, groupStart[g + 1]!);
  return { groupStart, groupOfSlot };
}

function checkRate(slot: number, rateHz: number): void {
  if (!(rateHz >= 0) || rateHz === Infinity) throw new RangeError(`slot ${slot}: rate must be finite and >= 0, got ${rateHz}`);
}

/** Sum-tree solver: per group a complete binary tree in a Float64Array, leaves at [cap, 2 cap). */
export function createTreeSolver(groupSizes: ArrayLike<number>): Solver {
  const { groupStart, groupOfSlot } = layout(groupSizes);
  const groupCount = groupSizes.length;
  const slotCount = groupOfSlot.length;
  const caps = new Int32Array(groupCount);
  const trees: Float64Array[] = [];
  for (let g = 0; g < groupCount; g++) {
    let cap = 1;
    while (cap < groupSizes[g]!) cap <<= 1;
    caps[g] = cap;
    trees.push(new Float64Array(2 * cap));
  }
  const factors = new Float64Array(groupCount).fill(1);

  const solver: Solver = {
    slotCount,
    groupCount,
    groupStart,
    groupOfSlot,
    total() {
      let sum = 0;
      for (let g = 0; g < groupCount; g++) sum += factors[g]! * trees[g]![1]!;
      return sum;
    },
    rate(slot) {
      const g = groupOfSlot[slot]!;
      return trees[g]![caps[g]! + slot - groupStart[g]!]!;
    },
    update(slot, baseRateHz) {
      const g = groupOfSlot[slot]!;
      const tree = trees[g]!;
      let i = caps[g]! + slot - groupStart[g]!;
      tree[i] = baseRateHz;
      // Recompute parents from children (not by adding deltas) so rounding never drifts.
      for (i >>= 1; i >= 1; i >>= 1) tree[i] = tree[2 * i]! + tree[2 * i + 1]!;
    },
    setFactor(group, factor) {
      if (!(factor >= 0) || factor === Infinity) throw new RangeError(`group ${group}: factor must be finite and >= 0, got ${factor}`);
      factors[group] = factor;
    },
    factor: (group) => factors[group]!,
    groupSum: (group) => trees[group]![1]!,
    pick(target) {
      let g = 0;
      let last = -1;
      for (; g < groupCount; g++) {
        const w = factors[g]! * trees[g]![1]!;
        if (w <= 0) continue;
        last = g;
        if (target < w) break;
        target -= w;
      }
      if (g === groupCount) {
        if (last < 0) return -1;
        g = last; // rounding pushed the target past the end: take the last non-empty group
        target = factors[g]! * trees[g]![1]!;
      }
      const tree = trees[g]!;
      const cap = caps[g]!;
      let t = target / factors[g]!;
      let node = 1;
      while (node < cap) {
        const left = 2 * node;
        const leftSum = tree[left]!;
        // Go right only into a non-empty subtree, so a zero-rate leaf is never returned.
        if (t < leftSum || tree[left + 1]! <= 0) node = left;
        else {
          t -= leftSum;
          node = left + 1;
        }
      }
      return groupStart[g]! + node - cap;
    },
    rebuild() {
      for (let g = 0; g < groupCount; g++) {
        const tree = trees[g]!;
        for (let i = caps[g]! - 1; i >= 1; i--) tree[i] = tree[2 * i]! + tree[2 * i + 1]!;
      }
    },
  };
  return guarded(solver);
}

/** Linear-scan solver: the same interface, O(n) pick; the reference the tree solver is tested against. */
export function createLinearSolver(groupSizes: ArrayLike<number>): Solver {
  const { groupStart, groupOfSlot } = layout(groupSizes);
  const groupCount = groupSizes.length;
  const rates = new Float64Array(groupOfSlot.length);
  const factors = new Float64Array(groupCount).fill(1);
  const groupSum = (g: number): number => {
    let s = 0;
    for (let i = groupStart[g]!; i < groupStart[g + 1]!; i++) s += rates[i]!;
    return s;
  };
  const solver: Solver = {
    slotCount: rates.length,
    groupCount,
    groupStart,
    groupOfSlot,
    total() {
      let sum = 0;
      for (let g = 0; g < groupCount; g++) sum += factors[g]! * groupSum(g);
      return sum;
    },
    rate: (slot) => rates[slot]!,
    update(slot, baseRateHz) {
      rates[slot] = baseRateHz;
    },
    setFactor(group, factor) {
      factors[group] = factor;
    },
    factor: (group) => factors[group]!,
    groupSum,
    pick(target) {
      let last = -1;
      for (let g = 0; g < groupCount; g++) {
        const f = factors[g]!;
        if (f <= 0) continue;
        for (let i = groupStart[g]!; i < groupStart[g + 1]!; i++) {
          const w = f * rates[i]!;
          if (w <= 0) continue;
          last = i;
          if (target < w) return i;
          target -= w;
        }
      }
      return last;
    },
    rebuild() {},
  };
  return solver;
}

/** Validate rates at the boundary only in debug builds would cost a branch per update; we keep it cheap:
 * the check happens in update() of a thin wrapper only when CXSIM_CHECK is set. */
function guarded(solver: Solver): Solver {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (!env?.['CXSIM_CHECK']) return solver;
  const update = solver.update;
  return {
    ...solver,
    update(slot, rateHz) {
      checkRate(slot, rateHz);
      update(slot, rateHz);
    },
  };
}

export const solvers = { tree: createTreeSolver, linear: createLinearSolver } as const;
export type SolverName = keyof typeof solvers;
