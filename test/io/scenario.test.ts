// Scenario schema: built-in files, defaults, one-line errors naming file and key, --set overrides.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOverrides, parseScenario, ScenarioError } from '../../src/io/scenario.js';
import { buildCrystal } from '../../src/lattice/index.js';
import { crystalSpecOf } from '../../src/model/simulation.js';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');
const FILE = 'scenarios/x.json';

const base = () => ({
  name: 'x',
  material: 'CdSe',
  crystal: { structure: 'zincblende', shape: 'sphere', diameterNm: 3.3 },
  temperatureC: 80,
  durationS: 3600,
  reagents: { hgPerCd: 1.5, agPerCd: 0.075, thiolPerCd: 1 },
});

/** The ScenarioError message for a value, or a failure if it parses. */
function errorOf(value: unknown, source = FILE): string {
  try {
    parseScenario(value, source);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as Error).message;
  }
  throw new Error('expected a ScenarioError, but the scenario parsed');
}

describe('built-in scenarios', () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

  it('exist for every experiment of issue 4', () => {
    const names = files.map((f) => f.replace(/\.json$/, ''));
    for (const name of ['zb-ce-80c', 'zb-iece-80c', 'zb-ce-250c', 'zb-ce-rt-nothiol', 'zb-iece-rt-nothiol', 'zb-ag-dose-80c',
      'zb-thiol-80c', 'zb-purified-ag-80c', 'wz-ce-80c', 'wz-iece-80c', 'npl45-ce-rt', 'npl45-iece-rt', 'cdte-iece-rt',
      'cds-ce-80c', 'cds-iece-80c', 'cdses-ce-80c', 'cdses-iece-80c', 'zb-iece-80c-d2.3', 'zb-iece-80c-d2.7',
      'zb-iece-80c-d3.3', 'zb-iece-80c-d4.0', 'demo-tiny']) {
      expect(names).toContain(name);
    }
  });

  it.each(files)('%s parses, is named after its file and cites an outcome E..', (file) => {
    const scenario = parseScenario(JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')), file);
    expect(scenario.name).toBe(file.replace(/\.json$/, ''));
    expect(scenario.description).toMatch(/\(E\d+/);
    // IE-CE is the one with Ag, CE the one without (the names say which).
    if (/-iece-/.test(file)) expect(scenario.reagents.agPerCd).toBeGreaterThan(0);
    if (/-ce-/.test(file)) expect(scenario.reagents.agPerCd).toBe(0);
    // The lattice builder accepts its crystal, and 3.3 nm spheres hold a few hundred cations (MODEL.md 2).
    const crystal = buildCrystal(crystalSpecOf(scenario));
    expect(crystal.cationCount).toBeGreaterThan(50);
    if (scenario.crystal.shape === 'sphere' && scenario.crystal.diameterNm === 3.3) expect(crystal.cationCount).toBeLessThan(1000);
  });
});

describe('parseScenario()', () => {
  it('fills the documented defaults and drops $schema', () => {
    const s = parseScenario({ ...base(), $schema: './scenario.schema.json' }, FILE);
    expect(s).toMatchObject({ samples: 41, sampleSpacing: 'log', firstSampleS: 1, profileShells: 6, stages: [], description: '' });
    expect(s).not.toHaveProperty('$schema');
    expect(s).not.toHaveProperty('parameters');
  });

  it('turns one lateral size into a square [x, x] and keeps a pair', () => {
    const platelet = (lateralNm: unknown) =>
      parseScenario({ ...base(), crystal: { structure: 'zincblende', shape: 'platelet', monolayers: 4.5, lateralNm } }, FILE).crystal;
    expect(platelet(8)).toMatchObject({ lateralNm: [8, 8] });
    expect(platelet([6, 9])).toMatchObject({ lateralNm: [6, 9] });
  });

  it('keeps stages and parameter overrides', () => {
    const s = parseScenario(
      { ...base(), stages: [{ atS: 10, action: 'purify' }, { atS: 10, action: 'add', agPerCd: 0.1 }], parameters: { hopCdEv: 0.9 } },
      FILE,
    );
    expect(s.stages).toEqual([{ atS: 10, action: 'purify' }, { atS: 10, action: 'add', agPerCd: 0.1 }]);
    expect(s.parameters).toEqual({ hopCdEv: 0.9 });
  });

  it('keeps the acceleration settings, and --set reaches them', () => {
    expect(parseScenario({ ...base(), acceleration: { fastPerSlow: 10, exact: false } }, FILE).acceleration).toEqual({ fastPerSlow: 10, exact: false });
    expect(parseScenario(applyOverrides(base(), ['acceleration.exact=true']), FILE).acceleration).toEqual({ exact: true });
  });

  it('does not change its input', () => {
    const input = base();
    const copy = structuredClone(input);
    parseScenario(input, FILE);
    expect(input).toEqual(copy);
  });

  // Each bad input, the key its message must name, and a phrase of what was expected.
  const cases: [string, () => unknown, string, RegExp][] = [
    ['unknown key at the top', () => ({ ...base(), reagnets: {} }), 'unknown key "reagnets"', /did you mean "reagents"/],
    ['unknown nested key', () => ({ ...base(), crystal: { ...base().crystal, diameter: 3 } }), 'crystal: unknown key "diameter"', /did you mean "diameterNm"/],
    ['unknown key in a stage', () => ({ ...base(), stages: [{ atS: 1, action: 'purify', amount: 1 }] }), 'stages[0]: unknown key "amount"', /unknown/],
    ['wrong type', () => ({ ...base(), temperatureC: '80' }), 'temperatureC: expected a number', /got "80"/],
    ['negative amount', () => ({ ...base(), reagents: { ...base().reagents, agPerCd: -1 } }), 'reagents.agPerCd: expected a number >= 0', /got -1$/],
    ['amount above 100 per Cd', () => ({ ...base(), reagents: { ...base().reagents, thiolPerCd: 1000 } }), 'reagents.thiolPerCd', /<= 100/],
    ['missing reagent', () => ({ ...base(), reagents: { hgPerCd: 1.5, agPerCd: 0 } }), 'reagents.thiolPerCd: missing', /expected a number/],
    ['unknown material', () => ({ ...base(), material: 'CdZe' }), 'material: expected one of', /"CdSe".*did you mean "CdSe"/],
    ['4.3 monolayers', () => ({ ...base(), crystal: { structure: 'zincblende', shape: 'platelet', monolayers: 4.3, lateralNm: 8 } }), 'crystal.monolayers', /N\.5.*got 4\.3/],
    ['wurtzite platelet', () => ({ ...base(), crystal: { structure: 'wurtzite', shape: 'platelet', monolayers: 4.5, lateralNm: 8 } }), 'crystal.structure', /"zincblende"/],
    ['zinc-blende rod', () => ({ ...base(), crystal: { structure: 'zincblende', shape: 'rod', diameterNm: 3, lengthNm: 10 } }), 'crystal.structure', /"wurtzite"/],
    ['unknown shape', () => ({ ...base(), crystal: { structure: 'zincblende', shape: 'cube' } }), 'crystal.shape', /one of "sphere", "platelet", "rod", "bulk"/],
    ['lateral pair too large', () => ({ ...base(), crystal: { structure: 'zincblende', shape: 'platelet', monolayers: 4.5, lateralNm: [8, 500] } }), 'crystal.lateralNm[1]', /<= 200/],
    ['non-integer samples', () => ({ ...base(), samples: 2.5 }), 'samples: expected an integer', /2\.5/],
    ['too few samples', () => ({ ...base(), samples: 1 }), 'samples: expected an integer >= 2', /got 1$/],
    ['temperature above 400 C', () => ({ ...base(), temperatureC: 500 }), 'temperatureC', /<= 400/],
    ['zero duration', () => ({ ...base(), durationS: 0 }), 'durationS: expected a number > 0', /got 0$/],
    ['unsorted stages', () => ({ ...base(), stages: [{ atS: 20, action: 'purify' }, { atS: 10, action: 'extractAg' }] }), 'stages[1].atS', /sorted/],
    ['stage after the end', () => ({ ...base(), stages: [{ atS: 3600, action: 'purify' }] }), 'stages[0].atS', /< durationS/],
    ['negative stage time', () => ({ ...base(), stages: [{ atS: -1, action: 'purify' }] }), 'stages[0].atS', />= 0/],
    ['add stage adding nothing', () => ({ ...base(), stages: [{ atS: 5, action: 'add' }] }), 'stages[0]', /at least one of hgPerCd, agPerCd, thiolPerCd/],
    ['unknown stage action', () => ({ ...base(), stages: [{ atS: 5, action: 'boil' }] }), 'stages[0].action', /"purify"/],
    ['setTemperature without a temperature', () => ({ ...base(), stages: [{ atS: 5, action: 'setTemperature' }] }), 'stages[0].temperatureC: missing', /number/],
    ['non-numeric parameter', () => ({ ...base(), parameters: { hopCdEv: 'high' } }), 'parameters.hopCdEv', /expected a number/],
    ['unknown parameter', () => ({ ...base(), parameters: { hopCdEV: 1 } }), 'parameters: unknown parameter "hopCdEV" of CdSe', /did you mean "hopCdEv"/],
    ['parameter outside its domain', () => ({ ...base(), parameters: { agSolubilityDepthLayers: 0.5 } }), 'parameters.agSolubilityDepthLayers: expected 0', /got 0\.5$/],
    ['zero lambda', () => ({ ...base(), acceleration: { fastPerSlow: 0 } }), 'acceleration.fastPerSlow: expected a number > 0', /got 0$/],
    ['unknown acceleration key', () => ({ ...base(), acceleration: { lambda: 3 } }), 'acceleration: unknown key "lambda"', /unknown/],
    ['file-unsafe name', () => ({ ...base(), name: '../x' }), 'name:', /output folder/],
    ['first log sample after the end', () => ({ ...base(), firstSampleS: 7200 }), 'firstSampleS', /< durationS/],
    ['not an object', () => [1, 2], 'expected a JSON object', /got \[1,2\]/],
  ];

  it.each(cases)('rejects %s in one line naming file and key', (_what, make, key, expected) => {
    const message = errorOf(make());
    expect(message.startsWith(`${FILE}: `)).toBe(true);
    expect(message).toContain(key);
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/[\r\n]/);
  });

  it('prefers the unknown key when a typo also leaves a required key missing', () => {
    const { reagents, ...rest } = base();
    expect(errorOf({ ...rest, reagnets: reagents })).toBe(`${FILE}: unknown key "reagnets" (did you mean "reagents"?)`);
  });

  it('keeps a message on one line even for keys and values holding newlines', () => {
    expect(errorOf({ ...base(), 'bad\nkey': 1 })).not.toMatch(/\n/);
    expect(errorOf({ ...base(), name: 'a\nb' }, 'odd\nfile.json')).not.toMatch(/\n/);
  });
});

describe('applyOverrides()', () => {
  it('sets nested values parsed as JSON, text otherwise, without touching the input', () => {
    const input = base();
    const out = applyOverrides(input, ['reagents.agPerCd=0.1', 'crystal.diameterNm=4', 'material=CdTe', 'crystal.cationRich=true']);
    expect(out).toMatchObject({ material: 'CdTe', reagents: { agPerCd: 0.1 }, crystal: { diameterNm: 4, cationRich: true } });
    expect(input).toEqual(base());
  });

  it('applies before validation, so an override can repair a file and a bad override is reported', () => {
    const broken = { ...base(), durationS: -5 };
    expect(parseScenario(applyOverrides(broken, ['durationS=60']), FILE).durationS).toBe(60);
    expect(() => parseScenario(applyOverrides(base(), ['reagents.agPerCd=-2']), FILE)).toThrow(/reagents\.agPerCd: expected a number >= 0, got -2/);
  });

  it('addresses stage elements and dotted parameter names', () => {
    const withStage = { ...base(), stages: [{ atS: 5, action: 'purify' }] };
    expect(applyOverrides(withStage, ['stages[0].atS=7'])).toMatchObject({ stages: [{ atS: 7 }] });
    expect(applyOverrides(withStage, ['stages.1={"atS":9,"action":"extractAg"}'])).toMatchObject({ stages: [{ atS: 5 }, { atS: 9 }] });
    expect(applyOverrides(base(), ['parameters.hop.barrierEv=0.9'])).toMatchObject({ parameters: { 'hop.barrierEv': 0.9 } });
  });

  it.each([
    ['reagents.agPerCD=0.1', /--set "reagents\.agPerCD=0\.1": unknown key "agPerCD" in reagents \(did you mean "agPerCd"\?\)/],
    ['temperature=80', /unknown key "temperature" in the scenario \(did you mean "temperatureC"\?\)/],
    ['crystal.diameterNm.inner=1', /crystal\.diameterNm has no keys/],
    ['crystal.lateralNm=8', /unknown key "lateralNm" in crystal/], // not a key of a sphere
    ['stages.3.atS=1', /gap/],
    ['reagents', /expected dotted\.key=value/],
    ['=1', /expected dotted\.key=value/],
    ['reagents..agPerCd=1', /expected a dotted key/],
  ])('rejects --set %s naming the key', (assignment, expected) => {
    expect(() => applyOverrides(base(), [assignment])).toThrow(ScenarioError);
    expect(() => applyOverrides(base(), [assignment])).toThrow(expected);
  });
});
