// The crystal as plain data: site positions (nm) and neighbour tables (CSR typed arrays) built once.
// Every table the KMC hot loop needs is here; nothing downstream searches geometry.

export type StructureName = 'zincblende' | 'wurtzite';
export type ShapeName = 'sphere' | 'platelet' | 'rod' | 'bulk';

/** Interstitial site kinds. */
export const InterstitialKind = {
  /** Zinc blende tetrahedral site surrounded by 4 cations (T_Cd, at (3/4,3/4,3/4)a). */
  TetraCation: 0,
  /** Zinc blende tetrahedral site surrounded by 4 anions (T_Se, at (1/2,1/2,1/2)a). */
  TetraAnion: 1,
  /** Wurtzite open-channel cage site (the "octahedral" O site on the c-axis channel). */
  Cage: 2,
} as const;
export type InterstitialKindId = (typeof InterstitialKind)[keyof typeof InterstitialKind];

/** Compressed sparse rows: the neighbours of item i are index[start[i]] .. index[start[i+1]-1]. */
export interface Csr {
  readonly start: Int32Array;
  readonly index: Int32Array;
}

export interface Crystal {
  readonly structure: StructureName;
  readonly shape: ShapeName;
  readonly material: string;
  /** Lattice constants, nm (c equals a for zinc blende). */
  readonly latticeANm: number;
  readonly latticeCNm: number;
  /** Centre of the shape, nm (profiles measure distances from it, or from the mid-plane / axis). */
  readonly centreNm: readonly [number, number, number];
  /** Periodic box length per axis, nm; 0 where the axis is not periodic. */
  readonly periodicNm: readonly [number, number, number];

  readonly cationCount: number;
  readonly anionCount: number;
  readonly interstitialCount: number;
  /** Positions, nm, xyz interleaved (3 * count). */
  readonly cationPositionNm: Float64Array;
  readonly anionPositionNm: Float64Array;
  readonly interstitialPositionNm: Float64Array;
  /** InterstitialKind of each interstitial site. */
  readonly interstitialKind: Uint8Array;

  /** Cation -> its nearest cation neighbours (12 in the bulk, fcc or hcp sublattice). */
  readonly cationCation: Csr;
  /** Cation -> its bonded anions (4 in the bulk). */
  readonly cationAnion: Csr;
  /** Anion -> its bonded cations (4 in the bulk). */
  readonly anionCation: Csr;
  /** Interstitial -> the interstitial sites one hop away. */
  readonly interstitialInterstitial: Csr;
  /** Interstitial -> the cation sites around it (its first cation shell). */
  readonly interstitialCation: Csr;
  /** Cation -> the interstitial sites around it (the reverse of interstitialCation). */
  readonly cationInterstitial: Csr;

  /** 1 where a cation misses at least one anion neighbour (the surface the solution meets). */
  readonly surfaceCation: Uint8Array;
  /** 1 where an interstitial site lies at the surface (fewer framework neighbours than in the bulk). */
  readonly surfaceInterstitial: Uint8Array;
  /** Each cation's distance, nm, from the centre (sphere), the axis (rod) or the mid-plane (platelet). */
  readonly cationDistanceNm: Float64Array;

  /**
   * Box holding every site, nm, with its corner at the origin: the period on periodic axes, the
   * bounding box plus a margin on free axes. All positions lie in [0, boxNm) on each axis.
   */
  readonly boxNm: readonly [number, number, number];
  /** Element on the cation sites as built (before any exchange), e.g. "Cd". */
  readonly cationElement: string;
  /** Anion elements (one for a binary host, two for a mixed anion), indexed by anionElementId. */
  readonly anionElements: readonly string[];
  /** Per anion, its index into anionElements (a mixture: exact fraction, random placement, fixed seed). */
  readonly anionElementId: Uint8Array;
}
