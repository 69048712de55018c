// Species ids, fixed at the boundary: files use symbols, arrays use these small integers.
// Cation sites hold Vacancy/Cd/Hg/Ag (Ag_Cd); interstitial sites hold Empty/Ag (Ag_i); anions do not move.

export const CationSpecies = { Vacancy: 0, Cd: 1, Hg: 2, Ag: 3 } as const;
export type CationSpeciesId = (typeof CationSpecies)[keyof typeof CationSpecies];
export const CATION_SYMBOLS = ['X', 'Cd', 'Hg', 'Ag'] as const;

export const InterstitialSpecies = { Empty: 0, Ag: 1 } as const;
export type InterstitialSpeciesId = (typeof InterstitialSpecies)[keyof typeof InterstitialSpecies];
