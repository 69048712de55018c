// Test stand-in for sim/ensemble/replica.js (plain JS: worker threads load it without a TypeScript step).
// Writes a replica's run-dir files like sim/run-scenario.ts, with values that are a deterministic function
// of the seed. Never used in src/ or sim/. Env FAKE_REPLICA_DELAY_MS slows each replica (kill tests);
// FAKE_REPLICA_FAIL_SEED makes the replica with that seed throw.
import { join } from 'node:path';
import { sampleTimes } from '../../../dist/node/src/model/simulation.js';
import { writeFileAtomic, writeJsonAtomic } from '../../../dist/node/sim/files.js';
import { profilesCsv, scenarioHash, timeseriesCsv } from '../../../dist/node/sim/run-scenario.js';

/** FNV-1a of the seed text, then a few xorshift draws in [0, 1): deterministic per seed, varied across seeds. */
export function fakeDraws(seed, count) {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  const out = [];
  for (let i = 0; i < count; i++) {
    h ^= h << 13; h >>>= 0;
    h ^= h >>> 17;
    h ^= h << 5; h >>>= 0;
    out.push((h >>> 8) / 2 ** 24);
  }
  return out;
}

/** x(t) = 1 - exp(-t / tauS) with tauS drawn per replica; shells fill from the outside. */
export function fakeCurves(spec, seed) {
  const [u1, u2, u3] = fakeDraws(seed, 3);
  const tauS = spec.durationS * (0.1 + 0.4 * u1);
  const times = sampleTimes(spec);
  const samples = times.map((timeS, i) => {
    const x = 1 - Math.exp(-timeS / tauS);
    return { timeS, hgFraction: x, coreShellIndex: u2 * x * (1 - x), agInterstitial: Math.round(10 * u3), agSubstitutional: 1, vacancies: 2, cdReleased: Math.round(300 * x), events: 1000 * i };
  });
  const profiles = [];
  for (const s of samples) {
    for (let shell = 0; shell < spec.profileShells; shell++) {
      const depth = (spec.profileShells - shell) / spec.profileShells; // 1 at the centre shell
      profiles.push({ timeS: s.timeS, shell, radiusNm: 0.3 * (shell + 0.5), hgFraction: 1 - Math.exp(-s.timeS / (tauS * depth)) });
    }
  }
  return { samples, profiles };
}

export async function runReplica(spec, seed, dir) {
  if (process.env.FAKE_REPLICA_FAIL_SEED === seed) throw new Error(`fake failure for seed ${seed}`);
  const delayMs = Number(process.env.FAKE_REPLICA_DELAY_MS ?? 0);
  if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));
  const { samples, profiles } = fakeCurves(spec, seed);
  const last = samples[samples.length - 1];
  writeFileAtomic(join(dir, 'timeseries.csv'), timeseriesCsv(samples));
  writeFileAtomic(join(dir, 'profiles.csv'), profilesCsv(profiles));
  writeJsonAtomic(join(dir, 'summary.json'), {
    scenario: spec.name,
    seed,
    scenarioHash: scenarioHash(spec),
    final: { timeS: last.timeS, hgFraction: last.hgFraction, coreShellIndex: last.coreShellIndex, vacancies: last.vacancies },
    events: { total: last.events, byType: {} },
    wallS: performance.now() / 1000, // a wall-clock field: must not reach ensemble.json
  });
}
