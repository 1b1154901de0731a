// Eval: suite results → a plain-text table for the terminal (one table per suite).
import { isPrf, type SuiteResult } from './score.js';

/** Formats a number for a table cell: counts (measures named `n-…`) as integers with thousands separators, shares with three decimals. */
export function formatValue(measure: string, value: number): string {
  if (measure.startsWith('n-')) return value.toLocaleString('en-US');
  return value.toFixed(3);
}

/**
 * Renders one suite as a table: a title line, then one row per measure with columns P, R, F1 (for P/R/F1 measures)
 * and value (for plain numbers: accuracy, coverage, and counts, which are named `n-…`).
 */
export function formatSuiteTable(name: string, result: SuiteResult): string {
  const header = ['measure', 'P', 'R', 'F1', 'value'];
  const rows: string[][] = [header];
  for (const [measure, value] of Object.entries(result)) {
    if (isPrf(value)) rows.push([measure, value.p.toFixed(3), value.r.toFixed(3), value.f1.toFixed(3), '']);
    else rows.push([measure, '', '', '', formatValue(measure, value)]);
  }
  const widths = header.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const lines = rows.map((row) =>
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  const rule = '-'.repeat(Math.max(...lines.map((line) => line.length)));
  return [name, rule, lines[0], rule, ...lines.slice(1), ''].join('\n');
}
