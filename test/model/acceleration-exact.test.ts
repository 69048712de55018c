// MODEL.md section 7: the accelerated model must match plain KMC where plain KMC is affordable. At the CdSe set the
// Ag_i rattle ~1e7 times per complex hop, so plain KMC is out of reach; with the Ag_i hop raised to 0.55 eV and the
// trap barrier to 0.7 eV the separation is ~1e3 (still above the averaging threshold of 100), and a 2.3 nm IE-CE
// particle runs 30 s of plain KMC in ~7 s. Everything the acceleration does is exercised: averaged complex hops with
// their superbasin draws, and the scaling of the Ag_i hop, in-shell hop and trap/detrap pairs (default lambdas).
import { expect, it } from 'vitest';
import { moments } from '../../sim/ensemble/stats.js';
import { loadScenario } from '../../sim/run-scenario.js';
import { Group } from '../../src/model/exchange-model.js';
import { createSimulation } from '../../src/model/simulation.js';
import { replicaSeed } from '../../src/rng.js';

const REPLICAS = 6;
const SETS = ['durationS=30', 'parameters.agInterstitialHopEv=0.55', 'parameters.trapBarrierEv=0.7'];

function ensemble(extra: string[]): { x: number[]; hostHops: number[]; scaledEvents: number[] } {
  const { scenario } = loadScenario('zb-iece-80c-d2.3', [...SETS, ...extra]);
  const out = { x: [] as number[], hostHops: [] as number[], scaledEvents: [] as number[] };
  for (let r = 0; r < REPLICAS; r++) {
    const sim = createSimulation(scenario, replicaSeed('acceleration-exact', r));
    while (sim.advance());
    out.x.push(sim.result().final.hgFraction);
    const counts = sim.model.eventCounts;
    out.hostHops.push(counts[Group.VacancyHop]!);
    out.scaledEvents.push(counts[Group.AgHopShell]! + counts[Group.AgHop01]! + counts[Group.AgHop10]! + counts[Group.Trap]! + counts[Group.Detrap]!);
  }
  return out;
}

it('matches plain KMC on x(30 s) of a small IE-CE particle, with ~500x fewer fast events', () => {
  const exact = ensemble(['acceleration.exact=true']);
  const fast = ensemble([]);
  const a = moments(exact.x);
  const b = moments(fast.x);
  // Tolerance: 3 combined standard errors of the two 6-replica means (~0.035 here). Measured (8 replicas each):
  // x(30 s) 0.505 +- 0.009 exact, 0.488 +- 0.008 accelerated; at 60 s 0.523 +- 0.010 and 0.505 +- 0.007.
  expect(Math.abs(a.mean - b.mean)).toBeLessThanOrEqual(3 * Math.hypot(a.sem, b.sem));
  // The averaged hop is exact only for infinitely fast Ag_i; at this separation complexes hop more often than in plain
  // KMC: +15 % and +20 % (8 replicas, 30 and 60 s), +28 % for these 6 seeds (1402 against 1790; the ratio's noise is
  // ~8 %). 50 % still catches a broken average or an over-scaled pair (CdS before session 10: 4x).
  const hopsExact = moments(exact.hostHops).mean;
  expect(Math.abs(moments(fast.hostHops).mean / hopsExact - 1)).toBeLessThan(0.5);
  // ~1.9 M fast events (almost all in-shell Ag_i hops) against ~3,800.
  expect(moments(fast.scaledEvents).mean).toBeLessThan(moments(exact.scaledEvents).mean / 300);
}, 240_000);
