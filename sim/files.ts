// All filesystem writes go through here: atomic (temp file in the same folder, then rename),
// so a killed process never leaves a half-written output.
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { UsageError } from './errors.js';

let tmpCounter = 0;

/** Write a file atomically: temp file beside it, then rename over the target. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${tmpCounter++}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw err;
  }
}

/** JSON with a trailing newline, written atomically. */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
}

/** Read a text file, turning "not found" and friends into a UsageError naming the file. */
export function readTextFile(path: string, what = 'file'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: ${what} not found`);
    if (code === 'EISDIR') throw new UsageError(`${path}: expected a ${what}, found a directory`);
    throw new UsageError(`${path}: cannot read ${what} (${code ?? String(err)})`);
  }
}

/** Parse JSON from a file, with the file named in the error. */
export function readJsonFile(path: string, what = 'JSON file'): unknown {
  const text = readTextFile(path, what);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${path}: not valid JSON (${(err as Error).message})`);
  }
}
