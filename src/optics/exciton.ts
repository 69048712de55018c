// The 1S-1S readout of a radially layered Hg_xCd(1-x)Se particle: electron and hole ground states, the
// Coulomb term to first order, overlap (paper eq. 2) and electron surface localisation (paper eq. 3).
// Energies eV, lengths nm. E(1S-1S) = E_gap(medium) + E_e + E_h - J (PHYSICS-NOTES 5.1-5.2).
import { COULOMB_EV_NM } from '../units.js';
import { groundStateEv, outsideDecayPerNm, sampleWavefunction, type LayeredWell, type WellGeometry } from './carrier.js';
import { buildRadialGrid, nodeAt, type GridSegment, type RadialGrid } from './grid.js';
import {
  MEDIUM_GAP_EV, electronMassM0, electronPotentialEv, epsilonInf, holeMassM0, holePotentialEv, latticeNm,
} from './materials.js';

/** A particle as layers of uniform composition: layer i spans (outerNm[i-1], outerNm[i]]. */
export interface LayeredParticle {
  readonly geometry: WellGeometry;
  /** Outer boundary of each layer, nm (sphere: radius; slab: distance from the mid-plane), increasing. */
  readonly outerNm: Float64Array;
  /** Hg fraction x of each layer, 0..1. */
  readonly hgFraction: Float64Array;
}

/**
 * Mass outside the particle, m0: a number (one mass for both carriers) or 'inside' (each carrier keeps
 * the mass of the outermost layer). The paper does not state it; 0.34 m0 reproduces 2.24 eV for 3.3 nm CdSe.
 */
export type OutsideMass = number | 'inside';

/** Default outside mass, m0: calibrated on the measured 2.24 eV of 3.3 nm CdSe (PHYSICS-NOTES 5.3). */
export const DEFAULT_OUTSIDE_MASS_M0 = 0.34;

export interface OpticsOptions {
  outsideMass?: OutsideMass;
  /** Largest grid step inside the particle, nm (integrals are trapezoid sums: error ~ (k h)^2 / 12). */
  maxStepNm?: number;
}

interface OpticsCommon {
  /** Volume-weighted (sphere) or thickness-weighted (slab) mean Hg fraction of the layers. */
  readonly hgFraction: number;
  /** Ground-state energies, eV, relative to the medium's band edges (negative when bound); NaN if unbound. */
  readonly electronEv: number;
  readonly holeEv: number;
}

export type OpticsResult =
  | (OpticsCommon & {
      readonly bound: true;
      /** 1S-1S transition energy, eV. */
      readonly e1s1sEv: number;
      /** First-order electron-hole Coulomb energy J, eV (0 for a slab: carriers delocalised in-plane). */
      readonly coulombEv: number;
      /** Electron-hole overlap integral, paper eq. 2. */
      readonly overlap: number;
      /** Electron probability beyond r_NC - a_c/4, paper eq. 3. */
      readonly surfaceLocalisation: number;
    })
  | (OpticsCommon & { readonly bound: false; readonly unbound: 'electron' | 'hole' | 'both' });

const OUTSIDE_INTERVALS = 800;
// The grid outside reaches DECAY_LENGTHS / kappa: the dropped tail weighs exp(-2 * 16) ~ 1e-14.
const DECAY_LENGTHS = 16;

/** Mean composition: layer volumes (sphere) or thicknesses (slab) as weights. */
export function meanHgFraction(particle: LayeredParticle): number {
  const { outerNm, hgFraction } = particle;
  let sum = 0;
  let innerNm = 0;
  for (let i = 0; i < outerNm.length; i++) {
    const o = outerNm[i]!;
    const w = particle.geometry === 'sphere' ? o ** 3 - innerNm ** 3 : o - innerNm;
    sum += w * hgFraction[i]!;
    innerNm = o;
  }
  const total = particle.geometry === 'sphere' ? innerNm ** 3 : innerNm;
  return sum / total;
}

function validateParticle(particle: LayeredParticle): void {
  const n = particle.outerNm.length;
  if (n < 1 || particle.hgFraction.length !== n) {
    throw new RangeError(`layered particle: need >= 1 layer and one Hg fraction per layer (got ${n} and ${particle.hgFraction.length})`);
  }
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const r = particle.outerNm[i]!;
    const x = particle.hgFraction[i]!;
    if (!(r > previous) || !Number.isFinite(r)) throw new RangeError(`layered particle: outerNm must increase from 0, got ${r} after ${previous}`);
    if (!(x >= 0 && x <= 1)) throw new RangeError(`layered particle: layer ${i} Hg fraction must lie in [0, 1], got ${x}`);
    previous = r;
  }
}

function carrierWell(
  particle: LayeredParticle, massOf: (x: number) => number, potentialOf: (x: number) => number, outsideMass: OutsideMass,
): LayeredWell {
  const n = particle.outerNm.length;
  const potentialEv = new Float64Array(n);
  const massM0 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    potentialEv[i] = potentialOf(particle.hgFraction[i]!);
    massM0[i] = massOf(particle.hgFraction[i]!);
  }
  return {
    geometry: particle.geometry, outerNm: particle.outerNm, potentialEv, massM0,
    outsidePotentialEv: 0, // both carriers' energies are measured from the medium's band edge
    outsideMassM0: outsideMass === 'inside' ? massM0[n - 1]! : outsideMass,
  };
}

/** Grid: every layer boundary and the surface-shell start are nodes; two outside segments (near, far). */
function opticsGrid(outerNm: Float64Array, surfaceShellNm: number, kappaFast: number, kappaSlow: number, maxStepNm: number): RadialGrid {
  const segments: GridSegment[] = [];
  let startNm = 0;
  const push = (endNm: number): void => {
    if (endNm > startNm) segments.push({ endNm, intervals: Math.max(2, Math.ceil((endNm - startNm) / maxStepNm)) });
    startNm = Math.max(startNm, endNm);
  };
  for (let i = 0; i < outerNm.length; i++) {
    const o = outerNm[i]!;
    if (surfaceShellNm > startNm && surfaceShellNm < o) push(surfaceShellNm);
    push(o);
  }
  const surfaceNm = startNm;
  const nearNm = surfaceNm + DECAY_LENGTHS / kappaFast;
  const farNm = surfaceNm + DECAY_LENGTHS / kappaSlow;
  segments.push({ endNm: nearNm, intervals: OUTSIDE_INTERVALS });
  if (farNm > nearNm * (1 + 1e-9)) segments.push({ endNm: farNm, intervals: OUTSIDE_INTERVALS });
  return buildRadialGrid(segments);
}

/** Scale u so that sum(weight * u^2) = 1: u becomes sqrt(4 pi) r psi (sphere) or sqrt(2) psi (slab, both halves). */
function normalise(grid: RadialGrid, u: Float64Array): void {
  let norm = 0;
  for (let j = 0; j < grid.nodeCount; j++) norm += grid.weightNm[j]! * u[j]! * u[j]!;
  const scale = 1 / Math.sqrt(norm);
  for (let j = 0; j < grid.nodeCount; j++) u[j]! *= scale;
}

/** Running integral of u^2 from 0 to each node (trapezoid), into out. */
function cumulativeProbability(grid: RadialGrid, u: Float64Array, out: Float64Array): void {
  out[0] = 0;
  for (let j = 1; j < grid.nodeCount; j++) {
    out[j] = out[j - 1]! + 0.5 * (grid.rNm[j]! - grid.rNm[j - 1]!) * (u[j - 1]! * u[j - 1]! + u[j]! * u[j]!);
  }
}

/**
 * J / (e^2 / 4 pi eps0 eps) = int int P_e(r1) P_h(r2) / max(r1, r2) for s states, rewritten with
 * 1/max(r1, r2) = int_max^inf dr / r^2 as int_0^inf Q_e(r) Q_h(r) / r^2 dr (Q the running probabilities).
 */
function inverseDistanceMeanPerNm(grid: RadialGrid, qe: Float64Array, qh: Float64Array): number {
  let sum = 0;
  for (let j = 1; j < grid.nodeCount; j++) {
    const r = grid.rNm[j]!;
    sum += grid.weightNm[j]! * (qe[j]! * qh[j]!) / (r * r); // integrand ~ r^4 at 0: node 0 contributes 0
  }
  const endNm = grid.rNm[grid.nodeCount - 1]!;
  return sum + (qe[grid.nodeCount - 1]! * qh[grid.nodeCount - 1]!) / endNm; // Q = 1 beyond the grid
}

/** What the two ground-state wavefunctions give together. */
export interface PairIntegrals {
  /** Electron-hole overlap, paper eq. 2: int 4 pi r^2 psi_e psi_h dr (slab: int psi_e psi_h dz). */
  readonly overlap: number;
  /** Electron probability at distance >= surfaceShellNm from the centre (slab: both faces), paper eq. 3. */
  readonly surfaceLocalisation: number;
  /** Mean of 1 / max(r_e, r_h), 1/nm (sphere only; NaN for a slab). J = e^2 / (4 pi eps0 eps) * this. */
  readonly inverseDistancePerNm: number;
}

/**
 * Overlap, surface localisation and Coulomb kernel of an electron and a hole bound in wells of the same
 * geometry and layer boundaries, at their ground-state energies (from groundStateEv).
 */
export function pairIntegrals(
  electron: LayeredWell, electronEv: number, hole: LayeredWell, holeEv: number, surfaceShellNm: number, maxStepNm = 0.002,
): PairIntegrals {
  const kappaE = outsideDecayPerNm(electron, electronEv);
  const kappaH = outsideDecayPerNm(hole, holeEv);
  const grid = opticsGrid(electron.outerNm, surfaceShellNm, Math.max(kappaE, kappaH), Math.min(kappaE, kappaH), maxStepNm);
  const ue = new Float64Array(grid.nodeCount);
  const uh = new Float64Array(grid.nodeCount);
  sampleWavefunction(electron, electronEv, grid, ue);
  sampleWavefunction(hole, holeEv, grid, uh);
  normalise(grid, ue);
  normalise(grid, uh);

  let overlap = 0; // both ground states are nodeless and positive
  for (let j = 0; j < grid.nodeCount; j++) overlap += grid.weightNm[j]! * ue[j]! * uh[j]!;
  const qe = new Float64Array(grid.nodeCount);
  cumulativeProbability(grid, ue, qe);
  const surfaceLocalisation = qe[grid.nodeCount - 1]! - qe[nodeAt(grid, Math.max(0, surfaceShellNm))]!;
  let inverseDistancePerNm = NaN;
  if (electron.geometry === 'sphere') {
    const qh = new Float64Array(grid.nodeCount);
    cumulativeProbability(grid, uh, qh);
    inverseDistancePerNm = inverseDistanceMeanPerNm(grid, qe, qh);
  }
  return { overlap, surfaceLocalisation, inverseDistancePerNm };
}

/**
 * 1S-1S energy, overlap and electron surface localisation of a layered Hg_xCd(1-x)Se sphere or slab
 * (paper's EMA; Haus et al. 1993). Returns bound: false, not an exception, when a carrier is unbound.
 */
export function opticsOfLayers(particle: LayeredParticle, options: OpticsOptions = {}): OpticsResult {
  validateParticle(particle);
  const outsideMass = options.outsideMass ?? DEFAULT_OUTSIDE_MASS_M0;
  if (outsideMass !== 'inside' && !(outsideMass > 0 && Number.isFinite(outsideMass))) {
    throw new RangeError(`outside mass must be a positive number of m0 or 'inside', got ${outsideMass}`);
  }
  const hgFraction = meanHgFraction(particle);
  const electron = carrierWell(particle, electronMassM0, electronPotentialEv, outsideMass);
  const hole = carrierWell(particle, holeMassM0, holePotentialEv, outsideMass);
  const electronEv = groundStateEv(electron);
  const holeEv = groundStateEv(hole);
  const eBound = Number.isFinite(electronEv);
  const hBound = Number.isFinite(holeEv);
  if (!eBound || !hBound) {
    return { bound: false, unbound: !eBound && !hBound ? 'both' : !eBound ? 'electron' : 'hole', hgFraction, electronEv, holeEv };
  }
  const layers = particle.outerNm.length;
  const surfaceShellNm = particle.outerNm[layers - 1]! - latticeNm(particle.hgFraction[layers - 1]!) / 4;
  const pair = pairIntegrals(electron, electronEv, hole, holeEv, surfaceShellNm, options.maxStepNm);
  // Dielectric constant: eps_inf of the mean composition (the paper leaves this open, PHYSICS-NOTES 5.2);
  // a slab gets no first-order J: carriers delocalised in-plane make it vanish.
  const coulombEv = particle.geometry === 'sphere' ? (COULOMB_EV_NM / epsilonInf(hgFraction)) * pair.inverseDistancePerNm : 0;
  const e1s1sEv = MEDIUM_GAP_EV + electronEv + holeEv - coulombEv;
  return {
    bound: true, e1s1sEv, electronEv, holeEv, coulombEv,
    overlap: pair.overlap, surfaceLocalisation: pair.surfaceLocalisation, hgFraction,
  };
}
