// Small periodic lattices for engine validation and the speed workload, on integer coordinates with CSR
// neighbour tables: fcc (L^3 cubic cells, 12 neighbours at a/sqrt2) and the zinc-blende T-site network (PHYSICS-NOTES 1.2).
import { InterstitialKind } from '../../lattice/types.js';
import type { Csr } from '../../lattice/types.js';

/** A periodic lattice of L^3 cubic cells; coordinates are integers in units of `unitOfA` lattice constants. */
export interface PeriodicLattice {
  readonly cells: number;
  readonly siteCount: number;
  /** Length of one coordinate unit in lattice constants a (1/2 for fcc, 1/4 for the T network). */
  readonly unitOfA: number;
  /** Box edge in coordinate units (periodic in x, y and z). */
  readonly boxUnits: number;
  /** Sites per cubic cell; site = basisCount * cell + basis, cell = (cx * cells + cy) * cells + cz. */
  readonly basisCount: number;
  /** Integer site coordinates, xyz interleaved (3 * siteCount). */
  readonly coord: Int32Array;
  /** Sublattice of each site (0 for fcc; InterstitialKind for the T network). */
  readonly kind: Uint8Array;
  /** Every site has the same number of neighbours; neighbours.index[z*i + k] is neighbour k of site i. */
  readonly coordination: number;
  readonly neighbors: Csr;
  /** Integer jump vector to each neighbour, 3 per entry of neighbors.index. */
  readonly jump: Int32Array;
}

type Vec3 = readonly [number, number, number];

/** fcc basis in units of a/2, and the 12 nearest-neighbour vectors (a/2)(+-1, +-1, 0) and permutations. */
const FCC_BASIS: readonly Vec3[] = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];
export const FCC_JUMPS: readonly Vec3[] = [
  [1, 1, 0], [1, -1, 0], [-1, 1, 0], [-1, -1, 0],
  [1, 0, 1], [1, 0, -1], [-1, 0, 1], [-1, 0, -1],
  [0, 1, 1], [0, 1, -1], [0, -1, 1], [0, -1, -1],
];

/** Tetrahedral bond vectors of the diamond-type T network, units a/4, from a T_Se site to its 4 T_Cd neighbours. */
const TETRA_JUMPS: readonly Vec3[] = [[1, 1, 1], [1, -1, -1], [-1, 1, -1], [-1, -1, 1]];
const NEGATED_TETRA_JUMPS: readonly Vec3[] = TETRA_JUMPS.map(([x, y, z]) => [-x, -y, -z] as const);

interface BasisSite {
  offset: Vec3;
  kind: number;
  jumps: readonly Vec3[];
}

function buildPeriodic(cells: number, cellUnits: number, unitOfA: number, basis: readonly BasisSite[]): PeriodicLattice {
  if (!Number.isInteger(cells) || cells < 2) throw new RangeError(`cells must be an integer >= 2, got ${cells}`);
  const z = basis[0]!.jumps.length;
  const boxUnits = cells * cellUnits;
  const siteCount = cells * cells * cells * basis.length;
  const coord = new Int32Array(3 * siteCount);
  const kind = new Uint8Array(siteCount);
  // Dense coordinate -> site lookup, used only while building.
  const lookup = new Int32Array(boxUnits * boxUnits * boxUnits).fill(-1);
  const key = (x: number, y: number, w: number): number => {
    const wrap = (c: number): number => ((c % boxUnits) + boxUnits) % boxUnits;
    return (wrap(x) * boxUnits + wrap(y)) * boxUnits + wrap(w);
  };
  let site = 0;
  for (let cx = 0; cx < cells; cx++)
    for (let cy = 0; cy < cells; cy++)
      for (let cz = 0; cz < cells; cz++)
        for (const b of basis) {
          const x = cx * cellUnits + b.offset[0];
          const y = cy * cellUnits + b.offset[1];
          const w = cz * cellUnits + b.offset[2];
          coord[3 * site] = x;
          coord[3 * site + 1] = y;
          coord[3 * site + 2] = w;
          kind[site] = b.kind;
          lookup[key(x, y, w)] = site;
          site++;
        }
  const start = new Int32Array(siteCount + 1);
  const index = new Int32Array(z * siteCount);
  const jump = new Int32Array(3 * z * siteCount);
  site = 0;
  for (let cell = 0; cell < cells * cells * cells; cell++)
    for (const b of basis) {
      start[site + 1] = (site + 1) * z;
      for (let k = 0; k < z; k++) {
        const [dx, dy, dw] = b.jumps[k]!;
        const other = lookup[key(coord[3 * site]! + dx, coord[3 * site + 1]! + dy, coord[3 * site + 2]! + dw)]!;
        if (other < 0) throw new Error(`internal: neighbour ${k} of site ${site} is not a lattice site`);
        index[z * site + k] = other;
        jump.set([dx, dy, dw], 3 * (z * site + k));
      }
      site++;
    }
  return { cells, siteCount, unitOfA, boxUnits, basisCount: basis.length, coord, kind, coordination: z, neighbors: { start, index }, jump };
}

/** Periodic fcc lattice (e.g. the zinc-blende cation sublattice): 4 L^3 sites, coordinates in units of a/2. */
export function buildPeriodicFcc(cells: number): PeriodicLattice {
  return buildPeriodic(cells, 2, 1 / 2, FCC_BASIS.map((offset) => ({ offset, kind: 0, jumps: FCC_JUMPS })));
}

/**
 * Periodic zinc-blende tetrahedral interstitial network: T_Se at (1/2,1/2,1/2)a + fcc and T_Cd at (3/4,3/4,3/4)a + fcc,
 * 8 L^3 sites, coordinates in units of a/4; each site has 4 neighbours of the other kind at sqrt(3)a/4.
 */
export function buildPeriodicTetraNetwork(cells: number): PeriodicLattice {
  const basis: BasisSite[] = [];
  for (const [x, y, w] of FCC_BASIS) {
    basis.push({ offset: [2 + 2 * x, 2 + 2 * y, 2 + 2 * w], kind: InterstitialKind.TetraAnion, jumps: TETRA_JUMPS });
    basis.push({ offset: [3 + 2 * x, 3 + 2 * y, 3 + 2 * w], kind: InterstitialKind.TetraCation, jumps: NEGATED_TETRA_JUMPS });
  }
  return buildPeriodic(cells, 4, 1 / 4, basis);
}

/**
 * Neighbours as offsets: neighbour k of site i is i + offset[z * rowOfSite[i] + k]. The offsets of a site depend only on
 * its basis site and on whether its cell lies on the low face, inside or on the high face of the box along each axis
 * (periodic wrap), so there are 27 * basisCount rows: a table that stays in L1 instead of z entries per site, which
 * fall out of cache from a few thousand sites on.
 */
export interface NeighborOffsets {
  readonly rowOfSite: Uint8Array;
  readonly rowCount: number;
  readonly offset: Int32Array;
}

export function buildNeighborOffsets(lattice: PeriodicLattice): NeighborOffsets {
  const { cells, basisCount, coordination: z, siteCount } = lattice;
  const index = lattice.neighbors.index;
  const rowCount = 27 * basisCount;
  if (rowCount > 256) throw new RangeError(`at most 9 sites per cell fit a byte row id, got ${basisCount}`);
  const face = (c: number): number => (c === 0 ? 0 : c === cells - 1 ? 2 : 1);
  const rowOfSite = new Uint8Array(siteCount);
  const offset = new Int32Array(z * rowCount);
  const seen = new Uint8Array(rowCount);
  for (let site = 0; site < siteCount; site++) {
    const cell = Math.floor(site / basisCount);
    const row = ((face(Math.floor(cell / (cells * cells))) * 3 + face(Math.floor(cell / cells) % cells)) * 3 + face(cell % cells)) * basisCount + (site % basisCount);
    rowOfSite[site] = row;
    for (let k = 0; k < z; k++) {
      const d = index[z * site + k]! - site;
      if (!seen[row]) offset[z * row + k] = d;
      else if (offset[z * row + k] !== d) throw new Error(`internal: neighbour ${k} of site ${site} is not at the offset of its row`);
    }
    seen[row] = 1;
  }
  return { rowOfSite, rowCount, offset };
}
