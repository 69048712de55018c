// `cxsim optics` and `cxsim optics-curves` end to end on synthetic run and ensemble folders (built CLI in
// dist/node: `npm run build` first). Checks files, summary keys, ensemble statistics and bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opticsOfProfile } from '../../src/optics/profile.js';

const CLI = join(process.cwd(), 'dist/node/sim/main.js');
const root = mkdtempSync(join(tmpdir(), 'cxsim-optics-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cxsim(...args: string[]): Ran {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A usage error: exit 2, one line on stderr naming the problem, no stack trace. */
function expectUsageError(r: Ran, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}

// 3.3 nm sphere, ten shells of equal width: shell i at (i + 1/2) R/10, layer boundaries at (i + 1) R/10.
const RADIUS_NM = 1.65;
const SHELLS = 10;
const radii = Array.from({ length: SHELLS }, (_, i) => ((i + 0.5) * RADIUS_NM) / SHELLS);
const OUTER_SHELL_VOLUME = 1 - 0.9 ** 3; // 0.271: the outer layer's volume fraction

/** x per shell at each time. */
type Profile = (shell: number) => number;

function summary(shape: Record<string, unknown>, material = 'CdSe') {
  return {
    scenario: 'synthetic',
    seed: '7',
    crystal: { structure: 'zincblende', shape: shape['shape'], material, cations: 321, anions: 336, surfaceCations: 96 },
    scenarioSpec: { name: 'synthetic', material, crystal: { structure: 'zincblende', ...shape } },
    final: { timeS: 3600, hgFraction: 0.27, coreShellIndex: 0.5 },
    wallS: 1.5,
  };
}

function writeRun(dir: string, profiles: [number, Profile][], shape: Record<string, unknown> = { shape: 'sphere', diameterNm: 3.3 }, material = 'CdSe', shellRadii = radii) {
  mkdirSync(dir, { recursive: true });
  const lines = ['timeS,shell,radiusNm,hgFraction'];
  for (const [t, x] of profiles) shellRadii.forEach((r, i) => lines.push(`${t},${i},${r},${x(i)}`));
  writeFileSync(join(dir, 'profiles.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary(shape, material), null, 2));
}

function readCsv(path: string): { header: string[]; rows: number[][] } {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  return { header: head!.split(','), rows: lines.map((l) => l.split(',').map(Number)) };
}

const coreShell = (xOuter: number): Profile => (i) => (i === SHELLS - 1 ? xOuter : 0);
const alloy = (x: number): Profile => () => x;
const TIMES: [number, number][] = [[0, 0], [60, 0.5], [3600, 1]]; // time, progress toward the final profile

describe('cxsim optics RUN', () => {
  const csDir = join(root, 'core-shell');
  const alDir = join(root, 'alloy');
  let cs: Ran;
  let al: Ran;
  beforeAll(() => {
    writeRun(csDir, TIMES.map(([t, f]) => [t, coreShell(f)]));
    writeRun(alDir, TIMES.map(([t, f]) => [t, alloy(f * OUTER_SHELL_VOLUME)]));
    cs = cxsim('optics', csDir);
    al = cxsim('optics', alDir);
  });

  it('writes optics.csv with one row per sample time and optics.svg', () => {
    expect(cs.code, cs.stderr).toBe(0);
    expect(cs.stdout).toMatch(/1S-1S 2\.248 eV ->/);
    const { header, rows } = readCsv(join(csDir, 'optics.csv'));
    expect(header).toEqual(['timeS', 'hgFraction', 'e1s1sEv', 'overlap', 'surfaceLocalisation']);
    expect(rows.map((r) => r[0])).toEqual([0, 60, 3600]);
    const svg = readFileSync(join(csDir, 'optics.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Hg fraction');
  });

  it('gives the library values for the final profile (two paths agree)', () => {
    const last = readCsv(join(csDir, 'optics.csv')).rows[2]!;
    const direct = opticsOfProfile({ shape: 'sphere', diameterNm: 3.3 }, { radiusNm: radii, hgFraction: radii.map((_, i) => coreShell(1)(i)) });
    if (!direct.bound) throw new Error('must bind');
    expect(last[1]).toBeCloseTo(OUTER_SHELL_VOLUME, 8);
    expect(last[2]).toBeCloseTo(direct.e1s1sEv, 8);
    expect(last[3]).toBeCloseTo(direct.overlap, 8);
    expect(last[4]).toBeCloseTo(direct.surfaceLocalisation, 8);
  });

  it('adds final.e1s1sEv and final.overlap to summary.json and keeps every other key', () => {
    const after = JSON.parse(readFileSync(join(csDir, 'summary.json'), 'utf8'));
    const before = summary({ shape: 'sphere', diameterNm: 3.3 });
    const last = readCsv(join(csDir, 'optics.csv')).rows[2]!;
    expect(after.final.e1s1sEv).toBeCloseTo(last[2]!, 8);
    expect(after.final.overlap).toBeCloseTo(last[3]!, 8);
    const { e1s1sEv: _e, overlap: _o, ...finalRest } = after.final;
    expect({ ...after, final: finalRest }).toEqual(before);
  });

  // Same mean x = 0.271: the HgSe shell lowers overlap and pulls the electron outwards (E30, E31, E38); its
  // red shift is the smaller one (E(x) of core/shell bows above the alloy line, E33; PHYSICS-NOTES 5.3).
  it('shows lower overlap, more surface electron and a smaller red shift for core/shell than alloy', () => {
    expect(al.code, al.stderr).toBe(0);
    const c = readCsv(join(csDir, 'optics.csv')).rows;
    const a = readCsv(join(alDir, 'optics.csv')).rows;
    expect(c[2]![1]).toBeCloseTo(a[2]![1]!, 12);
    expect(c[0]![2]).toBe(a[0]![2]); // both start as the same CdSe sphere
    expect(c[2]![3]).toBeLessThan(a[2]![3]!);
    expect(c[2]![4]).toBeGreaterThan(a[2]![4]!);
    const redShift = (rows: number[][]): number => rows[0]![2]! - rows[2]![2]!;
    expect(redShift(a)).toBeGreaterThan(redShift(c));
    expect(redShift(c)).toBeGreaterThan(0);
  });

  it('handles a 4.5 ML platelet as a slab (1D EMA, no Coulomb term): a gap between bulk CdSe and the medium', () => {
    const dir = join(root, 'platelet');
    const planes = [0, 0.3025, 0.605];
    writeRun(dir, [[0, () => 0]], { shape: 'platelet', monolayers: 4.5, lateralNm: [20, 20] }, 'CdSe', planes);
    const r = cxsim('optics', dir);
    expect(r.code, r.stderr).toBe(0);
    const e = readCsv(join(dir, 'optics.csv')).rows[0]![2]!;
    expect(e).toBeGreaterThan(1.74);
    expect(e).toBeLessThan(3.7);
  });

  it('accepts --outside-mass inside and reports an unbound pure-HgSe hole as NaN / null', () => {
    const dir = join(root, 'hgse');
    writeRun(dir, [[0, () => 0], [1, () => 1]]);
    const r = cxsim('optics', dir, '--outside-mass', 'inside');
    expect(r.code, r.stderr).toBe(0);
    const rows = readCsv(join(dir, 'optics.csv')).rows;
    expect(rows[1]![2]).toBeNaN();
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).final.e1s1sEv).toBeNull();
  });
});

describe('cxsim optics ENSEMBLE', () => {
  const dir = join(root, 'ensemble');
  let r: Ran;
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ensemble.json'), '{}\n');
    writeRun(join(dir, 'replicas', '0000'), TIMES.map(([t, f]) => [t, coreShell(f)]));
    writeRun(join(dir, 'replicas', '0001'), TIMES.map(([t, f]) => [t, coreShell(0.5 * f)]));
    r = cxsim('optics', dir);
  });

  it('writes per-replica results and their mean and sample sd per time', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 replicas');
    const a = readCsv(join(dir, 'replicas', '0000', 'optics.csv')).rows;
    const b = readCsv(join(dir, 'replicas', '0001', 'optics.csv')).rows;
    const { header, rows } = readCsv(join(dir, 'optics.csv'));
    expect(header).toEqual([
      'timeS', 'hgFraction', 'e1s1sEv', 'overlap', 'surfaceLocalisation',
      'hgFractionSd', 'e1s1sEvSd', 'overlapSd', 'surfaceLocalisationSd', 'replicas',
    ]);
    expect(rows).toHaveLength(3);
    for (let t = 0; t < 3; t++) {
      for (let c = 1; c <= 4; c++) {
        const mean = (a[t]![c]! + b[t]![c]!) / 2;
        const sd = Math.abs(a[t]![c]! - b[t]![c]!) / Math.SQRT2; // n = 2, Bessel-corrected
        expect(rows[t]![c]).toBeCloseTo(mean, 8);
        expect(rows[t]![c + 4]).toBeCloseTo(sd, 8);
      }
      expect(rows[t]![9]).toBe(2);
    }
    expect(rows[2]![6]).toBeGreaterThan(0.01); // the two replicas really differ at the end
    expect(existsSync(join(dir, 'optics.svg'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'replicas', '0001', 'summary.json'), 'utf8')).final.e1s1sEv).toBeCloseTo(b[2]![2]!, 8);
  });
});

describe('cxsim optics: bad input', () => {
  it('rejects a bad --outside-mass, a missing folder, a non-run folder', () => {
    const dir = join(root, 'ok');
    writeRun(dir, [[0, () => 0]]);
    expectUsageError(cxsim('optics', dir, '--outside-mass', 'heavy'), /--outside-mass: expected a mass in m0 > 0/);
    expectUsageError(cxsim('optics', join(root, 'nope')), /nope: run or ensemble folder not found/);
    const empty = join(root, 'empty');
    mkdirSync(empty, { recursive: true });
    expectUsageError(cxsim('optics', empty), /neither a run \(summary\.json\) nor an ensemble/);
  });

  it('names the file and problem for a bad profiles.csv and writes nothing', () => {
    const dir = join(root, 'bad-csv');
    writeRun(dir, [[0, () => 0]]);
    const summaryBefore = readFileSync(join(dir, 'summary.json'), 'utf8');
    writeFileSync(join(dir, 'profiles.csv'), 'timeS,shell,radius,hgFraction\n0,0,0.5,0\n');
    expectUsageError(cxsim('optics', dir), /profiles\.csv: missing column\(s\) radiusNm/);
    writeFileSync(join(dir, 'profiles.csv'), 'timeS,shell,radiusNm,hgFraction\n0,0,0.5,1.5\n');
    expectUsageError(cxsim('optics', dir), /profiles\.csv: line 2: hgFraction must lie in \[0, 1\]/);
    writeFileSync(join(dir, 'profiles.csv'), 'timeS,shell,radiusNm,hgFraction\n0,0,0.5,0\n0,1,2.0,0\n');
    expectUsageError(cxsim('optics', dir), /profiles\.csv: .*below the surface at 1\.65 nm/);
    expect(existsSync(join(dir, 'optics.csv'))).toBe(false);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe(summaryBefore);
  });

  it('refuses materials and shapes the EMA does not cover', () => {
    const cdte = join(root, 'cdte');
    writeRun(cdte, [[0, () => 0]], { shape: 'sphere', diameterNm: 3.3 }, 'CdTe');
    expectUsageError(cxsim('optics', cdte), /crystal\.material is "CdTe"; the EMA parameters exist for CdSe/);
    const rod = join(root, 'rod');
    writeRun(rod, [[0, () => 0]], { shape: 'rod', diameterNm: 3, lengthNm: 10 });
    expectUsageError(cxsim('optics', rod), /scenarioSpec\.crystal\.shape is "rod"; optics handles sphere and platelet/);
  });
});

describe('cxsim optics-curves', () => {
  it('writes alloy and core/shell curves for each diameter', () => {
    const out = join(root, 'curves');
    const r = cxsim('optics-curves', out, '--diameters-nm', '3.3,4', '--points', '5', '--outside-mass', '1');
    expect(r.code, r.stderr).toBe(0);
    const { header, rows } = readCsv(join(out, 'optics-curves-mout-1.csv'));
    expect(header).toEqual(['diameterNm', 'coreShell', 'hgFraction', 'e1s1sEv', 'overlap', 'surfaceLocalisation']);
    expect(rows).toHaveLength(2 * 2 * 5);
    expect(rows[0]![3]).toBeCloseTo(2.047, 3); // 3.3 nm CdSe, m_out = m0 (PHYSICS-NOTES 5.3)
    expect(existsSync(join(out, 'optics-curves-mout-1.svg'))).toBe(true);
    expectUsageError(cxsim('optics-curves', out, '--points', '1'), /--points: expected an integer 2\.\.1001/);
    expectUsageError(cxsim('optics-curves', out, '--diameters-nm', '3.3,big'), /--diameters-nm: expected diameters in nm > 0/);
  });
});
