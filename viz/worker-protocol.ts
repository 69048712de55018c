// Messages between the viewer (main thread) and the decode worker; matrices travel as transferables.
import type { TrajectoryHeader } from '../src/io/trajectory.js';
import type { BuiltFrame, Cut } from './frame-builder.js';
import type { LayerName } from './palette.js';

export type ToWorker =
  | { type: 'load'; bytes: ArrayBuffer }
  | { type: 'frame'; frame: number; cut: Cut; withAnions: boolean }
  | { type: 'recycle'; layer: LayerName; buffer: Float32Array };

export interface LoadedTrajectory {
  header: TrajectoryHeader;
  frameCount: number;
  timeS: Float64Array;
  /** Hg fraction of all cation sites per frame. */
  hgFraction: Float64Array;
  capacity: Record<LayerName, number>;
  lowNm: [number, number, number];
  highNm: [number, number, number];
  byteLength: number;
}

export type FromWorker =
  | { type: 'loaded'; trajectory: LoadedTrajectory }
  | { type: 'frame'; built: BuiltFrame }
  | { type: 'error'; message: string };
