// Store: an EventFilter as a user wrote it → a checked, normalised filter every adapter can turn into a query.

import { parseDaySpan } from '../types/day-number.js';
import { argumentError } from './argument-error.js';
import type { EventFilter } from './store.js';

/** The filter after checking: codes upper-cased, code patterns split, empty lists meaning "any". */
export interface NormalizedFilter {
  source: string[];
  target: string[];
  actor: string[];
  /** Exact CAMEO codes. */
  codes: string[];
  /** CAMEO code prefixes (from `02*`). */
  codePrefixes: string[];
  root: string[];
  quad: number[];
  since: string | null;
  until: string | null;
  /** The search words (letters and digits only), all of which must occur. */
  words: string[];
  /** The words of the item (letters and digits), to occur as a phrase in an item's kind, model or text. */
  itemWords: string[];
  status: string[];
  modality: string[];
  doc: string | null;
}

export const STATUSES = ['requested', 'offered', 'pledged', 'agreed', 'delivered', 'refused', 'suspended', 'conditional'] as const;
export const MODALITIES = ['asserted', 'reported', 'intended', 'possible', 'conditional', 'negated', 'denied'] as const;

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ACTOR = /^[A-Z0-9_-]{1,40}$/;

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real month and day. */
export function isPartialDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/** The first day a partial date covers (`2019-06` → `2019-06-01`). */
export function firstDay(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}

/** The last day a partial date covers (`2019-02` → `2019-02-28`). */
export function lastDay(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const last = new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)), 0)).getUTCDate();
    return `${value}-${String(last).padStart(2, '0')}`;
  }
  return value;
}

/** The coarser forms of a partial date, longest first (`2019-06-15` → `2019-06`, `2019`). */
function coarser(value: string): string[] {
  return value.length === 10 ? [value.slice(0, 7), value.slice(0, 4)] : value.length === 7 ? [value.slice(0, 4)] : [];
}

/**
 * The lowest stored date string inside `since`. A stored date is inside when its first day is on or after the
 * bound's first day, so `2019` is inside `since 2019-01` but not inside `since 2019-06`; as strings, every date
 * inside is ≥ the returned bound and every date ≥ it is inside.
 */
export function sinceBound(since: string): string {
  let bound = since;
  for (const prefix of coarser(since)) if (firstDay(prefix) === firstDay(since)) bound = prefix;
  return bound;
}

/**
 * The coarser date strings that sort inside a string range ending at `until`'s last day (or last month) yet are not
 * inside `until`: their last day is after the bound's (`2020` for `until 2020-06`, but not for `until 2020-12`).
 * The month counts of dyads() need them; events, clusters and threads test `last_day` instead.
 */
export function untilExclusions(until: string): string[] {
  return coarser(until).filter((prefix) => lastDay(prefix) > lastDay(until));
}

/** Day number (days since 1970-01-01) of the first day of a `since` bound: a date is inside when its first day is on or after it. */
export function sinceDay(since: string): number {
  return parseDaySpan(since)?.first ?? 0;
}

/** Day number of the last day of an `until` bound: a date is inside when its last day is on or before it. */
export function untilDay(until: string): number {
  return parseDaySpan(until)?.last ?? 0;
}

/** The words of a full-text query as the FTS index tokenises them (letters and digits). */
export function searchWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A filter field and what is wrong with its value. */
export interface FilterProblem {
  field: keyof EventFilter;
  /** What is wrong, quoting the value (`"2019-13" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`). */
  message: string;
}

/** What is wrong with a filter, naming the field and value; null when nothing is. */
export function filterProblem(filter: EventFilter): FilterProblem | null {
  const problem = (field: keyof EventFilter, message: string): FilterProblem => ({ field, message });
  for (const field of ['source', 'target', 'actor'] as const) {
    for (const value of filter[field] ?? []) {
      if (!ACTOR.test(value.toUpperCase())) return problem(field, `"${value}" is not an actor or country code`);
    }
  }
  for (const value of filter.code ?? []) {
    if (!/^\d{1,4}\*$|^\d{2,4}$/.test(value)) return problem('code', `"${value}" is not a CAMEO code or prefix pattern (0231, 02*)`);
  }
  for (const value of filter.root ?? []) if (!/^\d{2}$/.test(value)) return problem('root', `"${value}" is not a two-digit CAMEO root`);
  for (const value of filter.quad ?? []) if (!Number.isInteger(value) || value < 1 || value > 4) return problem('quad', `"${value}" is not 1, 2, 3 or 4`);
  for (const field of ['since', 'until'] as const) {
    const value = filter[field];
    if (value !== undefined && !isPartialDate(value)) return problem(field, `"${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  if (filter.since !== undefined && filter.until !== undefined && firstDay(filter.since) > lastDay(filter.until)) {
    return problem('since', `"${filter.since}" is after until "${filter.until}"`);
  }
  if (filter.text !== undefined && searchWords(filter.text).length === 0) return problem('text', `"${filter.text}" has no words to search for`);
  if (filter.item !== undefined && searchWords(filter.item).length === 0) return problem('item', `"${filter.item}" has no words to search for`);
  for (const value of filter.status ?? []) {
    if (!(STATUSES as readonly string[]).includes(value)) return problem('status', `"${value}" is not one of ${STATUSES.join(', ')}`);
  }
  for (const value of filter.modality ?? []) {
    if (!(MODALITIES as readonly string[]).includes(value)) return problem('modality', `"${value}" is not one of ${MODALITIES.join(', ')}`);
  }
  if (filter.doc !== undefined && filter.doc === '') return problem('doc', 'is empty');
  return null;
}

/** Checks and normalises a filter; throws DyadError E600 naming the bad field. */
export function normalizeEventFilter(filter: EventFilter): NormalizedFilter {
  const problem = filterProblem(filter);
  if (problem !== null) throw argumentError('filter', `${problem.field} ${problem.message}`);
  const upper = (values: string[] | undefined): string[] => [...new Set((values ?? []).map((v) => v.toUpperCase()))];
  const code = filter.code ?? [];
  return {
    source: upper(filter.source),
    target: upper(filter.target),
    actor: upper(filter.actor),
    codes: code.filter((c) => !c.endsWith('*')),
    codePrefixes: code.filter((c) => c.endsWith('*')).map((c) => c.slice(0, -1)),
    root: filter.root ?? [],
    quad: filter.quad ?? [],
    since: filter.since ?? null,
    until: filter.until ?? null,
    words: filter.text === undefined ? [] : searchWords(filter.text),
    itemWords: filter.item === undefined ? [] : searchWords(filter.item),
    status: filter.status ?? [],
    modality: filter.modality ?? [],
    doc: filter.doc ?? null,
  };
}
