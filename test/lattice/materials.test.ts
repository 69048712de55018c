// The lattice-constant table: cited values, Vegard mixtures, and clear errors for unknown names.
import { describe, expect, it } from 'vitest';
import { CrystalSpecError } from '../../src/lattice/errors.js';
import { BINARY_MATERIALS, latticeConstantsNm, lookupMaterial } from '../../src/lattice/materials.js';

describe('lookupMaterial()', () => {
  it('returns the cited constants in nm (CdSe ZB 6.05 A, WZ 4.299/7.01 A; HgSe 6.08 A; CdTe 6.481 A; CdS 5.818 A)', () => {
    const cdse = lookupMaterial('CdSe');
    expect([cdse.zincblendeANm, cdse.wurtziteANm, cdse.wurtziteCNm]).toEqual([
      expect.closeTo(0.605, 12),
      expect.closeTo(0.4299, 12),
      expect.closeTo(0.701, 12),
    ]);
    expect(lookupMaterial('HgSe').zincblendeANm).toBeCloseTo(0.608, 12);
    expect(lookupMaterial('CdTe').zincblendeANm).toBeCloseTo(0.6481, 12);
    expect([lookupMaterial('CdTe').wurtziteANm, lookupMaterial('CdTe').wurtziteCNm]).toEqual([
      expect.closeTo(0.457, 12),
      expect.closeTo(0.747, 12),
    ]);
    expect(lookupMaterial('CdS').zincblendeANm).toBeCloseTo(0.5818, 12);
    expect([lookupMaterial('CdS').wurtziteANm, lookupMaterial('CdS').wurtziteCNm]).toEqual([
      expect.closeTo(0.4136, 12),
      expect.closeTo(0.6714, 12),
    ]);
  });

  it('cites a source for every number of every binary', () => {
    for (const name of BINARY_MATERIALS) {
      const m = lookupMaterial(name);
      expect(m.sources).toHaveLength(2);
      for (const s of m.sources) expect(s).toMatch(/\[(PAPER|LIT|HANDBOOK|ASSUMPTION)\]/);
    }
  });

  it('keeps the paper CdSe/HgSe mismatch below 0.5 % (PHYSICS-NOTES table 0)', () => {
    expect(lookupMaterial('HgSe').zincblendeANm / lookupMaterial('CdSe').zincblendeANm - 1).toBeCloseTo(0.03 / 6.05, 12);
  });

  it('interpolates a mixed anion linearly (Vegard): CdSe0.51S0.49 and CdSeS = CdSe0.5S0.5', () => {
    const se = lookupMaterial('CdSe');
    const s = lookupMaterial('CdS');
    const mix = lookupMaterial('CdSe0.51S0.49');
    expect(mix.name).toBe('CdSe0.51S0.49');
    expect(mix.zincblendeANm).toBeCloseTo(0.51 * se.zincblendeANm + 0.49 * s.zincblendeANm, 12);
    expect(mix.wurtziteCNm).toBeCloseTo(0.51 * se.wurtziteCNm + 0.49 * s.wurtziteCNm, 12);
    expect(mix.anions).toEqual([
      { element: 'Se', fraction: 0.51 },
      { element: 'S', fraction: expect.closeTo(0.49, 12) },
    ]);
    expect(lookupMaterial('CdSeS').name).toBe('CdSe0.5S0.5');
    expect(lookupMaterial('CdSeS').zincblendeANm).toBeCloseTo((se.zincblendeANm + s.zincblendeANm) / 2, 12);
  });

  it.each(['CdXe', 'cdse', '', 'CdSe0.6S0.6', 'CdSeSe', 'CdSe1S0', 'ZnSe'])('rejects "%s" with a one-line error naming material', (name) => {
    expect(() => lookupMaterial(name)).toThrow(CrystalSpecError);
    try {
      lookupMaterial(name);
    } catch (err) {
      expect((err as CrystalSpecError).field).toBe('material');
      expect((err as Error).message).toMatch(/^material/);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('gives c = a for zinc blende', () => {
    const m = lookupMaterial('CdTe');
    expect(latticeConstantsNm(m, 'zincblende')).toEqual({ aNm: m.zincblendeANm, cNm: m.zincblendeANm });
    expect(latticeConstantsNm(m, 'wurtzite')).toEqual({ aNm: m.wurtziteANm, cNm: m.wurtziteCNm });
  });
});
