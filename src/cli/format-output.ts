// CLI edge: rows of records → text in one of the output formats (table for people, jsonl and csv for machines).
import { csvField } from '../export/export-context.js';

/** Output formats every listing command offers. */
export type OutputFormat = 'table' | 'jsonl' | 'csv';

/** A column of a table or CSV: a header and how to read its cell from a row. */
export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
  /** Widest a table cell may be before it is cut with an ellipsis; a column with one is free text, narrowed first to fit. */
  maxWidth?: number;
  /** Narrowest this free-text column is made before other columns give way (default 12). */
  minWidth?: number;
  /** A column a narrow terminal may leave out: the highest numbers go first, until the rest fits. */
  dropOrder?: number;
}

/** The default format: a table on a terminal, JSON Lines when piped. */
export function defaultFormat(isTTY: boolean | undefined): OutputFormat {
  return isTTY ? 'table' : 'jsonl';
}

/** Parses a --format value; throws a usage error naming the value. */
export function parseFormat(value: string): OutputFormat {
  if (value === 'table' || value === 'jsonl' || value === 'csv') return value;
  throw new Error(`unknown format "${value}" (use table, jsonl or csv)`);
}

/** One CSV line (no newline), quoted as every CSV of Dyad is (`csvField` of src/export). */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',');
}

/** Width a table takes when the terminal gives none (a pipe, a test). */
export const DEFAULT_TABLE_WIDTH = 100;

/** Narrowest a column of free text (one with a maxWidth) is shrunk to before the others give way. */
const MIN_TEXT = 12;
/** Narrowest any column is shrunk to (its header may be wider). */
const MIN_CELL = 6;

function text(value: string | number | boolean | null | undefined): string {
  return (value === null || value === undefined ? '' : String(value)).replace(/\s+/g, ' ');
}

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
}

/**
 * Column widths that fit `width` characters (two spaces between columns): each column as wide as its widest cell (at
 * most its maxWidth); then, while too wide, the widest column of free text (one with a maxWidth) gives a character,
 * down to its minWidth (default 12), then down to its header or 6. Codes, dates and counts are never cut: a table
 * with no free text left to narrow is as wide as they are.
 */
export function fitWidths(natural: readonly number[], headers: readonly number[], minText: readonly (number | null)[], width: number): number[] {
  const widths = [...natural];
  let total = widths.reduce((a, b) => a + b, 0) + 2 * Math.max(0, widths.length - 1);
  for (const pass of [0, 1]) {
    const floor = natural.map((w, i) => (minText[i] === null ? w : Math.min(w, pass === 0 ? (minText[i] as number) : Math.max(MIN_CELL, headers[i] ?? 0))));
    while (total > width) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) {
        if ((widths[i] as number) > (floor[i] as number) && (widest < 0 || (widths[i] as number) > (widths[widest] as number))) widest = i;
      }
      if (widest < 0) break;
      widths[widest] = (widths[widest] as number) - 1;
      total -= 1;
    }
  }
  return widths;
}

/**
 * Renders rows as an aligned plain-text table with a header line, at most `width` characters wide where it can be:
 * columns that may be dropped go (highest dropOrder first) while the others cannot fit at their narrowest text.
 */
export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[], width: number = DEFAULT_TABLE_WIDTH): string {
  let shown = [...columns];
  const all = rows.map((row) => columns.map((col) => text(col.value(row))));
  const natural = columns.map((col, i) => Math.max(col.header.length, ...all.map((r) => Math.min(r[i]?.length ?? 0, col.maxWidth ?? 40))));
  const minText = (col: Column<Row>): number | null => (col.maxWidth === undefined ? null : col.minWidth ?? MIN_TEXT);
  const narrowest = (cols: readonly Column<Row>[]): number => cols.reduce((sum, col) => {
    const i = columns.indexOf(col);
    return sum + Math.min(natural[i] as number, minText(col) ?? (natural[i] as number)) + 2;
  }, -2);
  while (narrowest(shown) > width && shown.some((c) => c.dropOrder !== undefined)) {
    const drop = shown.reduce((a, c) => ((c.dropOrder ?? -1) > (a.dropOrder ?? -1) ? c : a));
    shown = shown.filter((c) => c !== drop);
  }
  const at = shown.map((col) => columns.indexOf(col));
  const widths = fitWidths(at.map((i) => natural[i] as number), shown.map((c) => c.header.length), shown.map(minText), width);
  const line = (values: readonly string[]): string => values.map((v, i) => cut(v, widths[i] ?? 0).padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(shown.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...all.map((r) => line(at.map((i) => r[i] ?? '')))].join('\n') + '\n';
}

/** Renders rows in the given format: whole records for jsonl, the columns for table (fitted to `width`) and csv. */
export function renderRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], format: OutputFormat, width?: number): string {
  if (format === 'jsonl') return rows.map((row) => JSON.stringify(row) + '\n').join('');
  if (format === 'csv') return [csvLine(columns.map((c) => c.header)), ...rows.map((row) => csvLine(columns.map((c) => c.value(row))))].join('\n') + '\n';
  return renderTable(rows, columns, width);
}
