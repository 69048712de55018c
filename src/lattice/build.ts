// buildCrystal: spec -> Crystal (positions in nm, CSR neighbour tables), pure and deterministic.
// Pipeline: carve the shape on a box of cells, prune < 2 bonds, cation-rich refill, interstitials, tables.
import { createRng } from '../rng.js';
import { fillCationRichSurface, pruneUnderbonded, selectInterstitials } from './carve.js';
import { CrystalSpecError } from './errors.js';
import { interstitialKindOf, SiteKind, unitCellGrid, type RelationName, type UnitCellGrid } from './grid.js';
import { latticeConstantsNm, lookupMaterial, type Material } from './materials.js';
import {
  buildCsr,
  compileRelation,
  deriveShellOffsets,
  transposeCsr,
  type BoxRelation,
  type CellBox,
  type ShellOffsets,
} from './neighbors.js';
import { planShape } from './shapes.js';
import { validateCrystalSpec, type CrystalSpec } from './spec.js';
import type { Crystal } from './types.js';

/** Empty margin, nm, between the outermost site and the box face on a free axis (extended XYZ cell). */
export const FREE_AXIS_PAD_NM = 0.5;

const RELATIONS: readonly RelationName[] = [
  'cationCation',
  'cationAnion',
  'anionCation',
  'interstitialInterstitial',
  'interstitialCation',
  'interstitialAnion',
];

// Offsets depend only on the structure and a, c: derive once per combination (a pure memo).
const offsetCache = new Map<string, Record<RelationName, ShellOffsets>>();

/** Every relation's offsets for a structure and its lattice constants. */
export function shellOffsets(grid: UnitCellGrid): Record<RelationName, ShellOffsets> {
  const key = `${grid.structure}:${grid.aNm}:${grid.cNm}`;
  let offsets = offsetCache.get(key);
  if (offsets === undefined) {
    offsets = Object.fromEntries(RELATIONS.map((r) => [r, deriveShellOffsets(grid, r)])) as Record<RelationName, ShellOffsets>;
    offsetCache.set(key, offsets);
  }
  return offsets;
}

/** Global grid steps of every slot's site (cell index in the infinite lattice * cell + basis), 3 per slot. */
function slotGridSteps(box: CellBox, grid: UnitCellGrid): Int32Array {
  const out = new Int32Array(3 * box.slotCount);
  const [nx, ny, nz] = box.cells;
  const [sx, sy, sz] = grid.cellSteps;
  let k = 0;
  for (let cz = 0; cz < nz; cz++)
    for (let cy = 0; cy < ny; cy++)
      for (let cx = 0; cx < nx; cx++)
        for (const site of grid.basis) {
          out[k++] = (box.originCell[0] + cx) * sx + site.grid[0];
          out[k++] = (box.originCell[1] + cy) * sy + site.grid[1];
          out[k++] = (box.originCell[2] + cz) * sz + site.grid[2];
        }
  return out;
}

/** Anion element per anion: one element, or a mixture at its exact fraction placed at random (fixed seed). */
function assignAnionElements(material: Material, anionCount: number): Uint8Array {
  const ids = new Uint8Array(anionCount);
  if (material.anions.length === 1) return ids;
  const first = Math.round(material.anions[0]!.fraction * anionCount);
  ids.fill(1, first);
  const rng = createRng(`anions:${material.name}:${anionCount}`);
  for (let i = anionCount - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = t;
  }
  return ids;
}

/**
 * Build a crystal from a spec (validated here: throws CrystalSpecError naming the bad field).
 * Same spec, identical arrays: sites are listed in box-slot order (z, then y, then x, then basis).
 */
export function buildCrystal(spec: CrystalSpec): Crystal {
  const s = validateCrystalSpec(spec);
  const material = lookupMaterial(s.material);
  const { aNm, cNm } = latticeConstantsNm(material, s.structure);
  const grid = unitCellGrid(s.structure, aNm, cNm);
  const plan = planShape(s, grid);
  const { box } = plan;
  const offsets = shellOffsets(grid);
  const relations = Object.fromEntries(RELATIONS.map((r) => [r, compileRelation(box, offsets[r])])) as Record<RelationName, BoxRelation>;
  const nB = box.basisCount;
  const kindOfBasis = Uint8Array.from(grid.basis.map((site) => site.kind));
  const step = grid.stepNm;
  const centre = plan.centreSteps;
  const steps = slotGridSteps(box, grid);

  // 1. Carve: atoms inside the shape.
  const present = new Uint8Array(box.slotCount);
  for (let slot = 0; slot < box.slotCount; slot++) {
    if (kindOfBasis[slot % nB]! > SiteKind.Anion) continue;
    const dx = (steps[3 * slot]! - centre[0]) * step[0];
    const dy = (steps[3 * slot + 1]! - centre[1]) * step[1];
    const dz = (steps[3 * slot + 2]! - centre[2]) * step[2];
    present[slot] = plan.contains(dx, dy, dz) ? 1 : 0;
  }
  // 2-4. Surface rules (carve.ts).
  pruneUnderbonded(box, kindOfBasis, relations, present);
  if (s.cationRich) fillCationRichSurface(box, kindOfBasis, relations.cationAnion, present);
  const surfaceOfSlot = new Uint8Array(box.slotCount);
  selectInterstitials(box, kindOfBasis, relations, present, surfaceOfSlot);

  // 5. Number the kept sites per category, in slot order.
  // Category per basis site: 0 cation, 1 anion, 2 interstitial.
  const categoryOfBasis = kindOfBasis.map((kind) => Math.min(kind, 2));
  const counts = [0, 0, 0];
  const indexOfSlot = new Int32Array(box.slotCount).fill(-1);
  for (let slot = 0; slot < box.slotCount; slot++) {
    if (present[slot] === 1) indexOfSlot[slot] = counts[categoryOfBasis[slot % nB]!]!++;
  }
  const [cationCount, anionCount, interstitialCount] = counts as [number, number, number];
  if (cationCount === 0) {
    // Only a tiny sphere or rod can end up empty (platelets keep whole planes).
    throw new CrystalSpecError('diameterNm is too small: no cation keeps 2 bonds; use a larger diameter', 'diameterNm');
  }
  const slotsOf = [new Int32Array(cationCount), new Int32Array(anionCount), new Int32Array(interstitialCount)];
  for (let slot = 0; slot < box.slotCount; slot++) {
    if (present[slot] === 1) slotsOf[categoryOfBasis[slot % nB]!]![indexOfSlot[slot]!] = slot;
  }
  const [cationSlots, anionSlots, interstitialSlots] = slotsOf as [Int32Array, Int32Array, Int32Array];

  // 6. Positions: periodic axes keep [0, period); free axes shift so the lowest site sits FREE_AXIS_PAD_NM in.
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let slot = 0; slot < box.slotCount; slot++) {
    if (present[slot] === 0) continue;
    for (let d = 0; d < 3; d++) {
      lo[d] = Math.min(lo[d]!, steps[3 * slot + d]!);
      hi[d] = Math.max(hi[d]!, steps[3 * slot + d]!);
    }
  }
  const periodNm = [0, 1, 2].map((d) => (box.periodic[d] ? box.cells[d]! * grid.cellSteps[d]! * step[d]! : 0));
  const shiftNm = [0, 1, 2].map((d) => (box.periodic[d] ? 0 : FREE_AXIS_PAD_NM - lo[d]! * step[d]!));
  const boxNm = [0, 1, 2].map((d) => (box.periodic[d] ? periodNm[d]! : (hi[d]! - lo[d]!) * step[d]! + 2 * FREE_AXIS_PAD_NM));
  const positionsOf = (slots: Int32Array): Float64Array => {
    const out = new Float64Array(3 * slots.length);
    for (let i = 0; i < slots.length; i++) {
      for (let d = 0; d < 3; d++) out[3 * i + d] = steps[3 * slots[i]! + d]! * step[d]! + shiftNm[d]!;
    }
    return out;
  };

  // 7. Neighbour tables (shells from grid.ts; off-crystal sites drop out).
  const degree = (r: RelationName): number => Math.max(...grid.shells[r].map((shell) => shell.count));
  const csr = (r: RelationName, from: Int32Array) => buildCsr(box, relations[r], from, indexOfSlot, degree(r));
  const interstitialCation = csr('interstitialCation', interstitialSlots);
  const cationAnion = csr('cationAnion', cationSlots);

  const bulkAnionsPerCation = degree('cationAnion');
  const surfaceCation = new Uint8Array(cationCount);
  for (let i = 0; i < cationCount; i++) {
    surfaceCation[i] = cationAnion.start[i + 1]! - cationAnion.start[i]! < bulkAnionsPerCation ? 1 : 0;
  }
  const interstitialKind = new Uint8Array(interstitialCount);
  const surfaceInterstitial = new Uint8Array(interstitialCount);
  for (let i = 0; i < interstitialCount; i++) {
    const slot = interstitialSlots[i]!;
    interstitialKind[i] = interstitialKindOf(kindOfBasis[slot % nB]!);
    surfaceInterstitial[i] = surfaceOfSlot[slot]!;
  }
  const cationDistanceNm = new Float64Array(cationCount);
  for (let i = 0; i < cationCount; i++) {
    const slot = cationSlots[i]!;
    const dx = (steps[3 * slot]! - centre[0]) * step[0];
    const dy = (steps[3 * slot + 1]! - centre[1]) * step[1];
    const dz = (steps[3 * slot + 2]! - centre[2]) * step[2];
    cationDistanceNm[i] = plan.distanceNm(dx, dy, dz);
  }

  const crystal: Crystal = {
    structure: s.structure,
    shape: s.shape,
    material: material.name,
    latticeANm: aNm,
    latticeCNm: cNm,
    centreNm: [centre[0] * step[0] + shiftNm[0]!, centre[1] * step[1] + shiftNm[1]!, centre[2] * step[2] + shiftNm[2]!],
    periodicNm: [periodNm[0]!, periodNm[1]!, periodNm[2]!],
    cationCount,
    anionCount,
    interstitialCount,
    cationPositionNm: positionsOf(cationSlots),
    anionPositionNm: positionsOf(anionSlots),
    interstitialPositionNm: positionsOf(interstitialSlots),
    interstitialKind,
    cationCation: csr('cationCation', cationSlots),
    cationAnion,
    anionCation: csr('anionCation', anionSlots),
    interstitialInterstitial: csr('interstitialInterstitial', interstitialSlots),
    interstitialCation,
    cationInterstitial: transposeCsr(interstitialCation, cationCount),
    surfaceCation,
    surfaceInterstitial,
    cationDistanceNm,
    boxNm: [boxNm[0]!, boxNm[1]!, boxNm[2]!],
    cationElement: material.cation,
    anionElements: material.anions.map((a) => a.element),
    anionElementId: assignAnionElements(material, anionCount),
  };
  return crystal;
}
