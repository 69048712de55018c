// The near-surface region whose Hg content sets the Ag solubility (agSolubilityDepthLayers): each cation site gets a
// weight from its depth in cation layers below the surface, so the energy (sigma / 2) N_Ag H_w / W reads the Hg
// fraction H_w / W of the outer layers instead of the whole NC.
import type { Crystal } from '../lattice/types.js';
import { paramDomainError } from './params/types.js';

/** Depth of every cation site in cation-neighbour steps from the nearest surface cation (0 on the surface). */
export function surfaceDepthLayers(crystal: Crystal): Int32Array {
  const n = crystal.cationCount;
  const cc = crystal.cationCation;
  const depth = new Int32Array(n).fill(-1);
  let front: number[] = [];
  for (let i = 0; i < n; i++) {
    if (crystal.surfaceCation[i]) {
      depth[i] = 0;
      front.push(i);
    }
  }
  for (let d = 1; front.length > 0; d++) {
    const next: number[] = [];
    for (const i of front) {
      for (let e = cc.start[i]!; e < cc.start[i + 1]!; e++) {
        const j = cc.index[e]!;
        if (depth[j]! < 0) {
          depth[j] = d;
          next.push(j);
        }
      }
    }
    front = next;
  }
  // A site no surface reaches (no surface at all) counts as the deepest layer.
  for (let i = 0; i < n; i++) if (depth[i]! < 0) depth[i] = n;
  return depth;
}

/**
 * Weight of each cation site in the solubility region: clamp(D - depth, 0, 1), so D = 1 is the surface layer only and
 * D = 1.5 adds half of the next layer; D = 0 means the whole NC (every weight 1: the session-9 mean field). Weights are
 * multiples of 1/64 so that the Hg sum kept incrementally is exact in floating point (the check mode compares it).
 */
export function solubilityWeights(crystal: Crystal, depthLayers: number): Float64Array {
  const domainError = paramDomainError('agSolubilityDepthLayers', depthLayers);
  if (domainError !== undefined) throw new RangeError(domainError);
  const n = crystal.cationCount;
  const w = new Float64Array(n);
  if (depthLayers === 0) return w.fill(1);
  const depth = surfaceDepthLayers(crystal);
  for (let i = 0; i < n; i++) w[i] = Math.round(64 * Math.min(1, Math.max(0, depthLayers - depth[i]!))) / 64;
  return w;
}
