// The manifest pins an ensemble directory to one scenario spec (after --set) and one base seed, via a
// SHA-256 of their canonical JSON, so a rerun resumes it and a different ensemble can never overwrite it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { readJsonFile, writeJsonAtomic } from '../files.js';
import { MANIFEST_FILE } from './layout.js';

export const MANIFEST_FORMAT = 'cxsim-ensemble-manifest/1';

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  scenario: string;
  baseSeed: string;
  replicas: number;
  /** SHA-256 hex of canonicalJson({ scenarioSpec, baseSeed }). */
  specHash: string;
  /** The fully resolved scenario (file plus overrides) every replica runs. */
  scenarioSpec: unknown;
}

/** JSON with object keys sorted at every level: equal data, equal text (hash input). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

export function specHash(scenarioSpec: unknown, baseSeed: string): string {
  return createHash('sha256').update(canonicalJson({ scenarioSpec, baseSeed })).digest('hex');
}

export function buildManifest(scenario: string, scenarioSpec: unknown, baseSeed: string, replicas: number): Manifest {
  return { format: MANIFEST_FORMAT, scenario, baseSeed, replicas, specHash: specHash(scenarioSpec, baseSeed), scenarioSpec };
}

/** Read DIR/manifest.json, checking it is one (UsageError naming the file otherwise). */
export function readManifest(dir: string): Manifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) throw new UsageError(`${dir}: not an ensemble directory (no ${MANIFEST_FILE})`);
  const m = readJsonFile(path, 'ensemble manifest') as Partial<Manifest> | null;
  const valid =
    m !== null &&
    typeof m === 'object' &&
    m.format === MANIFEST_FORMAT &&
    typeof m.scenario === 'string' &&
    typeof m.baseSeed === 'string' &&
    Number.isInteger(m.replicas) &&
    (m.replicas as number) >= 1 &&
    typeof m.specHash === 'string' &&
    m.scenarioSpec !== undefined;
  if (!valid) throw new UsageError(`${path}: not a cxsim ensemble manifest (expected format "${MANIFEST_FORMAT}")`);
  if (specHash(m.scenarioSpec, m.baseSeed as string) !== m.specHash) {
    throw new UsageError(`${path}: specHash does not match its scenarioSpec and baseSeed (edited by hand?)`);
  }
  return m as Manifest;
}

/** What differs between the ensemble in DIR and the requested one, for the error message. */
function describeDifference(have: Manifest, want: Manifest): string {
  if (have.scenario !== want.scenario) return `scenario "${have.scenario}", not "${want.scenario}"`;
  if (have.baseSeed !== want.baseSeed) return `base seed ${have.baseSeed}, not ${want.baseSeed}`;
  return `scenario "${have.scenario}" with different settings (--set overrides or scenario file changed)`;
}

/**
 * Claim DIR for this ensemble: an empty or missing DIR gets the manifest; a DIR holding the same ensemble
 * (same hash) is resumed, its replica count updated if changed; anything else is refused before any write.
 */
export function claimEnsembleDir(dir: string, want: Manifest): void {
  const path = join(dir, MANIFEST_FILE);
  if (existsSync(path)) {
    const have = readManifest(dir);
    if (have.specHash !== want.specHash) {
      throw new UsageError(
        `${dir}: holds another ensemble (${describeDifference(have, want)}); nothing was changed; use another --out or remove it`,
      );
    }
    if (have.replicas === want.replicas) return;
  } else if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UsageError(`${dir}: --out must be a directory, found a file`);
  } else if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new UsageError(`${dir}: exists, is not empty and has no ${MANIFEST_FILE}; nothing was changed; use another --out`);
  }
  writeJsonAtomic(path, want);
}
