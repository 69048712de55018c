// CdS: stronger, shorter Cd-S bonds; slower Ag diffusion, so Ag does not enhance exchange (E51, E53).
import { CdSe } from './cdse.js';
import { deriveParams } from './derive.js';

export const CdS = deriveParams(
  CdSe,
  {
    material: 'CdS',
    anion: 'S',
    notes: 'CdSe set with barriers raised for the stronger Cd-S bond and a much slower Ag_i (E51: "slower Ag diffusion"); no CdS-specific calibration was done.',
  },
  {
    hopCdEv: { value: CdSe.hopCdEv.value + 0.1, unit: 'eV', source: '[ASSUMPTION] CdSe value + 0.1 eV: stronger bond (Cd self-diffusion in CdS 1.85-2.67 eV incl. formation, Shaw 1984)' },
    hopHgEv: { value: CdSe.hopHgEv.value + 0.1, unit: 'eV', source: '[ASSUMPTION] as hopCdEv' },
    agInterstitialHopEv: { value: CdSe.agInterstitialHopEv.value + 0.5, unit: 'eV', source: '[ASSUMPTION] small lattice (a = 5.82 A): Ag_i too slow to accompany vacancies (paper: slower Ag diffusion in CdS)' },
    vacancyAgBindingEv: { value: CdSe.vacancyAgBindingEv.value / 2, unit: 'eV', source: '[ASSUMPTION] half the CdSe value: weaker complex in CdS (no Ag enhancement, E53)' },
    surfaceExchangeThiolEv: { value: CdSe.surfaceExchangeThiolEv.value + 0.05, unit: 'eV', source: '[ASSUMPTION] CdSe value + 0.05 eV (stronger bond)' },
  },
);
