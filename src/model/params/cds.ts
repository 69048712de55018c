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
    trapBarrierEv: {
      value: CdSe.trapBarrierEv.value + 0.5,
      unit: 'eV',
      source:
        "[ASSUMPTION, session 10] raised with agInterstitialHopEv: an Ag_i falling into a vacancy and out again to another of its interstitial neighbours is an Ag move too, and at 0.5 eV (CdSe's value, inherited until session 10) it let CdS complexes carry their Ag_i along by trapping and detrapping ~1e5 times per host hop, which no acceleration lambda converged (cds-iece-80c x(1 h) 0.396 / 0.431 / 0.479 at trap lambda 1 / 30 / 300). CdSe's rule, between the Ag_i hop and a host hop, gives ~1.0 eV here",
    },
    vacancyAgBindingEv: {
      value: 0.05,
      unit: 'eV',
      source:
        '[CALIBRATED to E53, sessions 8 and 10] a sixth of the CdSe value. Session 10, after trapBarrierEv was raised (the trap/detrap shuttle had carried the Ag_i along): IE-CE x(1 h) against CE 0.390 (8 replicas, lambda default, cds-iece-80c): 0 eV 0.424, 0.05 eV 0.431, 0.10 eV 0.451, 0.15 eV 0.506, 0.30 eV (CdSe) 0.490; stronger binding keeps more vacancies in the crystal, and they carry Hg in even with their slow Ag_i. Session 8: a third of the CdSe value: in CdS the (Ag_i)2V_Cd complex does not survive (the small lattice). Half the CdSe value (0.15, an assumption in sessions 2-7) gave no enhancement only while the passivated surface was still exchanging its first monolayer at 1 h; with the burst (the monolayer in place within a second) the complexes made during the burst carried Hg inward before their Ag_i were trapped: IE-CE - CE at 1 h 0.070 +- 0.011 (8 replicas), 0.13 eV gave 0.027, 0.12 eV 0.000, 0.10 eV -0.012 +- 0.004. So E53 is fitted for CdS, not predicted',
    },
    surfaceExchangeThiolEv: { value: CdSe.surfaceExchangeThiolEv.value + 0.05, unit: 'eV', source: '[ASSUMPTION] CdSe value + 0.05 eV (stronger bond)' },
  },
);
