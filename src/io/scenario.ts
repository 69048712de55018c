// Scenario files: the zod schema, parsing into a fully defaulted Scenario (src/model/contract.ts) with
// one-line errors naming file and dotted key, and `--set` overrides. Units: s, nm, degC.
import { z } from 'zod';
import type { Scenario } from '../model/contract.js';
import { MATERIAL_NAMES, materialParams, paramValues } from '../model/params/index.js';
import { paramDomainError } from '../model/params/types.js';
import { BULK_CELLS_RANGE, LATERAL_RANGE_NM, LENGTH_RANGE_NM, MONOLAYER_N_RANGE } from '../lattice/index.js';

/** A scenario that cannot be used. The message is one line: source, dotted key, what was expected, what was found. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(message: string) {
    super(message.replace(/\s*[\r\n]+\s*/g, ' ')); // one line, whatever the input held
  }
}

// ---------------------------------------------------------------------------------------------
// Schema. Bounds are physical sanity limits, not model validity claims (see scenarios/README.md).

const SCENARIO_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const PARAMETER_KEY = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

const amountPerCd = (what: string) =>
  z.number().min(0).max(100).meta({ description: `${what}, equivalents per Cd of the pristine nanocrystal` });
const temperatureC = z
  .number()
  .min(-50)
  .max(400)
  .meta({ description: 'Temperature, degrees Celsius (the model is not valid above ~400 C)' });
// Tighter than the lattice builder's 40 nm: the paper's NCs are 2-10 nm and 30 nm is already ~1e6 sites.
const diameterNm = z.number().min(1).max(30).meta({ description: 'Diameter, nm' });
const lateralSideNm = z.number().min(LATERAL_RANGE_NM[0]).max(LATERAL_RANGE_NM[1]);
const [MIN_N, MAX_N] = MONOLAYER_N_RANGE;

/** N.5 monolayers: N anion planes, N + 1 cation planes (both faces cation-terminated). */
function isHalfMonolayer(monolayers: number): boolean {
  const n = monolayers - 0.5;
  return Number.isInteger(n) && n >= MIN_N && n <= MAX_N;
}

const SphereCrystal = z.strictObject({
  structure: z.enum(['zincblende', 'wurtzite']),
  shape: z.literal('sphere'),
  diameterNm,
  cationRich: z.boolean().optional().meta({ description: 'Fill empty surface cation sites bonded to >= 2 anions (cation-terminated); default false' }),
});
const PlateletCrystal = z.strictObject({
  structure: z.literal('zincblende'),
  shape: z.literal('platelet'),
  monolayers: z
    .number()
    .refine(isHalfMonolayer, { error: `expected N.5 monolayers with N an integer ${MIN_N}..${MAX_N} (e.g. 4.5)` })
    .meta({ description: 'Thickness in monolayers, N.5 (N Se planes, N+1 cation planes)' }),
  lateralNm: z
    .union([lateralSideNm, z.tuple([lateralSideNm, lateralSideNm])])
    .transform((v): [number, number] => (typeof v === 'number' ? [v, v] : v))
    .meta({ description: 'Lateral size, nm: [x, y], or one number for a square' }),
  periodic: z.boolean().optional().meta({ description: 'Periodic in-plane (an infinite sheet)' }),
});
const RodCrystal = z.strictObject({
  structure: z.literal('wurtzite'),
  shape: z.literal('rod'),
  diameterNm,
  lengthNm: z.number().min(LENGTH_RANGE_NM[0]).max(LENGTH_RANGE_NM[1]).meta({ description: 'Length along c, nm' }),
});
const BulkCrystal = z.strictObject({
  structure: z.literal('zincblende'),
  shape: z.literal('bulk'),
  cells: z
    .number()
    .int()
    .min(BULK_CELLS_RANGE.zincblende[0])
    .max(BULK_CELLS_RANGE.zincblende[1])
    .meta({ description: 'Periodic cubic box, unit cells per side' }),
});
const CrystalSchema = z.discriminatedUnion('shape', [SphereCrystal, PlateletCrystal, RodCrystal, BulkCrystal]);

const lambda = z.number().positive().max(1e6);
const atS = z.number().min(0).meta({ description: 'Time of the step, s (0 <= atS < durationS)' });
const StageSchema = z.discriminatedUnion('action', [
  z.strictObject({ atS, action: z.literal('purify') }),
  z
    .strictObject({
      atS,
      action: z.literal('add'),
      hgPerCd: amountPerCd('Hg added').optional(),
      agPerCd: amountPerCd('Ag added').optional(),
      thiolPerCd: amountPerCd('Thiol added').optional(),
    })
    .refine((s) => s.hgPerCd !== undefined || s.agPerCd !== undefined || s.thiolPerCd !== undefined, {
      error: 'expected at least one of hgPerCd, agPerCd, thiolPerCd in an "add" stage',
    }),
  z.strictObject({ atS, action: z.literal('extractAg') }),
  z.strictObject({ atS, action: z.literal('setTemperature'), temperatureC }),
]);

/** The scenario file schema (input side: lateralNm may be one number; defaults filled on parse). */
export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'JSON Schema for editors; ignored by cxsim' }),
    name: z
      .string()
      .regex(SCENARIO_NAME, { error: 'expected 1-100 letters, digits, ".", "_" or "-" (it names the output folder)' })
      .meta({ description: 'Scenario name (default output folder out/<name>)' }),
    description: z.string().max(2000).default('').meta({ description: 'One sentence: what it tests (outcome E..)' }),
    material: z.enum(MATERIAL_NAMES).meta({ description: 'Material system (one parameter set each)' }),
    crystal: CrystalSchema,
    temperatureC,
    durationS: z.number().positive().max(1e9).meta({ description: 'Simulated time, s' }),
    reagents: z.strictObject({
      hgPerCd: amountPerCd('Hg2+'),
      agPerCd: amountPerCd('Ag+'),
      thiolPerCd: amountPerCd('Thiol (dodecanethiol)'),
    }),
    samples: z.number().int().min(2).max(10000).default(41).meta({ description: 'Sample times incl. 0 and durationS' }),
    sampleSpacing: z.enum(['log', 'linear']).default('log'),
    firstSampleS: z.number().positive().default(1).meta({ description: 'First non-zero sample time (log spacing), s' }),
    profileShells: z.number().int().min(1).max(100).default(6).meta({ description: 'Radial (depth) shells in profiles' }),
    stages: z.array(StageSchema).max(1000).default([]).meta({ description: 'Protocol steps, sorted by atS' }),
    initialVacanciesPerCd: z
      .number()
      .min(0)
      .max(0.2)
      .default(0)
      .meta({ description: 'Cation vacancies in the starting crystal per cation site, at random interior sites (e.g. the tracer limit)' }),
    parameters: z
      .record(
        z.string().regex(PARAMETER_KEY, { error: 'expected a parameter name like "hopCdEv"' }),
        z.number(),
      )
      .optional()
      .meta({ description: 'Overrides of material parameters by name, e.g. {"hopCdEv": 0.95} (exploration only)' }),
    acceleration: z
      .strictObject({
        exact: z.boolean().optional().meta({ description: 'true: plain KMC, no rate scaling (convergence checks on small, affordable runs)' }),
        fastPerSlow: lambda.optional().meta({ description: 'Events per slow event kept by each scaled pair of fast events (lambda)' }),
        shellFastPerSlow: lambda.optional().meta({ description: 'The same for Ag_i hops inside an averaged complex (default: fastPerSlow if given)' }),
        trapFastPerSlow: lambda.optional().meta({ description: 'The same for trapping and detrapping (default: fastPerSlow if given)' }),
      })
      .optional()
      .meta({ description: 'Temporal acceleration settings (numerical, not physical; defaults in src/model/acceleration.ts)' }),
  })
  .meta({ title: 'cxsim scenario', description: 'One cation-exchange experiment (see scenarios/README.md)' });

/** JSON Schema (draft 2020-12) of scenario files, for editors (scenarios/scenario.schema.json). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioSchema, { io: 'input' }) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * Validate an unknown JSON value as a scenario and fill in the defaults.
 * @param source names the input in errors (a file path, or e.g. "--set").
 * @throws ScenarioError with a one-line message `source: dotted.key: expected ..., got ...`.
 */
export function parseScenario(value: unknown, source: string): Scenario {
  const result = ScenarioSchema.safeParse(value);
  if (!result.success) throw new ScenarioError(`${source}: ${describeIssues(result.error.issues, value)}`);
  const { $schema: _ignored, ...scenario } = result.data;
  checkTimes(scenario, source);
  checkParameterNames(scenario, source);
  return scenario;
}

/** Parameter overrides must name parameters of the scenario's material, with values in their domains. */
function checkParameterNames(scenario: Scenario, source: string): void {
  const known = Object.keys(paramValues(materialParams(scenario.material)));
  for (const [key, value] of Object.entries(scenario.parameters ?? {})) {
    if (known.includes(key)) {
      const domainError = paramDomainError(key, value);
      if (domainError !== undefined) throw new ScenarioError(`${source}: ${domainError}`);
      continue;
    }
    const hint = suggest(key, known);
    throw new ScenarioError(
      `${source}: parameters: unknown parameter ${JSON.stringify(key)} of ${scenario.material}` +
        (hint === undefined ? ` (known: ${known.join(', ')})` : ` (did you mean ${JSON.stringify(hint)}?)`),
    );
  }
}

/** Cross-field rules zod cannot see field by field: sample grid and stage order inside [0, durationS). */
function checkTimes(scenario: Scenario, source: string): void {
  const fail = (key: string, message: string): never => {
    throw new ScenarioError(`${source}: ${key}: ${message}`);
  };
  if (scenario.sampleSpacing === 'log' && scenario.firstSampleS >= scenario.durationS) {
    fail('firstSampleS', `expected a time < durationS (${scenario.durationS}) for log spacing, got ${scenario.firstSampleS}`);
  }
  let previousS = 0;
  scenario.stages.forEach((stage, i) => {
    if (stage.atS >= scenario.durationS) {
      fail(`stages[${i}].atS`, `expected a time < durationS (${scenario.durationS}), got ${stage.atS}`);
    }
    if (stage.atS < previousS) {
      fail(`stages[${i}].atS`, `expected >= ${previousS} (stages[${i - 1}].atS; stages are sorted by atS), got ${stage.atS}`);
    }
    previousS = stage.atS;
  });
}

type Segment = string | number;
type Issue = z.core.$ZodIssue;

/** The one issue to report: unknown keys first (a typo also makes a required key "missing"). */
function describeIssues(issues: readonly Issue[], root: unknown): string {
  const first = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
  return first === undefined ? 'invalid scenario' : describeIssue(first, [], root);
}

function describeIssue(issue: Issue, prefix: readonly Segment[], root: unknown): string {
  const path = [...prefix, ...(issue.path as Segment[])];
  const value = valueAt(root, path);
  const at = path.length === 0 ? '' : `${formatKeyPath(path)}: `;
  const got = `, got ${describeValue(value)}`;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const hint = suggest(key, knownKeysAt(path, root));
      return `${at}unknown key ${JSON.stringify(key)}${hint === undefined ? '' : ` (did you mean ${JSON.stringify(hint)}?)`}`;
    }
    case 'invalid_type':
      if (value === undefined) return `${at}missing (expected ${article(issue.expected)})`;
      if (path.length === 0 && issue.expected === 'object') return `expected a JSON object (the scenario)${got}`;
      return `${at}expected ${article(issue.expected)}${got}`;
    case 'too_small':
    case 'too_big': {
      const op = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      if (issue.origin === 'array') return `${at}expected a list of ${op} ${limit} items${got}`;
      if (issue.origin === 'string') return `${at}expected a text of ${op} ${limit} characters${got}`;
      const kind = isIntegerAt(path, root) ? 'an integer' : 'a number';
      return `${at}expected ${kind} ${op} ${limit}${got}`;
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof value === 'string' ? suggest(value, issue.values.map(String)) : undefined;
      const expected = options.length === 1 ? options[0] : `one of ${options.join(', ')}`;
      if (value === undefined) return `${at}missing (expected ${expected})`;
      return `${at}expected ${expected}${got}${hint === undefined ? '' : ` (did you mean ${JSON.stringify(hint)}?)`}`;
    }
    case 'invalid_union':
      return describeUnion(issue, path, root);
    case 'invalid_key': {
      const inner = issue.issues[0];
      const why = inner !== undefined && inner.message.startsWith('expected') ? inner.message : 'expected a valid key';
      return `${formatKeyPath(path.slice(0, -1)) || 'scenario'}: invalid key ${JSON.stringify(path[path.length - 1])}: ${why}`;
    }
    default:
      // Custom refinements and formats carry their own "expected ..." message.
      return `${at}${issue.message.startsWith('expected') ? issue.message : `invalid (${issue.message})`}${got}`;
  }
}

/** zod reports integer bounds with origin "number"; the schema at the path knows. */
function isIntegerAt(path: readonly Segment[], root: unknown): boolean {
  return schemasAt(path, root).some((s) => (s as { isInt?: boolean }).isInt === true);
}

function describeUnion(issue: z.core.$ZodIssueInvalidUnion, path: Segment[], root: unknown): string {
  const value = valueAt(root, path);
  const at = path.length === 0 ? '' : `${formatKeyPath(path)}: `;
  if (issue.discriminator !== undefined) {
    // A discriminated union: the path already points at the discriminator key.
    const allowed = 'options' in issue ? (issue.options ?? []) : [];
    const options = allowed.map((o) => JSON.stringify(o));
    const hint = typeof value === 'string' ? suggest(value, allowed.map(String)) : undefined;
    if (value === undefined) return `${at}missing (expected one of ${options.join(', ')})`;
    return `${at}expected one of ${options.join(', ')}, got ${describeValue(value)}${hint === undefined ? '' : ` (did you mean ${JSON.stringify(hint)}?)`}`;
  }
  // A plain union (lateralNm: a number or [x, y]): report the branch that got past the type check.
  const typeMatched = issue.errors.filter((branch) => !(branch[0]?.code === 'invalid_type' && branch[0].path.length === 0));
  const branch = typeMatched[0];
  if (typeMatched.length === 1 && branch !== undefined && branch[0] !== undefined) return describeIssue(branch[0], path, root);
  const kinds = issue.errors.map((b) => (b[0]?.code === 'invalid_type' ? article(b[0].expected) : 'a valid value'));
  if (value === undefined) return `${at}missing (expected ${kinds.join(' or ')})`;
  return `${at}expected ${kinds.join(' or ')}, got ${describeValue(value)}`;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    int: 'an integer',
    string: 'a string',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list',
    tuple: 'a pair [x, y]',
  };
  return names[expected] ?? expected;
}

/** `stages[1].atS`, `crystal.lateralNm[0]`, `parameters["odd key"]`. */
export function formatKeyPath(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** A short one-line rendering of a found value. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  if (Array.isArray(value) && text.length > 40) text = `a list of ${value.length} items`;
  else if (typeof value === 'object' && text.length > 40) text = 'an object';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(root: unknown, path: readonly Segment[]): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
    node = (node as Record<Segment, unknown>)[seg];
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Walking the schema: which keys exist at a path (for "did you mean" and for --set).

interface SchemaDef {
  type: string;
  shape?: Record<string, ZodLike>;
  innerType?: ZodLike;
  in?: ZodLike;
  element?: ZodLike;
  items?: ZodLike[];
  options?: ZodLike[];
  discriminator?: string;
  valueType?: ZodLike;
  values?: unknown[];
}
interface ZodLike {
  readonly def: unknown;
}
const defOf = (schema: ZodLike): SchemaDef => schema.def as SchemaDef;

/** Strip wrappers (default, optional, transform pipe) down to the schema that says what the value is. */
function unwrap(schema: ZodLike): ZodLike {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if ((def.type === 'default' || def.type === 'optional' || def.type === 'nullable') && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
}

/** The object (or other) schemas a value at `path` may match; `root` picks discriminated union branches. */
function schemasAt(path: readonly Segment[], root: unknown): ZodLike[] {
  let candidates: ZodLike[] = [ScenarioSchema];
  for (let depth = 0; depth <= path.length; depth++) {
    const value = valueAt(root, path.slice(0, depth));
    candidates = candidates.flatMap((s) => expandUnion(unwrap(s), value));
    if (depth === path.length) break;
    const seg = path[depth] as Segment;
    candidates = candidates.flatMap((s): ZodLike[] => {
      const def = defOf(s);
      if (def.type === 'object' && typeof seg === 'string' && def.shape && Object.hasOwn(def.shape, seg)) return [def.shape[seg] as ZodLike];
      if (def.type === 'array' && typeof seg === 'number' && def.element) return [def.element];
      if (def.type === 'tuple' && typeof seg === 'number' && def.items?.[seg]) return [def.items[seg] as ZodLike];
      if (def.type === 'record' && typeof seg === 'string' && def.valueType) return [def.valueType];
      return [];
    });
  }
  return candidates;
}

function expandUnion(schema: ZodLike, value: unknown): ZodLike[] {
  const def = defOf(schema);
  if (def.type !== 'union' || !def.options) return [schema];
  const options = def.options.map(unwrap);
  const tag = def.discriminator;
  if (tag !== undefined && value !== null && typeof value === 'object') {
    const chosen = (value as Record<string, unknown>)[tag];
    const matching = options.filter((o) => literalValues(defOf(o).shape?.[tag]).includes(chosen));
    if (matching.length > 0) return matching;
  }
  return options;
}

function literalValues(schema: ZodLike | undefined): unknown[] {
  return schema === undefined ? [] : (defOf(unwrap(schema)).values ?? []);
}

function knownKeysAt(path: readonly Segment[], root: unknown): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(path, root)) for (const key of Object.keys(defOf(s).shape ?? {})) keys.add(key);
  return [...keys];
}

/** The closest candidate to a misspelt word, if it is close enough to be a plausible typo. */
function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === word.toLowerCase() ? 0.5 : editDistance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 10) return Infinity;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length] as number;
}

// ---------------------------------------------------------------------------------------------
// --set overrides

/**
 * Apply `dotted.key=value` assignments to raw scenario JSON before validation. Values are parsed as JSON
 * when possible, else kept as text. `parameters.<dotted name>=v` sets one parameter override;
 * array elements are addressed as `stages.0.atS` or `stages[0].atS`.
 * @returns a new value; the input is not modified.
 * @throws ScenarioError naming the assignment when it is malformed or its key is not in the schema.
 */
export function applyOverrides(json: unknown, assignments: readonly string[]): unknown {
  if (assignments.length === 0) return json;
  const out: unknown = json === undefined ? undefined : structuredClone(json);
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    const fail = (message: string): never => {
      throw new ScenarioError(`--set ${JSON.stringify(assignment)}: ${message}`);
    };
    if (eq <= 0) fail('expected dotted.key=value, e.g. reagents.agPerCd=0.1');
    const path = parseKeyPath(assignment.slice(0, eq), fail);
    const text = assignment.slice(eq + 1);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = text;
    }
    checkKeyPath(path, out, fail);
    if (out === null || typeof out !== 'object' || Array.isArray(out)) fail('the scenario is not a JSON object');
    setAt(out as Record<string, unknown>, path, fail, value);
  }
  return out;
}

function parseKeyPath(key: string, fail: (m: string) => never): Segment[] {
  const segs = key.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (segs.some((s) => s === '')) fail(`expected a dotted key like reagents.agPerCd, got ${JSON.stringify(key)}`);
  // Parameter names are themselves dotted: everything after "parameters." is one record key.
  if (segs[0] === 'parameters' && segs.length > 1) return ['parameters', segs.slice(1).join('.')];
  return segs.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Every prefix of the path must name a key some scenario can have. */
function checkKeyPath(path: readonly Segment[], root: unknown, fail: (m: string) => never): void {
  for (let depth = 0; depth < path.length; depth++) {
    const parent = path.slice(0, depth);
    const seg = path[depth] as Segment;
    const schemas = schemasAt(parent, root);
    const ok = schemas.some((s) => {
      const def = defOf(s);
      if (def.type === 'object') return typeof seg === 'string' && Object.hasOwn(def.shape ?? {}, seg);
      if (def.type === 'array' || def.type === 'tuple') return typeof seg === 'number';
      return def.type === 'record' && typeof seg === 'string';
    });
    if (ok) continue;
    const where = depth === 0 ? 'the scenario' : formatKeyPath(parent);
    const keys = knownKeysAt(parent, root);
    if (typeof seg === 'number') fail(`${where} is not a list`);
    if (keys.length === 0) fail(`${where} has no keys`);
    const hint = suggest(seg, keys);
    fail(`unknown key ${JSON.stringify(seg)} in ${where}${hint === undefined ? ` (keys: ${keys.join(', ')})` : ` (did you mean ${JSON.stringify(hint)}?)`}`);
  }
}

function setAt(root: Record<string, unknown>, path: readonly Segment[], fail: (m: string) => never, value: unknown): void {
  let node: Record<Segment, unknown> = root;
  for (let depth = 0; depth < path.length; depth++) {
    const seg = path[depth] as Segment;
    if (Array.isArray(node) && typeof seg === 'number' && seg > node.length) {
      fail(`${formatKeyPath(path.slice(0, depth))} has ${node.length} items; index ${seg} would leave a gap`);
    }
    if (depth === path.length - 1) {
      node[seg] = value;
      return;
    }
    let child = node[seg];
    if (child === null || typeof child !== 'object') {
      child = typeof path[depth + 1] === 'number' ? [] : {};
      node[seg] = child;
    }
    node = child as Record<Segment, unknown>;
  }
}
