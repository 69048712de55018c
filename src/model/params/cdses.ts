// CdSe(0.5)S(0.5): the mixed-anion alloy; barriers midway between CdSe and CdS (linear in the anion fraction).
import { CdS } from './cds.js';
import { CdSe } from './cdse.js';
import type { MaterialParams, Param, ParamKey } from './types.js';

function mix(a: MaterialParams, b: MaterialParams, fractionB: number): MaterialParams {
  const out: Record<string, unknown> = { ...a };
  for (const key of Object.keys(a) as (keyof MaterialParams)[]) {
    const pa = a[key];
    const pb = b[key];
    if (typeof pa === 'object' && typeof pb === 'object' && pa.value !== pb.value) {
      const value = (1 - fractionB) * pa.value + fractionB * pb.value;
      out[key] = { value, unit: pa.unit, source: `[ASSUMPTION] linear in the anion fraction between CdSe and CdS` } satisfies Param;
    }
  }
  return out as unknown as MaterialParams;
}

export const CdSe05S05: MaterialParams = {
  ...mix(CdSe, CdS, 0.5),
  material: 'CdSe0.5S0.5',
  anion: 'Se',
  notes: 'Linear interpolation of every differing CdSe and CdS parameter at 49-51 % S (E50: CdSe0.51S0.49 speeds up with Ag).',
} satisfies Record<ParamKey, Param> & Pick<MaterialParams, 'material' | 'anion' | 'notes'>;
