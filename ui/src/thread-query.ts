// Web UI: the shared filters (and the view's own settings) → the query of GET /api/threads, and the filters threads cannot use.
import type { Filters, PageState } from './state.js';

/** What a thread filter takes from the filters bar. */
export interface ThreadQuery {
  params: URLSearchParams;
  /** The party the threads are filtered by, and the field of the filters bar it came from. */
  party: { code: string; from: 'actor' | 'source' | 'target' } | null;
  /** Filters of the bar that threads cannot apply (shown to the user, never silently dropped). */
  ignored: (keyof Filters)[];
}

const CODE = /^[A-Za-z0-9_-]{1,40}$/;
const KIND = /^[a-z0-9-]{1,60}$/;

/** The first value of a comma list. */
function first(list: string | undefined): string | null {
  return list?.split(',').map((v) => v.trim()).find((v) => v !== '') ?? null;
}

/**
 * Threads are filtered by one party (the first code of Either, else Source, else Target: a thread matches when it
 * is its supplier or recipient), an item kind (Item, as a kind: "patrol boat" → patrol-boat) or kind of help, a
 * period and, from the view's own setting, what came of it. Other filters do not apply to threads.
 */
export function threadQuery(state: PageState, page: { limit: number; offset: number }): ThreadQuery {
  const f = state.filters;
  const params = new URLSearchParams();
  const ignored: (keyof Filters)[] = [];
  let party: ThreadQuery['party'] = null;
  for (const from of ['actor', 'source', 'target'] as const) {
    const code = first(f[from]);
    if (code === null) continue;
    if (party === null && CODE.test(code)) party = { code: code.toUpperCase(), from };
    else ignored.push(from);
  }
  if (party !== null) params.set('party', party.code);
  if (f.item) {
    const kind = f.item.trim().toLowerCase().replace(/\s+/g, '-');
    if (KIND.test(kind)) params.set('kind', kind);
    else ignored.push('item');
  }
  if (f.since) params.set('since', f.since);
  if (f.until) params.set('until', f.until);
  if (state.settings.outcome) params.set('status', state.settings.outcome);
  for (const key of ['code', 'quad', 'status', 'modality', 'text', 'doc'] as const) if (f[key]) ignored.push(key);
  params.set('limit', String(page.limit));
  if (page.offset > 0) params.set('offset', String(page.offset));
  return { params, party, ignored };
}
