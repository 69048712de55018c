import { describe, expect, it } from 'vitest';
import { createLinearSolver, createTreeSolver, type Solver } from '../../src/kmc/solver.js';
import { linearPick, verifySolver } from '../../src/kmc/check.js';
import { createRng } from '../../src/rng.js';

// Groups straddle 16-slot blocks (slot 0 is alone in its group; 71|72 and 171|172 share blocks) and one is empty.
const GROUP_SIZES = [1, 7, 64, 0, 100, 3];

/** Apply the same long random update stream (zero rates ~1/4 of the time, ranged updates, factors incl. 0) to both. */
function randomUpdates(solvers: Solver[], steps: number, seed: string): void {
  const rng = createRng(seed);
  const slots = solvers[0]!.slotCount;
  const scratch = new Float64Array(8);
  for (let i = 0; i < steps; i++) {
    const u = rng.next();
    if (u < 0.02) {
      const group = Math.floor(rng.next() * GROUP_SIZES.length);
      const factor = rng.next() < 0.2 ? 0 : 10 ** (4 * rng.next() - 2);
      for (const s of solvers) s.setFactor(group, factor);
    } else if (u < 0.1) {
      const slot = Math.floor(rng.next() * slots);
      const group = solvers[0]!.groupOfSlot[slot]!;
      const count = Math.min(1 + Math.floor(rng.next() * 8), solvers[0]!.groupStart[group + 1]! - slot);
      for (let k = 0; k < count; k++) scratch[k] = rng.next() < 0.25 ? 0 : 10 ** (6 * rng.next() - 3);
      for (const s of solvers) s.updateRange(slot, scratch, count);
    } else {
      const slot = Math.floor(rng.next() * slots);
      const rate = rng.next() < 0.25 ? 0 : 10 ** (6 * rng.next() - 3);
      for (const s of solvers) s.update(slot, rate);
    }
  }
}

describe('tree solver', () => {
  it('picks exactly the slot a linear solver picks for the same targets after long random update streams', () => {
    const tree = createTreeSolver(GROUP_SIZES);
    const linear = createLinearSolver(GROUP_SIZES);
    const rng = createRng('picks');
    let compared = 0;
    for (let round = 0; round < 20; round++) {
      randomUpdates([tree, linear], 2000, `stream-${round}`);
      expect(tree.total()).toBeCloseTo(linear.total(), 9);
      if (!(tree.total() > 0)) continue;
      for (let i = 0; i < 500; i++) {
        const target = rng.next() * tree.total();
        const picked = tree.pick(target);
        expect(picked).toBe(linear.pick(target));
        expect(tree.factor(tree.groupOfSlot[picked]!) * tree.rate(picked)).toBeGreaterThan(0);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('groupOf(slot) is groupOfSlot[slot] for every slot, in blocks shared by groups too', () => {
    for (const solver of [createTreeSolver(GROUP_SIZES), createLinearSolver(GROUP_SIZES)]) {
      const groups = Array.from({ length: solver.slotCount }, (_, slot) => solver.groupOf(slot));
      expect(groups).toEqual(Array.from(solver.groupOfSlot));
      expect(new Set(groups).size).toBe(GROUP_SIZES.filter((n) => n > 0).length);
    }
  });

  it('never returns a zero-rate slot, even for targets at the very end of the interval', () => {
    const tree = createTreeSolver([8, 8]);
    tree.update(3, 1);
    tree.update(9, 2);
    tree.setFactor(1, 0.5);
    for (const target of [0, 0.999999, 1, 1.5, 1.9999999999, 2, 5]) {
      expect([3, 9]).toContain(tree.pick(target));
    }
    tree.update(9, 0);
    expect(tree.pick(1.5)).toBe(3);
    expect(createTreeSolver([4]).pick(0)).toBe(-1);
  });

  it('keeps sums equal to a from-scratch rebuild (incremental state == rebuilt state)', () => {
    const tree = createTreeSolver(GROUP_SIZES);
    randomUpdates([tree], 20000, 'rebuild');
    const sums = GROUP_SIZES.map((_, g) => tree.groupSum(g));
    const total = tree.total();
    tree.rebuild();
    GROUP_SIZES.forEach((_, g) => expect(tree.groupSum(g)).toBe(sums[g]));
    expect(tree.total()).toBe(total);
  });

  it('setFactor() scales a whole group in O(1) and the pick follows', () => {
    const tree = createTreeSolver([2, 2]);
    [1, 1, 1, 1].forEach((r, s) => tree.update(s, r));
    tree.setFactor(0, 3);
    expect(tree.total()).toBe(8);
    expect(tree.pick(5.9)).toBe(1);
    expect(tree.pick(6.1)).toBe(2);
  });
});

describe('CXSIM_CHECK', () => {
  it('gives a tree solver that rejects negative, NaN and infinite rates and otherwise matches the plain one', () => {
    process.env['CXSIM_CHECK'] = '1';
    const checked = createTreeSolver(GROUP_SIZES);
    delete process.env['CXSIM_CHECK'];
    const plain = createTreeSolver(GROUP_SIZES);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => checked.update(3, bad)).toThrow(RangeError);
      expect(() => checked.updateRange(3, [1, bad], 2)).toThrow(RangeError);
    }
    expect(() => plain.update(3, -1)).not.toThrow();
    plain.update(3, 0);
    randomUpdates([checked, plain], 5000, 'checked');
    GROUP_SIZES.forEach((_, g) => expect(checked.groupSum(g)).toBe(plain.groupSum(g)));
    const rng = createRng('checked-picks');
    for (let i = 0; i < 1000; i++) {
      const target = rng.next() * plain.total();
      expect(checked.pick(target)).toBe(plain.pick(target));
    }
  });
});

describe('verifySolver (check mode)', () => {
  function consistent(): { solver: Solver; rates: Float64Array } {
    const solver = createTreeSolver(GROUP_SIZES);
    randomUpdates([solver], 5000, 'check');
    const rates = Float64Array.from({ length: solver.slotCount }, (_, s) => solver.rate(s));
    return { solver, rates };
  }

  it('passes when every stored rate equals the recomputation', () => {
    const { solver, rates } = consistent();
    const check = verifySolver(solver, (slot) => rates[slot]!);
    expect(check).toMatchObject({ ok: true, rateMismatches: 0, sumMismatches: 0, pickMismatches: 0, message: '' });
  });

  it('names the slot a model forgot to update', () => {
    const { solver, rates } = consistent();
    rates[42] = rates[42]! + 1; // the model's state says 42 changed, the solver was not told
    const check = verifySolver(solver, (slot) => rates[slot]!);
    expect(check.ok).toBe(false);
    expect(check.rateMismatches).toBe(1);
    expect(check.message).toMatch(/^slot 42 /);
  });

  it('linearPick() agrees with the tree on probe targets', () => {
    const { solver } = consistent();
    for (let p = 0; p < 100; p++) {
      const target = ((p + 0.5) / 100) * solver.total();
      expect(linearPick(solver, target)).toBe(solver.pick(target));
    }
  });
});
