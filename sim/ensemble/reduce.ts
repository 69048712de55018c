// Reduce replicas to ensemble statistics: final metrics, time series on the shared sample grid and radial
// profiles per (time, shell), each as mean / sd / sem over replicas. Units are those of the replica columns.
import { UsageError } from '../errors.js';
import { moments, type Moments } from './stats.js';
import type { NumericTable, ReplicaData } from './replica-files.js';

/** Columns of the ensemble time series: timeS, then <column>Mean, <column>Sd, <column>Sem. */
export type EnsembleSeries = Record<string, number[]>;

export interface EnsembleProfiles {
  /** Sample times of the profiles, s. */
  timeS: number[];
  shell: number[];
  /** Mean distance of each shell's sites from the centre (mid-plane), nm. */
  radiusNm: number[];
  /** [time][shell] arrays per value column: hgFractionMean, hgFractionSd, hgFractionSem, ... */
  [valueStat: string]: number[] | number[][];
}

export interface EnsembleStats {
  final: Record<string, Moments>;
  series: EnsembleSeries;
  profiles: EnsembleProfiles;
}

const PROFILE_KEYS = ['timeS', 'shell', 'radiusNm'];

/** Statistics over replicas given in index order (the order fixes the floating-point sums). */
export function reduceReplicas(replicas: readonly ReplicaData[], labels: readonly string[]): EnsembleStats {
  if (replicas.length === 0) throw new UsageError('no replicas to merge');
  return {
    final: reduceFinal(replicas, labels),
    series: reduceSeries(replicas, labels),
    profiles: reduceProfiles(replicas, labels),
  };
}

function reduceFinal(replicas: readonly ReplicaData[], labels: readonly string[]): Record<string, Moments> {
  const keys = Object.keys(replicas[0]!.final);
  const out: Record<string, Moments> = {};
  for (const key of keys) {
    const values = replicas.map((r, i) => {
      const v = r.final[key];
      if (v === undefined) throw new UsageError(`${labels[i]}: summary.json final has no "${key}" (replica 0 has it)`);
      return v;
    });
    out[key] = moments(values);
  }
  return out;
}

/** Every replica must have the same columns and the same key column(s) as replica 0. */
function checkSameShape(tables: readonly NumericTable[], keys: readonly string[], labels: readonly string[], file: string): void {
  const first = tables[0]!;
  for (const key of keys) if (!first.columns.includes(key)) throw new UsageError(`${labels[0]}: ${file} has no column ${key}`);
  tables.forEach((t, i) => {
    if (t.columns.join(',') !== first.columns.join(',')) {
      throw new UsageError(`${labels[i]}: ${file} columns ${t.columns.join(',')} differ from replica 0's ${first.columns.join(',')}`);
    }
    if (t.rows !== first.rows) throw new UsageError(`${labels[i]}: ${file} has ${t.rows} rows, replica 0 has ${first.rows}`);
    for (const key of keys) {
      const a = first.data[key]!;
      const b = t.data[key]!;
      for (let r = 0; r < t.rows; r++) {
        if (a[r] !== b[r]) throw new UsageError(`${labels[i]}: ${file} row ${r + 1} ${key} = ${b[r]}, replica 0 has ${a[r]} (replicas must share the sample grid)`);
      }
    }
  });
}

function reduceSeries(replicas: readonly ReplicaData[], labels: readonly string[]): EnsembleSeries {
  const tables = replicas.map((r) => r.series);
  checkSameShape(tables, ['timeS'], labels, 'timeseries.csv');
  const first = tables[0]!;
  const series: EnsembleSeries = { timeS: Array.from(first.data['timeS']!) };
  const column = new Float64Array(tables.length); // scratch: one value per replica
  for (const name of first.columns) {
    if (name === 'timeS') continue;
    const mean: number[] = [];
    const sd: number[] = [];
    const sem: number[] = [];
    for (let row = 0; row < first.rows; row++) {
      for (let i = 0; i < tables.length; i++) column[i] = tables[i]!.data[name]![row]!;
      const m = moments(column);
      mean.push(m.mean);
      sd.push(m.sd);
      sem.push(m.sem);
    }
    series[`${name}Mean`] = mean;
    series[`${name}Sd`] = sd;
    series[`${name}Sem`] = sem;
  }
  return series;
}

function reduceProfiles(replicas: readonly ReplicaData[], labels: readonly string[]): EnsembleProfiles {
  const tables = replicas.map((r) => r.profiles);
  checkSameShape(tables, PROFILE_KEYS, labels, 'profiles.csv');
  const first = tables[0]!;
  const timeCol = first.data['timeS']!;
  const shellCol = first.data['shell']!;
  const radiusCol = first.data['radiusNm']!;

  // Times in order of appearance; shells 0..S-1 (rows are time-major, but only the keys are trusted).
  const timeS: number[] = [];
  const timeIndex = new Map<number, number>();
  let shellCount = 0;
  for (let r = 0; r < first.rows; r++) {
    if (!timeIndex.has(timeCol[r]!)) {
      timeIndex.set(timeCol[r]!, timeS.length);
      timeS.push(timeCol[r]!);
    }
    shellCount = Math.max(shellCount, shellCol[r]! + 1);
  }
  if (timeS.length * shellCount !== first.rows) {
    throw new UsageError(`${labels[0]}: profiles.csv has ${first.rows} rows, expected ${timeS.length} times x ${shellCount} shells`);
  }
  const radiusNm = new Array<number>(shellCount).fill(Number.NaN);
  const rowOf = new Int32Array(timeS.length * shellCount).fill(-1);
  for (let r = 0; r < first.rows; r++) {
    const cell = timeIndex.get(timeCol[r]!)! * shellCount + shellCol[r]!;
    if (!Number.isInteger(shellCol[r]!) || shellCol[r]! < 0 || rowOf[cell] !== -1) {
      throw new UsageError(`${labels[0]}: profiles.csv row ${r + 1}: shell ${shellCol[r]} at t = ${timeCol[r]} s is invalid or repeated`);
    }
    rowOf[cell] = r;
    radiusNm[shellCol[r]!] = radiusCol[r]!;
  }

  const profiles: EnsembleProfiles = { timeS, shell: Array.from({ length: shellCount }, (_, s) => s), radiusNm };
  const column = new Float64Array(tables.length);
  for (const name of first.columns) {
    if (PROFILE_KEYS.includes(name)) continue;
    const mean: number[][] = [];
    const sd: number[][] = [];
    const sem: number[][] = [];
    for (let t = 0; t < timeS.length; t++) {
      const m0: number[] = [];
      const s0: number[] = [];
      const e0: number[] = [];
      for (let s = 0; s < shellCount; s++) {
        const row = rowOf[t * shellCount + s]!;
        for (let i = 0; i < tables.length; i++) column[i] = tables[i]!.data[name]![row]!;
        const m = moments(column);
        m0.push(m.mean);
        s0.push(m.sd);
        e0.push(m.sem);
      }
      mean.push(m0);
      sd.push(s0);
      sem.push(e0);
    }
    profiles[`${name}Mean`] = mean;
    profiles[`${name}Sd`] = sd;
    profiles[`${name}Sem`] = sem;
  }
  return profiles;
}
