// Web UI: dyad rows → per-period counts by quad class (the stacked timeline) and two directions of one pair (the series).
import type { DyadRow } from './api.js';

export interface PeriodCounts { period: string; quads: [number, number, number, number]; total: number }

/** Counts per dated period, by quad class, oldest first; undated rows are counted apart. */
export function quadTimeline(rows: readonly DyadRow[]): { periods: PeriodCounts[]; undated: number } {
  const byPeriod = new Map<string, [number, number, number, number]>();
  let undated = 0;
  for (const row of rows) {
    if (row.period === null) {
      undated += row.count;
      continue;
    }
    const quads = byPeriod.get(row.period) ?? [0, 0, 0, 0];
    row.quadShares.forEach((share, i) => { quads[i] = (quads[i] as number) + Math.round(share * row.count); });
    byPeriod.set(row.period, quads);
  }
  const periods = [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, quads]) => ({ period, quads, total: quads.reduce((x, y) => x + y, 0) }));
  return { periods, undated };
}

/** The heaviest source → target pairs over all periods, heaviest first. */
export function topPairs(rows: readonly DyadRow[], max: number): { source: string; target: string; count: number }[] {
  const sums = new Map<string, { source: string; target: string; count: number }>();
  for (const row of rows) {
    const key = `${row.source}>${row.target}`;
    const sum = sums.get(key) ?? { source: row.source, target: row.target, count: 0 };
    sum.count += row.count;
    sums.set(key, sum);
  }
  return [...sums.values()].sort((a, b) => b.count - a.count || (a.source + a.target < b.source + b.target ? -1 : 1)).slice(0, max);
}

/** Counts of A → B and B → A per period (every dated period of the rows, so both lines share one axis). */
export function pairSeries(rows: readonly DyadRow[], a: string, b: string): { period: string; forward: number; backward: number }[] {
  const periods = new Map<string, { forward: number; backward: number }>();
  for (const row of rows) {
    if (row.period === null) continue;
    const entry = periods.get(row.period) ?? { forward: 0, backward: 0 };
    if (row.source === a && row.target === b) entry.forward += row.count;
    else if (row.source === b && row.target === a) entry.backward += row.count;
    periods.set(row.period, entry);
  }
  return [...periods.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([period, v]) => ({ period, ...v }));
}
