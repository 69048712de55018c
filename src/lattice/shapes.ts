// Shapes as (box of cells, centre, inside test, profile distance): sphere, platelet, rod, bulk.
// Lengths in nm; the centre sits on a cation (sphere, rod), on the mid-plane (platelet) or mid-box (bulk).
import { CrystalSpecError } from './errors.js';
import type { UnitCellGrid } from './grid.js';
import { createCellBox, type CellBox } from './neighbors.js';
import type { NormalisedCrystalSpec } from './spec.js';

export interface ShapePlan {
  readonly box: CellBox;
  /** Shape centre in global grid steps (a cation site for spheres and rods). */
  readonly centreSteps: readonly [number, number, number];
  /** Is an atom at this offset from the centre (nm) inside the shape? */
  contains(dxNm: number, dyNm: number, dzNm: number): boolean;
  /** Profile coordinate, nm: distance from the centre (sphere, bulk), the axis (rod) or the mid-plane (platelet). */
  distanceNm(dxNm: number, dyNm: number, dzNm: number): number;
}

// Rounding guard for sites exactly on a boundary (sphere radius, platelet face): they are inside.
const EPS_NM = 1e-9;
// Empty cells around a finite shape: kept atoms are >= 2 cells from the box edge, so every neighbour
// of an atom, of a cation added to it (cationRich) and of an interstitial next to it is in the box.
const MARGIN_CELLS = 2;

/** Cells along one free axis and the origin cell, so that centre +- halfExtentNm plus margins fits. */
function freeAxis(grid: UnitCellGrid, axis: number, centreSteps: number, halfExtentNm: number): [number, number] {
  const cellNm = grid.cellSteps[axis]! * grid.stepNm[axis]!;
  const centreNm = centreSteps * grid.stepNm[axis]!;
  const lo = Math.floor((centreNm - halfExtentNm) / cellNm) - MARGIN_CELLS;
  const hi = Math.floor((centreNm + halfExtentNm) / cellNm) + MARGIN_CELLS;
  return [hi - lo + 1, lo];
}

/** A cation site of the basis, in grid steps (the centre of spheres and the axis of rods). */
function cationSteps(grid: UnitCellGrid): readonly [number, number, number] {
  return grid.basis.find((s) => s.kind === 0)!.grid;
}

export function planShape(spec: NormalisedCrystalSpec, grid: UnitCellGrid): ShapePlan {
  const cellNm = [0, 1, 2].map((d) => grid.cellSteps[d]! * grid.stepNm[d]!);
  switch (spec.shape) {
    case 'sphere': {
      const radiusNm = spec.diameterNm / 2;
      const centre = cationSteps(grid);
      const axes = [0, 1, 2].map((d) => freeAxis(grid, d, centre[d]!, radiusNm));
      const r2 = (radiusNm + EPS_NM) ** 2;
      return {
        box: createCellBox(grid, [axes[0]![0], axes[1]![0], axes[2]![0]], [false, false, false], [axes[0]![1], axes[1]![1], axes[2]![1]]),
        centreSteps: centre,
        contains: (dx, dy, dz) => dx * dx + dy * dy + dz * dz <= r2,
        distanceNm: (dx, dy, dz) => Math.sqrt(dx * dx + dy * dy + dz * dz),
      };
    }
    case 'rod': {
      const radiusNm = spec.diameterNm / 2;
      const halfLengthNm = spec.lengthNm / 2;
      const centre = cationSteps(grid);
      const x = freeAxis(grid, 0, centre[0], radiusNm);
      const y = freeAxis(grid, 1, centre[1], radiusNm);
      const z = freeAxis(grid, 2, centre[2], halfLengthNm);
      const r2 = (radiusNm + EPS_NM) ** 2;
      return {
        box: createCellBox(grid, [x[0], y[0], z[0]], [false, false, false], [x[1], y[1], z[1]]),
        centreSteps: centre,
        contains: (dx, dy, dz) => dx * dx + dy * dy <= r2 && Math.abs(dz) <= halfLengthNm + EPS_NM,
        distanceNm: (dx, dy) => Math.sqrt(dx * dx + dy * dy),
      };
    }
    case 'platelet': {
      // Cation planes at z = 0, 2, ..., 2N grid steps (a/4 each), anion planes between: N.5 ML.
      const planesN = spec.monolayers - 0.5;
      const topSteps = 2 * planesN;
      const halfThicknessNm = (topSteps / 2) * grid.stepNm[2];
      const z = freeAxis(grid, 2, topSteps / 2, halfThicknessNm);
      const [lx, ly] = spec.lateralNm;
      if (spec.periodic) {
        const nx = Math.round(lx / cellNm[0]!);
        const ny = Math.round(ly / cellNm[1]!);
        const minCells = grid.minPeriodicCells[0];
        if (nx < minCells || ny < minCells) {
          throw new CrystalSpecError(
            `lateralNm must be at least ${minCells} lattice constants (${(minCells * cellNm[0]!).toFixed(3)} nm) for a periodic platelet, got [${lx}, ${ly}]`,
            'lateralNm',
          );
        }
        return {
          box: createCellBox(grid, [nx, ny, z[0]], [true, true, false], [0, 0, z[1]]),
          centreSteps: [(nx * grid.cellSteps[0]) / 2, (ny * grid.cellSteps[1]) / 2, topSteps / 2],
          contains: (_dx, _dy, dz) => Math.abs(dz) <= halfThicknessNm + EPS_NM,
          distanceNm: (_dx, _dy, dz) => Math.abs(dz),
        };
      }
      const centre = cationSteps(grid);
      const x = freeAxis(grid, 0, centre[0], lx / 2);
      const y = freeAxis(grid, 1, centre[1], ly / 2);
      return {
        box: createCellBox(grid, [x[0], y[0], z[0]], [false, false, false], [x[1], y[1], z[1]]),
        centreSteps: [centre[0], centre[1], topSteps / 2],
        contains: (dx, dy, dz) =>
          Math.abs(dx) <= lx / 2 + EPS_NM && Math.abs(dy) <= ly / 2 + EPS_NM && Math.abs(dz) <= halfThicknessNm + EPS_NM,
        distanceNm: (_dx, _dy, dz) => Math.abs(dz),
      };
    }
    case 'bulk': {
      const n = spec.cells;
      return {
        box: createCellBox(grid, [n, n, n], [true, true, true], [0, 0, 0]),
        centreSteps: [(n * grid.cellSteps[0]) / 2, (n * grid.cellSteps[1]) / 2, (n * grid.cellSteps[2]) / 2],
        contains: () => true,
        distanceNm: (dx, dy, dz) => Math.sqrt(dx * dx + dy * dy + dz * dz),
      };
    }
  }
}
