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

/** Slots per leaf block of the tree solver (a power of two). */
const BLOCK = 16;
const BLOCK_SHIFT = 4;

/**
 * Sum-tree solver. Per group, slots are stored in blocks of 16; a complete binary tree (node 1 the root, leaves at
 * [cap, 2 cap)) holds the block sums. An update rewrites one block sum (fixed pairwise order, so the state is a pure
 * function of the rates) and climbs log2(n/16) levels of a tree small enough to stay in L1; a pick descends the tree
 * and scans one block. A class with small methods so that V8 inlines them into the engine loop.
 */
class TreeSolver implements Solver {
  readonly slotCount: number;
  readonly groupCount: number;
  readonly groupStart: Int32Array;
  readonly groupOfSlot: Int32Array;
  /** Per group: leaf count of its tree (power of two), where its tree and its rate blocks start in storage. */
  private readonly caps: Int32Array;
  private readonly treeBase: Int32Array;
  private readonly rateBase: Int32Array;
  /** Storage index of each slot's rate. */
  private readonly rateIndex: Int32Array;
  private readonly rates: Float64Array;
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
    this.rateBase = new Int32Array(this.groupCount);
    let treeSize = 0;
    let rateSize = 0;
    for (let g = 0; g < this.groupCount; g++) {
      const blocks = Math.ceil(groupSizes[g]! / BLOCK);
      let cap = 1;
      while (cap < blocks) cap <<= 1;
      this.caps[g] = cap;
      this.treeBase[g] = treeSize;
      this.rateBase[g] = rateSize;
      treeSize += 2 * cap;
      rateSize += BLOCK * blocks;
    }
    this.tree = new Float64Array(treeSize);
    this.rates = new Float64Array(rateSize);
    this.rateIndex = new Int32Array(this.slotCount);
    for (let slot = 0; slot < this.slotCount; slot++) {
      const g = groupOfSlot[slot]!;
      this.rateIndex[slot] = this.rateBase[g]! + slot - groupStart[g]!;
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
    return this.rates[this.rateIndex[slot]!]!;
  }

  update(slot: number, baseRateHz: number): void {
    const index = this.rateIndex[slot]!;
    this.rates[index] = baseRateHz;
    const g = this.groupOfSlot[slot]!;
    const block = (index - this.rateBase[g]!) >> BLOCK_SHIFT;
    this.refreshBlocks(g, block, block);
  }

  updateRange(firstSlot: number, ratesHz: ArrayLike<number>, count: number): void {
    if (count <= 0) return;
    const first = this.rateIndex[firstSlot]!;
    for (let k = 0; k < count; k++) this.rates[first + k] = ratesHz[k]!;
    const g = this.groupOfSlot[firstSlot]!;
    const base = this.rateBase[g]!;
    this.refreshBlocks(g, (first - base) >> BLOCK_SHIFT, (first + count - 1 - base) >> BLOCK_SHIFT);
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
    const { factors, tree, treeBase, groupCount, rates } = this;
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
      // Go right only into a non-empty subtree, so a zero-rate slot is never returned.
      if (t < leftSum || tree[base + left + 1]! <= 0) node = left;
      else {
        t -= leftSum;
        node = left + 1;
      }
    }
    const start = this.rateBase[g]! + BLOCK * (node - cap);
    let index = start;
    let lastNonZero = -1;
    for (const end = start + BLOCK; index < end; index++) {
      const w = rates[index]!;
      if (w <= 0) continue;
      lastNonZero = index;
      if (t < w) break;
      t -= w;
    }
    if (index === start + BLOCK) index = lastNonZero; // rounding past the block's end
    return this.groupStart[g]! + index - this.rateBase[g]!;
  }

  rebuild(): void {
    for (let g = 0; g < this.groupCount; g++) {
      const blocks = Math.ceil((this.groupStart[g + 1]! - this.groupStart[g]!) / BLOCK);
      const base = this.treeBase[g]!;
      const cap = this.caps[g]!;
      for (let b = 0; b < blocks; b++) this.tree[base + cap + b] = this.blockSum(this.rateBase[g]! + BLOCK * b);
      for (let i = cap - 1; i >= 1; i--) this.tree[base + i] = this.tree[base + 2 * i]! + this.tree[base + 2 * i + 1]!;
    }
  }

  /** Recompute the sums of blocks lo..hi of group g, then their ancestors (the dirty range halves each level). */
  private refreshBlocks(g: number, lo: number, hi: number): void {
    const tree = this.tree;
    const base = this.treeBase[g]!;
    const cap = this.caps[g]!;
    const rateBase = this.rateBase[g]!;
    for (let b = lo; b <= hi; b++) tree[base + cap + b] = this.blockSum(rateBase + BLOCK * b);
    let i = cap + lo;
    let j = cap + hi;
    while (i > 1) {
      i >>= 1;
      j >>= 1;
      for (let n = i; n <= j; n++) tree[base + n] = tree[base + 2 * n]! + tree[base + 2 * n + 1]!;
    }
  }

  /** Sum of the 16 rates from storage index `start`, in a fixed pairwise order (short dependency chains). */
  private blockSum(start: number): number {
    const r = this.rates;
    const s = start;
    return (
      r[s]! + r[s + 1]! + (r[s + 2]! + r[s + 3]!) + (r[s + 4]! + r[s + 5]! + (r[s + 6]! + r[s + 7]!)) +
      (r[s + 8]! + r[s + 9]! + (r[s + 10]! + r[s + 11]!) + (r[s + 12]! + r[s + 13]! + (r[s + 14]! + r[s + 15]!)))
    );
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
