// Event selection for rejection-free KMC: slots hold base rates (1/s) in groups; each group has a
// multiplier (a solution concentration, or an acceleration scaling) changed without touching its slots.
// Tree solver: blocks of 16 slots and one binary sum tree per group, refreshed lazily; O(log n) pick. Linear: the
// reference for tests.

export interface Solver {
  readonly slotCount: number;
  readonly groupCount: number;
  /** First slot of each group (length groupCount + 1). */
  readonly groupStart: Int32Array;
  /** Group of each slot. */
  readonly groupOfSlot: Int32Array;
  /** Group of one slot: the same as groupOfSlot[slot], from a table that stays in cache (the engine's per-event read). */
  groupOf(slot: number): number;
  /** Total propensity, 1/s: sum over groups of factor * (sum of base rates). */
  total(): number;
  /** Base rate of one slot, 1/s (before the group factor). */
  rate(slot: number): number;
  /** Set the base rate of one slot, 1/s. */
  update(slot: number, baseRateHz: number): void;
  /**
   * Set the base rates of the contiguous slots firstSlot .. firstSlot+count-1 (one group) from ratesHz[0 .. count-1],
   * 1/s. One call instead of count update() calls.
   */
  updateRange(firstSlot: number, ratesHz: ArrayLike<number>, count: number): void;
  /** Multiply every rate in a group by `factor` (O(groups), independent of the number of slots). */
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
 * Slots per leaf block of the tree solver (a power of two): block b holds slots 16 b .. 16 b + 15. A model that owns
 * runs of slots (e.g. a defect's events) can align them to blocks, so that updating a run refreshes one block sum
 * and climbs once.
 */
export const TREE_BLOCK_SLOTS = 16;
// Local literals: V8 folds them into the code (an exported binding is loaded and checked at each use).
const BLOCK = 16;
const BLOCK_SHIFT = 4;

/**
 * Sum-tree solver. Rates are stored by slot and summed in blocks of 16 slots; per group, a complete binary tree (node 1
 * the root, leaves at [cap, 2 cap)) holds the sums of the group's slots in each block it overlaps (a block straddling
 * two groups has a partial sum in each). An update only writes the rate and queues its block; the first read of a sum
 * (total, groupSum, pick) recomputes each queued block once, in a fixed order (so the state is a pure function of the
 * rates), and climbs log2(blocks) levels of a tree small enough to stay in cache. A model that changes several slots
 * of one block in an event thus pays one climb. A pick descends the tree without branches (the direction is a coin
 * flip) and scans one block.
 */
class TreeSolver implements Solver {
  readonly slotCount: number;
  readonly groupCount: number;
  readonly groupStart: Int32Array;
  readonly groupOfSlot: Int32Array;
  private readonly rates: Float64Array;
  /** Per group: its first block, leaf count of its tree (a power of two) and where its tree starts. */
  private readonly firstBlock: Int32Array;
  private readonly caps: Int32Array;
  private readonly treeBase: Int32Array;
  private readonly tree: Float64Array;
  private readonly factors: Float64Array;
  /** Group of each block, or -1 if the block straddles groups. */
  private readonly blockGroup: Int32Array;
  /** Whether a block awaits a refresh, and the list of those that do. */
  private readonly dirty: Uint8Array;
  private readonly dirtyBlocks: Int32Array;
  private dirtyCount = 0;
  /** Each group's sum and the total, as of the last refresh; the target of the pick in progress. */
  private readonly groupSums: Float64Array;
  private totalHz = 0;
  private readonly pickTarget = new Float64Array(1);

  constructor(groupSizes: ArrayLike<number>) {
    const { groupStart, groupOfSlot } = layout(groupSizes);
    this.groupStart = groupStart;
    this.groupOfSlot = groupOfSlot;
    this.groupCount = groupSizes.length;
    this.slotCount = groupOfSlot.length;
    const blockCount = Math.ceil(this.slotCount / BLOCK);
    this.rates = new Float64Array(BLOCK * blockCount); // the padding past slotCount stays 0
    this.firstBlock = new Int32Array(this.groupCount);
    this.caps = new Int32Array(this.groupCount);
    this.treeBase = new Int32Array(this.groupCount);
    let treeSize = 0;
    for (let g = 0; g < this.groupCount; g++) {
      const [start, end] = [groupStart[g]!, groupStart[g + 1]!];
      const leaves = end > start ? ((end - 1) >> BLOCK_SHIFT) - (start >> BLOCK_SHIFT) + 1 : 0;
      let cap = 1;
      while (cap < leaves) cap <<= 1;
      this.firstBlock[g] = start >> BLOCK_SHIFT;
      this.caps[g] = cap;
      this.treeBase[g] = treeSize;
      treeSize += 2 * cap;
    }
    this.tree = new Float64Array(treeSize);
    this.factors = new Float64Array(this.groupCount).fill(1);
    this.blockGroup = new Int32Array(blockCount);
    for (let b = 0; b < blockCount; b++) {
      const first = groupOfSlot[BLOCK * b]!;
      this.blockGroup[b] = first === groupOfSlot[Math.min(BLOCK * b + BLOCK, this.slotCount) - 1] ? first : -1;
    }
    this.dirty = new Uint8Array(blockCount);
    this.dirtyBlocks = new Int32Array(blockCount);
    this.groupSums = new Float64Array(this.groupCount);
  }

  // total, groupSum, pick and update stay within V8's always-inline size (27 bytes of bytecode): a double passed to or
  // returned from a call that is not inlined is boxed, a heap allocation per event. Hence `if (this.dirtyCount)`.
  total(): number {
    if (this.dirtyCount) this.refresh();
    return this.totalHz;
  }

  rate(slot: number): number {
    return this.rates[slot]!;
  }

  groupOf(slot: number): number {
    const g = this.blockGroup[slot >> BLOCK_SHIFT]!;
    return g >= 0 ? g : this.groupOfSlot[slot]!;
  }

  update(slot: number, baseRateHz: number): void {
    this.rates[slot] = baseRateHz;
    this.markDirty(slot);
  }

  updateRange(firstSlot: number, ratesHz: ArrayLike<number>, count: number): void {
    if (count <= 0) return;
    const rates = this.rates;
    for (let k = 0; k < count; k++) rates[firstSlot + k] = ratesHz[k]!;
    for (let b = firstSlot >> BLOCK_SHIFT, last = (firstSlot + count - 1) >> BLOCK_SHIFT; b <= last; b++) this.markDirty(b << BLOCK_SHIFT);
  }

  setFactor(group: number, factor: number): void {
    if (!(factor >= 0) || factor === Infinity) throw new RangeError(`group ${group}: factor must be finite and >= 0, got ${factor}`);
    this.factors[group] = factor;
    this.refresh(); // O(groups): sums the total again (and refreshes any queued blocks)
  }

  factor(group: number): number {
    return this.factors[group]!;
  }

  groupSum(group: number): number {
    if (this.dirtyCount) this.refresh();
    return this.groupSums[group]!;
  }

  pick(target: number): number {
    this.pickTarget[0] = target;
    return this.pickStoredTarget();
  }

  private pickStoredTarget(): number {
    if (this.dirtyCount) this.refresh();
    const { factors, tree, treeBase, groupCount, rates } = this;
    let g = 0;
    let last = -1;
    let t = this.pickTarget[0]!;
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
      // Go right only into a non-empty subtree, so that a zero-rate slot is never returned.
      const right = Number(t >= leftSum) & Number(tree[base + left + 1]! > 0);
      t -= right * leftSum;
      node = left + right;
    }
    const block = this.firstBlock[g]! + node - cap;
    const start = Math.max(BLOCK * block, this.groupStart[g]!);
    const end = Math.min(BLOCK * block + BLOCK, this.groupStart[g + 1]!);
    let slot = start;
    let lastNonZero = -1;
    for (; slot < end; slot++) {
      const w = rates[slot]!;
      if (w <= 0) continue;
      lastNonZero = slot;
      if (t < w) break;
      t -= w;
    }
    return slot === end ? lastNonZero : slot; // past the block's end by rounding: its last non-zero slot
  }

  rebuild(): void {
    for (let i = 0; i < this.dirtyCount; i++) this.dirty[this.dirtyBlocks[i]!] = 0;
    this.dirtyCount = 0;
    const tree = this.tree;
    for (let g = 0; g < this.groupCount; g++) {
      const base = this.treeBase[g]!;
      const cap = this.caps[g]!;
      const [start, end] = [this.groupStart[g]!, this.groupStart[g + 1]!];
      if (end > start) {
        for (let b = start >> BLOCK_SHIFT; b <= (end - 1) >> BLOCK_SHIFT; b++) tree[base + cap + b - this.firstBlock[g]!] = this.leafSum(g, b);
      }
      for (let i = cap - 1; i >= 1; i--) tree[base + i] = tree[base + 2 * i]! + tree[base + 2 * i + 1]!;
    }
    this.refresh();
  }

  /** Queue the block of `slot` for refresh, once (no branch: the list entry is overwritten if it is already queued). */
  private markDirty(slot: number): void {
    const b = slot >> BLOCK_SHIFT;
    this.dirtyBlocks[this.dirtyCount] = b;
    this.dirtyCount += 1 - this.dirty[b]!;
    this.dirty[b] = 1;
  }

  /**
   * Refresh each queued block in the tree of its group (of each group it overlaps, for a straddling block), then the
   * total: the sum over groups of factor * group sum, in group order.
   */
  private refresh(): void {
    const { dirty, dirtyBlocks, blockGroup } = this;
    for (let i = 0; i < this.dirtyCount; i++) {
      const block = dirtyBlocks[i]!;
      dirty[block] = 0;
      const g = blockGroup[block]!;
      if (g >= 0) this.climb(g, block, this.blockSum(BLOCK * block));
      else {
        const last = this.groupOfSlot[Math.min(BLOCK * block + BLOCK, this.slotCount) - 1]!;
        for (let h = this.groupOfSlot[BLOCK * block]!; h <= last; h++) {
          if (this.groupStart[h + 1]! > this.groupStart[h]!) this.climb(h, block, this.leafSum(h, block));
        }
      }
    }
    this.dirtyCount = 0;
    const { factors, tree, treeBase, groupSums } = this;
    let sum = 0;
    for (let g = 0; g < this.groupCount; g++) {
      groupSums[g] = tree[treeBase[g]! + 1]!;
      sum += factors[g]! * groupSums[g]!;
    }
    this.totalHz = sum;
  }

  /**
   * Set group g's leaf for `block` to `sum` and recompute its ancestors, carrying the sum up in a register
   * (a + b === b + a exactly, so every node is still left + right, as in rebuild()). Paths that meet recompute the
   * shared nodes from current children, so the result does not depend on the order of the queue.
   */
  private climb(g: number, block: number, sum: number): void {
    const tree = this.tree;
    const base = this.treeBase[g]!;
    let node = this.caps[g]! + block - this.firstBlock[g]!;
    let s = sum;
    tree[base + node] = s;
    while (node > 1) {
      s += tree[base + (node ^ 1)]!;
      node >>= 1;
      tree[base + node] = s;
    }
  }

  /** Sum of group g's rates in `block`: the whole block, or in order over the group's part of a straddling block. */
  private leafSum(g: number, block: number): number {
    if (this.blockGroup[block] === g) return this.blockSum(BLOCK * block);
    const end = Math.min(BLOCK * block + BLOCK, this.groupStart[g + 1]!);
    let sum = 0;
    for (let slot = Math.max(BLOCK * block, this.groupStart[g]!); slot < end; slot++) sum += this.rates[slot]!;
    return sum;
  }

  /** Sum of the 16 rates from slot `start`, in a fixed pairwise order (short dependency chains). */
  private blockSum(start: number): number {
    const r = this.rates;
    const s = start;
    return (
      r[s]! + r[s + 1]! + (r[s + 2]! + r[s + 3]!) + (r[s + 4]! + r[s + 5]! + (r[s + 6]! + r[s + 7]!)) +
      (r[s + 8]! + r[s + 9]! + (r[s + 10]! + r[s + 11]!) + (r[s + 12]! + r[s + 13]! + (r[s + 14]! + r[s + 15]!)))
    );
  }
}

/** Sum-tree solver: O(1) update (O(log n) at the next read), O(log n) pick, O(groups) setFactor. */
export function createTreeSolver(groupSizes: ArrayLike<number>): Solver {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.['CXSIM_CHECK'] ? new CheckedTreeSolver(groupSizes) : new TreeSolver(groupSizes);
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
    groupOf: (slot) => groupOfSlot[slot]!,
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

/** The tree solver that validates every rate passed to update()/updateRange() (CXSIM_CHECK; a branch per call saved otherwise). */
class CheckedTreeSolver extends TreeSolver {
  override update(slot: number, baseRateHz: number): void {
    checkRate(slot, baseRateHz);
    super.update(slot, baseRateHz);
  }

  override updateRange(firstSlot: number, ratesHz: ArrayLike<number>, count: number): void {
    for (let k = 0; k < count; k++) checkRate(firstSlot + k, ratesHz[k]!);
    if (count > 0 && this.groupOfSlot[firstSlot] !== this.groupOfSlot[firstSlot + count - 1]) {
      throw new RangeError(`updateRange: slots ${firstSlot}..${firstSlot + count - 1} span more than one group`);
    }
    super.updateRange(firstSlot, ratesHz, count);
  }
}

export const solvers = { tree: createTreeSolver, linear: createLinearSolver } as const;
export type SolverName = keyof typeof solvers;
