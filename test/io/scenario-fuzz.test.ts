// Property tests of the scenario parser: random JSON and mutated real scenario files either parse (and
// re-parse to the same scenario) or raise a one-line ScenarioError naming the source; never anything else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOverrides, parseScenario, ScenarioError } from '../../src/io/scenario.js';
import { createRng } from '../../src/rng.js';
import { garbageText, mutateJson, randomJson } from './json-fuzz.js';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');
const realFiles = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => JSON.parse(readFileSync(join(SCENARIOS, f), 'utf8')) as unknown);
const SOURCE = 'fuzz.json';

/** 'ok' if parsed (and idempotent), else the error message; fails the test on any other exception. */
function check(value: unknown): 'ok' | string {
  let parsed;
  try {
    parsed = parseScenario(value, SOURCE);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw new Error(`non-ScenarioError for ${JSON.stringify(value)}: ${String(err)}`);
    expect(err.message.startsWith(`${SOURCE}: `)).toBe(true);
    expect(err.message).not.toMatch(/[\r\n]/);
    return err.message;
  }
  expect(parseScenario(structuredClone(parsed), SOURCE)).toEqual(parsed);
  return 'ok';
}

describe('scenario parser under fuzzing (seeded)', () => {
  it('random JSON values are rejected with a ScenarioError', () => {
    const rng = createRng('scenario-fuzz/random');
    for (let i = 0; i < 1500; i++) expect(check(randomJson(rng, 4))).not.toBe('ok');
  });

  it('mutated real scenario files parse or fail cleanly, and most mutations are caught', () => {
    const rng = createRng('scenario-fuzz/mutate');
    let rejected = 0;
    const n = 3000;
    for (let i = 0; i < n; i++) {
      if (check(mutateJson(rng, realFiles[i % realFiles.length])) !== 'ok') rejected++;
    }
    // Some mutations are harmless (e.g. dropping an optional key); most must be caught. A floor, not a
    // measured value: it only guards against a parser that accepts everything.
    expect(rejected).toBeGreaterThan(n / 2);
  });

  it('--set assignments of random text never raise anything but a ScenarioError', () => {
    const rng = createRng('scenario-fuzz/set');
    const keys = ['reagents.agPerCd', 'crystal.diameterNm', 'stages.0.atS', 'stages[2]', 'parameters.a.b', 'crystal', 'x.y', 'name', ''];
    for (let i = 0; i < 1500; i++) {
      const key = rng.next() < 0.7 ? keys[Math.floor(rng.next() * keys.length)] : garbageText(rng, 10);
      const value = rng.next() < 0.5 ? JSON.stringify(randomJson(rng, 2)) : garbageText(rng, 10);
      const base = realFiles[i % realFiles.length];
      let overridden: unknown;
      try {
        overridden = applyOverrides(base, [`${key}=${value}`]);
      } catch (err) {
        if (!(err instanceof ScenarioError)) throw new Error(`non-ScenarioError for --set ${key}=${value}: ${String(err)}`);
        expect(err.message).not.toMatch(/[\r\n]/);
        continue;
      }
      check(overridden);
    }
  });
});
