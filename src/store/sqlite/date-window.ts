// Store (SQLite): a page of events sorted by date → the same page read from a bounded window of the date index first.
//
// Why: a page of a common actor or code newest first ("USA", "19*") has tens of thousands of matches; the actor or
// code index finds them all and sorts them to keep 100 (25 ms on a million events, more on ten). Walking the date
// index from the newest entry and testing each (the index carries codes, quad and countries) finds 100 matches in a
// few hundred entries — but for a rare actor it would walk the whole index. So the walk is bounded: the window is
// the newest (or oldest) `size` dated entries inside the filter's period and after the cursor. When the window holds
// a full page, that page is exact: every row outside the window sorts after every row inside it. When it does not
// (a selective filter, whose own index is fast), the ordinary query runs. No statistics are needed to choose.

import { eventWhere, whereClause, type SqlPart } from './event-query.js';
import type { NormalizedFilter } from '../event-filter.js';
import type { Prepare } from './cluster-store.js';

/** Dated entries walked at most before falling back (a few milliseconds of the covering date index). */
export const DATE_WINDOW = 20_000;

/** The filter's period alone (its other fields emptied). */
function periodOnly(filter: NormalizedFilter): NormalizedFilter {
  return {
    source: [], target: [], actor: [], codes: [], codePrefixes: [], root: [], quad: [], since: filter.since, until: filter.until,
    words: [], itemWords: [], status: [], modality: [], doc: null,
  };
}

/**
 * The condition that keeps a page's query inside the window (`e.date >= D` newest first, `e.date <= D` oldest
 * first), or null when the period from the cursor's date on holds no more than `size` dated events (no window is
 * needed). `from` bounds the walk at the cursor's date (`e.date <= ?` newest first): a plain range the index seeks.
 */
export function dateWindow(prepare: Prepare, descending: boolean, filter: NormalizedFilter, from: SqlPart, size: number): SqlPart | null {
  const where = whereClause(eventWhere(periodOnly(filter)), from, { sql: 'e.date IS NOT NULL', params: [] });
  const row = prepare(`SELECT e.date FROM events e INDEXED BY events_date ${where.sql}
    ORDER BY e.date ${descending ? 'DESC' : 'ASC'} LIMIT 1 OFFSET ?`).get(...where.params, size) as { date: string } | undefined;
  if (row === undefined) return null;
  return { sql: descending ? 'e.date >= ?' : 'e.date <= ?', params: [row.date] };
}
