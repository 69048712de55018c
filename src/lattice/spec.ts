// What crystal to build: a discriminated union on `shape`, and its validation (sizes in nm).
// validateCrystalSpec accepts untrusted input (CLI, scenario JSON) and throws CrystalSpecError.
import { CrystalSpecError } from './errors.js';
import type { StructureName } from './types.js';

interface SpecBase {
  readonly structure: StructureName;
  /** Host material name, see lookupMaterial (e.g. "CdSe", "CdSe0.5S0.5"). */
  readonly material: string;
  /** Fill every empty cation site bonded to >= 2 anions (cation-terminated surface). Default false. */
  readonly cationRich?: boolean;
}

/** Quasi-spherical nanocrystal centred on a cation. */
export interface SphereSpec extends SpecBase {
  readonly shape: 'sphere';
  readonly diameterNm: number;
}

/** Zinc blende [001] platelet of N.5 monolayers: N anion planes, N + 1 cation planes. */
export interface PlateletSpec extends SpecBase {
  readonly shape: 'platelet';
  readonly structure: 'zincblende';
  /** N.5, N an integer 1..20. */
  readonly monolayers: number;
  /** Lateral size x, y in nm (one number: square). Periodic platelets round to whole cells of a. */
  readonly lateralNm: number | readonly [number, number];
  /** Periodic in x and y (no edges). Default false. */
  readonly periodic?: boolean;
}

/** Wurtzite rod along c: cylinder of a diameter around a cation column, length along c. */
export interface RodSpec extends SpecBase {
  readonly shape: 'rod';
  readonly structure: 'wurtzite';
  readonly diameterNm: number;
  readonly lengthNm: number;
}

/**
 * Periodic bulk: cells x cells x cells conventional cells, periodic on all axes. Zinc blende: cubic
 * cells of a; wurtzite: orthohexagonal cells a x sqrt(3)a x c (4 cations each).
 */
export interface BulkSpec extends SpecBase {
  readonly shape: 'bulk';
  readonly cells: number;
}

export type CrystalSpec = SphereSpec | PlateletSpec | RodSpec | BulkSpec;

/** A validated spec with defaults filled in and lateral sizes as [x, y]. */
export type NormalisedCrystalSpec =
  | Required<SphereSpec>
  | (Required<Omit<PlateletSpec, 'lateralNm'>> & { readonly lateralNm: readonly [number, number] })
  | Required<RodSpec>
  | Required<BulkSpec>;

export const DIAMETER_RANGE_NM = [1, 40] as const;
export const LENGTH_RANGE_NM = [1, 200] as const;
export const LATERAL_RANGE_NM = [1, 200] as const;
export const MONOLAYER_N_RANGE = [1, 20] as const;
export const BULK_CELLS_RANGE = { zincblende: [2, 48], wurtzite: [3, 32] } as const;

const KEYS: Record<CrystalSpec['shape'], readonly string[]> = {
  sphere: ['shape', 'structure', 'material', 'cationRich', 'diameterNm'],
  platelet: ['shape', 'structure', 'material', 'cationRich', 'monolayers', 'lateralNm', 'periodic'],
  rod: ['shape', 'structure', 'material', 'cationRich', 'diameterNm', 'lengthNm'],
  bulk: ['shape', 'structure', 'material', 'cationRich', 'cells'],
};

function fail(field: string, detail: string): never {
  throw new CrystalSpecError(`${field} ${detail}`, field);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function numberIn(spec: Record<string, unknown>, field: string, [lo, hi]: readonly [number, number]): number {
  const v = spec[field];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
    fail(field, `must be a number of nm in [${lo}, ${hi}], got ${show(v)}`);
  }
  return v;
}

function optionalBoolean(spec: Record<string, unknown>, field: string): boolean {
  const v = spec[field];
  if (v === undefined) return false;
  if (typeof v !== 'boolean') fail(field, `must be true or false, got ${show(v)}`);
  return v;
}

/** Check a crystal spec from any source; returns it normalised or throws CrystalSpecError naming the field. */
export function validateCrystalSpec(input: unknown): NormalisedCrystalSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new CrystalSpecError('crystal spec must be an object with shape, structure, material and sizes', 'spec');
  }
  const spec = input as Record<string, unknown>;
  const shape = spec['shape'];
  if (shape !== 'sphere' && shape !== 'platelet' && shape !== 'rod' && shape !== 'bulk') {
    fail('shape', `must be one of sphere, platelet, rod, bulk, got ${show(shape)}`);
  }
  const structure = spec['structure'];
  if (structure !== 'zincblende' && structure !== 'wurtzite') {
    fail('structure', `must be zincblende or wurtzite, got ${show(structure)}`);
  }
  if (shape === 'platelet' && structure !== 'zincblende') {
    fail('structure', `must be zincblende for shape platelet (a [001] N.5 ML platelet), got ${structure}`);
  }
  if (shape === 'rod' && structure !== 'wurtzite') {
    fail('structure', `must be wurtzite for shape rod (a rod along c), got ${structure}`);
  }
  const material = spec['material'];
  if (typeof material !== 'string' || material === '') fail('material', `must be a material name such as CdSe, got ${show(material)}`);
  for (const key of Object.keys(spec)) {
    if (!KEYS[shape].includes(key)) fail(key, `does not apply to shape ${shape} (accepted keys: ${KEYS[shape].join(', ')})`);
  }
  const cationRich = optionalBoolean(spec, 'cationRich');
  switch (shape) {
    case 'sphere':
      return { shape, structure, material, cationRich, diameterNm: numberIn(spec, 'diameterNm', DIAMETER_RANGE_NM) };
    case 'rod':
      return {
        shape,
        structure: 'wurtzite',
        material,
        cationRich,
        diameterNm: numberIn(spec, 'diameterNm', DIAMETER_RANGE_NM),
        lengthNm: numberIn(spec, 'lengthNm', LENGTH_RANGE_NM),
      };
    case 'platelet': {
      const ml = spec['monolayers'];
      const n = typeof ml === 'number' ? ml - 0.5 : NaN;
      if (!Number.isInteger(n) || n < MONOLAYER_N_RANGE[0] || n > MONOLAYER_N_RANGE[1]) {
        fail('monolayers', `must be N.5 with N an integer ${MONOLAYER_N_RANGE[0]}..${MONOLAYER_N_RANGE[1]}, got ${show(ml)}`);
      }
      const lateral = spec['lateralNm'];
      const pair = typeof lateral === 'number' ? [lateral, lateral] : lateral;
      const [lo, hi] = LATERAL_RANGE_NM;
      const ok =
        Array.isArray(pair) &&
        pair.length === 2 &&
        pair.every((v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi);
      if (!ok) fail('lateralNm', `must be one size or [x, y] in nm, each in [${lo}, ${hi}], got ${show(lateral)}`);
      return {
        shape,
        structure: 'zincblende',
        material,
        cationRich,
        monolayers: ml as number,
        lateralNm: [pair[0] as number, pair[1] as number],
        periodic: optionalBoolean(spec, 'periodic'),
      };
    }
    case 'bulk': {
      const cells = spec['cells'];
      const [lo, hi] = BULK_CELLS_RANGE[structure];
      if (typeof cells !== 'number' || !Number.isInteger(cells) || cells < lo || cells > hi) {
        fail('cells', `must be an integer ${lo}..${hi} for ${structure} bulk, got ${show(cells)}`);
      }
      return { shape, structure, material, cationRich, cells };
    }
  }
}
