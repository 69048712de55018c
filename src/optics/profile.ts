// From a simulated composition profile (shells by distance from the centre or mid-plane) to layered
// particles for the EMA readout; also the two idealised profiles of the paper, alloy and core/shell. Lengths nm.
// Layer boundaries lie midway between shell radii; the outermost one is the particle surface.
import type { LayeredParticle, OpticsOptions, OpticsResult } from './exciton.js';
import { opticsOfLayers } from './exciton.js';
import { EMA_CDSE } from './materials.js';

/** Particle size as a scenario states it. */
export type OpticsParticle = { shape: 'sphere'; diameterNm: number } | { shape: 'platelet'; monolayers: number };

/** Shells ordered inside-out: mean distance from the centre (sphere) or mid-plane (platelet), and Hg fraction. */
export interface ShellProfile {
  readonly radiusNm: ArrayLike<number>;
  readonly hgFraction: ArrayLike<number>;
}

/**
 * Outer boundary of the EMA particle, nm: the radius d/2 of a sphere; for an N.5-monolayer zinc-blende
 * platelet (N + 1 cation planes a/2 apart, PHYSICS-NOTES 1.4) half a plane spacing beyond the outer cation
 * plane, i.e. (N + 1) a/4 (0.756 nm for 4.5 ML).
 */
export function surfaceDistanceNm(size: OpticsParticle): number {
  if (size.shape === 'sphere') return size.diameterNm / 2;
  return ((size.monolayers + 0.5) * EMA_CDSE.latticeNm) / 4;
}

/** Layers from shells: boundaries midway between consecutive shell radii, the last at the particle surface. */
export function layersFromShells(size: OpticsParticle, shells: ShellProfile): LayeredParticle {
  const n = shells.radiusNm.length;
  if (n < 1 || shells.hgFraction.length !== n) {
    throw new RangeError(`shell profile: need >= 1 shell and one Hg fraction per shell (got ${n} radii, ${shells.hgFraction.length} fractions)`);
  }
  const outsideNm = surfaceDistanceNm(size);
  const outerNm = new Float64Array(n);
  const hgFraction = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = shells.radiusNm[i]!;
    const rNext = i + 1 < n ? shells.radiusNm[i + 1]! : outsideNm;
    if (!(rNext > r) || !(r >= 0)) {
      throw new RangeError(`shell profile: radii must increase from >= 0 and stay below the surface at ${outsideNm} nm (shell ${i}: ${r} nm, next ${rNext} nm)`);
    }
    outerNm[i] = i + 1 < n ? 0.5 * (r + rNext) : outsideNm;
    hgFraction[i] = shells.hgFraction[i]!;
  }
  return { geometry: size.shape === 'sphere' ? 'sphere' : 'slab', outerNm, hgFraction };
}

/** EMA readout of one composition profile (the library entry point used by the CLI and `npm start`). */
export function opticsOfProfile(size: OpticsParticle, shells: ShellProfile, options: OpticsOptions = {}): OpticsResult {
  return opticsOfLayers(layersFromShells(size, shells), options);
}

/** A homogeneous Hg_xCd(1-x)Se sphere. */
export function alloySphere(diameterNm: number, hgFraction: number): LayeredParticle {
  return { geometry: 'sphere', outerNm: Float64Array.of(diameterNm / 2), hgFraction: Float64Array.of(hgFraction) };
}

/** A CdSe core under a pure HgSe shell holding the volume fraction hgFraction: r_core = R (1 - x)^(1/3). */
export function coreShellSphere(diameterNm: number, hgFraction: number): LayeredParticle {
  const radiusNm = diameterNm / 2;
  if (hgFraction <= 0) return alloySphere(diameterNm, 0);
  if (hgFraction >= 1) return alloySphere(diameterNm, 1);
  const coreNm = radiusNm * Math.cbrt(1 - hgFraction);
  return { geometry: 'sphere', outerNm: Float64Array.of(coreNm, radiusNm), hgFraction: Float64Array.of(0, 1) };
}
