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

/** The site and every site within two hops of it (graph distance on the neighbour table), without repeats. */
export function sitesWithinTwoHops(neighbors: Csr, site: number): number[] {
  const found = new Set<number>([site]);
  for (let e = neighbors.start[site]!; e < neighbors.start[site + 1]!; e++) {
    const m = neighbors.index[e]!;
    found.add(m);
    for (let f = neighbors.start[m]!; f < neighbors.start[m + 1]!; f++) found.add(neighbors.index[f]!);
  }
  return [...found];
}

/**
 * Two-hop neighbourhoods as a cell pattern: entry [basis * 27 + d] is a bitmask of the basis sites of the neighbouring
 * cell d = (dx+1)*9 + (dy+1)*3 + (dz+1) (dx, dy, dz in -1..1, in cell indices) that lie within two hops of (any cell,
 * basis), the site itself included. With a per-cell bitmask of vacant sites, finding every vacancy near a site costs
 * 27 byte reads (instead of a 54-entry-per-site table that does not fit in cache at L = 16).
 */
export function buildTwoHopCellPattern(lattice: PeriodicLattice): Uint8Array {
  const { basisCount, cells } = lattice;
  if (basisCount > 8) throw new RangeError(`at most 8 sites per cell fit a byte mask, got ${basisCount}`);
  const pattern = new Uint8Array(basisCount * 27);
  // Cell offsets along one axis from cell index 0 (in the site numbering, not geometry); at cells = 2, +1 and -1 are
  // the same cell and both entries are set (a superset is harmless).
  const offsets = (index: number): number[] => {
    if (index === 0) return [0];
    if (cells === 2) return [-1, 1];
    if (index === 1) return [1];
    if (index === cells - 1) return [-1];
    throw new Error('internal: two hops span more than one cell');
  };
  for (let b = 0; b < basisCount; b++) {
    for (const other of sitesWithinTwoHops(lattice.neighbors, b)) {
      const cell = Math.floor(other / basisCount);
      for (const dx of offsets(Math.floor(cell / (cells * cells))))
        for (const dy of offsets(Math.floor(cell / cells) % cells))
          for (const dz of offsets(cell % cells)) pattern[b * 27 + (dx + 1) * 9 + (dy + 1) * 3 + dz + 1]! |= 1 << other % basisCount;
    }
  }
  return pattern;
}
