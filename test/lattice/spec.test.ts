// Spec validation: every bad field gives a CrystalSpecError naming that field and what is accepted;
// and the grid constants the validation relies on (minimum periodic cells) match the derived shells.
import { describe, expect, it } from 'vitest';
import { shellOffsets } from '../../src/lattice/build.js';
import { buildCrystal } from '../../src/lattice/build.js';
import { CrystalSpecError } from '../../src/lattice/errors.js';
import { wurtziteGrid, zincBlendeGrid } from '../../src/lattice/grid.js';
import { maxOffsetSteps } from '../../src/lattice/neighbors.js';
import { validateCrystalSpec } from '../../src/lattice/spec.js';

const sphere = { structure: 'zincblende', shape: 'sphere', material: 'CdSe', diameterNm: 3.3 };
const platelet = { structure: 'zincblende', shape: 'platelet', material: 'CdSe', monolayers: 4.5, lateralNm: [20, 10] };

function errorOf(spec: unknown): CrystalSpecError {
  try {
    validateCrystalSpec(spec);
  } catch (err) {
    if (err instanceof CrystalSpecError) return err;
    throw err;
  }
  throw new Error('expected a CrystalSpecError');
}

describe('validateCrystalSpec()', () => {
  it.each([
    [{ ...platelet, monolayers: 4.3 }, 'monolayers', 'monolayers must be N.5 with N an integer 1..20, got 4.3'],
    [{ ...platelet, monolayers: 0.5 }, 'monolayers', 'got 0.5'],
    [{ ...sphere, diameterNm: -3 }, 'diameterNm', 'diameterNm must be a number of nm in [1, 40], got -3'],
    [{ ...sphere, diameterNm: 1e6 }, 'diameterNm', 'in [1, 40]'],
    [{ ...sphere, diameterNm: '3' }, 'diameterNm', 'got "3"'],
    [{ ...sphere, structure: 'rocksalt' }, 'structure', 'structure must be zincblende or wurtzite, got "rocksalt"'],
    [{ ...sphere, shape: 'cube' }, 'shape', 'shape must be one of sphere, platelet, rod, bulk, got "cube"'],
    [{ ...platelet, structure: 'wurtzite' }, 'structure', 'must be zincblende for shape platelet'],
    [{ ...sphere, shape: 'rod', lengthNm: 10 }, 'structure', 'must be wurtzite for shape rod'],
    [{ ...platelet, lateralNm: [20] }, 'lateralNm', 'one size or [x, y]'],
    [{ ...platelet, lateralNm: 0 }, 'lateralNm', 'each in [1, 200]'],
    [{ ...sphere, monolayers: 4.5 }, 'monolayers', 'does not apply to shape sphere'],
    [{ ...sphere, cationRich: 'yes' }, 'cationRich', 'must be true or false'],
    [{ structure: 'zincblende', shape: 'bulk', material: 'CdSe', cells: 1 }, 'cells', 'integer 2..48'],
    [{ structure: 'wurtzite', shape: 'bulk', material: 'CdSe', cells: 2 }, 'cells', 'integer 3..32'],
    [{ structure: 'zincblende', shape: 'bulk', material: 'CdSe', cells: 2.5 }, 'cells', 'got 2.5'],
  ])('rejects %j: field %s, "%s"', (spec, field, text) => {
    const err = errorOf(spec);
    expect(err.field).toBe(field);
    expect(err.message).toContain(text);
    expect(err.message.startsWith(field)).toBe(true);
    expect(err.message).not.toContain('\n');
  });

  it('fills defaults and turns one lateral size into [x, x]', () => {
    expect(validateCrystalSpec({ ...platelet, lateralNm: 12 })).toEqual({ ...platelet, lateralNm: [12, 12], periodic: false, cationRich: false });
  });

  it('rounds the narrowest periodic platelet (1 nm) up to the 2 cells a periodic axis needs', () => {
    const c = buildCrystal({ ...platelet, lateralNm: 1, periodic: true } as never);
    expect(c.periodicNm[0] / c.latticeANm).toBeCloseTo(2, 12);
  });

  it('rejects an unknown material when building', () => {
    expect(() => buildCrystal({ ...sphere, material: 'CdXe' } as never)).toThrow(CrystalSpecError);
  });
});

describe('grid minimum periodic cells', () => {
  it.each([
    ['zincblende', zincBlendeGrid(0.605)],
    ['wurtzite', wurtziteGrid(0.4299, 0.701)],
  ])('%s: every shell offset is shorter than half the smallest allowed period on each axis', (_name, grid) => {
    const max = maxOffsetSteps(grid, Object.values(shellOffsets(grid)));
    for (let d = 0; d < 3; d++) {
      const period = grid.minPeriodicCells[d]! * grid.cellSteps[d]!;
      expect(2 * max[d]!).toBeLessThan(period);
      // One cell fewer would alias +offset and -offset (or is below one cell).
      expect(2 * max[d]!).toBeGreaterThanOrEqual((grid.minPeriodicCells[d]! - 1) * grid.cellSteps[d]!);
    }
  });
});
