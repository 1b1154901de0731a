// API edge: GET /api/events — events (reports merged; level=reports: every report as coded), a page or every match as
// a CSV / JSON Lines download — GET /api/events/:id (an event with every report of it) and GET /api/reports/:id.
import { Hono } from 'hono';
import { z } from 'zod';
import { csvEvents } from '../export/csv.js';
import { articleLookup } from '../export/store-lookups.js';
import type { ClusterSort, EventFilter, EventSort } from '../store/store.js';
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-error.js';
import { clusterDownload, clusterPage } from './cluster-routes.js';
import { strongestReport } from '../export/happening.js';
import { summarizeEvents } from './event-summary.js';
import { withArticles } from './mention-details.js';
import { filterParams, intParam, parseQuery, toEventFilter } from './query-params.js';
import { capped, download } from './stream-lines.js';
import type { EventDetail, EventSummaryPage, MentionPage, ReportDetail, ReportPage } from '../types/api.js';

export const REPORT_SORTS = ['ingested', 'date', '-date', 'goldstein', '-goldstein'] as const satisfies readonly EventSort[];
export const EVENT_SORTS = ['date', '-date', '-sources', 'id'] as const satisfies readonly ClusterSort[];

/** The parameters of one event or report: the article it must be in. */
const docParams = { doc: filterParams.doc };

/** Levels of GET /api/events: `mentions` is the deprecated name of `reports` (answered in its old shape). */
export const EVENT_LEVELS = ['events', 'reports', 'mentions'] as const;

export const eventQueryParams = {
  ...filterParams,
  level: z.enum(EVENT_LEVELS).optional(),
  sort: z.enum([...new Set([...REPORT_SORTS, ...EVENT_SORTS])] as [string, ...string[]]).optional(),
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

/** Every matching report as a download (the filter already checked); CSV with the report columns of every CSV export (src/export/csv.ts). */
export async function reportDownload(ctx: ApiContext, filter: EventFilter, format: 'csv' | 'jsonl', options: { sort?: EventSort; limit?: number }): Promise<Response> {
  const reports = capped(ctx.store.iterateEvents(filter, options.sort === undefined ? {} : { sort: options.sort }), options.limit);
  const pieces = format === 'csv' ? csvEvents(reports, { article: articleLookup(ctx.store) }) : jsonlPieces(reports);
  return download(ctx, pieces, format, 'dyad-reports');
}

/** The event and report routes. */
export function eventRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  app.get('/events', async (c) => {
    const { level = 'events', sort: asked, limit, cursor, format, ...rest } = parseQuery(c.req.url, eventQueryParams);
    const filter = toEventFilter(rest);
    const isDownload = format === 'csv' || format === 'jsonl';
    if (isDownload && cursor !== undefined) throw new ApiError(400, 'bad_request', 'parameter "cursor" pages JSON answers; a download holds every matching record');
    if (level === 'events') {
      const sort = sortOf(asked, EVENT_SORTS, 'events') ?? '-date';
      if (isDownload) return clusterDownload(ctx, filter, format, { sort, ...(limit ? { limit } : {}) });
      const page = await clusterPage(ctx.store, filter, { sort, limit: limit ?? 100, cursor });
      return c.json({ events: await summarizeEvents(ctx.store, page.clusters), next: page.next } satisfies EventSummaryPage);
    }
    if (level === 'mentions') c.header('Deprecation', 'true');
    const sort = sortOf(asked, REPORT_SORTS, 'reports');
    if (isDownload) return reportDownload(ctx, filter, format, { ...(sort ? { sort } : {}), ...(limit ? { limit } : {}) });
    const page = await ctx.store.queryEvents(filter, { ...(sort ? { sort } : {}), ...(limit ? { limit } : {}), cursor: cursor ?? null });
    // level=mentions keeps the shape it had before reports were named so: {events: [report…]}.
    return c.json(level === 'mentions' ? (page satisfies MentionPage) : ({ reports: page.events, next: page.next } satisfies ReportPage));
  });
  app.get('/events/:id{.+}', async (c) => {
    parseQuery(c.req.url, docParams);
    const id = c.req.param('id');
    const cluster = await ctx.store.cluster(id);
    if (cluster === null) {
      // A report's id: its own route answers it (links made before events and reports had routes of their own).
      if (await ctx.store.getEvent(id) !== null) return c.redirect(`/api/reports/${encodeURIComponent(id)}${new URL(c.req.url).search}`, 308);
      throw new ApiError(404, 'not_found', `no event or report with id "${id}"`);
    }
    const reports = await ctx.store.mentionsOf(cluster.id);
    return c.json({ event: { ...cluster, lead: strongestReport(cluster, reports) }, reports: await withArticles(ctx.store, reports) } satisfies EventDetail);
  });
  app.get('/reports/:id{.+}', async (c) => {
    const { doc } = parseQuery(c.req.url, docParams);
    const id = c.req.param('id');
    const report = await ctx.store.getEvent(id);
    // `doc`, when given, must be the report's article (links carry it so that a wrong pairing is noticed).
    if (report === null || (doc !== undefined && report.doc !== doc)) throw new ApiError(404, 'not_found', `no report with id "${id}"${doc !== undefined ? ` in article "${doc}"` : ''}`);
    const cluster = await ctx.store.clusterOf(id);
    const members = cluster === null ? [] : await ctx.store.mentionsOf(cluster.id);
    // Every report of its event; just this one until the store is clustered.
    const reports = await withArticles(ctx.store, members.some((m) => m.id === id) ? members : [report, ...members]);
    const article = reports.find((r) => r.report.id === id)?.article ?? null;
    const event = cluster === null ? null : { ...cluster, lead: strongestReport(cluster, members) };
    return c.json({ report, article, event, reports } satisfies ReportDetail);
  });
  return app;
}
