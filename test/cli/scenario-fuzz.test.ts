// A few seeded broken scenarios through the built CLI (each process start costs ~0.2 s): exit 2, one line
// on stderr, no stack trace, and nothing written in --out. The parser itself is fuzzed in test/io.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../../src/io/scenario.js';
import { createRng } from '../../src/rng.js';
import { garbageText, mutateJson } from '../io/json-fuzz.js';

const MAIN = join(import.meta.dirname, '../../dist/node/sim/main.js');
const SCENARIOS = join(import.meta.dirname, '../../scenarios');
const dir = mkdtempSync(join(tmpdir(), 'cxsim-fuzz-cli-'));
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: build first (npx tsc -p tsconfig.json)`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Seeded inputs the parser rejects: mutated built-ins (kept only if invalid) and garbage text. */
function brokenFiles(): string[] {
  const rng = createRng('cli-fuzz');
  const bases = ['zb-purified-ag-80c', 'npl45-iece-rt', 'demo-tiny'].map((n) => JSON.parse(readFileSync(join(SCENARIOS, `${n}.json`), 'utf8')) as unknown);
  const texts: string[] = [];
  while (texts.length < 3) {
    const candidate = mutateJson(rng, bases[texts.length % bases.length]);
    try {
      parseScenario(candidate, 'candidate');
    } catch (err) {
      if (err instanceof ScenarioError) texts.push(JSON.stringify(candidate));
    }
  }
  texts.push(garbageText(rng, 80), '{"name": "x"}');
  return texts;
}

it.each(brokenFiles().map((text, i) => [i, text] as const))('broken scenario %i exits 2 with one line and writes nothing', (i, text) => {
  const file = join(dir, `case-${i}.json`);
  const out = join(dir, `out-${i}`);
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [MAIN, 'run', file, '--out', out, '--quiet'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr.startsWith(`cxsim: ${file}: `)).toBe(true);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(existsSync(out)).toBe(false);
});
