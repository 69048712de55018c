// Sweep pieces without running anything: --vary parsing, the condition grid and its folder names, sweep.csv
// columns, and the per-metric plots (one line per value of a second key; paper landmarks only in range).
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../sim/errors.js';
import { sweepPlots } from '../../sim/ensemble/plots.js';
import { parseVary, sweepConditions, sweepCsv, type SweepRow } from '../../sim/ensemble/sweep.js';

describe('sweep grid', () => {
  it('parses key=v1,v2 and rejects malformed or repeated values naming --vary', () => {
    expect(parseVary('reagents.agPerCd=0, 0.075')).toEqual({ key: 'reagents.agPerCd', texts: ['0', '0.075'] });
    expect(() => parseVary('reagents.agPerCd')).toThrow(UsageError);
    expect(() => parseVary('=1,2')).toThrow(/^--vary "=1,2": expected dotted.key=v1,v2/);
    expect(() => parseVary('a=1,,2')).toThrow(UsageError);
    expect(() => parseVary('a=1,1')).toThrow(/a value is repeated/);
  });

  it('builds every combination, first key slowest, with one folder per condition', () => {
    const grid = sweepConditions([parseVary('reagents.agPerCd=0,0.075'), parseVary('temperatureC=60,80,100')]);
    expect(grid).toHaveLength(6);
    expect(grid.map((c) => c.slug)).toEqual([
      'reagents.agPerCd-0__temperatureC-60',
      'reagents.agPerCd-0__temperatureC-80',
      'reagents.agPerCd-0__temperatureC-100',
      'reagents.agPerCd-0.075__temperatureC-60',
      'reagents.agPerCd-0.075__temperatureC-80',
      'reagents.agPerCd-0.075__temperatureC-100',
    ]);
    expect(grid[4]!.sets).toEqual(['reagents.agPerCd=0.075', 'temperatureC=80']);
    expect(() => sweepConditions([parseVary('description=a b,a_b')])).toThrow(/share the folder name description-a_b/);
  });
});

const m = (mean: number, sd = 0.1) => ({ mean, sd, sem: sd / 2 });
const rows: SweepRow[] = [
  { condition: { sets: [], slug: 'a', texts: ['0', '60'] }, final: { timeS: m(10, 0), hgFraction: m(0.2) } },
  { condition: { sets: [], slug: 'b', texts: ['0.075', '60'] }, final: { timeS: m(10, 0), hgFraction: m(0.9) } },
  { condition: { sets: [], slug: 'c', texts: ['0', '80'] }, final: { timeS: m(10, 0), hgFraction: m(0.3) } },
  { condition: { sets: [], slug: 'd', texts: ['0.075', '80'] }, final: { timeS: m(10, 0), hgFraction: m(0.95) } },
];

describe('sweep outputs', () => {
  it('writes the varied keys, then mean, sd, sem of each final metric', () => {
    const csv = sweepCsv([parseVary('reagents.agPerCd=0,0.075'), parseVary('temperatureC=60,80')], rows).trim().split('\n');
    expect(csv[0]).toBe('reagents.agPerCd,temperatureC,timeSMean,timeSSd,timeSSem,hgFractionMean,hgFractionSd,hgFractionSem');
    expect(csv[2]).toBe('0.075,60,10,0,0,0.9,0.1,0.05');
  });

  it('plots each metric against the first key with a line per value of the second and the E17 landmark', () => {
    const plots = sweepPlots('zb', ['reagents.agPerCd', 'temperatureC'], rows.map((r) => ({ texts: r.condition.texts, final: r.final })), 4);
    expect(Object.keys(plots)).toEqual(['hgFraction']); // timeS is the same everywhere: not plotted
    const svg = plots['hgFraction']!;
    expect(svg).toContain('reagents.agPerCd (equivalents per Cd)');
    expect(svg).toContain('final Hg fraction x (of cation sites)');
    expect(svg).toContain('temperatureC (°C) = 60');
    expect(svg).toContain('temperatureC (°C) = 80');
    expect(svg).toContain('fastest exchange at 0.075 Ag/Cd (E17)');
    expect(svg).toContain('mean over 4 replicas per condition; bands: ± sd');
    // A sweep that does not reach 0.075 gets no landmark (it would stretch the axis).
    const low = sweepPlots('zb', ['reagents.agPerCd'], [
      { texts: ['0'], final: { hgFraction: m(0.2) } },
      { texts: ['0.05'], final: { hgFraction: m(0.5) } },
    ], 4);
    expect(low['hgFraction']).not.toContain('E17');
  });
});
