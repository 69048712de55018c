// Test stand-in for the exchange model: a Simulation (src/model/contract.ts) on a tiny real crystal whose
// "events" turn random Cd into Hg. Deterministic in the seed, with a JSON checkpoint. Never used in src/ or sim/.
import { buildCrystal, createRng, restoreRng, type Crystal, type Rng, type RngState } from '../../src/index.js';
import { sampleTimes } from '../../src/model/simulation.js';
import type { ProfileRow, SampleRow, Scenario, Simulation, SimulationOptions, SimulationResult } from '../../src/model/contract.js';
import { CationSpecies } from '../../src/model/species.js';

let tinyCrystal: Crystal | undefined;
function crystal(): Crystal {
  tinyCrystal ??= buildCrystal({ structure: 'zincblende', shape: 'sphere', diameterNm: 1.6, material: 'CdSe' });
  return tinyCrystal;
}

interface FakeState {
  rng: RngState;
  samplesDone: number;
  events: number;
  cations: number[];
  samples: SampleRow[];
  profiles: ProfileRow[];
}

/** Same signature as createSimulation. `calls` counts advance() calls (tests of resume read it). */
export function createFakeSimulation(scenario: Scenario, seed: string, options: SimulationOptions = {}): Simulation & { calls: number } {
  const c = crystal();
  const times = sampleTimes(scenario);
  const resume = options.resume as FakeState | undefined;
  const rng: Rng = resume ? restoreRng(resume.rng) : createRng(seed);
  const cations = resume ? Uint8Array.from(resume.cations) : new Uint8Array(c.cationCount).fill(CationSpecies.Cd);
  const interstitials = new Uint8Array(c.interstitialCount);
  const samples: SampleRow[] = resume ? [...resume.samples] : [];
  const profiles: ProfileRow[] = resume ? [...resume.profiles] : [];
  let samplesDone = resume?.samplesDone ?? 0;
  let events = resume?.events ?? 0;
  const frameTimes = options.trajectory?.frameTimesS ?? [];
  let nextFrame = 0;

  const hgFraction = () => cations.reduce((n, s) => n + (s === CationSpecies.Hg ? 1 : 0), 0) / cations.length;
  const record = (timeS: number) => {
    const x = hgFraction();
    samples.push({ timeS, hgFraction: x, coreShellIndex: x * (1 - x), agInterstitial: 0, agSubstitutional: 0, vacancies: 0, cdReleased: Math.round(x * cations.length), events });
    for (let shell = 0; shell < scenario.profileShells; shell++) profiles.push({ timeS, shell, radiusNm: 0.1 * (shell + 0.5), hgFraction: x });
    while (nextFrame < frameTimes.length && (frameTimes[nextFrame] as number) <= timeS) {
      options.trajectory?.sink.frame(frameTimes[nextFrame] as number, cations, interstitials);
      nextFrame++;
    }
    samplesDone++;
  };

  if (!resume) {
    options.trajectory?.sink.begin(c, cations, interstitials, 0);
    if (frameTimes[0] === 0) nextFrame = 1;
    record(0);
  }

  const sim = {
    crystal: c,
    sampleTimesS: times,
    calls: 0,
    get samplesDone() {
      return samplesDone;
    },
    advance(): boolean {
      sim.calls++;
      if (samplesDone >= times.length) return false;
      const n = 1 + Math.floor(rng.next() * 20);
      for (let i = 0; i < n; i++) cations[Math.floor(rng.next() * cations.length)] = CationSpecies.Hg;
      events += n;
      record(times[samplesDone] as number);
      return samplesDone < times.length;
    },
    result(): SimulationResult {
      const last = samples[samples.length - 1] as SampleRow;
      return {
        scenario: scenario.name,
        seed,
        crystal: { structure: c.structure, shape: c.shape, material: c.material, cations: c.cationCount, anions: c.anionCount, surfaceCations: c.surfaceCation.reduce((a, b) => a + b, 0), interstitialSites: c.interstitialCount },
        final: {
          timeS: last.timeS,
          hgFraction: last.hgFraction,
          coreShellIndex: last.coreShellIndex,
          cationToAnion: c.cationCount / c.anionCount,
          agInterstitial: 0,
          agSubstitutional: 0,
          vacancies: 0,
          cdReleased: last.cdReleased,
          hgFree: 1,
          agFree: 0,
        },
        events: { total: events, byType: { fakeSwap: events } },
        samples: [...samples],
        profiles: [...profiles],
      };
    },
    checkpoint(): FakeState {
      return { rng: rng.state(), samplesDone, events, cations: Array.from(cations), samples: [...samples], profiles: [...profiles] };
    },
  };
  return sim;
}
