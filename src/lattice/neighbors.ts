// Neighbour shells as integer offsets on a box of unit cells, slot lookup with periodic wrap,
// and CSR tables built once from them. Lengths in nm; offsets in cells + basis index.
import type { Csr } from './types.js';
import type { RelationName, UnitCellGrid } from './grid.js';

/**
 * A box of nx x ny x nz conventional cells. Slot of (cell cx, cy, cz; basis b) is
 * ((cz * ny + cy) * nx + cx) * basisCount + b: the deterministic order of every site list.
 */
export interface CellBox {
  readonly cells: readonly [number, number, number];
  readonly periodic: readonly [boolean, boolean, boolean];
  /** Cell index (in the infinite lattice) of the box's cell (0, 0, 0). */
  readonly originCell: readonly [number, number, number];
  readonly basisCount: number;
  readonly slotCount: number;
}

export function createCellBox(
  grid: UnitCellGrid,
  cells: readonly [number, number, number],
  periodic: readonly [boolean, boolean, boolean],
  originCell: readonly [number, number, number],
): CellBox {
  const basisCount = grid.basis.length;
  return { cells, periodic, originCell, basisCount, slotCount: cells[0] * cells[1] * cells[2] * basisCount };
}

/**
 * Offsets of one relation: for each basis site, quads (dcx, dcy, dcz, targetBasis), nearest first.
 * Null for basis sites whose kind the relation does not start from.
 */
export type ShellOffsets = readonly (Int32Array | null)[];

// Shell boundaries must be clean: the first site beyond the shell is at least this much farther.
const SHELL_GAP = 1.02;

/**
 * Derive the offsets of a relation from the ideal geometry: for every basis site of a `from` kind,
 * the `count` nearest sites of the `to` kinds. Neighbouring cells (+-1) hold every site within one
 * cell edge (>= a), beyond every shell used here. Throws if a shell boundary is ambiguous (e.g. an
 * unphysical c/a).
 */
export function deriveShellOffsets(grid: UnitCellGrid, relation: RelationName): ShellOffsets {
  const { basis, cellSteps, stepNm } = grid;
  return basis.map((site) => {
    const shell = grid.shells[relation].find((s) => s.from === site.kind);
    if (shell === undefined) return null;
    const candidates: { d2: number; quad: [number, number, number, number] }[] = [];
    for (let dcz = -1; dcz <= 1; dcz++)
      for (let dcy = -1; dcy <= 1; dcy++)
        for (let dcx = -1; dcx <= 1; dcx++)
          basis.forEach((target, tb) => {
            if (!shell.to.includes(target.kind)) return;
            const dx = (dcx * cellSteps[0] + target.grid[0] - site.grid[0]) * stepNm[0];
            const dy = (dcy * cellSteps[1] + target.grid[1] - site.grid[1]) * stepNm[1];
            const dz = (dcz * cellSteps[2] + target.grid[2] - site.grid[2]) * stepNm[2];
            const d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > 0) candidates.push({ d2, quad: [dcx, dcy, dcz, tb] });
          });
    candidates.sort((p, q) => p.d2 - q.d2); // stable: ties keep enumeration order (deterministic)
    const last = Math.sqrt(candidates[shell.count - 1]!.d2);
    const next = Math.sqrt(candidates[shell.count]!.d2);
    if (!(next > last * SHELL_GAP)) {
      throw new Error(`${grid.structure} ${relation}: shell of ${shell.count} is not separated (${last} vs ${next} nm)`);
    }
    return Int32Array.from(candidates.slice(0, shell.count).flatMap((c) => c.quad));
  });
}

/** Largest |offset| per axis, in grid steps, over all shells of all relations. */
export function maxOffsetSteps(grid: UnitCellGrid, offsets: readonly ShellOffsets[]): [number, number, number] {
  const max: [number, number, number] = [0, 0, 0];
  for (const relation of offsets)
    relation.forEach((quads, b) => {
      if (quads === null) return;
      for (let q = 0; q < quads.length; q += 4) {
        const target = grid.basis[quads[q + 3]!]!.grid;
        const from = grid.basis[b]!.grid;
        for (let d = 0; d < 3; d++) {
          const steps = Math.abs(quads[q + d]! * grid.cellSteps[d]! + target[d]! - from[d]!);
          if (steps > max[d]!) max[d] = steps;
        }
      }
    });
  return max;
}

/** A relation's offsets applied to one box: the quads, plus slot deltas valid away from the box faces. */
export interface BoxRelation {
  readonly quads: ShellOffsets;
  /** Per basis site: slot(target) - slot(site) for each quad, when no axis wraps or leaves the box. */
  readonly deltas: readonly (Int32Array | null)[];
}

export function compileRelation(box: CellBox, offsets: ShellOffsets): BoxRelation {
  const nB = box.basisCount;
  const [nx, ny] = box.cells;
  const deltas = offsets.map((quads, b) => {
    if (quads === null) return null;
    const out = new Int32Array(quads.length / 4);
    for (let q = 0; q < out.length; q++) {
      out[q] = ((quads[4 * q + 2]! * ny + quads[4 * q + 1]!) * nx + quads[4 * q]!) * nB + quads[4 * q + 3]! - b;
    }
    return out;
  });
  return { quads: offsets, deltas };
}

/**
 * Write the slots one relation reaches from `slot` into `out` (in shell order); returns how many.
 * Off-box targets on a free axis are skipped; periodic axes wrap (minimum image, since the box
 * holds at least grid.minPeriodicCells cells along them). Cells away from the faces take the fast path.
 */
export function neighbourSlots(box: CellBox, relation: BoxRelation, slot: number, out: Int32Array): number {
  const nB = box.basisCount;
  const [nx, ny, nz] = box.cells;
  const b = slot % nB;
  const deltas = relation.deltas[b];
  if (deltas === null || deltas === undefined) return 0;
  const cell = (slot / nB) | 0;
  const cx = cell % nx;
  const cxy = (cell / nx) | 0;
  const cy = cxy % ny;
  const cz = (cxy / ny) | 0;
  if (cx > 0 && cx < nx - 1 && cy > 0 && cy < ny - 1 && cz > 0 && cz < nz - 1) {
    for (let q = 0; q < deltas.length; q++) out[q] = slot + deltas[q]!;
    return deltas.length;
  }
  const quads = relation.quads[b]!;
  const [px, py, pz] = box.periodic;
  let n = 0;
  for (let q = 0; q < quads.length; q += 4) {
    let x = cx + quads[q]!;
    let y = cy + quads[q + 1]!;
    let z = cz + quads[q + 2]!;
    if (x < 0 || x >= nx) {
      if (!px) continue;
      x = (x + nx) % nx;
    }
    if (y < 0 || y >= ny) {
      if (!py) continue;
      y = (y + ny) % ny;
    }
    if (z < 0 || z >= nz) {
      if (!pz) continue;
      z = (z + nz) % nz;
    }
    out[n++] = ((z * ny + y) * nx + x) * nB + quads[q + 3]!;
  }
  return n;
}

/**
 * CSR table of a relation over kept sites: rows are `fromSlots` in order; a neighbour is listed when
 * its slot has an index (>= 0) in `targetIndexOfSlot`. Row order follows the shell order.
 */
export function buildCsr(
  box: CellBox,
  relation: BoxRelation,
  fromSlots: Int32Array,
  targetIndexOfSlot: Int32Array,
  maxDegree: number,
): Csr {
  const start = new Int32Array(fromSlots.length + 1);
  const index = new Int32Array(fromSlots.length * maxDegree);
  const scratch = new Int32Array(maxDegree);
  let n = 0;
  for (let i = 0; i < fromSlots.length; i++) {
    const count = neighbourSlots(box, relation, fromSlots[i]!, scratch);
    for (let k = 0; k < count; k++) {
      const t = targetIndexOfSlot[scratch[k]!]!;
      if (t >= 0) index[n++] = t;
    }
    start[i + 1] = n;
  }
  return { start, index: index.slice(0, n) };
}

/** The reverse table: row j lists every i whose row in `csr` contains j, ascending. */
export function transposeCsr(csr: Csr, targetCount: number): Csr {
  const rows = csr.start.length - 1;
  const start = new Int32Array(targetCount + 1);
  for (let k = 0; k < csr.index.length; k++) start[csr.index[k]! + 1]!++;
  for (let j = 0; j < targetCount; j++) start[j + 1]! += start[j]!;
  const fill = start.slice(0, targetCount);
  const index = new Int32Array(csr.index.length);
  for (let i = 0; i < rows; i++)
    for (let k = csr.start[i]!; k < csr.start[i + 1]!; k++) index[fill[csr.index[k]!]!++] = i;
  return { start, index };
}

/** Largest row length of a CSR table. */
export function maxRowLength(csr: Csr): number {
  let max = 0;
  for (let i = 0; i + 1 < csr.start.length; i++) max = Math.max(max, csr.start[i + 1]! - csr.start[i]!);
  return max;
}
