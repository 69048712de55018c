// `cxsim fick`, `cxsim fit` and `cxsim compare` end to end (built CLI in dist/node: build first). Synthetic data come
// from the library's Crank series; checks JSON keys, recovered D, written files, and one-line errors with exit 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fickFractions, type FickProblem } from '../../src/continuum/fick.js';

const MAIN = join(import.meta.dirname, '../../dist/node/sim/main.js');
const root = mkdtempSync(join(tmpdir(), 'cxsim-fick-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cxsim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, exactly one line on stderr that contains `pattern`, nothing on stdout, no stack trace. */
function expectUsageError(r: ReturnType<typeof cxsim>, pattern: RegExp): void {
  expect(r.status, r.stdout + r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const TIMES_S = [0, ...Array.from({ length: 25 }, (_, i) => 10 * 10 ** ((i * 3.2) / 24))];
const SPHERE: FickProblem = { geometry: 'sphere', sizeNm: 1.65, dM2PerS: 1.3e-22 };
const SHEET: FickProblem = { geometry: 'slab', sizeNm: 0.605, dM2PerS: 3e-23, surfaceRateMPerS: 5e-14 };

function writeCsv(path: string, header: string, rows: (number | string)[][]): string {
  writeFileSync(path, [header, ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return path;
}

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: build first (npx tsc -p tsconfig.json)`);
});

describe('cxsim fick', () => {
  it('--json prints times and fraction; M = 0.5 at t50 = 0.030547 a²/D (sphere, PHYSICS-NOTES §0)', () => {
    const t50 = (0.030547 * (1.65e-9) ** 2) / 1e-22;
    const r = cxsim('fick', '--geometry', 'sphere', '--radius-nm', '1.65', '--d-m2s', '1e-22', '--times', `0,${t50}`, '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.times).toEqual([0, t50]);
    expect(out.fraction[0]).toBe(0);
    expect(out.fraction[1]).toBeCloseTo(0.5, 5);
  });

  it('--profile gives {xNm, c} points for a slab, the surface value set by the Robin boundary', () => {
    const r = cxsim('fick', '--geometry', 'slab', '--half-thickness-nm', '0.605', '--d-m2s', '1e-22', '--surface-rate-m-s', '1e-13', '--times', '100,1000', '--profile', '--points', '5', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.profiles).toHaveLength(2);
    expect(out.profiles[0]).toHaveLength(5);
    expect(out.profiles[0][4].xNm).toBeCloseTo(0.605, 12);
    for (const profile of out.profiles) for (let i = 1; i < 5; i++) expect(profile[i].c).toBeGreaterThan(profile[i - 1].c); // uptake from the surface
    expect(out.profiles[1][4].c).toBeLessThan(1); // finite surface rate: the surface lags the solution
  });

  it('prints a readable table without --json, and D(c) through the finite-volume solver with --d-penalty-ev', () => {
    const table = cxsim('fick', '--geometry', 'sphere', '--radius-nm', '1.65', '--d-m2s', '1e-22', '--times', '60,600');
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/M_t\/M_inf/);
    expect(table.stdout.trim().split('\n')).toHaveLength(4);
    const fv = cxsim('fick', '--geometry', 'sphere', '--radius-nm', '1.65', '--d-m2s', '1e-22', '--times', '600', '--d-penalty-ev', '0.3', '--json');
    expect(fv.status, fv.stderr).toBe(0);
    const out = JSON.parse(fv.stdout);
    expect(out.method).toMatch(/finite volumes/);
    expect(out.fraction[0]).toBeGreaterThan(0);
    expect(out.fraction[0]).toBeLessThan(fickFractions({ geometry: 'sphere', sizeNm: 1.65, dM2PerS: 1e-22 }, [600])[0]!);
  });

  it('rejects bad flags with one line and exit 2', () => {
    expectUsageError(cxsim('fick', '--geometry', 'sphere', '--half-thickness-nm', '1', '--d-m2s', '1e-22', '--times', '1'), /--half-thickness-nm applies to --geometry slab/);
    expectUsageError(cxsim('fick', '--geometry', 'sphere', '--radius-nm', '1', '--d-m2s', '-1', '--times', '1'), /--d-m2s: expected a positive number/);
    expectUsageError(cxsim('fick', '--geometry', 'slab', '--half-thickness-nm', '1', '--d-m2s', '1e-22', '--times', '5,1'), /--times: times must not decrease/);
    expectUsageError(cxsim('fick', '--geometry', 'cube', '--radius-nm', '1', '--d-m2s', '1e-22', '--times', '1'), /--geometry: expected sphere or slab, got "cube"/);
  });
});

describe('cxsim fit', () => {
  const dir = join(root, 'fit');
  mkdirSync(dir, { recursive: true });
  const exact = fickFractions(SPHERE, TIMES_S);

  it('recovers D from a timeS,fraction file and from the same data in hours (--json keys dM2S, rmse, n, ci95)', () => {
    const seconds = writeCsv(join(dir, 'seconds.csv'), 'timeS,fraction', TIMES_S.map((t, i) => [t, exact[i]!]));
    const hours = writeCsv(join(dir, 'hours.csv'), '# converted\ntimeH,fraction', TIMES_S.map((t, i) => [t / 3600, exact[i]!]));
    for (const file of [seconds, hours]) {
      const r = cxsim('fit', file, '--geometry', 'sphere', '--radius-nm', '1.65', '--json');
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(Math.abs(out.dM2S / 1.3e-22 - 1)).toBeLessThan(1e-5);
      expect(out.n).toBe(25);
      expect(out.rmse).toBeLessThan(1e-6);
      expect(out.ci95.dM2S[0]).toBeLessThanOrEqual(out.dM2S);
      expect(out.ci95.dM2S[1]).toBeGreaterThanOrEqual(out.dM2S);
    }
  });

  it('reads a KMC timeseries.csv (hgFraction / --x-inf) and fits a Robin rate with --robin', () => {
    const sheet = fickFractions(SHEET, TIMES_S);
    const header = 'timeS,hgFraction,coreShellIndex,agInterstitial,agSubstitutional,vacancies,cdReleased,events';
    const file = writeCsv(join(dir, 'timeseries.csv'), header, TIMES_S.map((t, i) => [t, 0.9 * sheet[i]!, 0, 0, 0, 0, 0, i]));
    const r = cxsim('fit', file, '--geometry', 'slab', '--half-thickness-nm', '0.605', '--robin', '--x-inf', '0.9', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Math.abs(out.dM2S / 3e-23 - 1)).toBeLessThan(1e-3);
    expect(Math.abs(out.surfaceRateMS / 5e-14 - 1)).toBeLessThan(1e-3);
    expect(out.ci95.surfaceRateMS).toHaveLength(2);
    const text = cxsim('fit', file, '--geometry', 'slab', '--half-thickness-nm', '0.605', '--x-inf', '0.9');
    expect(text.stdout).toMatch(/^D = /m);
  });

  it('--burst-s: the fraction at the burst is the initial condition and the inner sphere is fitted (D recovered)', () => {
    // A jump to 0.3 before 10 s, then constant-surface uptake of the inner sphere of radius 1.65 * 0.7^(1/3) nm.
    const inner: FickProblem = { ...SPHERE, sizeNm: 1.65 * Math.cbrt(0.7) };
    const later = fickFractions(inner, TIMES_S);
    const rows = TIMES_S.map((t, i) => [t, t === 0 ? 0 : t <= 10 ? 0.3 : 0.3 + 0.7 * later[i]!]);
    const file = writeCsv(join(dir, 'burst.csv'), 'timeS,fraction', [[0, 0], [1, 0.3], ...rows.slice(1)]);
    const r = cxsim('fit', file, '--geometry', 'sphere', '--radius-nm', '1.65', '--burst-s', '10', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.burstFraction).toBeCloseTo(0.3, 12);
    expect(out.innerRadiusNm).toBeCloseTo(inner.sizeNm, 12);
    expect(Math.abs(out.dM2S / SPHERE.dM2PerS - 1)).toBeLessThan(1e-4);
    expect(cxsim('fit', file, '--geometry', 'sphere', '--radius-nm', '1.65', '--burst-s', '10').stdout).toMatch(/^burst: fraction 0\.3 exchanged at t = 0/m);
    expectUsageError(cxsim('fit', file, '--geometry', 'sphere', '--radius-nm', '1.65', '--burst-s', '1e9'), /--burst-s: expected a time inside the data/);
  });

  it('names the file, line and column of bad data (exit 2, one line)', () => {
    const rows = TIMES_S.map((t, i) => [t, exact[i]!]);
    const decreasing = rows.map((r) => r.slice());
    decreasing[5]![0] = 1e9;
    expectUsageError(cxsim('fit', writeCsv(join(dir, 'dec.csv'), 'timeS,fraction', decreasing), '--geometry', 'sphere', '--radius-nm', '1.65'), /dec\.csv: line 8, column timeS: times must increase/);
    const above = rows.map((r) => r.slice());
    above[3]![1] = 1.2;
    expectUsageError(cxsim('fit', writeCsv(join(dir, 'above.csv'), 'timeS,fraction', above), '--geometry', 'sphere', '--radius-nm', '1.65'), /above\.csv: line 5, column fraction: fraction 1\.2 outside 0\.\.1/);
    expectUsageError(cxsim('fit', writeCsv(join(dir, 'cols.csv'), 'time,x', rows), '--geometry', 'sphere', '--radius-nm', '1.65'), /cols\.csv: no time column: expected timeS or timeH \(header has: time, x\)/);
    expectUsageError(cxsim('fit', writeCsv(join(dir, 'few.csv'), 'timeS,fraction', rows.slice(0, 2)), '--geometry', 'sphere', '--radius-nm', '1.65'), /few\.csv: need at least 2 points with timeS > 0/);
    expectUsageError(cxsim('fit', writeCsv(join(dir, 'text.csv'), 'timeS,fraction', [[0, 0], [10, 'x']]), '--geometry', 'sphere', '--radius-nm', '1.65'), /text\.csv: line 3, column fraction: expected a number, got 'x'/);
    expectUsageError(cxsim('fit', join(dir, 'missing.csv'), '--geometry', 'sphere', '--radius-nm', '1.65'), /missing\.csv: data file not found/);
  });
});

describe('cxsim compare', () => {
  it('fits a run folder (geometry from summary.json), writes compare.svg and compare.json atomically', () => {
    const run = join(root, 'run');
    mkdirSync(run, { recursive: true });
    const f = fickFractions(SPHERE, TIMES_S);
    writeCsv(join(run, 'timeseries.csv'), 'timeS,hgFraction,coreShellIndex,agInterstitial,agSubstitutional,vacancies,cdReleased,events', TIMES_S.map((t, i) => [t, f[i]!, 0, 0, 0, 0, 0, i]));
    const spec = { name: 'zb-iece-80c', material: 'CdSe', temperatureC: 80, crystal: { structure: 'zincblende', shape: 'sphere', diameterNm: 3.3 } };
    writeFileSync(join(run, 'summary.json'), JSON.stringify({ scenario: 'zb-iece-80c', seed: '1', crystal: { cations: 321, anions: 336, surfaceCations: 96, structure: 'zincblende', shape: 'sphere' }, scenarioSpec: spec, final: {} }));
    const r = cxsim('compare', run, '--json');
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(run, 'compare.json'), 'utf8'));
    expect(JSON.parse(r.stdout)).toEqual(doc);
    expect(doc.radiusNm).toBe(1.65);
    expect(Math.abs(doc.fit.dM2S / 1.3e-22 - 1)).toBeLessThan(1e-5);
    expect(doc.reference.dM2S).toBe(1e-22);
    expect(doc.oneD.describes).toBe(true);
    const svg = readFileSync(join(run, 'compare.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
    expect(svg).toContain('paper IE-CE');
  });

  it('fits an ensemble folder of a 4.5 ML platelet (l = 0.605 nm from the CdSe lattice) with --robin, with the sd band', () => {
    const ens = join(root, 'ens');
    mkdirSync(ens, { recursive: true });
    const mean = Array.from(fickFractions(SHEET, TIMES_S));
    const spec = { name: 'npl45-iece-rt', material: 'CdSe', temperatureC: 25, crystal: { structure: 'zincblende', shape: 'platelet', monolayers: 4.5, lateralNm: [5, 5] } };
    writeFileSync(join(ens, 'ensemble.json'), JSON.stringify({ replicas: 4, scenario: 'npl45-iece-rt', scenarioSpec: spec, series: { timeS: TIMES_S, hgFractionMean: mean, hgFractionSd: mean.map(() => 0.02) }, final: {} }));
    const r = cxsim('compare', ens, '--robin');
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(ens, 'compare.json'), 'utf8'));
    expect(doc.source).toBe('ensemble');
    expect(doc.halfThicknessNm).toBeCloseTo(0.605, 12);
    expect(Math.abs(doc.fit.dM2S / 3e-23 - 1)).toBeLessThan(1e-3);
    expect(Math.abs(doc.fit.surfaceRateMS / 5e-14 - 1)).toBeLessThan(1e-3);
    expect(readFileSync(join(ens, 'compare.svg'), 'utf8')).toContain('4 replicas');
  });

  it('refuses a folder without results, and a rod without --geometry, writing nothing', () => {
    const empty = join(root, 'empty');
    mkdirSync(empty, { recursive: true });
    expectUsageError(cxsim('compare', empty), /not a run folder/);
    const rod = join(root, 'rod');
    mkdirSync(rod, { recursive: true });
    writeFileSync(join(rod, 'ensemble.json'), JSON.stringify({ replicas: 2, scenarioSpec: { material: 'CdSe', crystal: { shape: 'rod', diameterNm: 3, lengthNm: 6 } }, series: { timeS: [0, 1, 2, 3], hgFractionMean: [0, 0.1, 0.2, 0.3] } }));
    expectUsageError(cxsim('compare', rod), /crystal shape "rod"; give --geometry/);
    expect(existsSync(join(rod, 'compare.json'))).toBe(false);
    expect(existsSync(join(rod, 'compare.svg'))).toBe(false);
  });
});
