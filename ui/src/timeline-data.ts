// Web UI: dyad rows → per-period counts by quad class (the stacked timeline) and two directions of one pair (the series).
import type { DyadRow, TimelinePeriod } from './api.js';

export type Period = 'day' | 'week' | 'month' | 'year';
export interface PeriodCounts { period: string; quads: [number, number, number, number]; total: number; reports?: number }

const SHAPE: Record<Period, RegExp> = { year: /^\d{4}$/, month: /^\d{4}-\d{2}$/, week: /^\d{4}-W\d{2}$/, day: /^\d{4}-\d{2}-\d{2}$/ };
/** Longest run of periods filled in (ten years of days); beyond it only periods with events are shown. */
const MAX_FILL = 3700;

/** Every period from the first to the last, so that quiet periods show as gaps (weeks: as given). */
export function fillPeriods(periods: readonly string[], by: Period): string[] {
  const sorted = [...new Set(periods)].sort();
  const first = sorted[0], last = sorted.at(-1);
  if (first === undefined || last === undefined || by === 'week') return sorted;
  const out: string[] = [];
  if (by === 'year') {
    for (let y = Number(first); y <= Number(last) && out.length <= MAX_FILL; y++) out.push(String(y));
  } else {
    const date = new Date(`${by === 'month' ? `${first}-01` : first}T00:00:00Z`);
    for (;;) {
      const label = date.toISOString().slice(0, by === 'month' ? 7 : 10);
      if (label > last || out.length > MAX_FILL) break;
      out.push(label);
      if (by === 'month') date.setUTCMonth(date.getUTCMonth() + 1);
      else date.setUTCDate(date.getUTCDate() + 1);
    }
  }
  return out.length > MAX_FILL ? sorted : out;
}

/**
 * Counts per period by quad class, every period from first to last. Undated events, and events dated more coarsely
 * than the period (a year-only date in a listing by month), are counted apart: they belong to no one bar.
 */
export function quadTimeline(rows: readonly DyadRow[], by: Period): { periods: PeriodCounts[]; undated: number; coarser: number } {
  const byPeriod = new Map<string, [number, number, number, number]>();
  let undated = 0;
  let coarser = 0;
  for (const row of rows) {
    if (row.period === null) { undated += row.count; continue; }
    if (!SHAPE[by].test(row.period)) { coarser += row.count; continue; }
    const quads = byPeriod.get(row.period) ?? [0, 0, 0, 0];
    row.quadShares.forEach((share, i) => { quads[i] = (quads[i] as number) + Math.round(share * row.count); });
    byPeriod.set(row.period, quads);
  }
  const periods = fillPeriods([...byPeriod.keys()], by).map((period) => {
    const quads = byPeriod.get(period) ?? [0, 0, 0, 0];
    return { period, quads, total: quads.reduce((x, y) => x + y, 0) };
  });
  return { periods, undated, coarser };
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

/** Counts of A → B and B → A over the given periods (other rows, and coarser dates, left out). */
export function pairSeries(rows: readonly DyadRow[], periods: readonly string[], a: string, b: string): { period: string; forward: number; backward: number }[] {
  const at = new Map(periods.map((p) => [p, { period: p, forward: 0, backward: 0 }]));
  for (const row of rows) {
    const entry = row.period === null ? undefined : at.get(row.period);
    if (entry === undefined) continue;
    if (row.source === a && row.target === b) entry.forward += row.count;
    else if (row.source === b && row.target === a) entry.backward += row.count;
  }
  return [...at.values()];
}

/** The API's events per period → bars of every period from first to last (quiet periods as gaps), with their reports. */
export function eventBars(periods: readonly TimelinePeriod[], by: Period): PeriodCounts[] {
  const byPeriod = new Map(periods.map((p) => [p.period, p]));
  return fillPeriods(periods.map((p) => p.period), by).map((period) => {
    const p = byPeriod.get(period);
    return { period, quads: p?.quads ?? [0, 0, 0, 0], total: p?.events ?? 0, reports: p?.reports ?? 0 };
  });
}
