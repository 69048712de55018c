// Composition profile of one frame: cation-site fractions per shell of distance from the centre
// (sphere), the axis (rod) or the mid-plane (platelet), as in profiles.csv (no three, no DOM).
import { CationSpecies } from '../src/model/species.js';

export interface ShellProfile {
  /** Shell edges, nm (shellCount + 1, from 0). */
  readonly edgesNm: Float64Array;
  /** Fraction of the shell's cation sites holding Hg / Cd / Ag / nothing. */
  readonly hg: Float64Array;
  readonly cd: Float64Array;
  readonly ag: Float64Array;
  readonly vacancy: Float64Array;
  /** Cation sites per shell. */
  readonly sites: Int32Array;
}

/** Shell index of every cation for `shellCount` equal-width shells up to the largest distance. */
export function assignShells(distanceNm: ArrayLike<number>, shellCount: number): { shellOf: Uint16Array; edgesNm: Float64Array } {
  let maxNm = 0;
  for (let i = 0; i < distanceNm.length; i++) maxNm = Math.max(maxNm, distanceNm[i]!);
  const widthNm = maxNm > 0 ? maxNm / shellCount : 1;
  const edgesNm = new Float64Array(shellCount + 1);
  for (let s = 0; s <= shellCount; s++) edgesNm[s] = s * widthNm;
  const shellOf = new Uint16Array(distanceNm.length);
  for (let i = 0; i < distanceNm.length; i++) shellOf[i] = Math.min(shellCount - 1, Math.floor(distanceNm[i]! / widthNm));
  return { shellOf, edgesNm };
}

/** About one shell per cation layer (half a lattice constant), between 3 and 24 shells. */
export function defaultShellCount(maxDistanceNm: number, latticeANm: number): number {
  return Math.max(3, Math.min(24, Math.round(maxDistanceNm / (0.5 * latticeANm))));
}

export function createProfile(edgesNm: Float64Array): ShellProfile {
  const n = edgesNm.length - 1;
  return {
    edgesNm,
    hg: new Float64Array(n), cd: new Float64Array(n), ag: new Float64Array(n), vacancy: new Float64Array(n),
    sites: new Int32Array(n),
  };
}

/** Fill `out` from one frame's cation species (no allocation). */
export function shellProfile(shellOf: Uint16Array, cationSpecies: Uint8Array, out: ShellProfile): ShellProfile {
  out.hg.fill(0); out.cd.fill(0); out.ag.fill(0); out.vacancy.fill(0); out.sites.fill(0);
  for (let i = 0; i < shellOf.length; i++) {
    const s = shellOf[i]!;
    out.sites[s]!++;
    const sp = cationSpecies[i];
    if (sp === CationSpecies.Hg) out.hg[s]!++;
    else if (sp === CationSpecies.Cd) out.cd[s]!++;
    else if (sp === CationSpecies.Ag) out.ag[s]!++;
    else out.vacancy[s]!++;
  }
  for (let s = 0; s < out.sites.length; s++) {
    const n = out.sites[s]!;
    const k = n > 0 ? 1 / n : NaN; // an empty shell has no composition
    out.hg[s]! *= k; out.cd[s]! *= k; out.ag[s]! *= k; out.vacancy[s]! *= k;
  }
  return out;
}
