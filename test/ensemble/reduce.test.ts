// reduceReplicas(): statistics per final metric, per sample time and per (time, shell), on hand-made replicas
// whose expected means and sds are worked out in the test; and refusal of replicas on different grids.
import { describe, expect, it } from 'vitest';
import { parseNumericCsv, type ReplicaData } from '../../sim/ensemble/replica-files.js';
import { reduceReplicas } from '../../sim/ensemble/reduce.js';

/** Replica k (0-based): x(t) = k * t / 10 at t = 0, 5, 10; profile shell s at time t: (s + 1) * k * t / 100. */
function replica(k: number, times = [0, 5, 10]): ReplicaData {
  const series = parseNumericCsv(['timeS,hgFraction,events', ...times.map((t) => `${t},${(k * t) / 10},${k}`)].join('\n'), 'ts');
  const rows = ['timeS,shell,radiusNm,hgFraction'];
  for (const t of times) for (let s = 0; s < 2; s++) rows.push(`${t},${s},${0.5 + s},${((s + 1) * k * t) / 100}`);
  return { seed: `s${k}`, scenarioHash: 'h', final: { hgFraction: k, timeS: 10 }, series, profiles: parseNumericCsv(rows.join('\n'), 'pr') };
}

const labels = ['r0', 'r1', 'r2'];

describe('reduceReplicas', () => {
  // Replicas k = 1, 2, 3: mean k = 2, sd = 1, sem = 1/sqrt(3).
  const stats = reduceReplicas([replica(1), replica(2), replica(3)], labels);

  it('reduces final metrics to mean, sd and sem', () => {
    expect(stats.final['hgFraction']!.mean).toBe(2);
    expect(stats.final['hgFraction']!.sd).toBeCloseTo(1, 15);
    expect(stats.final['hgFraction']!.sem).toBeCloseTo(1 / Math.sqrt(3), 15);
    expect(stats.final['timeS']).toEqual({ mean: 10, sd: 0, sem: 0 });
  });

  it('reduces the time series on the shared grid: x mean 2t/10, sd t/10', () => {
    expect(stats.series['timeS']).toEqual([0, 5, 10]);
    stats.series['timeS']!.forEach((t, i) => {
      expect(stats.series['hgFractionMean']![i]).toBeCloseTo((2 * t) / 10, 14);
      expect(stats.series['hgFractionSd']![i]).toBeCloseTo(t / 10, 14);
    });
    expect(stats.series['eventsMean']).toEqual([2, 2, 2]);
    expect(Object.keys(stats.series)).toEqual(['timeS', 'hgFractionMean', 'hgFractionSd', 'hgFractionSem', 'eventsMean', 'eventsSd', 'eventsSem']);
  });

  it('reduces profiles per time and shell: mean 2(s+1)t/100, sd (s+1)t/100', () => {
    const p = stats.profiles;
    expect(p.timeS).toEqual([0, 5, 10]);
    expect(p.shell).toEqual([0, 1]);
    expect(p.radiusNm).toEqual([0.5, 1.5]);
    const mean = p['hgFractionMean'] as number[][];
    const sd = p['hgFractionSd'] as number[][];
    p.timeS.forEach((t, ti) => {
      for (const s of p.shell) {
        expect(mean[ti]![s]).toBeCloseTo((2 * (s + 1) * t) / 100, 14);
        expect(sd[ti]![s]).toBeCloseTo(((s + 1) * t) / 100, 14);
      }
    });
  });

  it('refuses replicas whose sample times differ, naming the replica', () => {
    expect(() => reduceReplicas([replica(1), replica(2, [0, 5, 11])], labels)).toThrow(/^r1: timeseries\.csv row 3 timeS = 11, replica 0 has 10/);
  });
});
