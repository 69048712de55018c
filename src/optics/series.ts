// The EMA readout along a run: one result per sample time of a profiles.csv-style table.
// Times s, radii nm, energies eV; rows as the contract's ProfileRow (src/model/contract.ts).
import type { OpticsOptions, OpticsResult } from './exciton.js';
import { opticsOfProfile, type OpticsParticle } from './profile.js';

/** One profile row: the Hg fraction of one shell at one sample time. */
export interface ProfileSample {
  readonly timeS: number;
  readonly shell: number;
  readonly radiusNm: number;
  readonly hgFraction: number;
}

export interface OpticsPoint {
  readonly timeS: number;
  readonly optics: OpticsResult;
}

/**
 * Optics at every sample time, in time order. Rows of one time are gathered by equal timeS (in any order)
 * and sorted by shell index; every time must carry the same set of shells.
 */
export function opticsSeries(size: OpticsParticle, rows: readonly ProfileSample[], options: OpticsOptions = {}): OpticsPoint[] {
  const byTime = new Map<number, ProfileSample[]>();
  for (const row of rows) {
    const group = byTime.get(row.timeS);
    if (group) group.push(row);
    else byTime.set(row.timeS, [row]);
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  let shellCount = -1;
  return times.map((timeS) => {
    const group = byTime.get(timeS)!.sort((a, b) => a.shell - b.shell);
    if (shellCount < 0) shellCount = group.length;
    if (group.length !== shellCount) {
      throw new RangeError(`profile at t = ${timeS} s has ${group.length} shells, earlier times ${shellCount}`);
    }
    for (let i = 1; i < group.length; i++) {
      if (group[i]!.shell === group[i - 1]!.shell) throw new RangeError(`profile at t = ${timeS} s lists shell ${group[i]!.shell} twice`);
    }
    const radiusNm = Float64Array.from(group, (r) => r.radiusNm);
    const hgFraction = Float64Array.from(group, (r) => r.hgFraction);
    return { timeS, optics: opticsOfProfile(size, { radiusNm, hgFraction }, options) };
  });
}
