// Counts that describe a built crystal (for the CLI, notes and run summaries); plain numbers.
// cationToAnion is the site ratio (5:4 for an N = 4 platelet); surface = missing >= 1 framework neighbour.
import type { Crystal } from './types.js';

export interface CrystalCounts {
  readonly cations: number;
  readonly anions: number;
  readonly interstitialSites: number;
  readonly surfaceInterstitialSites: number;
  readonly surfaceCations: number;
  readonly cationToAnion: number;
}

function countOnes(flags: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i]!;
  return n;
}

export function crystalCounts(crystal: Crystal): CrystalCounts {
  return {
    cations: crystal.cationCount,
    anions: crystal.anionCount,
    interstitialSites: crystal.interstitialCount,
    surfaceInterstitialSites: countOnes(crystal.surfaceInterstitial),
    surfaceCations: countOnes(crystal.surfaceCation),
    cationToAnion: crystal.cationCount / crystal.anionCount,
  };
}
