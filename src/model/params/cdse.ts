// CdSe (zinc blende or wurtzite): the reference parameter set. Every value says where it comes from.
// Provenance tags follow ../shared/PHYSICS-NOTES.md: [LIT], [PAPER], [ASSUMPTION], [CALIBRATED to E..].
import type { MaterialParams } from './types.js';

const eV = 'eV';

export const CdSe: MaterialParams = {
  material: 'CdSe',
  anion: 'Se',
  notes:
    'No CdSe-specific migration barriers exist in the literature we could open (PHYSICS-NOTES 7.3); barriers are ' +
    'analogue-based assumptions, and three numbers are estimated from outcomes (a systematic calibration against the E-list is still open): the hop barrier (to D ~ 1e-22 m^2/s of IE-CE at 80 C, E12), ' +
    'the passivated surface-exchange barrier (to the CE/IE-CE x(t) at 80 C, E3/E4/E6) and the intrinsic vacancy ' +
    'formation energy (to CE stalling at 80 C but alloying at 250 C, E7/E16).',
  attemptHz: { value: 5e12, unit: 'Hz', source: '[ASSUMPTION] optical-phonon order (PHYSICS-NOTES 2.6), one value for every hop' },

  hopCdEv: {
    value: 1.05,
    unit: eV,
    source:
      '[ESTIMATE from E12, calibration open] D = f c_v 12 nu exp(-E/kT) a^2/6 = 1e-22 m^2/s at 80 C with c_v ~ 0.037 (one V per 2 Ag at 0.075 Ag/Cd) gives 1.03 eV (PHYSICS-NOTES 2.7); 0.95 eV tried so complexes move in the simulated time; range 0.9-1.2 (ZnO V_Zn analogue 1.0 eV)',
  },
  hopHgEv: { value: 1.05, unit: eV, source: '[ASSUMPTION] equal to Cd: the Hg/Cd asymmetry is carried by the environment term (Tardot 1993)' },
  hopAgEv: { value: 0.8, unit: eV, source: '[ASSUMPTION] Ag_Cd is monovalent and more mobile than Cd_Cd (Ag fast diffuser in II-VI, PHYSICS-NOTES 2.2)' },
  cdEnvironmentEv: {
    value: 0.55,
    unit: eV,
    source: '[LIT] Tardot et al. APL 62, 2548 (1993): HgTe/CdTe interdiffusion D ~ exp(-0.55 eV x_Cd / kT), transferred to selenides (PHYSICS-NOTES 2.4)',
  },
  agAssistEv: {
    value: 0.05,
    unit: eV,
    source:
      '[ASSUMPTION] small extra lowering per bound Ag_i; the main Ag effect is that a hop bound to the 2Ag_i+V_Cd complex does not feel the Cd environment term (it is screened linearly: none with 2 Ag_i), after Petralanda et al. JPCL 9, 4895 (2018): an interstitial weakens nearby bonds',
  },
  surfaceHopReductionEv: { value: 0.1, unit: eV, source: '[ASSUMPTION] lower coordination at the surface (Chan et al. PRL 102, 025901 (2009): barriers lower in NCs)' },

  agInterstitialHopEv: { value: 0.4, unit: eV, source: '[ASSUMPTION] default of PHYSICS-NOTES 2.7, range 0.2-0.6 (Cu_i 0.22-0.34 eV in CuInSe2, Zn_i 0.3-0.5 eV in ZnO)' },
  tetraCationSiteEv: { value: 0.1, unit: eV, source: '[ASSUMPTION] PHYSICS-NOTES 1.2: T_Se lower by 0.1 eV (Ma & Wei PRL 110, 235901: d-s coupling changes the site)' },
  vacancyAgBindingEv: {
    value: 0.3,
    unit: eV,
    source: '[ASSUMPTION, trial] Ag_i(+1)-V_Cd(-2) binding, below the 0.2-0.5 range of PHYSICS-NOTES 2.7: with 0.3 eV the complex could not move (the hop pays the unbinding) - calibration open, see issue note',
  },
  agSubstitutionEv: {
    value: -0.2,
    unit: eV,
    source: '[ASSUMPTION, trial] Ag_i + V_Cd -> Ag_Cd slightly favourable but weaker than the two-Ag_i complex (-2 x 0.15 eV) so that the complex survives at low dose (paper mechanism); -0.45 eV trapped every vacancy',
  },
  agClusterEv: { value: 0.1, unit: eV, source: '[ASSUMPTION] Ag_Cd-Ag_Cd attraction (Ag2Se-like clusters at high dose, E18)' },
  trapBarrierEv: { value: 0.5, unit: eV, source: '[ASSUMPTION] Ag_i into an adjacent vacancy: between the Ag_i hop and a host hop' },

  surfaceExchangeBareEv: { value: 0.65, unit: eV, source: '[ASSUMPTION] seconds-scale burst on bare sites at 80 C and at room temperature (E1, E15)' },
  surfaceExchangeThiolEv: {
    value: 1.03,
    unit: eV,
    source: '[ESTIMATE from E12/E4, calibration open] passivated sites exchange at about the interdiffusion rate ("surface exchange ~ interdiffusion", Suppl. Note 1; alpha/d111 ~ 2e-4 1/s, PHYSICS-NOTES 4.4)',
  },
  exchangeDriveEv: { value: 0.3, unit: eV, source: '[ASSUMPTION] HgSe far less soluble than CdSe: exchange runs to completion with 1.5 Hg/Cd' },
  thiolCoverageMax: { value: 1.0, unit: '1', source: '[ASSUMPTION] thiol footprint leaves part of the surface bare (the burst of E1 happens even with thiol)' },
  agUptakeEv: { value: 0.6, unit: eV, source: '[ASSUMPTION] Ag+ enters fast (Ag-CdSe exchange is fast at room temperature, Sahu et al. Nano Lett. 12, 2587)' },
  agUptakeEnergyEv: { value: 0.3, unit: eV, source: '[ASSUMPTION] uphill before the two Ag_i bind the new vacancy (net -0.3 eV with binding)' },
  vacancyFormationEv: {
    value: 0.35,
    unit: eV,
    source: '[ESTIMATE from E7/E16, calibration open] intrinsic (Ag-free) surface vacancies: rare at 80 C so CE stalls, plentiful at 250 C so CE alloys',
  },
  vacancySurfaceBarrierEv: { value: 1.0, unit: eV, source: '[ASSUMPTION] slower than the bare surface exchange; 0.7 eV made surface vacancy creation/refill chatter dominate the event count' },
  thiolAgBinding: { value: 10, unit: '1/eq', source: '[ASSUMPTION] AgSR formation; thiol reduces Ag reactivity (E27)' },
  thiolHgBinding: { value: 1e4, unit: '1/eq^2', source: '[ASSUMPTION] Hg(SR)2 strongly bound: a large thiol excess stops exchange (E24), 0.4-1.0 thiol/Hg does not (paper text)' },
};
