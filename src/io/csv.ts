// Small browser-safe CSV reading and writing for series files (timeseries.csv, fit data, sweep tables).
// Comma-separated, one header row, RFC 4180 quoting within a line, '#' comment lines and blank lines skipped.

/** A problem in CSV text; `line` is the 1-based line in the text, `column` the header name when known. */
export class CsvError extends Error {
  override readonly name = 'CsvError';
  constructor(
    readonly detail: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(`${line !== undefined ? `line ${line}` : ''}${column !== undefined ? `${line !== undefined ? ', ' : ''}column ${column}` : ''}${line !== undefined || column !== undefined ? ': ' : ''}${detail}`);
  }
}

export interface CsvTable {
  header: string[];
  /** Raw cells, one array per data row, each as long as the header. */
  rows: string[][];
  /** 1-based source line of each data row (for error messages). */
  lines: number[];
}

function splitLine(text: string, lineNumber: number): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] === '"') {
      let cell = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError('unterminated quoted field', lineNumber);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i];
        i++;
      }
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (i < text.length && text[i] !== ',') throw new CsvError('unexpected text after a quoted field', lineNumber);
      cells.push(cell);
    } else {
      const end = text.indexOf(',', i);
      const stop = end < 0 ? text.length : end;
      cells.push(text.slice(i, stop).trim());
      i = stop;
    }
    if (i >= text.length) return cells;
    i++; // the comma
  }
}

/** Parse CSV text: the first non-comment line is the header; every row must have as many fields. */
export function parseCsv(text: string): CsvTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | undefined;
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const cells = splitLine(line, k + 1);
    if (header === undefined) {
      header = cells;
      const seen = new Set<string>();
      for (const name of header) {
        if (name === '') throw new CsvError('empty column name in the header', k + 1);
        if (seen.has(name)) throw new CsvError(`duplicate column '${name}' in the header`, k + 1);
        seen.add(name);
      }
      continue;
    }
    if (cells.length !== header.length) throw new CsvError(`expected ${header.length} fields (as in the header), found ${cells.length}`, k + 1);
    rows.push(cells);
    lineNumbers.push(k + 1);
  }
  if (header === undefined) throw new CsvError('no header row (the file is empty)');
  return { header, rows, lines: lineNumbers };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parse one cell strictly as a number ('NaN', 'Infinity' accepted; '', '1x', '0x10' rejected); NaN if not a number. */
export function parseCsvNumber(cell: string): number {
  if (NUMBER.test(cell)) return Number(cell);
  if (cell === 'NaN' || cell === 'nan') return Number.NaN;
  if (cell === 'Infinity' || cell === '+Infinity' || cell === 'inf') return Number.POSITIVE_INFINITY;
  if (cell === '-Infinity' || cell === '-inf') return Number.NEGATIVE_INFINITY;
  return Number.NaN;
}

/** Index of a column by exact name, -1 if absent. */
export function csvColumnIndex(table: CsvTable, name: string): number {
  return table.header.indexOf(name);
}

/** A column as numbers; CsvError naming the line and column for a missing column or a cell that is not a number. */
export function csvNumberColumn(table: CsvTable, name: string): Float64Array {
  const index = csvColumnIndex(table, name);
  if (index < 0) throw new CsvError(`missing column (header has: ${table.header.join(', ')})`, undefined, name);
  const out = new Float64Array(table.rows.length);
  for (let r = 0; r < table.rows.length; r++) {
    const cell = table.rows[r]![index]!;
    const value = parseCsvNumber(cell);
    if (Number.isNaN(value) && cell !== 'NaN' && cell !== 'nan') throw new CsvError(`expected a number, got '${cell}'`, table.lines[r], name);
    out[r] = value;
  }
  return out;
}

/** Shortest text that reads back to the same double (JavaScript's own), 'NaN' for NaN. */
export function formatCsvNumber(value: number): string {
  return String(value);
}

function formatCell(cell: number | string): string {
  if (typeof cell === 'number') return formatCsvNumber(cell);
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** CSV text with a header row and one line per row, newline-terminated. */
export function formatCsv(header: readonly string[], rows: Iterable<readonly (number | string)[]>): string {
  const out = [header.map(formatCell).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new RangeError(`row has ${row.length} cells, header has ${header.length}`);
    out.push(row.map(formatCell).join(','));
  }
  return out.join('\n') + '\n';
}

/** CSV text from equal-length named columns (column order = key order). */
export function formatCsvColumns(columns: Record<string, ArrayLike<number>>): string {
  const names = Object.keys(columns);
  const length = names.length > 0 ? columns[names[0]!]!.length : 0;
  for (const name of names) if (columns[name]!.length !== length) throw new RangeError(`column ${name} has ${columns[name]!.length} values, expected ${length}`);
  const rows: number[][] = [];
  for (let i = 0; i < length; i++) rows.push(names.map((name) => columns[name]![i]!));
  return formatCsv(names, rows);
}
