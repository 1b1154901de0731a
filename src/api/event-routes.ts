// API edge: GET /api/events (a page, or every match as a CSV / JSON Lines download) and GET /api/events/:id.
import { Hono } from 'hono';
import { z } from 'zod';
import { EVENT_CSV_COLUMNS } from '../cli/event-columns.js';
import { csvLine } from '../cli/format-output.js';
import type { EventFilter, EventSort, Store } from '../store/store.js';
import type { EventRecord } from '../types/index.js';
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-error.js';
import { filterParams, intParam, parseQuery, toEventFilter } from './query-params.js';
import { downloadHeaders, streamLines } from './stream-lines.js';

export const eventQueryParams = {
  ...filterParams,
  sort: z.enum(['ingested', 'date', '-date', 'goldstein', '-goldstein']).optional(),
  limit: intParam(1, 10_000).optional(),
  cursor: z.string().min(1).max(2000).optional(),
  format: z.enum(['json', 'csv', 'jsonl']).optional(),
};

/** A store that can look up one event by id (an optional fast path; otherwise events are scanned). */
interface EventLookup {
  getEvent(id: string): Promise<EventRecord | null>;
}

function hasLookup(store: Store): store is Store & EventLookup {
  return typeof (store as Partial<EventLookup>).getEvent === 'function';
}

/**
 * The event with this id, or null. Without a store lookup by id, `doc` (the event's article, when the caller knows
 * it) narrows the search to one article; with neither, every event is scanned.
 */
export async function findEvent(store: Store, id: string, doc?: string): Promise<EventRecord | null> {
  if (hasLookup(store)) {
    const event = await store.getEvent(id);
    return event !== null && (doc === undefined || event.doc === doc) ? event : null;
  }
  if (doc !== undefined) return (await store.queryEvents({ doc }, { limit: 10_000 })).events.find((e) => e.id === id) ?? null;
  for await (const event of store.iterateEvents({})) if (event.id === id) return event;
  return null;
}

async function* csvPieces(events: AsyncIterable<EventRecord>): AsyncIterable<string> {
  yield csvLine(EVENT_CSV_COLUMNS.map((c) => c.header)) + '\n';
  for await (const event of events) yield csvLine(EVENT_CSV_COLUMNS.map((c) => c.value(event))) + '\n';
}

async function* jsonlPieces(events: AsyncIterable<EventRecord>): AsyncIterable<string> {
  for await (const event of events) yield JSON.stringify(event) + '\n';
}

async function* capped(events: AsyncIterable<EventRecord>, limit: number | undefined): AsyncIterable<EventRecord> {
  if (limit === undefined) return yield* events;
  let n = 0;
  for await (const event of events) {
    if (n++ >= limit) return;
    yield event;
  }
}

/** Every matching event as a download (the filter already checked). */
export async function eventDownload(ctx: ApiContext, filter: EventFilter, format: 'csv' | 'jsonl', options: { sort?: EventSort; limit?: number }): Promise<Response> {
  const events = capped(ctx.store.iterateEvents(filter, options.sort === undefined ? {} : { sort: options.sort }), options.limit);
  const body = await streamLines(format === 'csv' ? csvPieces(events) : jsonlPieces(events), ctx.log);
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return new Response(body, { headers: downloadHeaders(type, `dyad-events.${format}`) });
}

/** The event routes. */
export function eventRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  app.get('/events', async (c) => {
    const { sort, limit, cursor, format, ...rest } = parseQuery(c.req.url, eventQueryParams);
    const filter = toEventFilter(rest);
    if (format === 'csv' || format === 'jsonl') {
      if (cursor !== undefined) throw new ApiError(400, 'bad_request', 'parameter "cursor" pages JSON answers; a download holds every matching event');
      return eventDownload(ctx, filter, format, { ...(sort ? { sort } : {}), ...(limit ? { limit } : {}) });
    }
    const page = await ctx.store.queryEvents(filter, { ...(sort ? { sort } : {}), ...(limit ? { limit } : {}), cursor: cursor ?? null });
    return c.json(page);
  });
  app.get('/events/:id{.+}', async (c) => {
    const { doc } = parseQuery(c.req.url, { doc: filterParams.doc });
    const id = c.req.param('id');
    const event = await findEvent(ctx.store, id, doc);
    if (event === null) throw new ApiError(404, 'not_found', `no event with id "${id}"`);
    const stored = await ctx.store.getArticle(event.doc);
    const article = stored === null ? null
      : { id: stored.id, title: stored.title ?? null, date: stored.date ?? null, url: stored.url ?? null, source: stored.source ?? null };
    // Until reports are clustered (issue 5) an event is its one mention.
    return c.json({ event, article, mentions: [event] });
  });
  return app;
}
