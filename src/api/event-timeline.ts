// API edge: events (clusters) → counts per period by quad class, with the reports behind them (the UI's timeline).
import { quadOf } from '../coder/build-event.js';
import type { Cluster } from '../types/link.js';
import type { Period } from '../store/store.js';
import type { Timeline, TimelinePeriod } from '../types/api.js';

/** The ISO 8601 week of a day (`2020-01-01` → `2020-W01`). */
export function isoWeek(day: string): string {
  const thursday = new Date(`${day}T00:00:00Z`);
  // The week belongs to the year of its Thursday, and counts from the week holding that year's first Thursday.
  thursday.setUTCDate(thursday.getUTCDate() - ((thursday.getUTCDay() + 6) % 7) + 3);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period of a partial date, or null when the date is coarser than the period. */
export function periodOf(date: string, by: Period): string | null {
  if (by === 'year') return date.slice(0, 4);
  if (by === 'month') return date.length >= 7 ? date.slice(0, 7) : null;
  if (date.length < 10) return null;
  return by === 'day' ? date.slice(0, 10) : isoWeek(date.slice(0, 10));
}

/** Counts events per period, in period order. */
export async function eventTimeline(clusters: AsyncIterable<Cluster> | Iterable<Cluster>, by: Period): Promise<Timeline> {
  const periods = new Map<string, TimelinePeriod>();
  const undated = { events: 0, reports: 0 };
  const coarser = { events: 0, reports: 0 };
  for await (const cluster of clusters) {
    const period = cluster.date === null ? null : periodOf(cluster.date, by);
    const apart = cluster.date === null ? undated : period === null ? coarser : null;
    if (apart !== null || period === null) {
      (apart ?? coarser).events += 1;
      (apart ?? coarser).reports += cluster.mentionCount;
      continue;
    }
    const entry = periods.get(period) ?? { period, quads: [0, 0, 0, 0], events: 0, reports: 0 };
    const quad = quadOf(cluster.cameo) - 1;
    entry.quads[quad] = (entry.quads[quad] as number) + 1;
    entry.events += 1;
    entry.reports += cluster.mentionCount;
    periods.set(period, entry);
  }
  return { by, periods: [...periods.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)), undated, coarser };
}
