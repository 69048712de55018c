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
  /**
   * Set the base rates of the contiguous slots firstSlot .. firstSlot+count-1 (one group) from ratesHz[0 .. count-1],
   * 1/s. Cheaper than count update() calls when several neighbouring slots change (shared ancestors recomputed once).
   */
  updateRange(firstSlot: number, ratesHz: ArrayLike<number>, count: number): void;
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

/**
 * Sum-tree solver: per group a complete binary tree (node 1 the root, leaves at [cap, 2 cap)), all groups in one flat
 * Float64Array. A class with small methods so that V8 inlines them into the engine loop (a double returned from a
 * call that is not inlined is boxed: one allocation per event).
 */
class TreeSolver implements Solver {
  readonly slotCount: number;
  readonly groupCount: number;
  readonly groupStart: Int32Array;
  readonly groupOfSlot: Int32Array;
  /** Leaf count (power of two) of each group's tree, and where its node 0 sits in `tree`. */
  private readonly caps: Int32Array;
  private readonly treeBase: Int32Array;
  /** Storage index of each slot's leaf. */
  private readonly leafOfSlot: Int32Array;
  private readonly tree: Float64Array;
  private readonly factors: Float64Array;

  constructor(groupSizes: ArrayLike<number>) {
    const { groupStart, groupOfSlot } = layout(groupSizes);
    this.groupStart = groupStart;
    this.groupOfSlot = groupOfSlot;
    this.groupCount = groupSizes.length;
    this.slotCount = groupOfSlot.length;
    this.caps = new Int32Array(this.groupCount);
    this.treeBase = new Int32Array(this.groupCount);
    let size = 0;
    for (let g = 0; g < this.groupCount; g++) {
      let cap = 1;
      while (cap < groupSizes[g]!) cap <<= 1;
      this.caps[g] = cap;
      this.treeBase[g] = size;
      size += 2 * cap;
    }
    this.tree = new Float64Array(size);
    this.leafOfSlot = new Int32Array(this.slotCount);
    for (let slot = 0; slot < this.slotCount; slot++) {
      const g = groupOfSlot[slot]!;
      this.leafOfSlot[slot] = this.treeBase[g]! + this.caps[g]! + slot - groupStart[g]!;
    }
    this.factors = new Float64Array(this.groupCount).fill(1);
  }

  total(): number {
    const { factors, tree, treeBase } = this;
    let sum = 0;
    for (let g = 0; g < this.groupCount; g++) sum += factors[g]! * tree[treeBase[g]! + 1]!;
    return sum;
  }

  rate(slot: number): number {
    return this.tree[this.leafOfSlot[slot]!]!;
  }

  update(slot: number, baseRateHz: number): void {
    const tree = this.tree;
    const g = this.groupOfSlot[slot]!;
    const base = this.treeBase[g]!;
    let i = this.leafOfSlot[slot]! - base;
    tree[base + i] = baseRateHz;
    // Recompute parents from children (not by adding deltas) so rounding never drifts.
    for (i >>= 1; i >= 1; i >>= 1) tree[base + i] = tree[base + 2 * i]! + tree[base + 2 * i + 1]!;
  }

  updateRange(firstSlot: number, ratesHz: ArrayLike<number>, count: number): void {
    const tree = this.tree;
    const base = this.treeBase[this.groupOfSlot[firstSlot]!]!;
    let lo = this.leafOfSlot[firstSlot]! - base;
    let hi = lo + count - 1;
    for (let k = 0; k < count; k++) tree[base + lo + k] = ratesHz[k]!;
    // Level by level: the dirty range halves each level, then a single path to the root.
    while (lo > 1) {
      lo >>= 1;
      hi >>= 1;
      for (let i = lo; i <= hi; i++) tree[base + i] = tree[base + 2 * i]! + tree[base + 2 * i + 1]!;
    }
  }

  setFactor(group: number, factor: number): void {
    if (!(factor >= 0) || factor === Infinity) throw new RangeError(`group ${group}: factor must be finite and >= 0, got ${factor}`);
    this.factors[group] = factor;
  }

  factor(group: number): number {
    return this.factors[group]!;
  }

  groupSum(group: number): number {
    return this.tree[this.treeBase[group]! + 1]!;
  }

  pick(target: number): number {
    const { factors, tree, treeBase, groupCount } = this;
    let g = 0;
    let last = -1;
    let t = target;
    for (; g < groupCount; g++) {
      const w = factors[g]! * tree[treeBase[g]! + 1]!;
      if (w <= 0) continue;
      last = g;
      if (t < w) break;
      t -= w;
    }
    if (g === groupCount) {
      if (last < 0) return -1;
      g = last; // rounding pushed the target past the end: take the last non-empty group
      t = factors[g]! * tree[treeBase[g]! + 1]!;
    }
    const base = treeBase[g]!;
    const cap = this.caps[g]!;
    t /= factors[g]!;
    let node = 1;
    while (node < cap) {
      const left = 2 * node;
      const leftSum = tree[base + left]!;
      // Go right only into a non-empty subtree, so a zero-rate leaf is never returned.
      if (t < leftSum || tree[base + left + 1]! <= 0) node = left;
      else {
        t -= leftSum;
        node = left + 1;
      }
    }
    return this.groupStart[g]! + node - cap;
  }

  rebuild(): void {
    const tree = this.tree;
    for (let g = 0; g < this.groupCount; g++) {
      const base = this.treeBase[g]!;
      for (let i = this.caps[g]! - 1; i >= 1; i--) tree[base + i] = tree[base + 2 * i]! + tree[base + 2 * i + 1]!;
    }
  }
}

/** Sum-tree solver: O(log n) update and pick, O(1) setFactor. */
export function createTreeSolver(groupSizes: ArrayLike<number>): Solver {
  return guarded(new TreeSolver(groupSizes));
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
    updateRange(firstSlot, ratesHz, count) {
      for (let k = 0; k < count; k++) rates[firstSlot + k] = ratesHz[k]!;
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

/** With CXSIM_CHECK set, every rate passed to update()/updateRange() is validated (a branch per call otherwise saved). */
function guarded(solver: Solver): Solver {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (!env?.['CXSIM_CHECK']) return solver;
  const update = solver.update.bind(solver);
  const updateRange = solver.updateRange.bind(solver);
  return Object.assign(Object.create(solver) as Solver, {
    update(slot: number, rateHz: number): void {
      checkRate(slot, rateHz);
      update(slot, rateHz);
    },
    updateRange(firstSlot: number, ratesHz: ArrayLike<number>, count: number): void {
      for (let k = 0; k < count; k++) checkRate(firstSlot + k, ratesHz[k]!);
      if (count > 0 && solver.groupOfSlot[firstSlot] !== solver.groupOfSlot[firstSlot + count - 1]) {
        throw new RangeError(`updateRange: slots ${firstSlot}..${firstSlot + count - 1} span more than one group`);
      }
      updateRange(firstSlot, ratesHz, count);
    },
  });
}

export const solvers = { tree: createTreeSolver, linear: createLinearSolver } as const;
export type SolverName = keyof typeof solvers;
