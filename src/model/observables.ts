// Pure reads of a crystal for the reported observables: the core/shell halves and the profile shells
// (MODEL.md section 5). Distances in nm from the centre (sphere), axis (rod) or mid-plane (platelet).
import type { Crystal } from '../lattice/types.js';

/** 1 for cations in the outer half (by distance; ties broken by index so each half holds half the sites). */
export function coreShellHalves(crystal: Crystal): Uint8Array {
  const n = crystal.cationCount;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => crystal.cationDistanceNm[a]! - crystal.cationDistanceNm[b]! || a - b);
  const outer = new Uint8Array(n);
  for (let k = Math.floor(n / 2); k < n; k++) outer[order[k]!] = 1;
  return outer;
}

export interface ProfileShells {
  count: number;
  shellOf: Int32Array;
  size: Int32Array;
  /** Mean distance of the shell's sites, nm. */
  radiusNm: Float64Array;
}

/**
 * Shells for profiles: where the distances take few distinct values (platelet planes) each value is a shell;
 * otherwise `shells` shells of (nearly) equal site count, inside-out.
 */
export function profileShells(crystal: Crystal, shells: number): ProfileShells {
  const n = crystal.cationCount;
  const d = crystal.cationDistanceNm;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d[a]! - d[b]! || a - b);
  const distinct: number[] = [];
  for (const i of order) {
    const x = Math.round(d[i]! * 1e3) / 1e3;
    if (distinct.length === 0 || x > distinct[distinct.length - 1]! + 1e-9) distinct.push(x);
  }
  const shellOf = new Int32Array(n);
  let count: number;
  if (distinct.length <= shells) {
    count = distinct.length;
    for (let i = 0; i < n; i++) {
      const x = Math.round(d[i]! * 1e3) / 1e3;
      shellOf[i] = distinct.findIndex((v) => Math.abs(v - x) < 1e-9);
    }
  } else {
    count = Math.max(1, Math.min(shells, n));
    order.forEach((i, k) => (shellOf[i] = Math.min(count - 1, Math.floor((k * count) / n))));
  }
  const size = new Int32Array(count);
  const radiusNm = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    size[shellOf[i]!]! += 1;
    radiusNm[shellOf[i]!]! += d[i]!;
  }
  for (let s = 0; s < count; s++) radiusNm[s] = size[s]! ? radiusNm[s]! / size[s]! : 0;
  return { count, shellOf, size, radiusNm };
}
