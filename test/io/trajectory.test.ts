// The trajectory format: every frame decodes to the snapshot the simulation handed over, from any
// seek order; keyframes bound the decode work; malformed files fail with a clear message.
import { describe, expect, test } from 'vitest';
import { buildCrystal } from '../../src/lattice/index.js';
import { createRng } from '../../src/rng.js';
import { CationSpecies } from '../../src/model/species.js';
import {
  decodeTrajectory,
  encodeTrajectory,
  FrameCursor,
  frameSeries,
  TrajectoryEncoder,
  TrajectoryFormatError,
} from '../../src/io/trajectory.js';
import { randomHistory, replay, type Snapshot } from './trajectory-history.js';

const crystal = buildCrystal({ structure: 'zincblende', shape: 'sphere', diameterNm: 3, material: 'CdSe' });
// Small frames, an idle frame (10), and frame 40 where every site changes: its delta would need at
// least one byte per site, more than a keyframe, so the writer must store a keyframe there.
const history = randomHistory(crystal, 'traj-1', 60, (f) => (f === 10 ? 0 : 1 + (f % 7)));
history[40] = {
  timeS: history[40]!.timeS,
  cationSpecies: history[39]!.cationSpecies.map((s) => (s + 1) % 4),
  interstitialSpecies: history[39]!.interstitialSpecies.map((s) => 1 - s),
};

function sameSnapshot(cursor: FrameCursor, s: Snapshot): boolean {
  return (
    Buffer.compare(Buffer.from(cursor.cationSpecies), Buffer.from(s.cationSpecies)) === 0 &&
    Buffer.compare(Buffer.from(cursor.interstitialSpecies), Buffer.from(s.interstitialSpecies)) === 0
  );
}

describe('trajectory round trip', () => {
  const bytes = encodeTrajectory(crystal, history, { info: { scenario: 'test', seed: 'traj-1' } });
  const traj = decodeTrajectory(bytes);

  test('the header carries the crystal: counts, kinds, box, material, positions to float32', () => {
    const h = traj.header;
    expect([h.cationCount, h.anionCount, h.interstitialCount]).toEqual([crystal.cationCount, crystal.anionCount, crystal.interstitialCount]);
    expect([h.structure, h.shape, h.material, h.cationElement]).toEqual(['zincblende', 'sphere', 'CdSe', 'Cd']);
    expect(h.anionElements).toEqual(['Se']);
    expect(h.boxNm).toEqual([...crystal.boxNm]);
    expect(h.info).toEqual({ scenario: 'test', seed: 'traj-1' });
    expect(Array.from(traj.interstitialKind)).toEqual(Array.from(crystal.interstitialKind));
    expect(Array.from(traj.anionElementId)).toEqual(Array.from(crystal.anionElementId));
    expect(Array.from(traj.cationPositionNm)).toEqual(Array.from(crystal.cationPositionNm, Math.fround));
    expect(Array.from(traj.anionPositionNm)).toEqual(Array.from(crystal.anionPositionNm, Math.fround));
    expect(Array.from(traj.interstitialPositionNm)).toEqual(Array.from(crystal.interstitialPositionNm, Math.fround));
    expect(Array.from(traj.cationDistanceNm)).toEqual(Array.from(crystal.cationDistanceNm, Math.fround));
  });

  test('frame times are the snapshot times', () => {
    expect(traj.frameCount).toBe(history.length);
    expect(Array.from(traj.timeS)).toEqual(history.map((s) => s.timeS));
  });

  test('every frame decodes to its snapshot, stepping forward and seeking in a random order', () => {
    const forward = new FrameCursor(traj);
    for (let f = 0; f < history.length; f++) {
      forward.seek(f);
      expect(sameSnapshot(forward, history[f]!), `frame ${f} (forward)`).toBe(true);
    }
    const rng = createRng('seek-order');
    const random = new FrameCursor(traj);
    for (let k = 0; k < 200; k++) {
      const f = Math.floor(rng.next() * history.length);
      expect(random.seek(f)).toBe(f);
      expect(sameSnapshot(random, history[f]!), `frame ${f} (random seek ${k})`).toBe(true);
    }
  });

  test('incremental counts equal a direct count of each snapshot', () => {
    const series = frameSeries(traj);
    history.forEach((s, f) => {
      const n = [0, 0, 0, 0];
      for (const c of s.cationSpecies) n[c]!++;
      const agI = s.interstitialSpecies.reduce((a, b) => a + b, 0);
      expect([series.Vacancy[f], series.Cd[f], series.Hg[f], series.Ag[f], series.AgInterstitial[f]], `frame ${f}`).toEqual([...n, agI]);
    });
  });

  test('the sink API (begin/frame/finish) writes the same bytes as encodeTrajectory', () => {
    const sink = new TrajectoryEncoder({ info: { scenario: 'test', seed: 'traj-1' } });
    replay(history, crystal, sink);
    expect(Buffer.compare(Buffer.from(sink.finish()), Buffer.from(bytes))).toBe(0);
  });

  test('decoding from an unaligned buffer (a pooled Node Buffer) still works', () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const t = decodeTrajectory(shifted.subarray(1));
    const c = new FrameCursor(t);
    c.seek(history.length - 1);
    expect(sameSnapshot(c, history[history.length - 1]!)).toBe(true);
  });
});

describe('size and keyframes', () => {
  const encoder = new TrajectoryEncoder();
  replay(history, crystal, encoder);
  const bytes = encoder.finish();
  const traj = decodeTrajectory(bytes);
  const keyBytes = (crystal.cationCount + crystal.interstitialCount + 3) & ~3;

  test('a frame that rewrites every site becomes a keyframe; small frames stay deltas', () => {
    expect(traj.keyframeOf[0]).toBe(0);
    expect(traj.keyframeOf[40]).toBe(40);
    expect(traj.keyframeOf[39]).toBeLessThan(39);
    expect(encoder.keyframeCount).toBeLessThan(history.length / 4);
  });

  test('the deltas between a frame and its keyframe never outweigh one keyframe (bounded seek)', () => {
    for (let f = 0; f < traj.frameCount; f++) {
      const k = traj.keyframeOf[f]!;
      const deltaBytes = (f + 1 < traj.frameCount ? traj.frameOffset[f + 1]! : bytes.length - 20) - traj.frameOffset[k]! - (16 + keyBytes);
      expect(deltaBytes, `frame ${f}`).toBeLessThanOrEqual(keyBytes + 16 * (f - k));
    }
  });

  test('a delta frame costs at most 16 + 4 + 3 bytes per change (+ padding): sites < 2^19 fit 3-byte varints', () => {
    // combined index < 2^19 here, so gap * 4 + species < 2^21: three 7-bit groups.
    expect(crystal.cationCount + crystal.interstitialCount).toBeLessThan(2 ** 19);
    for (let f = 1; f < traj.frameCount; f++) {
      if (traj.keyframeOf[f] === f) continue;
      let changes = 0;
      for (let i = 0; i < crystal.cationCount; i++) changes += history[f]!.cationSpecies[i] !== history[f - 1]!.cationSpecies[i] ? 1 : 0;
      for (let j = 0; j < crystal.interstitialCount; j++) changes += history[f]!.interstitialSpecies[j] !== history[f - 1]!.interstitialSpecies[j] ? 1 : 0;
      const recordBytes = (f + 1 < traj.frameCount ? traj.frameOffset[f + 1]! : bytes.length - 20) - traj.frameOffset[f]!;
      expect(recordBytes, `frame ${f} with ${changes} changes`).toBeLessThanOrEqual(16 + 4 + 3 * changes + 3);
    }
  });
});

describe('bad input', () => {
  const bytes = encodeTrajectory(crystal, history.slice(0, 5));

  test('wrong magic, truncation and a missing end record are named', () => {
    const bad = bytes.slice();
    bad[0] = 0x41;
    expect(() => decodeTrajectory(bad)).toThrow(/bad magic/);
    expect(() => decodeTrajectory(bytes.subarray(0, bytes.length - 30))).toThrow(TrajectoryFormatError);
    expect(() => decodeTrajectory(bytes.subarray(0, bytes.length - 20))).toThrow(/no end record/);
    expect(() => decodeTrajectory(new TextEncoder().encode('hello'))).toThrow(/not a cxsim trajectory/);
  });

  test('the encoder rejects backwards time, wrong lengths and unknown species, without corrupting the file', () => {
    const enc = new TrajectoryEncoder();
    const [s0, s1, s2] = history as [Snapshot, Snapshot, Snapshot];
    enc.begin(crystal, s0.cationSpecies, s0.interstitialSpecies, 1);
    expect(() => enc.frame(0.5, s1.cationSpecies, s1.interstitialSpecies)).toThrow(/goes back/);
    expect(() => enc.frame(2, s1.cationSpecies.subarray(1), s1.interstitialSpecies)).toThrow(/cation/);
    const bogus = s1.cationSpecies.slice();
    bogus[bogus.length - 1] = 7;
    expect(() => enc.frame(2, bogus, s1.interstitialSpecies)).toThrow(/species id 7/);
    enc.frame(2, s2.cationSpecies, s2.interstitialSpecies);
    const t = decodeTrajectory(enc.finish());
    expect(t.frameCount).toBe(2);
    const c = new FrameCursor(t);
    c.seek(1);
    expect(sameSnapshot(c, s2)).toBe(true);
    expect(c.cationSpecies.includes(7)).toBe(false);
    expect(c.counts.Cd + c.counts.Hg + c.counts.Ag + c.counts.Vacancy).toBe(crystal.cationCount);
    expect(CationSpecies.Ag).toBe(3); // the 2-bit species field in deltas assumes ids 0..3
  });
});
