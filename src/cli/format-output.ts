// CLI edge: rows of records → text in one of the output formats (table for people, jsonl and csv for machines).
import { csvField } from '../export/export-context.js';

/** Output formats every listing command offers. */
export type OutputFormat = 'table' | 'jsonl' | 'csv';

/** A column of a table or CSV: a header and how to read its cell from a row. */
export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
  /** Widest a table cell may be before it is cut with an ellipsis. */
  maxWidth?: number;
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

function cell(value: string | number | boolean | null | undefined, maxWidth: number): string {
  const text = (value === null || value === undefined ? '' : String(value)).replace(/\s+/g, ' ');
  return text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text;
}

/** Renders rows as an aligned plain-text table with a header line. */
export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((col) => cell(col.value(row), col.maxWidth ?? 40)));
  const widths = columns.map((col, i) => Math.max(col.header.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (values: readonly string[]): string => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/** Renders rows in the given format: whole records for jsonl, the columns for table and csv. */
export function renderRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], format: OutputFormat): string {
  if (format === 'jsonl') return rows.map((row) => JSON.stringify(row) + '\n').join('');
  if (format === 'csv') return [csvLine(columns.map((c) => c.header)), ...rows.map((row) => csvLine(columns.map((c) => c.value(row))))].join('\n') + '\n';
  return renderTable(rows, columns);
}
