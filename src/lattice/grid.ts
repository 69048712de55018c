// Crystal structures as integer grids: an orthogonal conventional cell, a basis of typed sites on
// integer grid points, and the neighbour shells (kind -> kinds, count) each relation takes.

import type { StructureName } from './types.js';

/** Site kinds on the grid. Interstitial kinds are InterstitialKind + 2 (see interstitialKindOf). */
export const SiteKind = {
  Cation: 0,
  Anion: 1,
  /** Zinc blende T_Cd: tetrahedral site with 4 cations at sqrt(3)a/4. */
  TetraCation: 2,
  /** Zinc blende T_Se: tetrahedral site with 4 anions at sqrt(3)a/4 (6 cations at a/2). */
  TetraAnion: 3,
  /** Wurtzite c-channel cage (O) site: 3 cations + 3 anions at 2.81 A, 3 + 3 more at 3.31 A (CdSe). */
  Cage: 4,
} as const;
export type SiteKindId = (typeof SiteKind)[keyof typeof SiteKind];

export function isInterstitialSiteKind(kind: number): boolean {
  return kind >= SiteKind.TetraCation;
}

/** The InterstitialKind (types.ts) of an interstitial site kind. */
export function interstitialKindOf(kind: number): number {
  return kind - SiteKind.TetraCation;
}

export interface BasisSite {
  readonly kind: SiteKindId;
  /** Integer grid coordinates inside the cell: 0 <= grid[d] < cellSteps[d]. */
  readonly grid: readonly [number, number, number];
}

/** One neighbour shell: from sites of kind `from`, the `count` nearest sites of the kinds `to`. */
export interface ShellSpec {
  readonly from: SiteKindId;
  readonly to: readonly SiteKindId[];
  readonly count: number;
}

export type RelationName =
  | 'cationCation'
  | 'cationAnion'
  | 'anionCation'
  | 'interstitialInterstitial'
  | 'interstitialCation'
  | 'interstitialAnion';

export interface UnitCellGrid {
  readonly structure: StructureName;
  readonly aNm: number;
  readonly cNm: number;
  /** Grid spacing per axis, nm. */
  readonly stepNm: readonly [number, number, number];
  /** The orthogonal conventional cell, in grid steps per axis. */
  readonly cellSteps: readonly [number, number, number];
  readonly basis: readonly BasisSite[];
  readonly shells: Readonly<Record<RelationName, readonly ShellSpec[]>>;
  /** Minimum number of cells along a periodic axis for a unique minimum image of every shell. */
  readonly minPeriodicCells: readonly [number, number, number];
}

const { Cation, Anion, TetraCation, TetraAnion, Cage } = SiteKind;

/**
 * Zinc blende on a grid of a/4 (PHYSICS-NOTES 1.2): cations fcc at (0,0,0), anions at (1,1,1)a/4,
 * T_Cd at (3,3,3)a/4, T_Se at (2,2,2)a/4; each plus the fcc translations (0,2,2), (2,0,2), (2,2,0).
 */
export function zincBlendeGrid(aNm: number): UnitCellGrid {
  const fcc: [number, number, number][] = [
    [0, 0, 0],
    [0, 2, 2],
    [2, 0, 2],
    [2, 2, 0],
  ];
  const sublattice = (kind: SiteKindId, o: number): BasisSite[] =>
    fcc.map(([i, j, k]) => ({ kind, grid: [(i + o) % 4, (j + o) % 4, (k + o) % 4] as const }));
  const stepNm = aNm / 4;
  return {
    structure: 'zincblende',
    aNm,
    cNm: aNm,
    stepNm: [stepNm, stepNm, stepNm],
    cellSteps: [4, 4, 4],
    basis: [...sublattice(Cation, 0), ...sublattice(Anion, 1), ...sublattice(TetraCation, 3), ...sublattice(TetraAnion, 2)],
    shells: {
      cationCation: [{ from: Cation, to: [Cation], count: 12 }], // a/sqrt(2)
      cationAnion: [{ from: Cation, to: [Anion], count: 4 }], // sqrt(3)a/4
      anionCation: [{ from: Anion, to: [Cation], count: 4 }],
      interstitialInterstitial: [
        { from: TetraCation, to: [TetraAnion], count: 4 }, // sqrt(3)a/4, through a hexagonal H site
        { from: TetraAnion, to: [TetraCation], count: 4 },
      ],
      interstitialCation: [
        { from: TetraCation, to: [Cation], count: 4 }, // sqrt(3)a/4
        { from: TetraAnion, to: [Cation], count: 6 }, // a/2
      ],
      interstitialAnion: [
        { from: TetraCation, to: [Anion], count: 6 }, // a/2
        { from: TetraAnion, to: [Anion], count: 4 }, // sqrt(3)a/4
      ],
    },
    // Largest offset component is 2 grid steps = half a cell: 2 cells keep +2 and -2 distinct.
    minPeriodicCells: [2, 2, 2],
  };
}

/**
 * Wurtzite (P6_3mc, ideal u = 3/8; PHYSICS-NOTES 1.3) on the orthohexagonal cell a x sqrt(3)a x c,
 * grid steps a/6, sqrt(3)a/6, c/16. Hexagonal a1 = (6,0), a2 = (-3,3) in steps (gamma = 120 deg);
 * columns A (0,0) empty channel, B (1/3,2/3) -> (0,2), C (2/3,1/3) -> (3,1); each also + (3,3).
 * Cations B at z = 0 and C at z = c/2; anions the same columns + 3c/8; cages on A at 3c/16, 11c/16.
 */
export function wurtziteGrid(aNm: number, cNm: number): UnitCellGrid {
  const at = (kind: SiteKindId, columns: [number, number][], k: number): BasisSite[] =>
    columns.map(([i, j]) => ({ kind, grid: [i, j, k] as const }));
  const colB: [number, number][] = [
    [0, 2],
    [3, 5],
  ];
  const colC: [number, number][] = [
    [3, 1],
    [0, 4],
  ];
  const colA: [number, number][] = [
    [0, 0],
    [3, 3],
  ];
  return {
    structure: 'wurtzite',
    aNm,
    cNm,
    stepNm: [aNm / 6, (Math.sqrt(3) * aNm) / 6, cNm / 16],
    cellSteps: [6, 6, 16],
    basis: [
      ...at(Cation, colB, 0),
      ...at(Cation, colC, 8),
      ...at(Anion, colB, 6),
      ...at(Anion, colC, 14),
      ...at(Cage, colA, 3),
      ...at(Cage, colA, 11),
    ],
    shells: {
      cationCation: [{ from: Cation, to: [Cation], count: 12 }], // 6 at a, 6 at sqrt(a^2/3 + c^2/4)
      cationAnion: [{ from: Cation, to: [Anion], count: 4 }],
      anionCation: [{ from: Anion, to: [Cation], count: 4 }],
      interstitialInterstitial: [{ from: Cage, to: [Cage], count: 8 }], // 2 along c at c/2, 6 in-plane at a
      interstitialCation: [{ from: Cage, to: [Cation], count: 6 }], // 3 at 2.81 A + 3 at 3.31 A (CdSe)
      interstitialAnion: [{ from: Cage, to: [Anion], count: 6 }],
    },
    // In-plane offsets reach 6 steps along x (a full cell) and 3 along y: 3 cells along x, 2 along y.
    minPeriodicCells: [3, 2, 2],
  };
}

export function unitCellGrid(structure: StructureName, aNm: number, cNm: number): UnitCellGrid {
  return structure === 'zincblende' ? zincBlendeGrid(aNm) : wurtziteGrid(aNm, cNm);
}
