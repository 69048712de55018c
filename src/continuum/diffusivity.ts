// Composition-dependent interdiffusion coefficients D(c) for the finite-volume solver; c = exchanged (Hg) fraction.
// D(c) = D_Hg exp(−(1 − c) E / kT): Tardot et al., APL 62, 2548 (1993), E = 0.55 eV for Hg/Cd (PHYSICS-NOTES §2.4).
import { BOLTZMANN_EV_PER_K } from '../units.js';

/**
 * D(c), m²/s, that is `dHgM2PerS` in fully exchanged (Hg-rich) material and falls by exp(−E/kT) towards pristine
 * CdSe: "Hg-rich is fast". E = 0.55 eV at 80 °C gives a 1.4e-8 contrast (the CE stall of the paper).
 */
export function compositionDiffusivity(dHgM2PerS: number, penaltyEv: number, temperatureK: number): (c: number) => number {
  if (!(dHgM2PerS > 0) || !(penaltyEv >= 0) || !(temperatureK > 0)) {
    throw new RangeError(`need dHgM2PerS > 0, penaltyEv >= 0, temperatureK > 0; got ${dHgM2PerS}, ${penaltyEv}, ${temperatureK}`);
  }
  const scale = penaltyEv / (BOLTZMANN_EV_PER_K * temperatureK);
  return (c: number) => dHgM2PerS * Math.exp(-(1 - c) * scale);
}
