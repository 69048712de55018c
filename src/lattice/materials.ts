// Lattice constants of the II-VI hosts (Cd/Hg with S/Se/Te), zinc blende a and wurtzite a, c, in nm.
// Every number carries its source; mixed anions CdSe(x)S(1-x) use Vegard's law (linear in x).
import { NM_PER_ANGSTROM } from '../units.js';
import { CrystalSpecError } from './errors.js';
import type { StructureName } from './types.js';

export type CationElement = 'Cd' | 'Hg';
export type AnionElement = 'S' | 'Se' | 'Te';

/** One cited lattice constant set, Angstrom as printed in the source. */
interface MaterialRow {
  readonly cation: CationElement;
  readonly anion: AnionElement;
  readonly zincblendeAAngstrom: number;
  readonly zincblendeSource: string;
  readonly wurtziteAAngstrom: number;
  readonly wurtziteCAngstrom: number;
  readonly wurtziteSource: string;
}

// Tags as in PHYSICS-NOTES: [PAPER] Lee & Smith; [LIT] a source opened during research;
// [HANDBOOK] standard handbook value not re-opened here; [ASSUMPTION] no natural phase, scaled.
const ROWS = {
  CdSe: {
    cation: 'Cd', anion: 'Se',
    zincblendeAAngstrom: 6.05,
    zincblendeSource: '[PAPER] Lee & Smith (PHYSICS-NOTES 1.1), lit. 6.05-6.08',
    wurtziteAAngstrom: 4.299, wurtziteCAngstrom: 7.01,
    wurtziteSource: '[LIT] NBS Circ. 539 via mincryst (PHYSICS-NOTES 1.1)',
  },
  HgSe: {
    cation: 'Hg', anion: 'Se',
    zincblendeAAngstrom: 6.08,
    zincblendeSource: '[PAPER] Lee & Smith; tiemannite 6.07-6.08 [LIT] (PHYSICS-NOTES 1.1)',
    wurtziteAAngstrom: 4.299 * (6.08 / 6.05), wurtziteCAngstrom: 7.01 * (6.08 / 6.05),
    wurtziteSource: '[ASSUMPTION] no natural WZ HgSe: WZ CdSe scaled by 6.08/6.05 (PHYSICS-NOTES 1.1)',
  },
  CdTe: {
    cation: 'Cd', anion: 'Te',
    zincblendeAAngstrom: 6.481,
    zincblendeSource: '[HANDBOOK] standard value (e.g. Madelung, Semiconductors: Data Handbook)',
    wurtziteAAngstrom: 4.57, wurtziteCAngstrom: 7.47,
    wurtziteSource: '[HANDBOOK] standard value for metastable WZ CdTe',
  },
  CdS: {
    cation: 'Cd', anion: 'S',
    zincblendeAAngstrom: 5.818,
    zincblendeSource: '[HANDBOOK] standard value (e.g. Madelung, Semiconductors: Data Handbook)',
    wurtziteAAngstrom: 4.136, wurtziteCAngstrom: 6.714,
    wurtziteSource: '[HANDBOOK] standard value (greenockite)',
  },
  HgTe: {
    cation: 'Hg', anion: 'Te',
    zincblendeAAngstrom: 6.461,
    zincblendeSource: '[HANDBOOK] synthetic HgTe 6.461; mineral coloradoite 6.453 (Handbook of Mineralogy)',
    wurtziteAAngstrom: 4.57 * (6.461 / 6.481), wurtziteCAngstrom: 7.47 * (6.461 / 6.481),
    wurtziteSource: '[ASSUMPTION] no natural WZ HgTe: WZ CdTe scaled by the ZB ratio 6.461/6.481',
  },
  HgS: {
    cation: 'Hg', anion: 'S',
    zincblendeAAngstrom: 5.8517,
    zincblendeSource: '[LIT] metacinnabar, Wyckoff (1964) Crystal Structures 1 via mincryst',
    wurtziteAAngstrom: 4.136 * (5.8517 / 5.818), wurtziteCAngstrom: 6.714 * (5.8517 / 5.818),
    wurtziteSource: '[ASSUMPTION] no natural WZ HgS: WZ CdS scaled by the ZB ratio 5.8517/5.818',
  },
} as const satisfies Record<string, MaterialRow>;

export type BinaryMaterialName = keyof typeof ROWS;
export const BINARY_MATERIALS = Object.keys(ROWS) as BinaryMaterialName[];

export interface AnionShare {
  readonly element: AnionElement;
  /** Site fraction of this anion on the anion sublattice (the shares sum to 1). */
  readonly fraction: number;
}

/** A host material resolved from its name: elements and lattice constants in nm, with sources. */
export interface Material {
  /** Normalised name, e.g. "CdSe" or "CdSe0.5S0.5". */
  readonly name: string;
  readonly cation: CationElement;
  readonly anions: readonly AnionShare[];
  readonly zincblendeANm: number;
  readonly wurtziteANm: number;
  readonly wurtziteCNm: number;
  /** One line per number used (binary rows; Vegard noted for mixtures). */
  readonly sources: readonly string[];
}

const ACCEPTED =
  `${BINARY_MATERIALS.join(', ')}, or a mixed anion like CdSe0.5S0.5 (fractions summing to 1) or CdSeS (= CdSe0.5S0.5)`;

function binary(cation: CationElement, anion: AnionElement): MaterialRow | undefined {
  return (ROWS as Record<string, MaterialRow>)[cation + anion];
}

function fromRow(name: string, row: MaterialRow): Material {
  return {
    name,
    cation: row.cation,
    anions: [{ element: row.anion, fraction: 1 }],
    zincblendeANm: row.zincblendeAAngstrom * NM_PER_ANGSTROM,
    wurtziteANm: row.wurtziteAAngstrom * NM_PER_ANGSTROM,
    wurtziteCNm: row.wurtziteCAngstrom * NM_PER_ANGSTROM,
    sources: [`${name} zincblende: ${row.zincblendeSource}`, `${name} wurtzite: ${row.wurtziteSource}`],
  };
}

/** Shortest decimal for a fraction in a normalised name (0.5, 0.51). */
function formatFraction(x: number): string {
  return String(Number(x.toFixed(6)));
}

// Cd|Hg, then anion with optional fraction, then a second anion with optional fraction.
const MIXED = /^(Cd|Hg)(Se|Te|S)(\d*\.?\d*)(Se|Te|S)(\d*\.?\d*)$/;

/**
 * Resolve a material name. Accepted: CdSe, HgSe, CdTe, CdS, HgTe, HgS; a two-anion mixture
 * <cation><A1><x><A2><1-x> (e.g. CdSe0.51S0.49, 0 < x < 1) or <cation><A1><A2> meaning x = 0.5.
 * Mixtures interpolate a and c linearly between the two binaries (Vegard's law).
 */
export function lookupMaterial(name: string): Material {
  const row = (ROWS as Record<string, MaterialRow>)[name];
  if (row !== undefined) return fromRow(name, row);
  const m = MIXED.exec(name);
  if (m === null) throw new CrystalSpecError(`material must be ${ACCEPTED}; got "${name}"`, 'material');
  const cation = m[1] as CationElement;
  const anion1 = m[2] as AnionElement;
  const anion2 = m[4] as AnionElement;
  const x1Text = m[3]!;
  const x2Text = m[5]!;
  if (anion1 === anion2) {
    throw new CrystalSpecError(`material "${name}" names ${anion1} twice; accepted: ${ACCEPTED}`, 'material');
  }
  let x: number;
  if (x1Text === '' && x2Text === '') x = 0.5;
  else {
    const x1 = Number(x1Text);
    const x2 = Number(x2Text);
    const valid = x1Text !== '' && x2Text !== '' && x1 > 0 && x1 < 1 && x2 > 0 && x2 < 1;
    if (!valid || Math.abs(x1 + x2 - 1) > 1e-6) {
      throw new CrystalSpecError(
        `material "${name}": anion fractions must both lie in (0, 1) and sum to 1 (e.g. CdSe0.5S0.5)`,
        'material',
      );
    }
    x = x1;
  }
  const row1 = binary(cation, anion1)!;
  const row2 = binary(cation, anion2)!;
  const normalised = `${cation}${anion1}${formatFraction(x)}${anion2}${formatFraction(1 - x)}`;
  const vegard = (v1: number, v2: number): number => (x * v1 + (1 - x) * v2) * NM_PER_ANGSTROM;
  return {
    name: normalised,
    cation,
    anions: [
      { element: anion1, fraction: x },
      { element: anion2, fraction: 1 - x },
    ],
    zincblendeANm: vegard(row1.zincblendeAAngstrom, row2.zincblendeAAngstrom),
    wurtziteANm: vegard(row1.wurtziteAAngstrom, row2.wurtziteAAngstrom),
    wurtziteCNm: vegard(row1.wurtziteCAngstrom, row2.wurtziteCAngstrom),
    sources: [
      `${normalised}: Vegard interpolation (linear in x = ${formatFraction(x)}) between ${cation}${anion1} and ${cation}${anion2}`,
      ...fromRow(cation + anion1, row1).sources,
      ...fromRow(cation + anion2, row2).sources,
    ],
  };
}

/** Lattice constants a and c, nm, of a material in a structure (c = a for zinc blende). */
export function latticeConstantsNm(material: Material, structure: StructureName): { aNm: number; cNm: number } {
  return structure === 'zincblende'
    ? { aNm: material.zincblendeANm, cNm: material.zincblendeANm }
    : { aNm: material.wurtziteANm, cNm: material.wurtziteCNm };
}
