// Registry of material parameter sets: one file per material system, one set serves every scenario.
import type { MaterialParams } from './types.js';
import { CdSe } from './cdse.js';
import { CdTe } from './cdte.js';
import { CdS } from './cds.js';
import { CdSe05S05 } from './cdses.js';

export const MATERIAL_PARAMS = {
  CdSe,
  CdTe,
  CdS,
  'CdSe0.5S0.5': CdSe05S05,
} as const satisfies Record<string, MaterialParams>;

export type MaterialName = keyof typeof MATERIAL_PARAMS;
export const MATERIAL_NAMES = Object.keys(MATERIAL_PARAMS) as MaterialName[];

export function materialParams(name: string): MaterialParams {
  const params = (MATERIAL_PARAMS as Record<string, MaterialParams>)[name];
  if (!params) throw new RangeError(`unknown material "${name}" (known: ${MATERIAL_NAMES.join(', ')})`);
  return params;
}

export type { MaterialParams, Param, ParamValues } from './types.js';
export { paramValues } from './types.js';
