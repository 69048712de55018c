// One carrier (electron or hole) in concentric layers: l = 0 ground state by exact per-layer solutions
// (transfer matrices), BenDaniel-Duke interfaces, decaying outside. Energies eV, lengths nm, masses m0.
// Method: Haus et al., PRB 47, 1359 (1993) as summarised in PHYSICS-NOTES 5.2; slab = its 1D analogue.
import { HBAR2_OVER_2M0_EV_NM2 } from '../units.js';
import type { RadialGrid } from './grid.js';

/** 'sphere': radial, u = r psi, u(0) = 0. 'slab': depth from the mid-plane, even state, psi'(0) = 0. */
export type WellGeometry = 'sphere' | 'slab';

/** A piecewise-constant potential: layer i spans (outerNm[i-1], outerNm[i]] (layer 0 starts at 0). */
export interface LayeredWell {
  readonly geometry: WellGeometry;
  /** Outer boundary of each layer, nm, strictly increasing; the last is the particle radius (half-thickness). */
  readonly outerNm: Float64Array;
  readonly potentialEv: Float64Array;
  readonly massM0: Float64Array;
  readonly outsidePotentialEv: number;
  readonly outsideMassM0: number;
}

// (u, u') after one layer; module scratch so the bisection loop allocates nothing.
const scratch = new Float64Array(2);

/**
 * Exact solution of u'' = -q u (q in nm^-2, either sign) across dr nm from (u, du):
 * u(dr) = c u + s du, u'(dr) = -q s u + c du with c = cos(k dr), s = sin(k dr)/k (cosh, sinh for q < 0).
 */
function advance(q: number, drNm: number, u: number, du: number): void {
  const x = q * drNm * drNm;
  let c: number;
  let s: number;
  if (Math.abs(x) < 1e-10) {
    c = 1 - 0.5 * x; // series: avoids 0/0 at q -> 0
    s = drNm * (1 - x / 6);
  } else if (q > 0) {
    const k = Math.sqrt(q);
    c = Math.cos(k * drNm);
    s = Math.sin(k * drNm) / k;
  } else {
    const kappa = Math.sqrt(-q);
    c = Math.cosh(kappa * drNm);
    s = Math.sinh(kappa * drNm) / kappa;
  }
  scratch[0] = c * u + s * du;
  scratch[1] = -q * s * u + c * du;
}

/** u' just inside the next layer: psi and psi'/m continuous (BenDaniel-Duke); for u = r psi that is (u' - u/r)/m. */
function crossInterface(geometry: WellGeometry, rNm: number, u: number, du: number, massRatio: number): number {
  if (geometry === 'slab') return massRatio * du;
  const uOverR = u / rNm;
  return uOverR + massRatio * (du - uOverR);
}

function waveNumberSquared(massM0: number, energyEv: number, potentialEv: number): number {
  return (massM0 * (energyEv - potentialEv)) / HBAR2_OVER_2M0_EV_NM2;
}

/**
 * True when energyEv lies below the ground state: the regular solution has no node up to the surface and
 * its outside continuation still carries a growing part (u' + kappa u > 0). Sturm oscillation makes this
 * monotone in energy, so bisection on it can only converge to the ground state, never an excited one.
 */
function liesBelowGroundState(well: LayeredWell, energyEv: number): boolean {
  const { geometry, outerNm, potentialEv, massM0 } = well;
  let rNm = 0;
  let u = geometry === 'sphere' ? 0 : 1;
  let du = geometry === 'sphere' ? 1 : 0;
  let previousMass = massM0[0]!;
  for (let i = 0; i < outerNm.length; i++) {
    const mass = massM0[i]!;
    if (i > 0) du = crossInterface(geometry, rNm, u, du, mass / previousMass);
    const q = waveNumberSquared(mass, energyEv, potentialEv[i]!);
    const drNm = outerNm[i]! - rNm;
    if (q > 0) {
      // oscillating: u = A sin(theta), theta0 in [0, pi) while u >= 0; a node inside iff theta reaches pi
      const k = Math.sqrt(q);
      if (Math.atan2(k * u, du) + k * drNm >= Math.PI) return false;
    }
    advance(q, drNm, u, du);
    u = scratch[0]!;
    du = scratch[1]!;
    if (u <= 0) return false; // sinh/cosh or linear pieces have at most one node: the end sign tells
    const norm = u + Math.abs(du); // only signs matter; keep magnitudes bounded
    u /= norm;
    du /= norm;
    rNm = outerNm[i]!;
    previousMass = mass;
  }
  const duOutside = crossInterface(geometry, rNm, u, du, well.outsideMassM0 / previousMass);
  const kappa = Math.sqrt(Math.max(0, -waveNumberSquared(well.outsideMassM0, energyEv, well.outsidePotentialEv)));
  return duOutside + kappa * u > 0;
}

function minimumPotentialEv(well: LayeredWell): number {
  let v = Infinity;
  for (let i = 0; i < well.potentialEv.length; i++) v = Math.min(v, well.potentialEv[i]!);
  return v;
}

/** Check the layer arrays once, at the edge (the solver itself trusts them). */
export function validateWell(well: LayeredWell): void {
  const n = well.outerNm.length;
  if (n < 1 || well.potentialEv.length !== n || well.massM0.length !== n) {
    throw new RangeError(`layered well: need >= 1 layer and equal lengths (outerNm ${n}, potentialEv ${well.potentialEv.length}, massM0 ${well.massM0.length})`);
  }
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const r = well.outerNm[i]!;
    if (!(r > previous) || !Number.isFinite(r)) throw new RangeError(`layered well: outerNm must increase from 0, got ${r} after ${previous}`);
    if (!(well.massM0[i]! > 0)) throw new RangeError(`layered well: layer ${i} mass must be > 0, got ${well.massM0[i]}`);
    if (!Number.isFinite(well.potentialEv[i]!)) throw new RangeError(`layered well: layer ${i} potential is not finite`);
    previous = r;
  }
  if (!(well.outsideMassM0 > 0)) throw new RangeError(`layered well: outside mass must be > 0, got ${well.outsideMassM0}`);
  if (!Number.isFinite(well.outsidePotentialEv)) throw new RangeError('layered well: outside potential is not finite');
}

/**
 * Ground-state energy (1S, or the even slab state), eV on the potentials' scale; NaN when no state is bound
 * below the outside potential. Bisection between the deepest layer and the barrier top, to 1e-12 eV.
 */
export function groundStateEv(well: LayeredWell): number {
  let lo = minimumPotentialEv(well);
  let hi = well.outsidePotentialEv;
  if (!(lo < hi) || liesBelowGroundState(well, hi)) return NaN;
  for (let iteration = 0; iteration < 400 && hi - lo > 1e-12; iteration++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (liesBelowGroundState(well, mid)) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Decay constant outside, 1/nm, of a state bound at energyEv. */
export function outsideDecayPerNm(well: LayeredWell, energyEv: number): number {
  return Math.sqrt(Math.max(0, -waveNumberSquared(well.outsideMassM0, energyEv, well.outsidePotentialEv)));
}

/**
 * Sample the (unnormalised) reduced wavefunction at energyEv on every grid node into out:
 * u = r psi for a sphere, psi for a slab. Exact inside each layer, u(R) exp(-kappa (r - R)) outside.
 */
export function sampleWavefunction(well: LayeredWell, energyEv: number, grid: RadialGrid, out: Float64Array): void {
  const { geometry, outerNm, potentialEv, massM0 } = well;
  const layers = outerNm.length;
  let startNm = 0;
  let u = geometry === 'sphere' ? 0 : 1;
  let du = geometry === 'sphere' ? 1 : 0;
  let layer = 0;
  let q = waveNumberSquared(massM0[0]!, energyEv, potentialEv[0]!);
  const surfaceNm = outerNm[layers - 1]!;
  for (let j = 0; j < grid.nodeCount; j++) {
    const rNm = grid.rNm[j]!;
    if (rNm > surfaceNm) break;
    while (rNm > outerNm[layer]!) {
      // move the layer's start state to the next interface
      advance(q, outerNm[layer]! - startNm, u, du);
      u = scratch[0]!;
      du = crossInterface(geometry, outerNm[layer]!, u, scratch[1]!, massM0[layer + 1]! / massM0[layer]!);
      startNm = outerNm[layer]!;
      layer++;
      q = waveNumberSquared(massM0[layer]!, energyEv, potentialEv[layer]!);
    }
    advance(q, rNm - startNm, u, du);
    out[j] = scratch[0]!;
  }
  advance(q, surfaceNm - startNm, u, du);
  const uSurface = scratch[0]!;
  const kappa = outsideDecayPerNm(well, energyEv);
  for (let j = 0; j < grid.nodeCount; j++) {
    const rNm = grid.rNm[j]!;
    if (rNm > surfaceNm) out[j] = uSurface * Math.exp(-kappa * (rNm - surfaceNm));
  }
}
