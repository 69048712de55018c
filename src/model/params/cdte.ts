// CdTe: weaker Cd-Te bonds than Cd-Se (exchange rate Te > Se > S, E51): host and Ag barriers lower.
import { CdSe } from './cdse.js';
import { deriveParams } from './derive.js';

export const CdTe = deriveParams(
  CdSe,
  {
    material: 'CdTe',
    anion: 'Te',
    notes: 'CdSe set with barriers lowered for the weaker, longer Cd-Te bond (E51, E52); no CdTe-specific calibration was done.',
  },
  {
    hopCdEv: {
      value: 0.9,
      unit: 'eV',
      source:
        '[ASSUMPTION] below CdSe (0.98): weaker bond (Cd self-diffusion low-T branch in CdTe 1.08 eV incl. formation, Jones 1993). Written as CdSe - 0.15 eV until the session-7 CdSe recalibration; kept at the 0.90 eV that was validated (cdte-rt-complete) rather than following CdSe down to 0.83, which would only make the 24 h room-temperature replica ~15x dearer',
    },
    hopHgEv: { value: 0.9, unit: 'eV', source: '[ASSUMPTION] as hopCdEv' },
    agInterstitialHopEv: { value: CdSe.agInterstitialHopEv.value - 0.1, unit: 'eV', source: '[ASSUMPTION] larger lattice (a = 6.48 A); Cu_i/Ag_i are fast in CdTe (Jones 1992: 0.57 eV incl. formation)' },
    surfaceExchangeThiolEv: { value: CdSe.surfaceExchangeThiolEv.value - 0.1, unit: 'eV', source: '[ASSUMPTION] CdSe value - 0.1 eV (weaker bond)' },
  },
);
