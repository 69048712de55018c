// The decode worker's core: instance matrices hold exactly the sites of each species on the kept side
// of the cut, at their positions, in three.js's column-major layout; counts follow the frame.
import { describe, expect, test } from 'vitest';
import { buildCrystal } from '../../src/lattice/index.js';
import { decodeTrajectory, encodeTrajectory, FrameCursor } from '../../src/io/trajectory.js';
import { CationSpecies, InterstitialSpecies } from '../../src/model/species.js';
import { cutLimitNm, FrameBuilder, LAYER_OF_CATION } from '../../viz/frame-builder.js';
import { LAYERS, type LayerName } from '../../viz/palette.js';
import { randomHistory } from '../io/trajectory-history.js';

const crystal = buildCrystal({ structure: 'zincblende', shape: 'sphere', diameterNm: 3, material: 'CdSe0.5S0.5' });
const history = randomHistory(crystal, 'builder', 8, (f) => 40 * f);
const traj = decodeTrajectory(encodeTrajectory(crystal, history));

/** "x y z" keys of the translations in a matrix buffer (instances 0..n-1). */
function translations(m: Float32Array, n: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const o = 16 * k;
    // Rotation/scale part must be the identity: sizes come from the geometry, not the matrix.
    expect([m[o], m[o + 5], m[o + 10], m[o + 15], m[o + 1], m[o + 4], m[o + 3], m[o + 7]]).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    out.push(`${m[o + 12]} ${m[o + 13]} ${m[o + 14]}`);
  }
  return out.sort();
}

function expectedTranslations(layer: LayerName, frame: number, axis: number, limit: number): string[] {
  const s = history[frame]!;
  const key = (p: Float32Array, i: number): string => `${p[3 * i]} ${p[3 * i + 1]} ${p[3 * i + 2]}`;
  const out: string[] = [];
  if (layer === 'AgInterstitial') {
    for (let j = 0; j < crystal.interstitialCount; j++) {
      if (s.interstitialSpecies[j] === InterstitialSpecies.Ag && traj.interstitialPositionNm[3 * j + axis]! <= limit) out.push(key(traj.interstitialPositionNm, j));
    }
  } else if (layer === 'Anion') {
    for (let a = 0; a < crystal.anionCount; a++) if (traj.anionPositionNm[3 * a + axis]! <= limit) out.push(key(traj.anionPositionNm, a));
  } else {
    for (let i = 0; i < crystal.cationCount; i++) {
      if (LAYER_OF_CATION[s.cationSpecies[i]!] === layer && traj.cationPositionNm[3 * i + axis]! <= limit) out.push(key(traj.cationPositionNm, i));
    }
  }
  return out.sort();
}

describe('FrameBuilder', () => {
  test('the layer of each cation species id is named after it', () => {
    expect(LAYER_OF_CATION[CationSpecies.Cd]).toBe('Cd');
    expect(LAYER_OF_CATION[CationSpecies.Hg]).toBe('Hg');
    expect(LAYER_OF_CATION[CationSpecies.Ag]).toBe('Ag');
    expect(LAYER_OF_CATION[CationSpecies.Vacancy]).toBe('Vacancy');
  });

  test('cut limits: 0 keeps all, 1 keeps nothing, 0.5 is the middle of the extent', () => {
    expect(cutLimitNm(1, 3, 0)).toBe(Infinity);
    expect(cutLimitNm(1, 3, 1)).toBe(-Infinity);
    expect(cutLimitNm(1, 3, 0.5)).toBe(2);
    expect(cutLimitNm(1, 3, 0.25)).toBe(2.5);
  });

  for (const [axis, fraction] of [[2, 0], [2, 0.5], [0, 0.3], [1, 1]] as const) {
    test(`every layer holds exactly its species' kept sites (cut axis ${axis}, fraction ${fraction}), frames in any order`, () => {
      const builder = new FrameBuilder(traj);
      for (const frame of [5, 2, 7, 0]) {
        const built = builder.build(frame, { axis, fraction }, true);
        expect(built.frame).toBe(frame);
        expect(built.timeS).toBe(history[frame]!.timeS);
        const limit = cutLimitNm(builder.lowNm[axis], builder.highNm[axis], fraction);
        for (const layer of LAYERS) {
          const got = translations(built.matrices[layer]!, built.instances[layer]);
          expect(got, `${layer}, frame ${frame}`).toEqual(expectedTranslations(layer, frame, axis, limit));
        }
        const cursor = new FrameCursor(traj);
        cursor.seek(frame);
        expect(built.counts).toEqual({ ...cursor.counts, Se: crystal.anionCount });
        for (const layer of LAYERS) builder.recycle(layer, built.matrices[layer]!); // reuse must not leak old instances
      }
    });
  }

  test('mixed anions get their element colours; anions are laid out only when asked', () => {
    const builder = new FrameBuilder(traj);
    const without = builder.build(1, { axis: 2, fraction: 0 }, false);
    expect(without.matrices.Anion).toBeUndefined();
    const built = builder.build(1, { axis: 2, fraction: 0 }, true);
    const colours = new Set<string>();
    for (let a = 0; a < built.instances.Anion; a++) colours.add(Array.from(built.anionColors!.subarray(3 * a, 3 * a + 3)).join(','));
    expect(crystal.anionElements.length).toBe(2);
    expect(colours.size).toBe(2);
  });

  test('the profile follows the frame: all Cd at frame 0', () => {
    const builder = new FrameBuilder(traj);
    const p = builder.build(0, { axis: 2, fraction: 0 }, false).profile;
    for (let s = 0; s < p.sites.length; s++) if (p.sites[s]! > 0) expect(p.cd[s]).toBe(1);
  });
});
