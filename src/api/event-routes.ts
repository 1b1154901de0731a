// API edge: GET /api/events (mentions or, with level=events, happenings: a page, or every match as a CSV / JSON Lines download) and GET /api/events/:id.
import { Hono } from 'hono';
import { z } from 'zod';
import { csvEvents } from '../export/csv.js';
import { articleLookup } from '../export/store-lookups.js';
import type { ClusterSort, EventFilter, EventSort } from '../store/store.js';
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-error.js';
import { clusterDownload, clusterPage } from './cluster-routes.js';
import { withArticles } from './mention-details.js';
import { filterParams, intParam, parseQuery, toEventFilter } from './query-params.js';
import { capped, download } from './stream-lines.js';
import type { ClusterPage, EventDetail, EventPage } from '../types/api.js';

export const EVENT_SORTS = ['ingested', 'date', '-date', 'goldstein', '-goldstein'] as const satisfies readonly EventSort[];
export const CLUSTER_SORTS = ['date', '-date', '-sources', 'id'] as const satisfies readonly ClusterSort[];

export const eventQueryParams = {
  ...filterParams,
  level: z.enum(['mentions', 'events']).optional(),
  sort: z.enum([...new Set([...EVENT_SORTS, ...CLUSTER_SORTS])] as [string, ...string[]]).optional(),
  limit: intParam(1, 10_000).optional(),
  cursor: z.string().min(1).max(2000).optional(),
  format: z.enum(['json', 'csv', 'jsonl']).optional(),
};

/** The sort of a level, or a 400 naming the sorts the level has. */
function sortOf<S extends string>(sort: string | undefined, sorts: readonly S[], level: string): S | undefined {
  if (sort === undefined) return undefined;
  if (!(sorts as readonly string[]).includes(sort)) throw new ApiError(400, 'bad_request', `parameter "sort": "${sort}" is not a sort of level ${level} (${sorts.join(', ')})`);
  return sort as S;
}

async function* jsonlPieces<T>(records: AsyncIterable<T>): AsyncIterable<string> {
  for await (const record of records) yield JSON.stringify(record) + '\n';
}

/** Every matching event as a download (the filter already checked); CSV with the columns of every CSV export (src/export/csv.ts). */
export async function eventDownload(ctx: ApiContext, filter: EventFilter, format: 'csv' | 'jsonl', options: { sort?: EventSort; limit?: number }): Promise<Response> {
  const events = capped(ctx.store.iterateEvents(filter, options.sort === undefined ? {} : { sort: options.sort }), options.limit);
  const pieces = format === 'csv' ? csvEvents(events, { article: articleLookup(ctx.store) }) : jsonlPieces(events);
  return download(ctx, pieces, format, 'dyad-events');
}

/** The event routes. */
export function eventRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  app.get('/events', async (c) => {
    const { level = 'mentions', sort: asked, limit, cursor, format, ...rest } = parseQuery(c.req.url, eventQueryParams);
    const filter = toEventFilter(rest);
    const isDownload = format === 'csv' || format === 'jsonl';
    if (isDownload && cursor !== undefined) throw new ApiError(400, 'bad_request', 'parameter "cursor" pages JSON answers; a download holds every matching event');
    if (level === 'events') {
      const sort = sortOf(asked, CLUSTER_SORTS, 'events') ?? '-date';
      if (isDownload) return clusterDownload(ctx, filter, format, { sort, ...(limit ? { limit } : {}) });
      return c.json((await clusterPage(ctx.store, filter, { sort, limit: limit ?? 100, cursor })) satisfies ClusterPage);
    }
    const sort = sortOf(asked, EVENT_SORTS, 'mentions');
    if (isDownload) return eventDownload(ctx, filter, format, { ...(sort ? { sort } : {}), ...(limit ? { limit } : {}) });
    const page = await ctx.store.queryEvents(filter, { ...(sort ? { sort } : {}), ...(limit ? { limit } : {}), cursor: cursor ?? null });
    return c.json(page satisfies EventPage);
  });
  app.get('/events/:id{.+}', async (c) => {
    const { doc } = parseQuery(c.req.url, { doc: filterParams.doc });
    const id = c.req.param('id');
    const event = await ctx.store.getEvent(id);
    // `doc`, when given, must be the event's article (links carry it so that a wrong pairing is noticed).
    if (event === null || (doc !== undefined && event.doc !== doc)) throw new ApiError(404, 'not_found', `no event with id "${id}"${doc !== undefined ? ` in article "${doc}"` : ''}`);
    const cluster = await ctx.store.clusterOf(id);
    const members = cluster === null ? [] : await ctx.store.mentionsOf(cluster.id);
    // Every report of the happening; just this one until the store is clustered.
    const mentions = await withArticles(ctx.store, members.some((m) => m.id === id) ? members : [event, ...members]);
    const article = mentions.find((m) => m.event.id === id)?.article ?? null;
    return c.json({ event, article, cluster, mentions } satisfies EventDetail);
  });
  return app;
}
