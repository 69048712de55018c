// Seeded generators for property tests of the scenario parser and CLI: random JSON values, mutations of
// real scenario files (drop keys, change types, insert junk, extreme numbers) and garbage text.
import type { Rng } from '../../src/rng.js';

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng.next() * items.length)] as T;

const EXTREME_NUMBERS = [0, -0, -1, 1e-320, 5e-324, -1e308, 1e308, 1e9 + 1, 0.5, 4.3, 4.5, 2 ** 53, -(2 ** 31), 100.0000001, 3.3];
const ODD_STRINGS = ['', ' ', 'CdSe ', 'cdse', 'sphere', 'zincblende', '__proto__', 'constructor', '\u0000', 'é', 'a\nb', '{}', '80', 'NaN', '1e999', '-'];
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', '', ' ', 'name ', 'Name', 'reagnets', 'diameter', '$schema', 'stages.0', 'a\nb'];

/** A random JSON value (objects and arrays up to `depth` deep). */
export function randomJson(rng: Rng, depth = 3): unknown {
  const r = rng.next();
  if (depth <= 0 || r < 0.5) {
    const kind = Math.floor(rng.next() * 6);
    if (kind === 0) return null;
    if (kind === 1) return rng.next() < 0.5;
    if (kind === 2) return pick(rng, EXTREME_NUMBERS);
    if (kind === 3) return (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 12);
    if (kind === 4) return pick(rng, ODD_STRINGS);
    return garbageText(rng, 12);
  }
  const n = Math.floor(rng.next() * 4);
  if (r < 0.75) return Array.from({ length: n }, () => randomJson(rng, depth - 1));
  const obj: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) obj[rng.next() < 0.5 ? pick(rng, ODD_KEYS) : garbageText(rng, 6)] = randomJson(rng, depth - 1);
  return obj;
}

/** Printable and unprintable characters, brackets and quotes. */
export function garbageText(rng: Rng, maxLength = 40): string {
  const alphabet = 'abcXYZ019{}[]",:.-+eE \t\n\\/\u00e9\u2603\u0000';
  let s = '';
  const n = Math.floor(rng.next() * maxLength);
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng.next() * alphabet.length)];
  return s;
}

type Container = Record<string, unknown> | unknown[];

/** Every object or array in the tree, with the root first. */
function containers(value: unknown, out: Container[] = []): Container[] {
  if (value !== null && typeof value === 'object') {
    out.push(value as Container);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

/** Apply 1-3 random mutations to a deep copy of a (valid) scenario JSON value. */
export function mutateJson(rng: Rng, json: unknown): unknown {
  const root = structuredClone(json);
  const count = 1 + Math.floor(rng.next() * 3);
  for (let m = 0; m < count; m++) {
    const target = pick(rng, containers(root));
    if (target === undefined) break;
    const keys = Object.keys(target);
    const key = keys.length > 0 ? pick(rng, keys) : undefined;
    const op = Math.floor(rng.next() * 6);
    const set = (k: string, v: unknown) => {
      if (Array.isArray(target)) target[Number(k) || 0] = v;
      else Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
    };
    if (op === 0 && key !== undefined) {
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete target[key];
    } else if (op === 1 && key !== undefined) set(key, randomJson(rng, 1)); // change type or value
    else if (op === 2 && key !== undefined) set(key, pick(rng, EXTREME_NUMBERS));
    else if (op === 3) set(Array.isArray(target) ? String(target.length) : pick(rng, ODD_KEYS), randomJson(rng, 2)); // insert junk
    else if (op === 4 && key !== undefined) set(key, garbageText(rng));
    else if (key !== undefined && !Array.isArray(target)) {
      // rename a key (a typo)
      const value = target[key];
      delete target[key];
      set(key.length > 1 ? key.slice(0, -1) : `${key}x`, value);
    }
  }
  return root;
}
