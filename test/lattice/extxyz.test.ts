// Extended XYZ output: an independent minimal parser checks the layout TOOLCHAIN.md prescribes
// (count line, header keys, 6 columns, Angstrom); ASE reads the file too when python3-ase is present.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crystalExtxyzFrame, formatExtxyzFloat, writeExtxyz, writeExtxyzFrame } from '../../src/io/extxyz.js';
import { buildCrystal } from '../../src/lattice/build.js';

interface ParsedFrame {
  n: number;
  header: Record<string, string>;
  rows: { species: string; posAngstrom: number[]; id: number; kind: number }[];
}

const FLOAT = /^-?\d+\.\d+(e[+-]\d+)?$|^-?\d+(\.\d+)?e[+-]\d+$/;

/** Minimal reader written from the format description, not from the writer. */
function parseExtxyz(text: string): ParsedFrame[] {
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  const frames: ParsedFrame[] = [];
  let at = 0;
  while (at < lines.length) {
    expect(lines[at]).toMatch(/^\d+$/);
    const n = Number(lines[at]);
    const headerLine = lines[at + 1]!;
    const header: Record<string, string> = {};
    const token = /([A-Za-z_]\w*)=("([^"]*)"|[^\s"]+)( |$)/y;
    let consumed = 0;
    for (let m = token.exec(headerLine); m !== null; m = token.exec(headerLine)) {
      header[m[1]!] = m[3] ?? m[2]!;
      consumed = token.lastIndex;
    }
    expect(consumed).toBe(headerLine.length); // nothing but key=value pairs, single spaces
    const rows = lines.slice(at + 2, at + 2 + n).map((line) => {
      const cols = line.split(' ');
      expect(cols).toHaveLength(6);
      expect(cols[0]).toMatch(/^[A-Z][a-z]?$/);
      for (const c of cols.slice(1, 4)) expect(c).toMatch(/^-?\d+\.\d{6}$/);
      for (const c of cols.slice(4)) expect(c).toMatch(/^\d+$/);
      return { species: cols[0]!, posAngstrom: cols.slice(1, 4).map(Number), id: Number(cols[4]), kind: Number(cols[5]) };
    });
    expect(rows).toHaveLength(n);
    frames.push({ n, header, rows });
    at += n + 2;
  }
  return frames;
}

describe('formatExtxyzFloat()', () => {
  it.each([
    [0, '0.0'],
    [1.5e-6, '1.5e-06'],
    [2, '2.0e+00'],
    [3600, '3.6e+03'],
    [-0.25, '-2.5e-01'],
  ])('writes %s as %s (always a float)', (x, text) => {
    expect(formatExtxyzFloat(x)).toBe(text);
    expect(text).toMatch(FLOAT);
    expect(Number(text)).toBe(x);
  });
});

describe('writeExtxyzFrame()', () => {
  const c = buildCrystal({ structure: 'zincblende', shape: 'sphere', material: 'CdSe', diameterNm: 2.3 });
  const text = writeExtxyzFrame(crystalExtxyzFrame(c, { interstitials: true, timeS: 1.5e-6, info: { material: 'CdSe' } }));
  const [frame] = parseExtxyz(text);

  it('writes N, then Lattice, Properties, Time and pbc exactly as TOOLCHAIN.md asks', () => {
    expect(frame!.n).toBe(c.cationCount + c.anionCount + c.interstitialCount);
    expect(frame!.header['Properties']).toBe('species:S:1:pos:R:3:id:I:1:site_kind:I:1');
    expect(frame!.header['Time']).toBe('1.5e-06');
    expect(frame!.header['pbc']).toBe('F F F');
    expect(frame!.header['material']).toBe('CdSe');
    const lattice = frame!.header['Lattice']!.split(' ').map(Number);
    expect(lattice).toEqual([c.boxNm[0] * 10, 0, 0, 0, c.boxNm[1] * 10, 0, 0, 0, c.boxNm[2] * 10].map((x) => expect.closeTo(x, 5)));
  });

  it('writes positions in Angstrom, species, ids in order and site kinds (0 cation, 1 anion, 2/3 T sites)', () => {
    const rows = frame!.rows;
    expect(rows.slice(0, c.cationCount).every((r) => r.species === 'Cd' && r.kind === 0)).toBe(true);
    expect(rows.slice(c.cationCount, c.cationCount + c.anionCount).every((r) => r.species === 'Se' && r.kind === 1)).toBe(true);
    expect(rows.slice(c.cationCount + c.anionCount).every((r) => r.species === 'X' && (r.kind === 2 || r.kind === 3))).toBe(true);
    expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i));
    for (let i = 0; i < c.cationCount; i++) {
      expect(rows[i]!.posAngstrom).toEqual([0, 1, 2].map((d) => expect.closeTo(c.cationPositionNm[3 * i + d]! * 10, 5)));
    }
  });

  it('writes periodic axes as T and frames back to back with no blank line', () => {
    const p = buildCrystal({ structure: 'zincblende', shape: 'platelet', material: 'CdSe', monolayers: 2.5, lateralNm: 2, periodic: true });
    const f = crystalExtxyzFrame(p);
    const frames = parseExtxyz(writeExtxyz([f, { ...f, timeS: 2 }]));
    expect(frames.map((x) => [x.header['pbc'], x.header['Time'], x.n])).toEqual([
      ['T T F', '0.0', p.cationCount + p.anionCount],
      ['T T F', '2.0e+00', p.cationCount + p.anionCount],
    ]);
  });

  it('refuses inconsistent columns and non-element species', () => {
    const base = { positionNm: [0, 0, 0], speciesSymbols: ['Cd'], speciesId: [0], siteKind: [0], latticeNm: [1, 1, 1], pbc: [false, false, false] } as const;
    expect(() => writeExtxyzFrame({ ...base, siteKind: [0, 1] })).toThrow(/extxyz/);
    expect(() => writeExtxyzFrame({ ...base, speciesSymbols: ['Cd 2'] })).toThrow(/element symbols/);
    expect(() => writeExtxyzFrame({ ...base, info: { note: 'two words' } })).toThrow(/no spaces/);
  });
});

/** A python3 that can import ase (PATH first, then Debian's). */
function pythonWithAse(): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import ase'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

const python = pythonWithAse();
if (python === null) console.warn('extxyz.test: python3 with ase not found (apt-get install python3-ase): ASE read check SKIPPED');

describe('ASE reads the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxsim-extxyz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(python === null)('ase.io.read gets the same species, positions (A), cell, pbc, Time and columns', () => {
    const c = buildCrystal({ structure: 'wurtzite', shape: 'sphere', material: 'CdSe', diameterNm: 2.3 });
    const f = crystalExtxyzFrame(c, { interstitials: true });
    const file = join(dir, 'wz.extxyz');
    writeFileSync(file, writeExtxyz([f, { ...f, timeS: 3.5e-3 }]));
    const script = [
      'import sys, json, ase.io',
      'frames = ase.io.read(sys.argv[1], index=":")',
      'a = frames[-1]',
      'print(json.dumps({"frames": len(frames), "n": len(a), "symbols": a.get_chemical_symbols()[:1] + a.get_chemical_symbols()[-1:],',
      '  "pos0": a.positions[0].tolist(), "cell": a.cell.lengths().tolist(), "pbc": a.pbc.tolist(),',
      '  "time": a.info.get("Time"), "kinds": sorted(set(a.arrays["site_kind"].tolist())), "id_last": int(a.arrays["id"][-1])}))',
    ].join('\n');
    const r = spawnSync(python!, ['-c', script, file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout);
    const n = c.cationCount + c.anionCount + c.interstitialCount;
    expect(got).toEqual({
      frames: 2,
      n,
      symbols: ['Cd', 'X'],
      pos0: [0, 1, 2].map((d) => expect.closeTo(c.cationPositionNm[d]! * 10, 5)),
      cell: c.boxNm.map((x) => expect.closeTo(x * 10, 5)),
      pbc: [false, false, false],
      time: 3.5e-3,
      kinds: [0, 1, 4],
      id_last: n - 1,
    });
  });
});
