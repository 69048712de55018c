// Reading one finished replica's run dir (summary.json, timeseries.csv, profiles.csv) into numbers,
// checking it belongs to the ensemble. Units as written by sim/run-scenario.ts (s, nm, fractions, counts).
import { join } from 'node:path';
import { CsvError, csvNumberColumn, parseCsv } from '../../src/index.js';
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

/** Parse a header + numbers CSV (src/io/csv.ts); `path` names the file in errors. */
export function parseNumericCsv(text: string, path: string): NumericTable {
  try {
    const table = parseCsv(text);
    const data: Record<string, Float64Array> = {};
    for (const c of table.header) data[c] = csvNumberColumn(table, c);
    return { columns: table.header, data, rows: table.rows.length };
  } catch (err) {
    if (err instanceof CsvError) throw new UsageError(`${path}: ${err.message}`);
    throw err;
  }
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
