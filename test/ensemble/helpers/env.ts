// Shared test plumbing for ensembles: paths of the built CLI and worker, a tiny scenario file, the fake
// replica module (helpers/fake-replica.mjs) and a CLI runner. Tests run against dist/node (build first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = join(import.meta.dirname, '../../..');
export const MAIN = join(ROOT, 'dist/node/sim/main.js');
export const WORKER_URL = pathToFileURL(join(ROOT, 'dist/node/sim/ensemble/worker.js'));
export const FAKE_REPLICA_URL = pathToFileURL(join(import.meta.dirname, 'fake-replica.mjs')).href;
export const FAKE_DRIVER = join(import.meta.dirname, 'run-fake-ensemble.mjs');

export function requireBuilt(): void {
  for (const f of [MAIN, WORKER_URL.pathname]) if (!existsSync(f)) throw new Error(`${f} missing: build first (npx tsc -p tsconfig.json)`);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `cxsim-${prefix}-`));
}

/** A small valid scenario (6 log-spaced samples, 3 shells) written to DIR/tiny.json; returns its path. */
export function writeTinyScenario(dir: string, overrides: Record<string, unknown> = {}): string {
  const spec = {
    name: 'tiny',
    material: 'CdSe',
    crystal: { structure: 'zincblende', shape: 'sphere', diameterNm: 2.3 },
    temperatureC: 80,
    durationS: 100,
    reagents: { hgPerCd: 1.5, agPerCd: 0.075, thiolPerCd: 1 },
    samples: 6,
    profileShells: 3,
    ...overrides,
  };
  const path = join(dir, `${String(spec.name)}.json`);
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cxsim(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under DIR with its bytes (relative path -> content): "nothing overwritten" checks. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'latin1');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}
