// Corrections: a store's actor counts and dyad rows + the reports corrections changed (as stored, as corrected) → the counts as corrected.

import type { EventRecord } from '../types/index.js';
import type { NormalizedFilter } from '../store/event-filter.js';
import type { ActorCount, DyadOptions, DyadRow, Period } from '../store/store.js';
import { daysFromCivil } from '../types/day-number.js';
import { reportMatches } from './match-filter.js';

/** A report as stored and as corrected (undefined: absent, or rejected). */
export type ReportChange = [EventRecord | undefined, EventRecord | undefined];

/** The actor counts with each changed report counted as corrected instead of as stored, most frequent first. */
export function adjustActors(stored: readonly ActorCount[], changes: readonly ReportChange[], filter: NormalizedFilter): ActorCount[] {
  const counts = new Map(stored.map((a) => [`${a.code}\u0000${a.name}`, { ...a }]));
  const add = (actor: EventRecord['source'] | null, side: 'asSource' | 'asTarget', delta: number): void => {
    if (actor === null) return;
    const key = `${actor.code}\u0000${actor.name}`;
    let count = counts.get(key);
    if (count === undefined) {
      count = { code: actor.code, name: actor.name, country: actor.country, sector: actor.sector, asSource: 0, asTarget: 0, total: 0 };
      counts.set(key, count);
    }
    count[side] += delta;
    count.total += delta;
  };
  for (const [before, after] of changes) {
    for (const [event, delta] of [[before, -1], [after, 1]] as const) {
      if (event === undefined || !reportMatches(event, filter)) continue;
      add(event.source, 'asSource', delta);
      add(event.target, 'asTarget', delta);
    }
  }
  return [...counts.values()].filter((a) => a.total > 0)
    .sort((a, b) => b.total - a.total || (a.code < b.code ? -1 : a.code > b.code ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** ISO 8601 week of a day (`2020-02-14` → `2020-W07`). */
export function isoWeek(date: string): string {
  const day = daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  const weekday = ((day + 3) % 7 + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const thursday = day - weekday + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period label of a date, as the stores give it: a date coarser than the period keeps its own label. */
export function periodOf(date: string | null, by: Period): string | null {
  if (date === null) return null;
  if (by === 'day') return date.slice(0, 10);
  if (by === 'week') return date.length === 10 ? isoWeek(date) : date;
  return date.slice(0, by === 'month' ? 7 : 4);
}

interface Sums { source: string; target: string; period: string | null; count: number; goldstein: number; quads: [number, number, number, number] }

/** The dyad rows with each changed report counted as corrected instead of as stored, in the stores' order. */
export function adjustDyads(stored: readonly DyadRow[], changes: readonly ReportChange[], filter: NormalizedFilter, options: DyadOptions): DyadRow[] {
  const by = options.by ?? 'month';
  const level = options.level ?? 'country';
  const keyOf = (s: string, t: string, p: string | null): string => `${s}\u0000${t}\u0000${p ?? ''}`;
  const rows = new Map<string, Sums>();
  for (const r of stored) {
    rows.set(keyOf(r.source, r.target, r.period), {
      source: r.source, target: r.target, period: r.period, count: r.count, goldstein: r.goldsteinMean * r.count,
      quads: r.quadShares.map((q) => Math.round(q * r.count)) as Sums['quads'],
    });
  }
  const side = (actor: EventRecord['source']): string => (level === 'country' ? actor.country ?? actor.code : actor.code);
  for (const [before, after] of changes) {
    for (const [event, delta] of [[before, -1], [after, 1]] as const) {
      if (event === undefined || event.target === null || !reportMatches(event, filter)) continue;
      const source = side(event.source);
      const target = side(event.target);
      const period = periodOf(event.date, by);
      const key = keyOf(source, target, period);
      let row = rows.get(key);
      if (row === undefined) {
        row = { source, target, period, count: 0, goldstein: 0, quads: [0, 0, 0, 0] };
        rows.set(key, row);
      }
      row.count += delta;
      row.goldstein += delta * event.goldstein;
      row.quads[event.quad - 1] = (row.quads[event.quad - 1] ?? 0) + delta;
    }
  }
  const order = (a: Sums, b: Sums): number => {
    if (a.period !== b.period) return a.period === null ? 1 : b.period === null ? -1 : a.period < b.period ? -1 : 1;
    if (a.count !== b.count) return b.count - a.count;
    return a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0;
  };
  return [...rows.values()].filter((r) => r.count > 0).sort(order).map((r) => ({
    source: r.source, target: r.target, period: r.period, count: r.count, goldsteinMean: r.goldstein / r.count,
    quadShares: r.quads.map((q) => q / r.count) as DyadRow['quadShares'],
  }));
}
