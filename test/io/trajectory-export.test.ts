// `cxsim export TRAJ --extxyz OUT`, read back by an independent reader (Debian's python3-ase):
// atom counts, species, times, ids and positions per frame must match the decoded trajectory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildCrystal } from '../../src/lattice/index.js';
import { FrameCursor } from '../../src/io/trajectory.js';
import { readTrajectoryFile, TrajectoryFileSink } from '../../sim/trajectory-file.js';
import { randomHistory, replay } from './trajectory-history.js';

const CLI = join(process.cwd(), 'dist/node/sim/main.js');
const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'cxsim-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const crystal = buildCrystal({ structure: 'wurtzite', shape: 'sphere', diameterNm: 2.5, material: 'CdSe' });
const history = randomHistory(crystal, 'export-1', 12, (f) => 5 * f);
const trajPath = join(dir, 'trajectory.cxtraj');
const sink = new TrajectoryFileSink(trajPath, { info: { scenario: 'export-test' } });
replay(history, crystal, sink);
sink.finish();

function cxsim(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

const hasAse = spawnSync(PYTHON, ['-c', 'import ase'], { encoding: 'utf8' }).status === 0;
if (!hasAse) console.warn(`SKIPPED: ASE cross-check needs Debian's python3-ase (apt-get install -y python3-ase) at ${PYTHON}`);

// Independent reader: ASE parses the file; we only summarise what it found.
const READ_WITH_ASE = `
import json, sys
from ase.io import read
frames = read(sys.argv[1], index=':', format='extxyz')
out = []
for a in frames:
    syms = a.get_chemical_symbols()
    out.append({
        'n': len(a),
        'time': a.info.get('Time'),
        'timeIsFloat': isinstance(a.info.get('Time'), float),
        'pbc': [bool(p) for p in a.pbc],
        'cellDiag': [float(a.cell[i][i]) for i in range(3)],
        'counts': {s: syms.count(s) for s in set(syms)},
        'ids': [int(i) for i in a.arrays['id']],
        'siteKind': [int(k) for k in a.arrays['site_kind']],
        'positions': a.positions.tolist(),
    })
json.dump(out, sys.stdout)
`;

describe('cxsim export --extxyz', () => {
  test.skipIf(!hasAse)('ASE reads every frame with the trajectory\'s counts, species, times, ids and positions', () => {
    const out = join(dir, 'traj.extxyz');
    const r = cxsim('export', trajPath, '--extxyz', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const py = spawnSync(PYTHON, ['-c', READ_WITH_ASE, out], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(py.stderr).toBe('');
    const frames = JSON.parse(py.stdout) as {
      n: number; time: number; timeIsFloat: boolean; pbc: boolean[]; cellDiag: number[];
      counts: Record<string, number>; ids: number[]; siteKind: number[]; positions: number[][];
    }[];
    const traj = readTrajectoryFile(trajPath);
    expect(frames.length).toBe(history.length);
    const nc = crystal.cationCount;
    const na = crystal.anionCount;
    const cursor = new FrameCursor(traj);
    frames.forEach((a, f) => {
      cursor.seek(f);
      const c = cursor.counts;
      expect(a.n, `frame ${f} atoms`).toBe(nc + na + c.AgInterstitial);
      const expected: Record<string, number> = { X: c.Vacancy, Cd: c.Cd, Hg: c.Hg, Ag: c.Ag + c.AgInterstitial, Se: na };
      for (const k of Object.keys(expected)) if (expected[k] === 0) delete expected[k];
      expect(a.counts, `frame ${f} species`).toEqual(expected);
      expect(a.timeIsFloat).toBe(true);
      expect(a.time).toBeCloseTo(history[f]!.timeS, 12);
      expect(a.pbc).toEqual([false, false, false]);
      a.cellDiag.forEach((l, d) => expect(l).toBeCloseTo(10 * crystal.boxNm[d]!, 4));
      expect(new Set(a.ids).size).toBe(a.n);
      expect(a.siteKind.filter((k) => k >= 2).length).toBe(c.AgInterstitial);
      // Positions in Angstrom, by id: cations 0.., anions nc.., interstitial j at nc + na + j.
      let maxErrA = 0;
      a.ids.forEach((id, k) => {
        const [src, i] = id < nc ? [crystal.cationPositionNm, id] : id < nc + na ? [crystal.anionPositionNm, id - nc] : [crystal.interstitialPositionNm, id - nc - na];
        for (let d = 0; d < 3; d++) maxErrA = Math.max(maxErrA, Math.abs(a.positions[k]![d]! - 10 * src[3 * i + d]!));
      });
      // float32 storage (~1e-7 relative of < 40 A) plus 6-decimal text.
      expect(maxErrA, `frame ${f} positions`).toBeLessThan(2e-5);
    });
  });

  test.skipIf(!hasAse)('--every 5 keeps frames 0, 5, 10 and the last; .gz output is read by ASE too', () => {
    const out = join(dir, 'every.extxyz.gz');
    const r = cxsim('export', trajPath, '--extxyz', out, '--every', '5');
    expect(r.status).toBe(0);
    const py = spawnSync(PYTHON, ['-c', 'import sys; from ase.io import read; print(",".join(repr(a.info["Time"]) for a in read(sys.argv[1], index=":")))', out], { encoding: 'utf8' });
    expect(py.stderr).toBe('');
    const times = py.stdout.trim().split(',').map(Number);
    expect(times.length).toBe(4);
    [0, 5, 10, 11].forEach((f, k) => expect(times[k]).toBeCloseTo(history[f]!.timeS, 12));
  });

  test('bad input: one line, exit 2, no output file', () => {
    const out = join(dir, 'never.extxyz');
    const missing = cxsim('export', join(dir, 'nope.cxtraj'), '--extxyz', out);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.cxtraj: trajectory file not found\n$/);
    const corrupt = join(dir, 'corrupt.cxtraj');
    writeFileSync(corrupt, readFileSync(trajPath).subarray(0, 300));
    const bad = cxsim('export', corrupt, '--extxyz', out);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/corrupt\.cxtraj: not a cxsim trajectory: .*\n$/);
    expect(bad.stderr.split('\n').length).toBe(2);
    const ext = cxsim('export', trajPath, '--extxyz', join(dir, 'x.pdb'));
    expect(ext.status).toBe(2);
    expect(ext.stderr).toMatch(/--extxyz must name a \.extxyz or \.xyz file/);
    const every = cxsim('export', trajPath, '--extxyz', out, '--every', '0');
    expect(every.status).toBe(2);
    expect(every.stderr).toMatch(/--every: expected an integer >= 1/);
    expect(existsSync(out)).toBe(false);
  });
});
