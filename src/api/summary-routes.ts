// API edge: GET /api/actors, /api/dyads, /api/network, /api/timeline and /api/stats — counts over the filtered events and reports.
import { Hono } from 'hono';
import type { Cluster } from '../types/link.js';
import type { EventFilter } from '../store/store.js';
import { z } from 'zod';
import type { ApiContext } from './api-context.js';
import { builtinActorNames } from '../lexicon/actor-names.js';
import { buildNetwork } from './build-network.js';
import { eventTimeline } from './event-timeline.js';
import { ApiError } from './api-error.js';
import { filterParams, intParam, parseQuery, toEventFilter } from './query-params.js';
import type { ActorList, DyadList, Network, StatsAnswer, Timeline } from '../types/api.js';

export const actorQueryParams = { ...filterParams, q: z.string().min(1).max(200).optional(), limit: intParam(1, 10_000).optional() };
/** Nodes of a dyad or network: countries or full actor codes (`level` is the deprecated name of `nodes` here). */
const nodes = z.enum(['country', 'actor']).optional();
export const dyadQueryParams = {
  ...filterParams,
  by: z.enum(['day', 'week', 'month', 'year']).optional(),
  nodes,
  level: nodes,
  limit: intParam(1, 100_000).optional(),
};
export const networkQueryParams = { ...filterParams, nodes, level: nodes, limit: intParam(1, 5_000).optional() };
export const timelineQueryParams = { ...filterParams, by: z.enum(['day', 'week', 'month', 'year']).optional() };

/** Events a page of the timeline's pass reads at a time. */
const TIMELINE_PAGE = 10_000;

async function* everyEvent(ctx: ApiContext, filter: EventFilter): AsyncIterable<Cluster> {
  for (let offset = 0; ; offset += TIMELINE_PAGE) {
    const page = await ctx.store.clusters(filter, { sort: 'id', limit: TIMELINE_PAGE, offset });
    yield* page;
    if (page.length < TIMELINE_PAGE) return;
  }
}

/** `nodes`, else its deprecated name `level`; both given and different is a 400. */
function nodesOf(params: { nodes?: 'country' | 'actor' | undefined; level?: 'country' | 'actor' | undefined }): 'country' | 'actor' {
  if (params.nodes !== undefined && params.level !== undefined && params.nodes !== params.level) {
    throw new ApiError(400, 'bad_request', 'parameter "level": is the old name of "nodes"; give one of them');
  }
  return params.nodes ?? params.level ?? 'country';
}

/** Most actors a name search looks through. */
const SEARCH_POOL = 100_000;

/** The routes of counts over events. */
export function summaryRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  app.get('/actors', async (c) => {
    const { q, limit = 100, ...rest } = parseQuery(c.req.url, actorQueryParams);
    const filter = toEventFilter(rest);
    if (q === undefined) return c.json({ actors: await ctx.store.actors(filter, { limit }) } satisfies ActorList);
    const needle = q.toLowerCase();
    const pool = await ctx.store.actors(filter, { limit: SEARCH_POOL });
    const actors = pool.filter((a) => a.code.toLowerCase().includes(needle) || a.name.toLowerCase().includes(needle)).slice(0, limit);
    return c.json({ actors } satisfies ActorList);
  });
  app.get('/dyads', async (c) => {
    const { by = 'month', nodes: n, level: l, limit, ...rest } = parseQuery(c.req.url, dyadQueryParams);
    const level = nodesOf({ nodes: n, level: l });
    return c.json({ dyads: await ctx.store.dyads(toEventFilter(rest), { by, level, ...(limit ? { limit } : {}) }) } satisfies DyadList);
  });
  app.get('/network', async (c) => {
    const { nodes: n, level: l, limit = 300, ...rest } = parseQuery(c.req.url, networkQueryParams);
    const level = nodesOf({ nodes: n, level: l });
    const filter = toEventFilter(rest);
    // By year: the fewest rows that still sum exactly to each pair's totals.
    const rows = await ctx.store.dyads(filter, { by: 'year', level, limit: 1_000_000 });
    // Names from the lexicon: a country's or an organisation's own; a code many actors share keeps its code.
    return c.json(buildNetwork(rows, builtinActorNames().nameOf, limit) satisfies Network);
  });
  app.get('/timeline', async (c) => {
    const { by = 'month', ...rest } = parseQuery(c.req.url, timelineQueryParams);
    return c.json((await eventTimeline(everyEvent(ctx, toEventFilter(rest)), by)) satisfies Timeline);
  });
  app.get('/stats', async (c) => {
    parseQuery(c.req.url, {});
    // The store counts reports as its `events`; an event here is a happening, its reports merged.
    const [{ events: reports, ...stats }, events] = await Promise.all([ctx.store.stats(), ctx.store.countClusters({})]);
    return c.json({ ...stats, events, reports } satisfies StatsAnswer);
  });
  return app;
}
