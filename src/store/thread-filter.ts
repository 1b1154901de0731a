// Store: a ThreadFilter as a user wrote it → what is wrong with it (field and value), before any adapter sees it.

import { argumentError } from './argument-error.js';
import { isPartialDate, firstDay, lastDay, sinceDay, untilDay } from './event-filter.js';
import type { ThreadFilter } from './store.js';

/** What came of a thread (the values of `ThreadFilter.status`). */
export const THREAD_STATUSES = ['open', 'partly-fulfilled', 'fulfilled', 'refused', 'stalled'] as const;

/** A thread filter field and what is wrong with its value. */
export interface ThreadFilterProblem {
  field: keyof ThreadFilter;
  message: string;
}

/** What is wrong with a thread filter, naming the field and value; null when nothing is. */
export function threadFilterProblem(filter: ThreadFilter): ThreadFilterProblem | null {
  for (const field of ['since', 'until'] as const) {
    const value = filter[field];
    if (value !== undefined && !isPartialDate(value)) return { field, message: `"${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)` };
  }
  if (filter.since !== undefined && filter.until !== undefined && firstDay(filter.since) > lastDay(filter.until)) {
    return { field: 'since', message: `"${filter.since}" is after until "${filter.until}"` };
  }
  if (filter.party !== undefined && !/^[A-Za-z0-9_-]{1,40}$/.test(filter.party)) {
    return { field: 'party', message: `"${filter.party}" is not an actor or country code` };
  }
  if (filter.kind !== undefined && !/^[a-z0-9-]{1,60}$/.test(filter.kind)) {
    return { field: 'kind', message: `"${filter.kind}" is not an item kind (rifle, patrol-boat) or kind of help (military)` };
  }
  if (filter.status !== undefined && !(THREAD_STATUSES as readonly string[]).includes(filter.status)) {
    return { field: 'status', message: `"${filter.status}" is not one of ${THREAD_STATUSES.join(', ')}` };
  }
  return null;
}

/**
 * The conditions of a thread filter over the `threads` table, with `?` placeholders, for every adapter: checked first
 * (a malformed value throws E602 naming it). `kindTerm` is the adapter's test of the context or of one of the JSON
 * `kinds` against two placeholders, the only part whose SQL differs between databases. A thread meets a period when
 * its span [first day opened, last day of its last step] does.
 */
export function threadTerms(filter: ThreadFilter, kindTerm: string): { terms: string[]; params: Array<string | number> } {
  const problem = threadFilterProblem(filter);
  if (problem !== null) throw argumentError('filter', `${problem.field} ${problem.message}`);
  const terms: string[] = [];
  const params: Array<string | number> = [];
  if (filter.party !== undefined) {
    const party = filter.party.toUpperCase();
    params.push(party, party);
    terms.push('(supplier = ? OR recipient = ?)');
  }
  if (filter.kind !== undefined) {
    params.push(filter.kind, filter.kind);
    terms.push(kindTerm);
  }
  if (filter.status !== undefined) {
    params.push(filter.status);
    terms.push('status = ?');
  }
  if (filter.since !== undefined) {
    params.push(sinceDay(filter.since));
    terms.push('last_day >= ?');
  }
  if (filter.until !== undefined) {
    params.push(untilDay(filter.until));
    terms.push('first_day <= ?');
  }
  return { terms, params };
}
