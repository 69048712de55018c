// Turns one trajectory frame into per-layer instance matrices (three.js column-major 4x4, translation
// only), honouring the cut plane; runs in the decode worker, so it imports no three and no DOM. Units nm.
import { FrameCursor, type OccupancyCounts, type Trajectory } from '../src/io/trajectory.js';
import { CationSpecies, InterstitialSpecies } from '../src/model/species.js';
import { ANION_COLOR, LAYER_STYLE, LAYERS, rgb01, type LayerName } from './palette.js';
import { assignShells, createProfile, defaultShellCount, shellProfile, type ShellProfile } from './profile.js';

/** The cut: remove the part of the crystal beyond a plane normal to `axis`. */
export interface Cut {
  readonly axis: 0 | 1 | 2;
  /** Fraction of the extent along the axis removed from the + side: 0 whole, 0.5 half, 1 nothing left. */
  readonly fraction: number;
}

export type ViewerCounts = OccupancyCounts & { Se: number };

export interface BuiltFrame {
  readonly frame: number;
  readonly timeS: number;
  readonly counts: ViewerCounts;
  readonly cut: Cut;
  /** Instances per layer after the cut; matrices hold 16 floats per instance. */
  readonly instances: Record<LayerName, number>;
  readonly matrices: Partial<Record<LayerName, Float32Array>>;
  /** Per-instance sRGB colours of the anion layer (3 per instance), sent with the anion matrices. */
  readonly anionColors?: Float32Array;
  readonly profile: ShellProfile;
}

/** Layer of each cation species id (CationSpecies: Vacancy 0, Cd 1, Hg 2, Ag 3). */
export const LAYER_OF_CATION: readonly LayerName[] = ['Vacancy', 'Cd', 'Hg', 'Ag'];

/** Coordinate limit of the kept part: sites with position[axis] <= limit are drawn. */
export function cutLimitNm(lowNm: number, highNm: number, fraction: number): number {
  const f = Math.max(0, Math.min(1, fraction));
  if (f === 0) return Infinity;
  if (f === 1) return -Infinity;
  return highNm - f * (highNm - lowNm);
}

function writeTranslation(m: Float32Array, instance: number, x: number, y: number, z: number): void {
  const o = 16 * instance;
  m[o] = 1; m[o + 1] = 0; m[o + 2] = 0; m[o + 3] = 0;
  m[o + 4] = 0; m[o + 5] = 1; m[o + 6] = 0; m[o + 7] = 0;
  m[o + 8] = 0; m[o + 9] = 0; m[o + 10] = 1; m[o + 11] = 0;
  m[o + 12] = x; m[o + 13] = y; m[o + 14] = z; m[o + 15] = 1;
}

export class FrameBuilder {
  readonly cursor: FrameCursor;
  /** Extent of all sites per axis, nm. */
  readonly lowNm: [number, number, number] = [Infinity, Infinity, Infinity];
  readonly highNm: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  /** Instance capacity of each layer (its largest possible count). */
  readonly capacity: Record<LayerName, number>;
  private readonly shellOf: Uint16Array;
  private readonly profile: ShellProfile;
  /** Recycled matrix buffers, by layer (the main thread hands them back after copying). */
  private readonly pool = new Map<LayerName, Float32Array[]>();

  constructor(readonly trajectory: Trajectory) {
    this.cursor = new FrameCursor(trajectory);
    const h = trajectory.header;
    for (const p of [trajectory.cationPositionNm, trajectory.anionPositionNm, trajectory.interstitialPositionNm]) {
      for (let i = 0; i < p.length; i++) {
        const d = i % 3;
        if (p[i]! < this.lowNm[d]!) this.lowNm[d] = p[i]!;
        if (p[i]! > this.highNm[d]!) this.highNm[d] = p[i]!;
      }
    }
    this.capacity = {
      Cd: h.cationCount, Hg: h.cationCount, Ag: h.cationCount, Vacancy: h.cationCount,
      AgInterstitial: h.interstitialCount, Anion: h.anionCount,
    };
    let maxNm = 0;
    for (const d of trajectory.cationDistanceNm) maxNm = Math.max(maxNm, d);
    const shells = assignShells(trajectory.cationDistanceNm, defaultShellCount(maxNm, h.latticeANm));
    this.shellOf = shells.shellOf;
    this.profile = createProfile(shells.edgesNm);
  }

  /** Give matrix buffers back for reuse. */
  recycle(layer: LayerName, buffer: Float32Array): void {
    if (buffer.length !== 16 * this.capacity[layer]) return;
    const list = this.pool.get(layer) ?? [];
    if (list.length < 2) list.push(buffer);
    this.pool.set(layer, list);
  }

  private buffer(layer: LayerName): Float32Array {
    return this.pool.get(layer)?.pop() ?? new Float32Array(16 * this.capacity[layer]);
  }

  /** Decode `frame` and lay out the kept instances; anions (static) only when `withAnions`. */
  build(frame: number, cut: Cut, withAnions: boolean): BuiltFrame {
    const t = this.trajectory;
    const h = t.header;
    const cursor = this.cursor;
    const shown = cursor.seek(frame);
    const axis = cut.axis;
    const limit = cutLimitNm(this.lowNm[axis]!, this.highNm[axis]!, cut.fraction);
    const instances: Record<LayerName, number> = { Cd: 0, Hg: 0, Ag: 0, AgInterstitial: 0, Vacancy: 0, Anion: 0 };
    const matrices: Partial<Record<LayerName, Float32Array>> = {};
    for (const layer of LAYERS) if (layer !== 'Anion' || withAnions) matrices[layer] = this.buffer(layer);

    const cp = t.cationPositionNm;
    const species = cursor.cationSpecies;
    for (let i = 0; i < h.cationCount; i++) {
      if (cp[3 * i + axis]! > limit) continue;
      const layer = LAYER_OF_CATION[species[i]!]!;
      writeTranslation(matrices[layer]!, instances[layer]++, cp[3 * i]!, cp[3 * i + 1]!, cp[3 * i + 2]!);
    }
    const ip = t.interstitialPositionNm;
    const agI = matrices.AgInterstitial!;
    for (let j = 0; j < h.interstitialCount; j++) {
      if (cursor.interstitialSpecies[j] !== InterstitialSpecies.Ag || ip[3 * j + axis]! > limit) continue;
      writeTranslation(agI, instances.AgInterstitial++, ip[3 * j]!, ip[3 * j + 1]!, ip[3 * j + 2]!);
    }
    let anionColors: Float32Array | undefined;
    if (withAnions) {
      const ap = t.anionPositionNm;
      const m = matrices.Anion!;
      anionColors = new Float32Array(3 * h.anionCount);
      const colors = h.anionElements.map((e) => rgb01(ANION_COLOR[e] ?? LAYER_STYLE.Anion.color));
      for (let a = 0; a < h.anionCount; a++) {
        if (ap[3 * a + axis]! > limit) continue;
        const n = instances.Anion++;
        writeTranslation(m, n, ap[3 * a]!, ap[3 * a + 1]!, ap[3 * a + 2]!);
        anionColors.set(colors[t.anionElementId[a]!]!, 3 * n);
      }
    }
    return {
      frame: shown,
      timeS: t.timeS[shown]!,
      counts: { ...cursor.counts, Se: h.anionCount },
      cut,
      instances,
      matrices,
      ...(anionColors === undefined ? {} : { anionColors }),
      profile: shellProfile(this.shellOf, species, this.profile),
    };
  }
}
