import { describe, expect, it } from 'vitest';
import { buildPeriodicTetraNetwork } from '../../src/kmc/workload/periodic-lattice.js';
import { InterstitialKind } from '../../src/lattice/types.js';
import { createRng } from '../../src/rng.js';
import { engineFor, meanAndError, TetraWalkersModel, type WalkerRates } from './toy-models.js';

// One interstitial on the zinc-blende T network (4 neighbours at sqrt(3)a/4, alternating T_Cd / T_Se), PHYSICS-NOTES 3.1:
// successive jumps are uncorrelated, so MSD(t) = 6 D t with D = (lambda^2/6) 2 z G12 G21 / (G12 + G21), G12 the
// per-direction rate from T_Cd and G21 from T_Se; equal rates G: D = G a^2 / 8.
// Walkers are independent (no exclusion), so one engine runs an ensemble; the tolerance is 4 standard errors of the
// ensemble mean of R^2.

/** MSD in units of (a/4)^2 of `walkers` walkers after timeS, starting in the stationary site-kind distribution. */
function measureMsd(rates: WalkerRates, walkers: number, timeS: number, seed: string): { mean: number; error: number } {
  const lattice = buildPeriodicTetraNetwork(4);
  const cationSites: number[] = [];
  const anionSites: number[] = [];
  lattice.kind.forEach((k, s) => (k === InterstitialKind.TetraCation ? cationSites : anionSites).push(s));
  // Time fraction on T_Cd = G21 / (G12 + G21) (mean residence 1/(4 G12) on T_Cd, 1/(4 G21) on T_Se).
  const onCation = rates.fromAnionSiteHz / (rates.fromCationSiteHz + rates.fromAnionSiteHz);
  const rng = createRng(`${seed}/start`);
  const pick = (sites: number[]): number => sites[Math.floor(rng.next() * sites.length)]!;
  const model = new TetraWalkersModel(lattice, walkers, [rates], () => (rng.next() < onCation ? pick(cationSites) : pick(anionSites)));
  engineFor(model, seed).runUntil(timeS);
  const r2 = new Float64Array(walkers);
  for (let w = 0; w < walkers; w++) {
    const [x, y, z] = [model.displacement[3 * w]!, model.displacement[3 * w + 1]!, model.displacement[3 * w + 2]!];
    r2[w] = x * x + y * y + z * z;
  }
  return meanAndError(r2);
}

describe('interstitial random walk on the ZB tetrahedral network', () => {
  it('has MSD = 6 D t with D = Gamma a^2 / 8 for equal rates', () => {
    const gammaHz = 1;
    const timeS = 12; // ~48 hops per walker
    const { mean, error } = measureMsd({ fromCationSiteHz: gammaHz, fromAnionSiteHz: gammaHz, slowHz: 0 }, 4000, timeS, 'equal');
    const aUnits = 4; // one coordinate unit is a/4
    const expected = 6 * ((gammaHz * aUnits * aUnits) / 8) * timeS;
    expect(Math.abs(mean - expected)).toBeLessThan(4 * error);
    expect(error / expected).toBeLessThan(0.03);
  });

  it('has D = (lambda^2/6) 2z G12 G21/(G12 + G21) for unequal rates (T_Se a shallow transit site: ~ a^2 G12 / 4)', () => {
    const g12 = 1;
    const g21 = 1000;
    const timeS = 6; // ~48 hops per walker
    const { mean, error } = measureMsd({ fromCationSiteHz: g12, fromAnionSiteHz: g21, slowHz: 0 }, 4000, timeS, 'unequal');
    const lambda2 = 3; // (sqrt(3) a/4)^2 in (a/4)^2 units
    const expected = 6 * (lambda2 / 6) * ((2 * 4 * g12 * g21) / (g12 + g21)) * timeS;
    expect(Math.abs(mean - expected)).toBeLessThan(4 * error);
    // The transit-site limit a^2 G12 / 4 differs by 0.1 % here, far below the error: the two formulas agree.
    expect(Math.abs(6 * ((16 * g12) / 4) * timeS - expected) / expected).toBeLessThan(0.002);
  });
});
