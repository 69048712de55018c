// CdSe (zinc blende or wurtzite): the reference parameter set. Every value says where it comes from.
// Provenance tags follow ../shared/PHYSICS-NOTES.md: [LIT], [PAPER], [ASSUMPTION], [CALIBRATED to E..].
import type { MaterialParams } from './types.js';

const eV = 'eV';

export const CdSe: MaterialParams = {
  material: 'CdSe',
  anion: 'Se',
  notes:
    'No CdSe-specific migration barriers exist in the literature we could open (PHYSICS-NOTES 7.3); barriers are ' +
    'analogue-based assumptions. Two numbers are calibrated, both on zb-iece-80c (E4, E6, E12): the host hop barrier and the ' +
    'passivated surface-exchange barrier. The intrinsic vacancy formation energy is an estimate checked against CE stalling at ' +
    '80 C and alloying at 250 C (E7, E16). Every other scenario runs with these numbers unchanged.',
  attemptHz: { value: 5e12, unit: 'Hz', source: '[ASSUMPTION] optical-phonon order (PHYSICS-NOTES 2.6), one value for every hop' },

  hopCdEv: {
    value: 0.98,
    unit: eV,
    source:
      '[CALIBRATED to E4/E6/E12 with surfaceExchangeThiolEv and agUptakeEnergyEv, session 7] IE-CE at 80 C must stay a homogeneous alloy (E4, E29) while reaching x ~ 0.9 at 1 h: the interior must mix faster than the passivated surface exchanges (surface-limited, "surface exchange ~ interdiffusion", E12). 0.98 gives x(1 h) 0.90, coreShellIndex <= 0.1 from 5 min (3.3 nm, 4 replicas, lambda 3); the complex hops with 0.98 - 2 x agAssistEv = 0.88 eV. Tried: 1.05 (sessions 2-6: x(1 h) 0.91 but coreShellIndex up to 0.38 at 10 min: the surface turned over in ~100 s, the interior mixed in ~9 min), 1.00 (x(1 h) 0.84-0.89, coreShellIndex 0.12-0.13 at 10 min), 1.02 (0.24-0.28). PHYSICS-NOTES 2.7 gives 1.03 eV for a tracer D of 1e-22; the interior D here is ~10x that, the fitted D reflects the surface. ZnO V_Zn analogue 1.0 eV',
  },
  hopHgEv: { value: 0.98, unit: eV, source: '[ASSUMPTION] equal to Cd: the Hg/Cd asymmetry is carried by the environment term (Tardot 1993)' },
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
  cdEnvironmentSurfaceFactor: { value: 1, unit: '1', source: '[ASSUMPTION, session 11: the bulk value] an exploration switch for the CE channel after the burst (docs/model.md, session 11)' },
  surfaceHopReductionEv: { value: 0.1, unit: eV, source: '[ASSUMPTION] lower coordination at the surface (Chan et al. PRL 102, 025901 (2009): barriers lower in NCs)' },

  agInterstitialHopEv: { value: 0.4, unit: eV, source: '[ASSUMPTION] default of PHYSICS-NOTES 2.7, range 0.2-0.6 (Cu_i 0.22-0.34 eV in CuInSe2, Zn_i 0.3-0.5 eV in ZnO)' },
  tetraCationSiteEv: { value: 0.1, unit: eV, source: '[ASSUMPTION] PHYSICS-NOTES 1.2: T_Se lower by 0.1 eV (Ma & Wei PRL 110, 235901: d-s coupling changes the site)' },
  vacancyAgBindingEv: {
    value: 0.3,
    unit: eV,
    source: '[ASSUMPTION, range 0.2-0.5 of PHYSICS-NOTES 2.7] Ag_i(+1)-V_Cd(-2) binding per Ag_i, saturating at two Ag_i per vacancy (charge balance). Needed > vacancyFormationEv / 2 so the complex is stable against refilling at the surface; 0.15 let every complex dissolve into uncompensated Ag_i',
  },
  agSubstitutionEv: {
    value: -0.2,
    unit: eV,
    source: '[ASSUMPTION] Ag_i + V_Cd -> Ag_Cd: -0.2 eV, so trapping one Ag_i of a complex costs 2 x 0.3 - 0.2 = +0.4 eV and complexes survive at 0.075 Ag/Cd; -0.45 eV trapped every vacancy within minutes (the freed Ag_i gains ~0.13 eV of configurational entropy); Ag_Cd clusters (agClusterEv) make it favourable at high dose (E18)',
  },
  agClusterEv: { value: 0.1, unit: eV, source: '[ASSUMPTION] Ag_Cd-Ag_Cd attraction (Ag2Se-like clusters at high dose, E18)' },
  vacancyPairEv: {
    value: 0.5,
    unit: eV,
    source: '[ASSUMPTION] two V_Cd (-2 each) repel: 4 x 14.40 eV A / (9.3 x 4.28 A) = 1.45 eV unscreened at a/sqrt(2) (static eps of CdSe), 1.0 eV at a; lattice relaxation and the Ag_i between them screen most of it, so a fraction, the same for every pair that can share an Ag_i (neighbours, and second neighbours across a T_Se site). It must exceed vacancyAgBindingEv, or a vacancy gains by sharing an Ag_i with another: 0.3 (= the binding) still left 25 vacancies with 22 of 24 Ag_i shared after purification; 0.5 kept them apart (9 vacancies, none shared). Without it one Ag_i counts for every vacancy around it and vacancies gathered around the Ag_i (58 vacancies in 174 neighbour pairs in a purified HgSe-shell NC with Ag, session 6; with the neighbour term alone still 29 vacancies, 21 of 24 Ag_i shared across T_Se sites)',
  },
  trapBarrierEv: { value: 0.5, unit: eV, source: '[ASSUMPTION] Ag_i into an adjacent vacancy: between the Ag_i hop and a host hop' },

  surfaceExchangeBareEv: { value: 0.65, unit: eV, source: '[ASSUMPTION] seconds-scale burst on bare sites at 80 C and at room temperature (E1, E15)' },
  surfaceExchangeThiolEv: {
    value: 1.06,
    unit: eV,
    source: '[CALIBRATED to E4/E6/E12 with hopCdEv, session 7] the passivated surface exchanges slower than the interior mixes (surface-limited, homogeneous alloy) yet x(1 h) ~ 0.9: 1.06 gives x(1 h) 0.90 with hopCdEv 0.98; 1.08 gave 0.85 (coreShellIndex 0.10 at 10 min). Was 1.03 with hopCdEv 1.05 (x(1 h) 0.91, a transient core/shell); 1.10 gave x(4 h) 0.71 there',
  },
  exchangeDriveEv: { value: 0.3, unit: eV, source: '[ASSUMPTION] HgSe far less soluble than CdSe: exchange runs to completion with 1.5 Hg/Cd' },
  thiolCoverageMax: { value: 1.0, unit: '1', source: '[ASSUMPTION] one thiolate per surface cation: thiol binds the surface before it binds Hg and Ag in solution (MODEL.md 3; since session 8 at a finite rate, thiolAdsorptionHz) and a covered surface exchanges slowly. 0.6 left 40 % of sites bare, pinned the surface at x = 1 and made IE-CE a Fickian core/shell (coreShellIndex 0.4 at x = 0.77)' },
  thiolAdsorptionHz: {
    value: 1400,
    unit: 'Hz/eq',
    source:
      "[CALIBRATED to E1 (burst within seconds), session 8] t = 0 is the injection of Hg2+ (1.5 eq, 5x the surface sites), which binds thiolate far more strongly than Cd2+ and takes it off the surface; the surface is passivated again one site at a time at this rate per bare site per equivalent of unbound thiol, and exchanges at surfaceExchangeBareEv until then. 1400 Hz with thiolAdsorptionEv: ~0.1 s per site at 80 C and 1 eq, ~0.25 s at 25 C, while a bare site exchanges in ~0.2 ms at 80 C and ~10 ms at 25 C, so the burst is a full monolayer at both (E1's photo is at room temperature). Tried (zb-iece-80c, 4 replicas, 1 h): 140 Hz x(10 s) 0.56 but the interior takes up Hg while the surface stays bare for seconds (largest coreShellIndex after 10 min 0.115); 1400 Hz 0.34 and 0.089; 14000 Hz 0.295 and 0.070 (at 25 C only ~75 % of the surface would exchange first). Before session 8 the surface was passivated at t = 0 and took ~1 h to exchange one monolayer (x(10 s) 0.02, E1 failed)",
  },
  thiolAdsorptionEv: { value: 0.15, unit: eV, source: '[ASSUMPTION] diffusion-limited ligand binding: the activation of viscous flow of the alkane solvent (~0.1-0.2 eV)' },
  agUptakeEv: {
    value: 0.8,
    unit: eV,
    source:
      '[CALIBRATED to E4/E6 with agSolubilityHgEv, session 9] Ag+ enters within ~1 min at 80 C (Ag-CdSe exchange is fast, Sahu et al. Nano Lett. 12, 2587). 0.6 until session 8; with the solubility term, 0.6 lets Ag shuttle Cd out and Hg in at the surface once the crystal is Hg-rich (uptake at a Cd site, release with an Hg refill): with (0.6, 0) x(10 min) 0.92, 0.7 gives 0.84, 0.8 gives 0.61 (paper: x(1 h) ~ 0.9)',
  },
  agUptakeEnergyEv: {
    value: -0.72,
    unit: eV,
    source:
      "[CALIBRATED with agSolubilityHgEv, session 9: see there] reaction energy of the uptake in pristine CdSe (x = 0) before the two Ag_i bind the new vacancy. The sign: Ag2Se far less soluble than CdSe, so Ag+ goes into CdSe readily. Session 7 set 0 (from +0.3) so that a complex reaching the surface is not released with an Hg refill at once (the Cd->Hg shuttle that pinned the surface at HgSe); with the solubility term that release costs 0.66 eV at the start and nothing only at x = 0.85",
  },
  agSolubilityHgEv: {
    value: 1.2,
    unit: eV,
    source:
      "[CALIBRATED to E6 (few Ag per NC remain after ~4 h) and E48 (platelets ~98 % exchanged at 5:4) with agUptakeEnergyEv and agUptakeEv, session 9] Ag in Hg(x)Cd(1-x)Se is less stable the more Hg the crystal holds, by 1.2 eV per Ag pair from x = 0 to 1, x taken over the whole NC (mean field: a 3.3 nm NC is a few cation shells); the uptake energy is agUptakeEnergyEv + 1.2 x per pair, so a release refilled by Hg costs 0.3 - (-0.72 + 1.2 x) eV: 0.66 eV on the surface the burst leaves (x ~ 0.3, no Ag shuttle), nothing at x = 0.85, and Ag leaves once the crystal is HgSe-rich. Tried (zb-iece-80c 2 replicas 4 h; cdte-iece-rt 24 h; npl45-iece-rt 72 h): (0.6, 0): 2 of 24 Ag stay at 4 h, but the Ag leaves CdTe and the platelets at x ~ 0.8 at 25 C (x(24 h) 0.81, x(72 h) 0.84); (1.2, -0.72): 4 of 24 stay, x(1 h) 0.89, x(4 h) 0.99, largest coreShellIndex 0.09, CdTe 0.996, platelets 0.991 at 5:4 (1.251); (1.2, -0.78): coreShellIndex 0.12; (2.0, -1.6): 10 of 24 stay, coreShellIndex 0.14; (0.6, -0.25) and (0.9, -0.5): 18-19 stay. A guess at the mechanism, not a measured number: Ag-Se bonding that CdSe accommodates (Ag+ exchanges into CdSe at room temperature) and HgSe, whose Hg-Se bond is the stronger (exchangeDriveEv), does not",
  },
  agSolubilityDepthLayers: {
    value: 0,
    unit: 'layers',
    source:
      "[ASSUMPTION, kept after a scan in session 11] 0: x is the Hg fraction of the whole NC (mean field). A near-surface region (D >= 1) is exact (every Hg hop between layers of different weight carries (sigma/2) N_Ag dw / W) and does make the room-temperature particle stay a core/shell, but the same energy pumps Hg inward while Ag is inside, so the 80 C IE-CE particle turns inverted (Hg-rich core). zb-iece-80c 4 replicas 4 h / zb-iece-rt-nothiol 48 h / 0.1 thiol 1 h (sigma, E_u as adopted unless given): D 0: mean coreShellIndex -0.01..0.04 at 80 C, RT 0.03, thiol 0.02; D 1.1: -0.36 at 80 C, RT 0.40, thiol 0.28; D 1.5: -0.25, 0.22, 0.11; D 2: -0.15, 0.14, 0.08; D 3: -0.04, 0.01, 0.02; D 1.1 with (0.3, +0.075): -0.11, 0.34, 0.01, and 7 of 24 Ag left at 4 h (E6 allows 6). No setting keeps |coreShellIndex| <= 0.1 at 80 C and reaches 0.2 at RT (docs/model.md, session 11)",
  },
  vacancyHgEnvironmentEv: {
    value: 0,
    unit: eV,
    source:
      '[ASSUMPTION, sessions 11-13: off] an exploration switch for the CE channel after the burst (docs/model.md, sessions 11-13). Since session 12 it acts on the net charge (screenShare: bare 1, one Ag_i 1/4, complex 0). Session 13, with cdEnvironmentSurfaceFactor 0: 0.3 eV lets CE go on after its burst as a core/shell (x 0.38 / 0.49 / 0.67 at 1 h / 4 h / 48 h, 6 replicas; ce-fick-poor passes) but not fast enough for E3 (x 0.3 at 1 h in most replicas), and the 80 C IE-CE converts so fast after its burst that its Fickian D runs to the fit\'s top (iece-fick-d fails); larger values pile bare vacancies into the HgSe shell (cation:anion 0.89 at 0.6 eV). Off, so the realisations are the validated ones',
  },
  vacancyFormationEv: {
    value: 0.15,
    unit: eV,
    source:
      '[ESTIMATE from E7/E16] intrinsic (Ag-free) vacancy on a surface Cd site; on an Hg site it costs exchangeDriveEv more (0.45 eV), because Hg sits lower in the lattice. Rare at 80 C so CE stalls, plentiful at 250 C so CE alloys. Was 0.35 for both hosts until the cycle fix of session 5; with the drive, 0.35 (0.65 on Hg) froze CE at 250 C (x(300 s) 0.40 at 2.7 nm), 0.2 gave 0.64, 0.15 gives 0.90; 0.05 flooded IE-CE with ~50 vacancies per NC (x(1 h) 0.41)',
  },
  vacancySurfaceBarrierEv: { value: 1.0, unit: eV, source: '[ASSUMPTION] slower than the bare surface exchange; 0.7 eV made surface vacancy creation/refill chatter dominate the event count' },
  thiolAgBinding: { value: 10, unit: '1/eq', source: '[ASSUMPTION] AgSR formation; thiol reduces Ag reactivity (E27)' },
  thiolHgBinding: { value: 1e4, unit: '1/eq^2', source: '[ASSUMPTION] Hg(SR)2 strongly bound: a large thiol excess stops exchange (E24), 0.4-1.0 thiol/Hg does not (paper text)' },
};
