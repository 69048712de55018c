// The validation machinery on tiny inputs, not the physics: the outcome table is well formed and names only
// existing scenarios, equal conditions share one ensemble, verdicts and the report render from fake metrics,
// --only rejects an unknown id with one line (exit 2), and the runner runs each ensemble once (fake replicas).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fickFractions } from '../../src/continuum/fick.js';
import { sampleTimes } from '../../src/model/simulation.js';
import type { Scenario } from '../../src/model/contract.js';
import { UsageError } from '../../sim/errors.js';
import { parseNumericCsv } from '../../sim/ensemble/replica-files.js';
import { loadScenario, profilesCsv, timeseriesCsv } from '../../sim/run-scenario.js';
import { CRITERIA } from '../../sim/validate/criteria.js';
import { ensembleMetrics, interpolateAt, type EnsembleMetrics, type ReplicaRecord } from '../../sim/validate/metrics.js';
import { opticsSummary } from '../../sim/validate/optics.js';
import { ensembleRef, OUTCOMES, refLabel, type EnsembleRef, type Outcome } from '../../sim/validate/outcomes.js';
import { planEnsembles } from '../../sim/validate/plan.js';
import { validationFigures } from '../../sim/validate/plots.js';
import { renderReport, writeReport, type ReportInput } from '../../sim/validate/report.js';
import { runValidation, selectOutcomes } from '../../sim/validate/run.js';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/node/sim/main.js');
const WORKER_URL = pathToFileURL(join(ROOT, 'dist/node/sim/ensemble/worker.js'));
const FAKE_REPLICA_URL = pathToFileURL(join(ROOT, 'test/ensemble/helpers/fake-replica.mjs')).href;
const root = mkdtempSync(join(tmpdir(), 'cxsim-validate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * A fake replica: CE-like (Ag = 0: the surface shell exchanges, then stalls) or IE-CE-like (homogeneous,
 * x -> 1 with a time constant); `jitter` varies replicas a little. Six shells inside-out.
 */
function fakeReplica(spec: Scenario, jitter: number): ReplicaRecord {
  const times = sampleTimes(spec);
  const shells = 6;
  const withAg = spec.reagents.agPerCd > 0;
  const tauS = 1800 * (1 + jitter);
  const shellX = (t: number, s: number) => (withAg ? 1 - Math.exp(-t / tauS) : s >= 4 ? 1 - Math.exp(-t / 5) : 0);
  const samples = times.map((timeS, i) => {
    const xs = Array.from({ length: shells }, (_, s) => shellX(timeS, s));
    const mean = xs.reduce((a, b) => a + b, 0) / shells;
    const outer = (xs[3]! + xs[4]! + xs[5]!) / 3;
    const inner = (xs[0]! + xs[1]! + xs[2]!) / 3;
    return { timeS, hgFraction: mean, coreShellIndex: outer - inner, agInterstitial: 1, agSubstitutional: withAg ? 2 : 0, vacancies: 1, cdReleased: 10 * mean, events: i };
  });
  const radiusNm = 'diameterNm' in spec.crystal ? spec.crystal.diameterNm / 2 : 0.75;
  const profiles = times.flatMap((timeS) => Array.from({ length: shells }, (_, s) => ({ timeS, shell: s, radiusNm: ((s + 0.5) * radiusNm) / shells, hgFraction: shellX(timeS, s) })));
  const last = samples[samples.length - 1]!;
  return {
    series: parseNumericCsv(timeseriesCsv(samples), 'fake timeseries.csv'),
    profiles: parseNumericCsv(profilesCsv(profiles), 'fake profiles.csv'),
    final: { hgFraction: last.hgFraction, coreShellIndex: last.coreShellIndex, agSubstitutional: last.agSubstitutional, cationToAnion: 1.25 },
    surfaceFraction: 0.4,
    cations: 100,
  };
}

/** Fake metrics for every ensemble of the table (3 replicas each). */
function fakeLookup(): (ref: EnsembleRef) => EnsembleMetrics | undefined {
  const byRef = new Map<string, EnsembleMetrics>();
  for (const planned of planEnsembles(OUTCOMES.flatMap((o) => o.needs), [], '1')) {
    const metrics = ensembleMetrics(planned.scenario, [0, 0.1, -0.1].map((j) => fakeReplica(planned.scenario, j)));
    for (const ref of planned.refs) byRef.set(refLabel(ref), metrics);
  }
  return (ref) => byRef.get(refLabel(ref));
}

describe('the outcome table', () => {
  it('has unique kebab-case ids, E-numbers of PHYSICS-NOTES section 6, a statement, a criterion and needs', () => {
    expect(new Set(OUTCOMES.map((o) => o.id)).size).toBe(OUTCOMES.length);
    for (const o of OUTCOMES) {
      expect(o.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(o.experiments.length).toBeGreaterThan(0);
      for (const e of o.experiments) expect(Number(e.replace(/^E/, ''))).toSatisfy((n: number) => e.startsWith('E') && Number.isInteger(n) && n >= 1 && n <= 56);
      expect(o.statement.length).toBeGreaterThan(10);
      expect(o.criterion.length).toBeGreaterThan(10);
      expect(o.needs.length).toBeGreaterThan(0);
    }
  });

  it('covers the must-reproduce outcomes of PHYSICS-NOTES 6.7', () => {
    const covered = new Set(OUTCOMES.flatMap((o) => o.experiments));
    for (const e of ['E1', 'E2', 'E3', 'E4', 'E6', 'E7', 'E9', 'E12', 'E13', 'E14', 'E15', 'E17', 'E18', 'E19', 'E23', 'E24', 'E25', 'E33', 'E41', 'E43', 'E45', 'E46', 'E48', 'E50', 'E51', 'E52', 'E53']) {
      expect(covered, e).toContain(e);
    }
  });

  it('names only built-in scenarios and keys they accept; equal conditions share one ensemble', () => {
    const plan = planEnsembles(OUTCOMES.flatMap((o) => o.needs), [], '1');
    const served = plan.flatMap((p) => p.refs.map(refLabel));
    expect(new Set(served).size).toBe(served.length);
    expect(new Set(served)).toEqual(new Set(OUTCOMES.flatMap((o) => o.needs.map(refLabel))));
    const iece = plan.find((p) => p.refs.some((r) => r.scenario === 'zb-iece-80c-d3.3'))!;
    expect(iece.refs.map(refLabel)).toEqual(['zb-iece-80c', 'zb-iece-80c-d3.3']);
    expect(new Set(plan.map((p) => p.dirName)).size).toBe(plan.length);
    // Another seed or a --set gives other folders: stale replicas are never reused.
    const other = planEnsembles([ensembleRef('zb-ce-80c')], [], '2')[0]!;
    expect(other.dirName).not.toBe(plan.find((p) => p.scenario.name === 'zb-ce-80c')!.dirName);
    expect(() => planEnsembles([ensembleRef('no-such-scenario')], [], '1')).toThrow(UsageError);
  });

  it('evaluates every outcome from fake metrics, reading only the ensembles it names', () => {
    const lookup = fakeLookup();
    for (const o of OUTCOMES) {
      const allowed = new Set(o.needs.map(refLabel));
      const verdict = o.evaluate({
        of: (ref) => {
          if (!allowed.has(refLabel(ref))) throw new Error(`${o.id} reads ${refLabel(ref)}, not in its needs`);
          return lookup(ref)!;
        },
      });
      expect(typeof verdict.pass, o.id).toBe('boolean');
      expect(verdict.value.length, o.id).toBeGreaterThan(0);
    }
  });

  it('judges by the thresholds: a fake stalled CE is core/shell and incomplete, a fake IE-CE an alloy', () => {
    const lookup = fakeLookup();
    const verdict = (id: string) => OUTCOMES.find((o) => o.id === id)!.evaluate({ of: (ref) => lookup(ref)! });
    expect(verdict('ce-core-shell').pass).toBe(true);
    expect(verdict('ce-incomplete-48h').pass).toBe(true);
    expect(verdict('iece-alloy').pass).toBe(true);
    expect(verdict('iece-further-than-ce').pass).toBe(true);
    expect(verdict('thiol-excess').pass).toBe(false); // the fake ignores thiol: 10 thiol/Cd still exchanges
  });
});

describe('metrics', () => {
  it('interpolates linearly inside the samples and gives NaN outside', () => {
    const xs = [0, 1, 3];
    const ys = [0, 10, 30];
    expect(interpolateAt(xs, ys, 2)).toBeCloseTo(20, 12);
    expect(interpolateAt(xs, ys, 3)).toBe(30);
    expect(interpolateAt(xs, ys, 3.5)).toBeNaN();
    expect(interpolateAt(xs, ys, -1)).toBeNaN();
  });

  it('fits Fick to the samples inside a window only', () => {
    // x(t) is an exact Crank curve (D = 2e-22 m²/s, a = 1.65 nm) except for a burst plateau of 0.35 before 10 min.
    const planned = loadScenario('zb-iece-80c', []).scenario;
    const times = sampleTimes(planned);
    const crank = fickFractions({ geometry: 'sphere', sizeNm: 1.65, dM2PerS: 2e-22 }, times);
    const x = Array.from(crank, (v, i) => (times[i]! > 0 && times[i]! < 600 ? Math.max(v, 0.35) : v));
    const replica = fakeReplica(planned, 0);
    const rows = x.map((hgFraction, i) => ({ timeS: times[i]!, hgFraction, coreShellIndex: 0, agInterstitial: 0, agSubstitutional: 0, vacancies: 0, cdReleased: 0, events: i }));
    const m = ensembleMetrics(planned, [{ ...replica, series: parseNumericCsv(timeseriesCsv(rows), 'burst timeseries.csv') }]);
    const late = m.fick({ fromS: 600 });
    expect(late.dM2PerS.mean / 2e-22).toBeCloseTo(1, 3);
    expect(late.rmse.mean).toBeLessThan(1e-6);
    expect(m.fick().rmse.mean).toBeGreaterThan(0.03); // the plateau spoils the whole-run fit
    const early = m.fick({ untilS: 599 });
    expect(early.rmse.mean).toBeGreaterThan(0.03);
  });
});

describe('--only', () => {
  it('selects outcomes in table order and refuses an unknown id naming it', () => {
    expect(selectOutcomes(OUTCOMES, ['iece-alloy', 'burst']).map((o) => o.id)).toEqual(['burst', 'iece-alloy']);
    expect(selectOutcomes(OUTCOMES, [])).toHaveLength(OUTCOMES.length);
    expect(() => selectOutcomes(OUTCOMES, ['burst', 'nope'])).toThrow(/--only: unknown outcome id "nope" \(known: burst, /);
  });

  it('on the CLI: exit 2 and one line on stderr, nothing written', () => {
    expect(existsSync(MAIN), 'build first: npx tsc -p tsconfig.json').toBe(true);
    const docs = join(root, 'cli-docs');
    const r = spawnSync(process.execPath, [MAIN, 'validate', '--only', 'burst,nope', '--out', join(root, 'cli-out'), '--docs', docs], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cxsim: --only: unknown outcome id "nope" [^\n]*\n$/);
    expect(existsSync(docs)).toBe(false);
    expect(existsSync(join(root, 'cli-out'))).toBe(false);
  });
});

function reportInput(rows: ReportInput['rows'], lookup: (ref: EnsembleRef) => EnsembleMetrics | undefined): ReportInput {
  const optics = opticsSummary(lookup(ensembleRef('zb-ce-80c')), lookup(ensembleRef('zb-iece-80c')));
  return {
    command: 'cxsim validate --quick',
    dateIso: '2025-01-01T00:00:00Z',
    cxsimVersion: '0.0.0',
    nodeVersion: 'v20',
    replicas: 3,
    baseSeed: '1',
    quick: true,
    sets: [],
    only: [],
    wallS: 12,
    rows,
    figures: validationFigures(lookup, optics),
    optics,
    ensembles: [{ name: 'zb-ce-80c', serves: ['zb-ce-80c'], replicas: 3, ran: 3, wallS: 4, dir: 'out/validate/zb-ce-80c--0123456789' }],
  };
}

describe('the report', () => {
  const lookup = fakeLookup();
  const rows = OUTCOMES.map((outcome) => ({ outcome, verdict: outcome.evaluate({ of: (ref) => lookup(ref)! }) }));
  const input = reportInput(rows, lookup);

  it('renders the outcome table with criteria, values and results, and the pass count', () => {
    const md = renderReport(input);
    expect(md).toContain('| outcome | experiment (paper) | criterion | simulated (mean ± sd (sem)) | result |');
    for (const { outcome } of rows) expect(md).toContain(`| \`${outcome.id}\` |`);
    const passed = rows.filter((r) => r.verdict.pass).length;
    expect(md).toContain(`**${passed} of ${rows.length} outcomes pass.**`);
    expect(md).toMatch(/Quick smoke run/);
    // Pipes inside a cell are escaped, so every table row keeps its 5 columns.
    const outcomeRows = md.split('\n').filter((l) => l.startsWith('| `'));
    for (const line of outcomeRows) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    for (const k of Object.values(CRITERIA)) expect(md).toContain(`| ${k.name} | ${k.value} |`);
  });

  it('links every figure relatively, with the CE/IE-CE kinetics, profiles, sweeps and optics among them', () => {
    const md = renderReport(input);
    const files = input.figures.map((f) => f.file);
    for (const f of ['xt-ce-vs-iece.svg', 'profiles-ce-vs-iece.svg', 'ag-dose.svg', 'thiol.svg', 'optics-time.svg', 'optics-x.svg']) expect(files).toContain(f);
    for (const f of files) expect(md).toContain(`](validation/${f})`);
    expect(md).toContain('## Optics: 1S-1S shifts and bowing');
    for (const f of input.figures) expect(f.svg).toMatch(/^<svg [^]*<\/svg>\n$/);
  });

  it('writes validation.md and the SVGs under the docs folder', () => {
    const docs = join(root, 'docs');
    const path = writeReport(docs, input);
    expect(path).toBe(join(docs, 'validation.md'));
    expect(readFileSync(path, 'utf8')).toBe(renderReport(input));
    for (const f of input.figures) expect(readFileSync(join(docs, 'validation', f.file), 'utf8')).toBe(f.svg);
  });

  it('marks a run under --set as not the standard conditions', () => {
    expect(renderReport({ ...input, quick: false, sets: ['crystal.diameterNm=2.3'] })).toMatch(/Not the standard conditions.*--set crystal\.diameterNm=2\.3/);
  });
});

describe('the runner (fake replicas)', () => {
  // Two outcomes over three references, two of which are the same conditions: two ensembles.
  const table: Outcome[] = [
    { id: 'a', experiments: ['E6'], statement: 'fake a', criterion: 'fake', needs: [ensembleRef('zb-iece-80c')], evaluate: (s) => ({ value: String(s.of(ensembleRef('zb-iece-80c')).replicas), pass: true }) },
    {
      id: 'b',
      experiments: ['E9'],
      statement: 'fake b',
      criterion: 'fake',
      needs: [ensembleRef('zb-iece-80c-d3.3'), ensembleRef('demo-tiny')],
      evaluate: (s) => ({ value: String(s.of(ensembleRef('demo-tiny')).at('hgFraction', 60).mean), pass: false }),
    },
  ];
  const options = { replicas: 2, jobs: 1, baseSeed: '1', outDir: join(root, 'work'), outcomes: table, sets: ['durationS=100', 'samples=6'], replicaModuleUrl: FAKE_REPLICA_URL, workerUrl: WORKER_URL };

  it('runs each distinct ensemble once, then resumes without rerunning', async () => {
    const first = await runValidation(options);
    expect(first.ensembles.map((e) => e.planned.scenario.name)).toEqual(['zb-iece-80c', 'demo-tiny']);
    expect(first.ensembles.map((e) => e.ran)).toEqual([2, 2]);
    expect(first.verdicts.map((v) => v.pass)).toEqual([true, false]);
    expect(first.lookup(ensembleRef('zb-iece-80c-d3.3'))).toBe(first.lookup(ensembleRef('zb-iece-80c')));
    const again = await runValidation({ ...options, only: ['b'] });
    expect(again.ensembles.map((e) => e.ran)).toEqual([0, 0]);
    expect(again.verdicts.map((v) => v.value)).toEqual([first.verdicts[1]!.value]);
  });
});
