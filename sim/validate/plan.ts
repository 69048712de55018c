// Which ensembles the outcomes need, each run once. References with the same conditions (the resolved scenario
// without its name and description) share one ensemble, named after the first reference in table order. The
// folder name carries a hash of the spec, the base seed and the material's parameter values, so another seed,
// a --set or a recalibrated parameter set never reuses stale replicas (a change of model code does: --fresh).
import type { Scenario } from '../../src/model/contract.js';
import { materialParams, paramValues } from '../../src/model/params/index.js';
import { UsageError } from '../errors.js';
import { canonicalJson, specHash } from '../ensemble/manifest.js';
import { sweepConditions } from '../ensemble/sweep.js';
import { loadScenario } from '../run-scenario.js';
import { refLabel, type EnsembleRef } from './outcomes.js';

export interface PlannedEnsemble {
  /** Canonical JSON of the conditions: equal conditions, one ensemble. */
  readonly conditionsKey: string;
  /** Folder under the validation work dir. */
  readonly dirName: string;
  /** What runs: the resolved scenario of the first reference. */
  readonly scenario: Scenario;
  /** Every reference it serves, in table order. */
  readonly refs: readonly EnsembleRef[];
}

function conditionsKey(spec: Scenario): string {
  const conditions: Partial<Scenario> = { ...spec };
  delete conditions.name;
  delete conditions.description;
  return canonicalJson(conditions);
}

/** "reagents.agPerCd-0.075" for the reference's own --set (sweep.ts folder naming). */
function setsSlug(sets: readonly string[]): string {
  if (sets.length === 0) return '';
  const axes = sets.map((s) => ({ key: s.slice(0, s.indexOf('=')), texts: [s.slice(s.indexOf('=') + 1)] }));
  return sweepConditions(axes)[0]!.slug;
}

/** Resolve a reference (built-in scenario, its --set, then the global --set), naming it in any error. */
export function resolveRef(ref: EnsembleRef, globalSets: readonly string[]): Scenario {
  try {
    return loadScenario(ref.scenario, [...ref.sets, ...globalSets]).scenario;
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(`validation ensemble "${refLabel(ref)}": ${err.message}`);
    throw err;
  }
}

/**
 * Deduplicated ensembles of `refs`, in first-appearance order; every scenario is resolved (and checked) here.
 * A reference that `needed` rejects may fail to resolve under the global --set (e.g. a diameter for a
 * platelet): it is then left out instead of failing the run.
 */
export function planEnsembles(refs: readonly EnsembleRef[], globalSets: readonly string[], baseSeed: string, needed: (ref: EnsembleRef) => boolean = () => true): PlannedEnsemble[] {
  const byKey = new Map<string, { scenario: Scenario; sets: readonly string[]; refs: EnsembleRef[] }>();
  const seen = new Set<string>();
  for (const ref of refs) {
    if (seen.has(refLabel(ref))) continue;
    seen.add(refLabel(ref));
    let scenario: Scenario;
    try {
      scenario = resolveRef(ref, globalSets);
    } catch (err) {
      if (err instanceof UsageError && !needed(ref)) continue;
      throw err;
    }
    const key = conditionsKey(scenario);
    const entry = byKey.get(key);
    if (entry) entry.refs.push(ref);
    else byKey.set(key, { scenario, sets: ref.sets, refs: [ref] });
  }
  return [...byKey.entries()].map(([key, { scenario, sets, refs: served }]) => {
    const params = paramValues(materialParams(scenario.material), scenario.parameters ?? {});
    const hash = specHash({ scenario, params }, baseSeed).slice(0, 10);
    const slug = setsSlug(sets);
    return { conditionsKey: key, dirName: `${scenario.name}${slug ? `__${slug}` : ''}--${hash}`, scenario, refs: served };
  });
}
