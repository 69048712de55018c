// Physical constants and unit conversions: the one place they live.
// Internal units: length nm, energy eV, time s, temperature K. Sources: CODATA 2018 exact/recommended values.

export const BOLTZMANN_EV_PER_K = 8.617333262e-5; // CODATA 2018 (exact by SI definition)
export const HBAR_EV_S = 6.582119569e-16; // CODATA 2018
export const ELECTRON_MASS_KG = 9.1093837015e-31; // CODATA 2018
export const ELEMENTARY_CHARGE_C = 1.602176634e-19; // exact
export const VACUUM_PERMITTIVITY_F_PER_M = 8.8541878128e-12; // CODATA 2018
export const HBAR_J_S = 1.054571817e-34; // CODATA 2018
export const AVOGADRO_PER_MOL = 6.02214076e23; // exact

export const NM_PER_ANGSTROM = 0.1;
export const ANGSTROM_PER_NM = 10;
export const M_PER_NM = 1e-9;
export const M2_PER_NM2 = 1e-18;
export const S_PER_HOUR = 3600;
export const ZERO_CELSIUS_K = 273.15;

/** hbar^2 / (2 m0), eV nm^2 (= 0.0380998): kinetic-energy scale of the effective-mass equation; from CODATA 2018 above. */
export const HBAR2_OVER_2M0_EV_NM2 = HBAR_J_S ** 2 / (2 * ELECTRON_MASS_KG * ELEMENTARY_CHARGE_C) / M2_PER_NM2;
/** e^2 / (4 pi eps0), eV nm (= 1.439965): Coulomb energy of two elementary charges 1 nm apart; from CODATA 2018 above. */
export const COULOMB_EV_NM = ELEMENTARY_CHARGE_C / (4 * Math.PI * VACUUM_PERMITTIVITY_F_PER_M) / M_PER_NM;

/** Temperature conversion, degrees Celsius to kelvin. */
export function celsiusToKelvin(temperatureC: number): number {
  return temperatureC + ZERO_CELSIUS_K;
}

/** Thermal energy kT in eV. */
export function thermalEnergyEv(temperatureK: number): number {
  return BOLTZMANN_EV_PER_K * temperatureK;
}

/** Arrhenius rate, 1/s: attemptHz * exp(-barrierEv / kT). */
export function arrheniusHz(attemptHz: number, barrierEv: number, temperatureK: number): number {
  return attemptHz * Math.exp(-barrierEv / (BOLTZMANN_EV_PER_K * temperatureK));
}
