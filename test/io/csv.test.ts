// src/io/csv.ts: parsing with comments, quotes and line numbers in errors; strict numbers; a format/parse round trip.
import { describe, expect, it } from 'vitest';
import { CsvError, csvNumberColumn, formatCsv, formatCsvColumns, parseCsv, parseCsvNumber } from '../../src/io/csv.js';

describe('parseCsv', () => {
  it('skips comments and blank lines, keeps source line numbers, and unquotes RFC 4180 fields', () => {
    const table = parseCsv('\uFEFF# a comment\ntimeS,label\n\n0,"a, ""quoted"" b"\r\n1.5e3 , plain \n');
    expect(table.header).toEqual(['timeS', 'label']);
    expect(table.rows).toEqual([
      ['0', 'a, "quoted" b'],
      ['1.5e3', 'plain'],
    ]);
    expect(table.lines).toEqual([4, 5]);
  });

  it('reports the line of a row with the wrong number of fields, duplicate columns and an empty file', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(/line 3: expected 2 fields/);
    expect(() => parseCsv('a,a\n')).toThrow(/duplicate column 'a'/);
    expect(() => parseCsv('# only a comment\n')).toThrow(CsvError);
    expect(() => parseCsv('a\n"open\n')).toThrow(/line 2: unterminated/);
  });
});

describe('numbers', () => {
  it('parses numbers strictly: "" and "1x" are not numbers, NaN and Infinity are spelled out', () => {
    expect(parseCsvNumber('1e-22')).toBe(1e-22);
    expect(parseCsvNumber('-.5')).toBe(-0.5);
    expect(parseCsvNumber('')).toBeNaN();
    expect(parseCsvNumber('1x')).toBeNaN();
    expect(parseCsvNumber('0x10')).toBeNaN();
    expect(parseCsvNumber('Infinity')).toBe(Number.POSITIVE_INFINITY);
  });

  it('csvNumberColumn names the line and column of a bad cell, and a missing column with the header', () => {
    const table = parseCsv('timeS,fraction\n0,0\n10,abc\n');
    expect(() => csvNumberColumn(table, 'fraction')).toThrow("line 3, column fraction: expected a number, got 'abc'");
    expect(() => csvNumberColumn(table, 'hgFraction')).toThrow('column hgFraction: missing column (header has: timeS, fraction)');
    expect(Array.from(csvNumberColumn(table, 'timeS'))).toEqual([0, 10]);
  });

  it('formatCsvColumns then parseCsv gives back the same doubles', () => {
    const values = [0, 1 / 3, 1e-22, -2.5e10, Math.PI];
    const text = formatCsvColumns({ x: values, y: values.map((v) => v * 2) });
    const table = parseCsv(text);
    expect(Array.from(csvNumberColumn(table, 'x'))).toEqual(values);
    expect(Array.from(csvNumberColumn(table, 'y'))).toEqual(values.map((v) => v * 2));
    expect(formatCsv(['name', 'v'], [['a,b', 1]])).toBe('name,v\n"a,b",1\n');
  });
});
