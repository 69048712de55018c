// Effective-mass (EMA) parameters of CdSe and HgSe and their interpolation in Hg_xCd(1-x)Se.
// Masses in m0, energies in eV (band edges relative to a common surrounding medium), lengths in nm.
// Source: Lee & Smith, Methods "EMA calculations" (PHYSICS-NOTES 5.1): every parameter linear in x.

/** One material's EMA parameters. Band edges: E_C = E_C(medium) + conductionOffsetEv, E_V = E_V(medium) + valenceOffsetEv. */
export interface EmaMaterial {
  readonly electronMassM0: number;
  readonly holeMassM0: number;
  /** High-frequency dielectric constant, used for the electron-hole Coulomb term. */
  readonly epsilonInf: number;
  readonly gapEv: number;
  readonly conductionOffsetEv: number;
  readonly valenceOffsetEv: number;
  /** Cubic lattice parameter; the surface shell of paper eq. 3 is a quarter of it. */
  readonly latticeNm: number;
}

/** [PAPER] Methods, EMA parameters of zinc-blende CdSe. */
export const EMA_CDSE: EmaMaterial = Object.freeze({
  electronMassM0: 0.112,
  holeMassM0: 0.469,
  epsilonInf: 6.2,
  gapEv: 1.74,
  conductionOffsetEv: -1.36,
  valenceOffsetEv: 0.6,
  latticeNm: 0.605,
});

/** [PAPER] Methods, EMA parameters of zinc-blende HgSe (negative gap: a semimetal in bulk). */
export const EMA_HGSE: EmaMaterial = Object.freeze({
  electronMassM0: 0.042,
  holeMassM0: 0.019,
  epsilonInf: 16.5,
  gapEv: -0.06,
  conductionOffsetEv: -2.69,
  valenceOffsetEv: 1.07,
  latticeNm: 0.608,
});

function mediumGapEv(m: EmaMaterial): number {
  return m.gapEv - m.conductionOffsetEv + m.valenceOffsetEv;
}

/**
 * Gap of the surrounding medium, eV: E_C(medium) - E_V(medium) = E_g - dE_C + dE_V = 3.70 eV for both CdSe
 * and HgSe (PHYSICS-NOTES 5.1), hence for every x of the linear interpolation. 1S-1S = this + E_e + E_h - J.
 */
export const MEDIUM_GAP_EV = mediumGapEv(EMA_CDSE);
if (Math.abs(mediumGapEv(EMA_HGSE) - MEDIUM_GAP_EV) > 1e-9) {
  throw new Error('EMA tables: CdSe and HgSe offsets do not refer to one common medium');
}

function lerp(a: number, b: number, x: number): number {
  return a + (b - a) * x;
}

/** Electron effective mass of Hg_xCd(1-x)Se, m0. */
export function electronMassM0(hgFraction: number): number {
  return lerp(EMA_CDSE.electronMassM0, EMA_HGSE.electronMassM0, hgFraction);
}

/** Hole effective mass of Hg_xCd(1-x)Se, m0. */
export function holeMassM0(hgFraction: number): number {
  return lerp(EMA_CDSE.holeMassM0, EMA_HGSE.holeMassM0, hgFraction);
}

/** Electron potential energy (conduction-band edge) relative to the medium's conduction band, eV. */
export function electronPotentialEv(hgFraction: number): number {
  return lerp(EMA_CDSE.conductionOffsetEv, EMA_HGSE.conductionOffsetEv, hgFraction);
}

/** Hole potential energy (minus the valence-band edge) relative to the medium's valence band, eV. */
export function holePotentialEv(hgFraction: number): number {
  return -lerp(EMA_CDSE.valenceOffsetEv, EMA_HGSE.valenceOffsetEv, hgFraction);
}

/** High-frequency dielectric constant of Hg_xCd(1-x)Se. */
export function epsilonInf(hgFraction: number): number {
  return lerp(EMA_CDSE.epsilonInf, EMA_HGSE.epsilonInf, hgFraction);
}

/** Cubic lattice parameter of Hg_xCd(1-x)Se, nm (Vegard). */
export function latticeNm(hgFraction: number): number {
  return lerp(EMA_CDSE.latticeNm, EMA_HGSE.latticeNm, hgFraction);
}

/** Measured 1S-1S absorption peaks of 3.3 nm zinc-blende CdSe NCs, eV [PAPER] Fig. 1c-e (PHYSICS-NOTES E3, E4). */
export const PAPER_1S1S_EV = Object.freeze({
  /** Parent 3.3 nm CdSe. */
  cdse: 2.24,
  /** After 1 h of Hg-only cation exchange (CE), 80 degC. */
  ce1h: 1.5,
  /** After 1 h of Hg + Ag exchange (IE-CE), 80 degC. */
  ieCe1h: 1.24,
});
