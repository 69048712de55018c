// A small in-memory scenario for model tests: 2.3 nm zinc-blende CdSe at 80 C, Ag- and thiol-poor defaults
// that exercise every event kind; tests override what they study.
import type { Scenario } from '../../../src/model/contract.js';

export function modelScenario(over: Partial<Scenario> = {}): Scenario {
  return {
    name: 'test',
    material: 'CdSe',
    crystal: { structure: 'zincblende', shape: 'sphere', diameterNm: 2.3 },
    temperatureC: 80,
    durationS: 5,
    reagents: { hgPerCd: 1.5, agPerCd: 0.3, thiolPerCd: 0.2 },
    samples: 6,
    sampleSpacing: 'log',
    firstSampleS: 0.01,
    profileShells: 4,
    stages: [],
    ...over,
  };
}
