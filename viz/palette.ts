// Species colours and atom radii for the viewer (no three import). Radii are fractions of the
// cation-anion bond length d (zinc blende d = sqrt(3) a / 4, wurtzite d = 3 c / 8 for ideal u = 3/8).
import type { TrajectoryHeader } from '../src/io/trajectory.js';

/** Drawable layers: one InstancedMesh each. */
export const LAYERS = ['Cd', 'Hg', 'Ag', 'AgInterstitial', 'Vacancy', 'Anion'] as const;
export type LayerName = (typeof LAYERS)[number];

export interface LayerStyle {
  readonly label: string;
  /** sRGB hex colour. */
  readonly color: number;
  /** Radius as a fraction of the cation-anion bond length. */
  readonly radiusPerBond: number;
  readonly visibleByDefault: boolean;
}

// Warm Cd against cool Hg so a core/shell reads at a glance; Ag_i a loud pink because it is rare.
export const LAYER_STYLE: Readonly<Record<LayerName, LayerStyle>> = {
  Cd: { label: 'Cd', color: 0xf2b134, radiusPerBond: 0.46, visibleByDefault: true },
  Hg: { label: 'Hg', color: 0x3f8efc, radiusPerBond: 0.46, visibleByDefault: true },
  Ag: { label: 'Ag (cation site)', color: 0xe6e6e6, radiusPerBond: 0.46, visibleByDefault: true },
  AgInterstitial: { label: 'Ag interstitial', color: 0xff3d8b, radiusPerBond: 0.36, visibleByDefault: true },
  Vacancy: { label: 'vacancy', color: 0x59606e, radiusPerBond: 0.18, visibleByDefault: true },
  Anion: { label: 'Se', color: 0x6f9e5f, radiusPerBond: 0.40, visibleByDefault: false },
};

/** Anion colours by element (mixed-anion hosts show both). */
export const ANION_COLOR: Readonly<Record<string, number>> = { Se: 0x6f9e5f, S: 0xd9c23a, Te: 0xb0703a };

export const BACKGROUND_COLOR = 0x14171c;

/** Cation-anion bond length, nm, for the header's structure and lattice constants. */
export function bondLengthNm(header: Pick<TrajectoryHeader, 'structure' | 'latticeANm' | 'latticeCNm'>): number {
  return header.structure === 'wurtzite' ? (3 * header.latticeCNm) / 8 : (Math.sqrt(3) * header.latticeANm) / 4;
}

/** "#f2b134" for CSS. */
export function cssColor(hex: number): string {
  return `#${hex.toString(16).padStart(6, '0')}`;
}

/** Linear-free sRGB components in [0, 1] (for per-instance colour arrays). */
export function rgb01(hex: number): [number, number, number] {
  return [((hex >> 16) & 255) / 255, ((hex >> 8) & 255) / 255, (hex & 255) / 255];
}
