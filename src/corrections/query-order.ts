// Corrections: the orders, merges and pages of corrected query answers — sort keys as the stores sort, a sorted stream
// with extra rows merged in, one window of a stream, and the page arguments checked as the stores check them.

import type { EventRecord } from '../types/index.js';
import type { Cluster } from '../types/link.js';
import type { ClusterSort, EventSort } from '../store/store.js';
import { argumentError } from '../store/argument-error.js';

/** The largest page a store gives. */
export const PAGE = 10_000;

export type Compare<T> = (a: T, b: T) => number;

/** Dates ascending or descending, undated last either way (as the stores order them). */
function byDate<T>(date: (row: T) => string | null, descending: boolean): Compare<T> {
  return (a, b) => {
    const x = date(a);
    const y = date(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * (descending ? -1 : 1);
  };
}

export const EVENT_ORDER: Record<Exclude<EventSort, 'ingested'>, Compare<EventRecord>> = {
  date: byDate((e) => e.date, false),
  '-date': byDate((e) => e.date, true),
  goldstein: (a, b) => a.goldstein - b.goldstein,
  '-goldstein': (a, b) => b.goldstein - a.goldstein,
};

const byId: Compare<Cluster> = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const CLUSTER_ORDER: Record<ClusterSort, Compare<Cluster>> = {
  date: (a, b) => byDate<Cluster>((c) => c.date, false)(a, b) || byId(a, b),
  '-date': (a, b) => byDate<Cluster>((c) => c.date, true)(a, b) || byId(a, b),
  '-sources': (a, b) => b.independentSources - a.independentSources || b.mentionCount - a.mentionCount || byId(a, b),
  id: byId,
};

/** Rows of a stream merged with extra rows in one order: an extra goes before the first row it sorts before. */
export async function* mergeSorted<T>(rows: AsyncIterable<T>, extras: readonly T[], compare: Compare<T>): AsyncGenerator<T> {
  let next = 0;
  for await (const row of rows) {
    while (next < extras.length && compare(extras[next] as T, row) < 0) yield extras[next++] as T;
    yield row;
  }
  while (next < extras.length) yield extras[next++] as T;
}

/** Rows `offset` to `offset + limit` of a stream, and whether more follow. */
export async function window<T>(rows: AsyncIterable<T>, offset: number, limit: number): Promise<{ rows: T[]; more: boolean }> {
  const out: T[] = [];
  let index = 0;
  for await (const row of rows) {
    if (index++ < offset) continue;
    if (out.length === limit) return { rows: out, more: true };
    out.push(row);
  }
  return { rows: out, more: false };
}

export function pageLimit(value: number | undefined, fallback: number): number {
  const limit = value ?? fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE) throw argumentError('limit', `"${limit}" is not a whole number from 1 to ${PAGE}`);
  return limit;
}

export function pageOffset(value: number | undefined): number {
  const offset = value ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw argumentError('offset', `"${offset}" is not a whole number ≥ 0`);
  return offset;
}
