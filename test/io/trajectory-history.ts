// Test fixture: a seeded random occupancy history on a real crystal (Cd -> Hg/Ag/vacancy swaps and
// Ag_i appearing), fed through the TrajectorySink API. Not physics: only a stream of snapshots.
import { createRng } from '../../src/rng.js';
import type { Crystal } from '../../src/lattice/types.js';
import { CationSpecies, InterstitialSpecies } from '../../src/model/species.js';
import type { TrajectorySink } from '../../src/model/contract.js';

export interface Snapshot {
  timeS: number;
  cationSpecies: Uint8Array;
  interstitialSpecies: Uint8Array;
}

/**
 * `frames` snapshots at log-spaced times from 0 to durationS; frame f changes `changesPerFrame(f)`
 * random sites (a site may be drawn twice, so some frames change fewer).
 */
export function randomHistory(
  crystal: Crystal,
  seed: string,
  frames: number,
  changesPerFrame: (frame: number) => number,
  durationS = 3600,
): Snapshot[] {
  const rng = createRng(seed);
  const cation = new Uint8Array(crystal.cationCount).fill(CationSpecies.Cd);
  const interstitial = new Uint8Array(crystal.interstitialCount).fill(InterstitialSpecies.Empty);
  const out: Snapshot[] = [];
  for (let f = 0; f < frames; f++) {
    if (f > 0) {
      const k = changesPerFrame(f);
      for (let c = 0; c < k; c++) {
        const u = rng.next();
        if (u < 0.85 || crystal.interstitialCount === 0) {
          const i = Math.floor(rng.next() * crystal.cationCount);
          const r = rng.next();
          cation[i] = r < 0.7 ? CationSpecies.Hg : r < 0.8 ? CationSpecies.Cd : r < 0.9 ? CationSpecies.Ag : CationSpecies.Vacancy;
        } else {
          const j = Math.floor(rng.next() * crystal.interstitialCount);
          interstitial[j] = interstitial[j] === InterstitialSpecies.Ag ? InterstitialSpecies.Empty : InterstitialSpecies.Ag;
        }
      }
    }
    const timeS = f === 0 ? 0 : durationS * Math.pow(10, -4 * (1 - f / (frames - 1)));
    out.push({ timeS, cationSpecies: cation.slice(), interstitialSpecies: interstitial.slice() });
  }
  return out;
}

/** Hand a history to a sink, as the simulation would. */
export function replay(history: readonly Snapshot[], crystal: Crystal, sink: TrajectorySink): void {
  history.forEach((s, f) => {
    if (f === 0) sink.begin(crystal, s.cationSpecies, s.interstitialSpecies, s.timeS);
    else sink.frame(s.timeS, s.cationSpecies, s.interstitialSpecies);
  });
}
