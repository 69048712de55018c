// The public surface of the cxsim library (no DOM, no node:* imports below src/).
export * from './units.js';
export * from './rng.js';
export * from './kmc/solver.js';
export * from './kmc/engine.js';
export * from './kmc/acceleration.js';
export * from './kmc/check.js';
export { createVacancyWorkload, type VacancyWorkload, type VacancyWorkloadOptions } from './kmc/workload/vacancy-exchange.js';
export * from './lattice/index.js';
export * from './io/extxyz.js';
export * from './io/trajectory.js';
export * from './optics/index.js';
export * from './io/scenario.js';
export * from './continuum/index.js';
export * from './io/csv.js';
