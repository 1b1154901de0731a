// Store (SQLite): a normalised filter, sort and cursor → SQL text with `?` placeholders and its parameter list.
// Values only ever travel as parameters; the SQL text depends on the filter's shape alone, and sort columns come
// from a fixed table, so no user text is ever spliced into SQL.

import { argumentError } from '../argument-error.js';
import { lastDay, sinceBound, sinceDay, untilDay, type NormalizedFilter } from '../event-filter.js';
import type { EventSort } from '../store.js';

export type SqlValue = string | number | null;

export interface SqlPart {
  sql: string;
  params: SqlValue[];
}

/** Above every character an actor or CAMEO code uses, so `[p, p + TOP)` is the range of strings starting with p. */
const TOP = '\uffff';

/**
 * The actor codes a filter's values stand for, looked up in the small `actors` table (code prefix as an
 * index range, or the country exactly). Events are then found by equality on their indexed codes, which lets
 * a source + target + date filter walk one composite index instead of scanning a whole country's events.
 */
function matchingCodes(values: string[], params: SqlValue[]): string {
  const terms = values.map((value) => {
    params.push(value, value + TOP, value);
    return '(code >= ? AND code < ?) OR country = ?';
  });
  return `SELECT code FROM actors WHERE ${terms.join(' OR ')}`;
}

function actorSide(side: 'source' | 'target', values: string[], params: SqlValue[]): string {
  return `e.${side}_code IN (${matchingCodes(values, params)})`;
}

function inList(column: string, values: readonly SqlValue[], params: SqlValue[]): string {
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
}

/**
 * The period of a filter over a table with `date`, `first_day` and `last_day` (alias `e` or `c`): the date wholly
 * inside it is `first_day >= since` and `last_day <= until`, integers. The date string range before each is only
 * the index seek, true of every date inside (`2020` for since 2020-01, whose first day is the same; any date whose
 * last day is on or before the until's last day sorts at or before that day written out in full).
 */
export function periodTerms(alias: 'e' | 'c', filter: Pick<NormalizedFilter, 'since' | 'until'>, { seek = true } = {}): SqlPart {
  const params: SqlValue[] = [];
  const terms: string[] = [];
  if (filter.since !== null) {
    if (seek) {
      params.push(sinceBound(filter.since));
      terms.push(`${alias}.date >= ?`);
    }
    params.push(sinceDay(filter.since));
    terms.push(`${alias}.first_day >= ?`);
  }
  if (filter.until !== null) {
    if (seek) {
      params.push(lastDay(filter.until));
      terms.push(`${alias}.date <= ?`);
    }
    params.push(untilDay(filter.until));
    terms.push(`${alias}.last_day <= ?`);
  }
  return { sql: terms.join(' AND '), params };
}

/** The conditions over `events e` for a filter, joined with AND (empty text when there are none). */
export function eventWhere(filter: NormalizedFilter): SqlPart {
  const params: SqlValue[] = [];
  const terms: string[] = [];
  if (filter.source.length > 0) terms.push(actorSide('source', filter.source, params));
  if (filter.target.length > 0) terms.push(actorSide('target', filter.target, params));
  if (filter.actor.length > 0) {
    const source = actorSide('source', filter.actor, params);
    terms.push(`(${source} OR ${actorSide('target', filter.actor, params)})`);
  }
  if (filter.codes.length > 0 || filter.codePrefixes.length > 0) {
    const alternatives: string[] = [];
    if (filter.codes.length > 0) alternatives.push(inList('e.cameo', filter.codes, params));
    for (const prefix of filter.codePrefixes) {
      params.push(prefix, prefix + TOP);
      alternatives.push('(e.cameo >= ? AND e.cameo < ?)');
    }
    terms.push(`(${alternatives.join(' OR ')})`);
  }
  if (filter.root.length > 0) {
    // A root is a code prefix: search it on the cameo index (`root` itself is not indexed).
    const alternatives = filter.root.map((root) => {
      params.push(root, root + TOP);
      return '(e.cameo >= ? AND e.cameo < ?)';
    });
    terms.push(`(${alternatives.join(' OR ')})`);
  }
  if (filter.quad.length > 0) terms.push(inList('e.quad', filter.quad, params));
  const period = periodTerms('e', filter);
  if (period.sql !== '') {
    terms.push(period.sql);
    params.push(...period.params);
  }
  if (filter.words.length > 0) {
    params.push(filter.words.map((w) => `"${w}"`).join(' '));
    terms.push(`e.seq IN (SELECT ev.seq FROM sentences_fts f JOIN sentences s ON s.seq = f.rowid
      JOIN events ev ON ev.article = s.article AND ev.sentence = s.idx WHERE sentences_fts MATCH ?)`);
  }
  if (filter.itemWords.length > 0) {
    // The words as one phrase, in any of kind, model and text: "attack helicopter", "mi 35".
    params.push(`"${filter.itemWords.join(' ')}"`);
    terms.push(`e.seq IN (SELECT i.event FROM event_items i
      WHERE i.seq IN (SELECT rowid FROM event_items_fts WHERE event_items_fts MATCH ?))`);
  }
  if (filter.status.length > 0) terms.push(inList('e.status', filter.status, params));
  if (filter.modality.length > 0) terms.push(inList('e.modality', filter.modality, params));
  if (filter.doc !== null) {
    params.push(filter.doc);
    terms.push('e.article = (SELECT seq FROM articles WHERE id = ?)');
  }
  return { sql: terms.join('\n  AND '), params };
}

/** `WHERE a AND b …` from condition parts (empty ones skipped), with their parameters in order. */
export function whereClause(...parts: SqlPart[]): SqlPart {
  const used = parts.filter((p) => p.sql !== '');
  return { sql: used.length === 0 ? '' : `WHERE ${used.map((p) => p.sql).join('\n  AND ')}`, params: used.flatMap((p) => p.params) };
}

interface SortSpec {
  /** ORDER BY clause. */
  order: string;
  /** The sort value of a row, kept in the cursor. */
  key: 'seq' | 'date' | 'goldstein';
  descending: boolean;
  /** Whether the key may be null (nulls sort last in both directions). */
  nullable: boolean;
}

/** The fixed table of sort orders: the only place ORDER BY text comes from. */
export const SORTS: Record<EventSort, SortSpec> = {
  ingested: { order: 'e.seq', key: 'seq', descending: false, nullable: false },
  date: { order: 'e.date NULLS LAST, e.seq', key: 'date', descending: false, nullable: true },
  '-date': { order: 'e.date DESC, e.seq DESC', key: 'date', descending: true, nullable: true },
  goldstein: { order: 'e.goldstein, e.seq', key: 'goldstein', descending: false, nullable: false },
  '-goldstein': { order: 'e.goldstein DESC, e.seq DESC', key: 'goldstein', descending: true, nullable: false },
};

/** Where a page ended: the sort value and rowid of its last row. */
export interface Cursor {
  sort: EventSort;
  value: string | number | null;
  seq: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.seq])).toString('base64url');
}

/** Decodes a cursor made for the same sort; throws E600 for anything else. */
export function decodeCursor(text: string, sort: EventSort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[2] !== 'number'
    || !(typeof parsed[1] === 'string' || typeof parsed[1] === 'number' || parsed[1] === null)) {
    throw argumentError('cursor', `"${text}" is not a cursor from a previous page`);
  }
  if (parsed[0] !== sort) throw argumentError('cursor', `the cursor was made for sort "${String(parsed[0])}", not "${sort}"`);
  return { sort, value: parsed[1] as string | number | null, seq: parsed[2] };
}

/** The keyset condition "after this cursor" for a sort order. */
export function afterCursor(cursor: Cursor): SqlPart {
  const spec = SORTS[cursor.sort];
  const cmp = spec.descending ? '<' : '>';
  if (spec.key === 'seq') return { sql: `e.seq ${cmp} ?`, params: [cursor.seq] };
  const column = `e.${spec.key}`;
  if (cursor.value === null) return { sql: `(${column} IS NULL AND e.seq ${cmp} ?)`, params: [cursor.seq] };
  const rest = spec.nullable ? ` OR ${column} IS NULL` : '';
  return { sql: `((${column}, e.seq) ${cmp} (?, ?)${rest})`, params: [cursor.value, cursor.seq] };
}

/** The cursor after a row. */
export function cursorAfter(sort: EventSort, row: { seq: number; date: string | null; goldstein: number }): string {
  const key = SORTS[sort].key;
  return encodeCursor({ sort, value: key === 'seq' ? null : row[key], seq: row.seq });
}
