// The manifest: canonical hashing, and claiming a folder (new, resumed, or refused without any write).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { UsageError } from '../../sim/errors.js';
import { buildManifest, canonicalJson, claimEnsembleDir, readManifest, specHash } from '../../sim/ensemble/manifest.js';
import { snapshot, tempDir } from './helpers/env.js';

const root = tempDir('manifest');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const spec = { name: 'a', temperatureC: 80, reagents: { hgPerCd: 1.5, agPerCd: 0.075 } };

describe('ensemble manifest', () => {
  it('hashes equal specs equally whatever their key order, and different seeds or specs differently', () => {
    const reordered = { reagents: { agPerCd: 0.075, hgPerCd: 1.5 }, temperatureC: 80, name: 'a' };
    expect(canonicalJson(reordered)).toBe(canonicalJson(spec));
    expect(specHash(reordered, '1')).toBe(specHash(spec, '1'));
    expect(specHash(spec, '2')).not.toBe(specHash(spec, '1'));
    expect(specHash({ ...spec, temperatureC: 25 }, '1')).not.toBe(specHash(spec, '1'));
  });

  it('claims a new folder, resumes the same ensemble and records a changed replica count', () => {
    const dir = join(root, 'same');
    claimEnsembleDir(dir, buildManifest('a', spec, '1', 4));
    expect(readManifest(dir).replicas).toBe(4);
    claimEnsembleDir(dir, buildManifest('a', spec, '1', 4));
    claimEnsembleDir(dir, buildManifest('a', spec, '1', 8));
    expect(readManifest(dir).replicas).toBe(8);
  });

  it('refuses a folder of another seed, spec or scenario, changing nothing', () => {
    const dir = join(root, 'other');
    claimEnsembleDir(dir, buildManifest('a', spec, '1', 4));
    const before = snapshot(dir);
    expect(() => claimEnsembleDir(dir, buildManifest('a', spec, '2', 4))).toThrow(/holds another ensemble \(base seed 1, not 2\)/);
    expect(() => claimEnsembleDir(dir, buildManifest('a', { ...spec, temperatureC: 25 }, '1', 4))).toThrow(/different settings/);
    expect(() => claimEnsembleDir(dir, buildManifest('b', { ...spec, name: 'b' }, '1', 4))).toThrow(/scenario "a", not "b"/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a non-empty folder without a manifest, and a hand-edited manifest', () => {
    const dir = join(root, 'foreign');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(() => claimEnsembleDir(dir, buildManifest('a', spec, '1', 4))).toThrow(UsageError);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');

    const edited = join(root, 'edited');
    claimEnsembleDir(edited, buildManifest('a', spec, '1', 4));
    const m = JSON.parse(readFileSync(join(edited, 'manifest.json'), 'utf8'));
    m.scenarioSpec.temperatureC = 90;
    writeFileSync(join(edited, 'manifest.json'), JSON.stringify(m));
    expect(() => readManifest(edited)).toThrow(/specHash does not match/);
  });
});
