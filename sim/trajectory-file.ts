// Trajectory files on disk: a TrajectorySink that writes the encoded file atomically when the run ends,
// and a reader that turns format problems into one-line UsageErrors naming the file.
import { readFileSync } from 'node:fs';
import {
  decodeTrajectory,
  TrajectoryEncoder,
  TrajectoryFormatError,
  type Crystal,
  type Trajectory,
  type TrajectoryEncoderOptions,
} from '../src/index.js';
import type { TrajectorySink } from '../src/model/contract.js';
import { UsageError } from './errors.js';
import { writeFileAtomic } from './files.js';

/**
 * Collects frames in memory (the format is compact: bytes per frame ~ changes since the last frame)
 * and writes PATH in one atomic rename on finish(), so an interrupted run leaves no partial file.
 */
export class TrajectoryFileSink implements TrajectorySink {
  private readonly encoder: TrajectoryEncoder;

  constructor(readonly path: string, options: TrajectoryEncoderOptions = {}) {
    this.encoder = new TrajectoryEncoder(options);
  }

  begin(crystal: Crystal, cationSpecies: Uint8Array, interstitialSpecies: Uint8Array, timeS: number): void {
    this.encoder.begin(crystal, cationSpecies, interstitialSpecies, timeS);
  }

  frame(timeS: number, cationSpecies: Uint8Array, interstitialSpecies: Uint8Array): void {
    this.encoder.frame(timeS, cationSpecies, interstitialSpecies);
  }

  /** Write the file; returns its size and frame count. */
  finish(): { bytes: number; frames: number; keyframes: number } {
    const bytes = this.encoder.finish();
    writeFileAtomic(this.path, bytes);
    return { bytes: bytes.length, frames: this.encoder.frameCount, keyframes: this.encoder.keyframeCount };
  }
}

/** Read and index a trajectory file (frames are decoded on demand with FrameCursor). */
export function readTrajectoryFile(path: string): Trajectory {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: trajectory file not found`);
    if (code === 'EISDIR') throw new UsageError(`${path}: expected a trajectory file (.cxtraj), found a directory`);
    throw new UsageError(`${path}: cannot read trajectory (${code ?? String(err)})`);
  }
  try {
    return decodeTrajectory(bytes);
  } catch (err) {
    if (err instanceof TrajectoryFormatError) throw new UsageError(`${path}: ${err.message}`);
    throw err;
  }
}
