// scenarios/scenario.schema.json (for editors) must match the zod schema in src/io/scenario.ts.
// Regenerate with: CXSIM_WRITE_SCHEMA=1 npx vitest run test/io/scenario-schema.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/io/scenario.js';

const SCHEMA_FILE = join(import.meta.dirname, '..', '..', 'scenarios', 'scenario.schema.json');

it('scenarios/scenario.schema.json is up to date with the zod schema', () => {
  const expected = JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
  if (process.env.CXSIM_WRITE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, expected);
  const actual = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '(missing)';
  expect(actual, 'stale schema: run CXSIM_WRITE_SCHEMA=1 npx vitest run test/io/scenario-schema.test.ts').toBe(expected);
});

it('the JSON Schema forbids unknown keys and requires what the parser requires', () => {
  const schema = scenarioJsonSchema() as { additionalProperties?: boolean; required?: string[] };
  expect(schema.additionalProperties).toBe(false);
  expect([...(schema.required ?? [])].sort()).toEqual(['crystal', 'durationS', 'material', 'name', 'reagents', 'temperatureC']);
});
