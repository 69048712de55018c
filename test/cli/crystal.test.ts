// `cxsim crystal` end to end: --json fields, the text summary, --out writes extended XYZ atomically,
// and bad input exits 2 with one line on stderr (no stack trace, no output file). Needs a build (tsc).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = join(import.meta.dirname, '../../dist/node/sim/main.js');

function cxsim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, 'crystal', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cxsim crystal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxsim-crystal-'));
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: build first (npx tsc -p tsconfig.json)`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--json prints one object with the counts (3.3 nm ZB CdSe: 321 Cd, 336 Se, PHYSICS-NOTES 1.5)', () => {
    const r = cxsim('--structure', 'zincblende', '--shape', 'sphere', '--diameter-nm', '3.3', '--material', 'CdSe', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      structure: 'zincblende',
      shape: 'sphere',
      material: 'CdSe',
      diameterNm: 3.3,
      cations: 321,
      anions: 336,
      surfaceCations: 96,
      cationToAnion: 321 / 336,
    });
    expect(out.interstitialSites).toBeGreaterThan(0);
    expect(out.buildMs).toBeGreaterThan(0);
  });

  it('--json for a 4.5 ML periodic platelet reports cation:anion 1.25 and the rounded lateral size', () => {
    const r = cxsim('--shape', 'platelet', '--monolayers', '4.5', '--lateral-nm', '6x4', '--periodic', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ shape: 'platelet', monolayers: 4.5, periodic: true, cationToAnion: 1.25 });
    expect(out.lateralNm).toEqual([10 * 0.605, 7 * 0.605].map((x) => expect.closeTo(x, 9)));
  });

  it('prints a short human summary without --json', () => {
    const r = cxsim('--structure', 'wurtzite', '--shape', 'rod', '--diameter-nm', '3', '--length-nm', '6');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wurtzite rod of CdSe/);
    expect(r.stdout).toMatch(/cations\s+\d+ +\(surface \d+/);
    expect(r.stdout.split('\n').length).toBeLessThan(10);
  });

  it('--out writes an extended XYZ file with N + 2 lines and the header keys', () => {
    const file = join(dir, 'nc.extxyz');
    const r = cxsim('--diameter-nm', '2.7', '--out', file, '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(Number(lines[0])).toBe(out.cations + out.anions);
    expect(lines).toHaveLength(out.cations + out.anions + 2);
    expect(lines[1]).toMatch(/^Lattice="[^"]+" Properties=species:S:1:pos:R:3:id:I:1:site_kind:I:1 Time=0\.0 .*pbc="F F F"$/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [['--diameter-nm', '-3'], /--diameter-nm must be a number of nm in \[1, 40\], got -3/],
    [['--diameter-nm', '1e9'], /--diameter-nm must be a number of nm in \[1, 40\]/],
    [['--shape', 'platelet', '--monolayers', '4.3', '--lateral-nm', '20'], /--monolayers must be N\.5 with N an integer 1\.\.20, got 4\.3/],
    [['--structure', 'fcc', '--diameter-nm', '3'], /--structure must be zincblende or wurtzite, got "fcc"/],
    [['--material', 'CdXe', '--diameter-nm', '3'], /--material must be CdSe, HgSe/],
    [['--shape', 'platelet', '--monolayers', '4.5', '--lateral-nm', '20xx'], /--lateral-nm must be a size in nm like 20 or 20x10, got "20xx"/],
    [['--shape', 'sphere'], /--diameter-nm is required for --shape sphere/],
    [['--diameter-nm', 'abc'], /--diameter-nm must be a number, got "abc"/],
    [['--shape', 'rod', '--diameter-nm', '3', '--length-nm', '5'], /--structure must be wurtzite for shape rod/],
    [['--shape', 'bulk', '--cells', '1'], /--cells must be an integer 2\.\.48/],
    [['--diameter-nm', '3', '--cells', '4'], /--cells does not apply to --shape sphere/],
    [['--diameter-nm', '3', '--no-such-flag'], /Unknown argument/],
  ])('%j exits 2 with one line on stderr and no stack trace', (args, message) => {
    const file = join(dir, 'bad.extxyz');
    const r = cxsim(...args, '--out', file);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(existsSync(file)).toBe(false);
  });

  it('--out onto an existing directory exits 2 naming the flag', () => {
    const target = join(dir, 'taken.extxyz');
    mkdirSync(target);
    const r = cxsim('--diameter-nm', '2.3', '--out', target);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--out/);
  });
});
