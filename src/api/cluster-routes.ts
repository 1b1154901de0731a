// API edge: the events level — pages and downloads of events (clusters of reports), and the deprecated GET /api/clusters/:id.
import { Hono } from 'hono';
import { csvHappenings } from '../export/csv.js';
import { withMentions } from '../export/export-store.js';
import { articleLookup } from '../export/store-lookups.js';
import type { Cluster } from '../types/link.js';
import type { ClusterSort, EventFilter, Store } from '../store/store.js';
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-error.js';
import { clusterMentions } from './mention-details.js';
import { parseQuery } from './query-params.js';
import { capped, download } from './stream-lines.js';
import type { ClusterDetail } from '../types/api.js';

/** Clusters per query of a download: the largest page a store gives, since each page sorts all the matching clusters again. */
const PAGE = 10_000;


/** A cursor of the events level: the sort and the offset of the next page (opaque to clients). */
function encodeCursor(sort: ClusterSort, offset: number): string {
  return Buffer.from(JSON.stringify(['events', sort, offset])).toString('base64url');
}

function decodeCursor(text: string, sort: ClusterSort): number {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    // reported below
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== 'events' || !Number.isInteger(parsed[2]) || (parsed[2] as number) < 0) {
    throw new ApiError(400, 'bad_request', `parameter "cursor": "${text.slice(0, 100)}" is not a cursor from a previous page of level events`);
  }
  if (parsed[1] !== sort) throw new ApiError(400, 'bad_request', `parameter "cursor": it was made for sort "${String(parsed[1])}", not "${sort}"`);
  return parsed[2] as number;
}

/** One page of events and the cursor of the next (null on the last page). */
export async function clusterPage(store: Store, filter: EventFilter, options: { sort: ClusterSort; limit: number; cursor: string | undefined }): Promise<{ clusters: Cluster[]; next: string | null }> {
  const offset = options.cursor === undefined ? 0 : decodeCursor(options.cursor, options.sort);
  const rows = await store.clusters(filter, { sort: options.sort, limit: options.limit + 1, offset });
  const clusters = rows.slice(0, options.limit);
  return { clusters, next: rows.length > options.limit ? encodeCursor(options.sort, offset + options.limit) : null };
}

async function* allClusters(store: Store, filter: EventFilter, sort: ClusterSort, limit: number | undefined): AsyncIterable<Cluster> {
  const size = Math.min(PAGE, limit ?? PAGE);
  for (let offset = 0; ; offset += size) {
    const page = await store.clusters(filter, { sort, limit: size, offset });
    yield* page;
    if (page.length < size) return;
  }
}

async function* jsonlPieces(clusters: AsyncIterable<Cluster>): AsyncIterable<string> {
  for await (const cluster of clusters) yield JSON.stringify(cluster) + '\n';
}

/** Every matching event as a download; CSV with the events-level columns of every CSV export (src/export/csv.ts). */
export async function clusterDownload(ctx: ApiContext, filter: EventFilter, format: 'csv' | 'jsonl', options: { sort: ClusterSort; limit?: number }): Promise<Response> {
  const clusters = capped(allClusters(ctx.store, filter, options.sort, options.limit), options.limit);
  const pieces = format === 'csv' ? csvHappenings(withMentions(ctx.store, clusters), { article: articleLookup(ctx.store) }) : jsonlPieces(clusters);
  return download(ctx, pieces, format, 'dyad-events');
}

/** GET /api/clusters/:id — deprecated (use GET /api/events/:id): one event with every report of it, in the old shape. */
export function clusterRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  app.get('/clusters/:id{.+}', async (c) => {
    parseQuery(c.req.url, {});
    const id = c.req.param('id');
    const cluster = await ctx.store.cluster(id);
    if (cluster === null) throw new ApiError(404, 'not_found', `no event with id "${id}"`);
    c.header('Deprecation', 'true');
    return c.json({ cluster, mentions: await clusterMentions(ctx.store, id) } satisfies ClusterDetail);
  });
  return app;
}
