// CdS: stronger, shorter Cd-S bonds; slower Ag diffusion, so Ag does not enhance exchange (E51, E53).
import { CdSe } from './cdse.js';
import { deriveParams } from './derive.js';

export const CdS = deriveParams(
  CdSe,
  {
    material: 'CdS',
    anion: 'S',
    notes: 'CdSe set with barriers raised for the stronger Cd-S bond and a much slower Ag_i (E51: "slower Ag diffusion"); one CdS-specific calibration: vacancyAgBindingEv on E53 (session 8).',
  },
  {
    hopCdEv: { value: CdSe.hopCdEv.value + 0.1, unit: 'eV', source: '[ASSUMPTION] CdSe value + 0.1 eV: stronger bond (Cd self-diffusion in CdS 1.85-2.67 eV incl. formation, Shaw 1984)' },
    hopHgEv: { value: CdSe.hopHgEv.value + 0.1, unit: 'eV', source: '[ASSUMPTION] as hopCdEv' },
    agInterstitialHopEv: { value: CdSe.agInterstitialHopEv.value + 0.5, unit: 'eV', source: '[ASSUMPTION] small lattice (a = 5.82 A): Ag_i too slow to accompany vacancies (paper: slower Ag diffusion in CdS)' },
    vacancyAgBindingEv: {
      value: 0.1,
      unit: 'eV',
      source:
        '[CALIBRATED to E53, session 8] a third of the CdSe value: in CdS the (Ag_i)2V_Cd complex does not survive (the small lattice). Half the CdSe value (0.15, an assumption in sessions 2-7) gave no enhancement only while the passivated surface was still exchanging its first monolayer at 1 h; with the burst (the monolayer in place within a second) the complexes made during the burst carried Hg inward before their Ag_i were trapped: IE-CE - CE at 1 h 0.070 +- 0.011 (8 replicas), 0.13 eV gave 0.027, 0.12 eV 0.000, 0.10 eV -0.012 +- 0.004. So E53 is fitted for CdS, not predicted',
    },
    surfaceExchangeThiolEv: { value: CdSe.surfaceExchangeThiolEv.value + 0.05, unit: 'eV', source: '[ASSUMPTION] CdSe value + 0.05 eV (stronger bond)' },
  },
);
