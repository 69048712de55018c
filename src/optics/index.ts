// Public surface of the effective-mass optics readout (1S-1S energy, overlap, surface localisation).
// Energies eV, lengths nm, masses m0; method and sources in docs/optics.md and PHYSICS-NOTES 5.
export { EMA_CDSE, EMA_HGSE, MEDIUM_GAP_EV, PAPER_1S1S_EV, type EmaMaterial } from './materials.js';
export { groundStateEv, type LayeredWell, type WellGeometry } from './carrier.js';
export {
  DEFAULT_OUTSIDE_MASS_M0, opticsOfLayers,
  type LayeredParticle, type OpticsOptions, type OpticsResult, type OutsideMass,
} from './exciton.js';
export {
  alloySphere, coreShellSphere, layersFromShells, opticsOfProfile, type OpticsParticle, type ShellProfile,
} from './profile.js';
export { opticsSeries, type OpticsPoint, type ProfileSample } from './series.js';
