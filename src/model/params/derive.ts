// Derive a material's parameter set from another by naming only what differs (and why).
import type { MaterialParams, Param, ParamKey } from './types.js';

export function deriveParams(
  base: MaterialParams,
  identity: { material: string; anion: MaterialParams['anion']; notes: string },
  changes: Partial<Record<ParamKey, Param>>,
): MaterialParams {
  return { ...base, ...identity, ...changes };
}
