// Store (SQLite): lookups by public id — one event, article citations — each a seek on a unique index.

import type { EventRecord } from '../../types/index.js';
import type { ArticleRef } from '../store.js';
import type { Prepare } from './cluster-store.js';
import { rowToEvent, selectEvents, type EventRow } from './event-row.js';

/** Ids per statement: well under SQLite's limit on parameters, and one cached statement per chunk size. */
const CHUNK = 200;

/** One event by id (the UNIQUE index on events.id), or null. */
export function getEvent(prepare: Prepare, id: string): EventRecord | null {
  const row = prepare(selectEvents('WHERE e.id = ?', 'e.seq')).get(id, 1, 0) as EventRow | undefined;
  return row === undefined ? null : rowToEvent(row);
}

/** Event ids per query of `eventsWithIds` (one JSON array parameter). */
const IDS_PER_QUERY = 500;

/** Events by id, one query per chunk of ids, each a seek on the unique id. */
export function eventsWithIds(prepare: Prepare, ids: readonly string[]): Map<string, EventRecord> {
  const out = new Map<string, EventRecord>();
  const distinct = [...new Set(ids)];
  const select = prepare(selectEvents('WHERE e.id IN (SELECT value FROM json_each(?))', 'e.seq'));
  for (let start = 0; start < distinct.length; start += IDS_PER_QUERY) {
    for (const row of select.all(JSON.stringify(distinct.slice(start, start + IDS_PER_QUERY)), -1, 0) as EventRow[]) out.set(row.id, rowToEvent(row));
  }
  return out;
}

interface RefRow { id: string; title: string | null; date: string | null; url: string | null; outlet: string | null; near_duplicate_of: string | null }

/** Citation fields of the stored articles among `ids`, in the order asked (duplicates and unknown ids left out). */
export function articleRefs(prepare: Prepare, ids: readonly string[]): ArticleRef[] {
  const unique = [...new Set(ids)];
  const found = new Map<string, ArticleRef>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    // Padded to a power of two (repeating the last id), so that few distinct statements are prepared.
    let size = 1;
    while (size < chunk.length) size *= 2;
    const params = [...chunk, ...Array<string>(size - chunk.length).fill(chunk[chunk.length - 1] as string)];
    const rows = prepare(`SELECT id, title, date, url, outlet, near_duplicate_of FROM articles
      WHERE id IN (${params.map(() => '?').join(', ')})`).all(...params) as RefRow[];
    for (const r of rows) {
      found.set(r.id, { id: r.id, title: r.title, date: r.date, url: r.url, source: r.outlet, nearDuplicateOf: r.near_duplicate_of });
    }
  }
  return unique.flatMap((id) => found.get(id) ?? []);
}
