// Public surface of the continuum (Fick) package: Crank's series, the finite-volume solver, the fit of D.
// Units at this surface: nm, m²/s, m/s, s; the dimensionless series (τ, ρ, L) are exported for tests and reports.
export { type FickGeometry, RobinRoots } from './roots.js';
export { fractionExchanged, concentrationProfile, tauForFraction } from './analytic.js';
export {
  PAPER_IECE_D_M2_PER_S,
  type FickProblem,
  checkFickProblem,
  fickTau,
  fickBiot,
  fickFractions,
  fickProfile,
  fickTimeToFractionS,
  plateletHalfThicknessNm,
} from './fick.js';
export { type FvProblem, type FvOptions, type FvSolution, solveFickFv } from './finite-volume.js';
export { type BurstFickFitOptions, type BurstFickFitResult, type FickFitOptions, type FickFitResult, fitFick, fitFickAfterBurst } from './fit.js';
export { compositionDiffusivity } from './diffusivity.js';
