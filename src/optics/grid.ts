// Radial (or depth) quadrature grid for the EMA integrals: nodes in nm and trapezoid weights in nm.
// Segments end on every layer boundary, so the kinks of the wavefunction at interfaces cost no accuracy.

export interface RadialGrid {
  readonly nodeCount: number;
  /** Node positions, nm, increasing from 0. */
  readonly rNm: Float64Array;
  /** Trapezoid weights, nm: sum(weight * f) approximates the integral of f over [0, last node]. */
  readonly weightNm: Float64Array;
}

/** One grid segment from the previous end (or 0) to endNm, split into `intervals` equal steps. */
export interface GridSegment {
  readonly endNm: number;
  readonly intervals: number;
}

/** Build a grid over consecutive segments starting at r = 0; zero-length segments are skipped. */
export function buildRadialGrid(segments: readonly GridSegment[]): RadialGrid {
  let nodeCount = 1;
  let startNm = 0;
  for (const s of segments) {
    if (!(s.endNm >= startNm) || !Number.isInteger(s.intervals) || s.intervals < 1) {
      throw new RangeError(`grid segment ending at ${s.endNm} nm: ends must increase and intervals be a positive integer`);
    }
    if (s.endNm > startNm) nodeCount += s.intervals;
    startNm = s.endNm;
  }
  const rNm = new Float64Array(nodeCount);
  const weightNm = new Float64Array(nodeCount);
  let node = 0;
  startNm = 0;
  for (const s of segments) {
    if (s.endNm === startNm) continue;
    const hNm = (s.endNm - startNm) / s.intervals;
    for (let j = 1; j <= s.intervals; j++) {
      node++;
      rNm[node] = j === s.intervals ? s.endNm : startNm + j * hNm; // ends exactly on the boundary
      weightNm[node - 1] += 0.5 * hNm;
      weightNm[node] += 0.5 * hNm;
    }
    startNm = s.endNm;
  }
  return { nodeCount, rNm, weightNm };
}

/** Index of the grid node at rNm (which must be a segment end), by binary search. */
export function nodeAt(grid: RadialGrid, rNm: number): number {
  let lo = 0;
  let hi = grid.nodeCount - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (grid.rNm[mid]! < rNm) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
