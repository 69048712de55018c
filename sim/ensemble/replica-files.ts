// Reading one finished replica's run dir (summary.json, timeseries.csv, profiles.csv) into numbers,
// checking it belongs to the ensemble. Units as written by sim/run-scenario.ts (s, nm, fractions, counts).
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { readJsonFile, readTextFile } from '../files.js';
import { PROFILES_FILE, SUMMARY_FILE, TIMESERIES_FILE } from '../run-scenario.js';

/** A CSV of numbers, column-major. */
export interface NumericTable {
  columns: string[];
  /** One Float64Array per column, all of length `rows`. */
  data: Record<string, Float64Array>;
  rows: number;
}

export interface ReplicaData {
  seed: string;
  scenarioHash: string;
  /** summary.json `final`: the numeric end-of-run metrics. */
  final: Record<string, number>;
  series: NumericTable;
  profiles: NumericTable;
}

/** Parse a header + numbers CSV; `path` names the file in errors. */
export function parseNumericCsv(text: string, path: string): NumericTable {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new UsageError(`${path}: empty CSV (expected a header line)`);
  const columns = lines[0]!.split(',').map((c) => c.trim());
  const rows = lines.length - 1;
  const data: Record<string, Float64Array> = {};
  for (const c of columns) data[c] = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const cells = lines[r + 1]!.split(',');
    if (cells.length !== columns.length) {
      throw new UsageError(`${path}: line ${r + 2}: expected ${columns.length} values, got ${cells.length}`);
    }
    for (let c = 0; c < columns.length; c++) {
      const value = Number(cells[c]);
      if (cells[c]!.trim() === '' || Number.isNaN(value)) {
        throw new UsageError(`${path}: line ${r + 2}, column ${columns[c]}: expected a number, got "${cells[c]}"`);
      }
      data[columns[c]!]![r] = value;
    }
  }
  return { columns, data, rows };
}

/** Read replica outputs from `dir`; summary.json must hold a seed, a scenarioHash and numeric finals. */
export function readReplica(dir: string): ReplicaData {
  const summaryPath = join(dir, SUMMARY_FILE);
  const summary = readJsonFile(summaryPath, 'replica summary') as {
    seed?: unknown;
    scenarioHash?: unknown;
    final?: Record<string, unknown>;
  } | null;
  if (summary === null || typeof summary !== 'object' || typeof summary.seed !== 'string' || typeof summary.final !== 'object' || summary.final === null) {
    throw new UsageError(`${summaryPath}: not a cxsim run summary (expected seed and final)`);
  }
  const final: Record<string, number> = {};
  for (const [key, value] of Object.entries(summary.final)) if (typeof value === 'number') final[key] = value;
  const csv = (name: string) => parseNumericCsv(readTextFile(join(dir, name), 'replica CSV'), join(dir, name));
  return {
    seed: summary.seed,
    scenarioHash: String(summary.scenarioHash),
    final,
    series: csv(TIMESERIES_FILE),
    profiles: csv(PROFILES_FILE),
  };
}
