// API edge: GET /api/actors, /api/dyads, /api/network and /api/stats — counts over the filtered events.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiContext } from './api-context.js';
import { buildNetwork } from './build-network.js';
import { filterParams, intParam, parseQuery, toEventFilter } from './query-params.js';
import type { ActorList, DyadList, Network, StatsAnswer } from '../types/api.js';

export const actorQueryParams = { ...filterParams, q: z.string().min(1).max(200).optional(), limit: intParam(1, 10_000).optional() };
export const dyadQueryParams = {
  ...filterParams,
  by: z.enum(['day', 'week', 'month', 'year']).optional(),
  level: z.enum(['country', 'actor']).optional(),
  limit: intParam(1, 100_000).optional(),
};
export const networkQueryParams = { ...filterParams, level: z.enum(['country', 'actor']).optional(), limit: intParam(1, 5_000).optional() };

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
    const { by = 'month', level = 'country', limit, ...rest } = parseQuery(c.req.url, dyadQueryParams);
    return c.json({ dyads: await ctx.store.dyads(toEventFilter(rest), { by, level, ...(limit ? { limit } : {}) }) } satisfies DyadList);
  });
  app.get('/network', async (c) => {
    const { level = 'country', limit = 300, ...rest } = parseQuery(c.req.url, networkQueryParams);
    const filter = toEventFilter(rest);
    // By year: the fewest rows that still sum exactly to each pair's totals.
    const rows = await ctx.store.dyads(filter, { by: 'year', level, limit: 1_000_000 });
    // Names only: the store's running counts name each code by its most frequent name, without a pass over the
    // filtered events (which on a million events costs seconds for a busy actor).
    const actors = await ctx.store.actors({}, { limit: 10_000 });
    return c.json(buildNetwork(rows, actors, limit) satisfies Network);
  });
  app.get('/stats', async (c) => {
    parseQuery(c.req.url, {});
    return c.json((await ctx.store.stats()) satisfies StatsAnswer);
  });
  return app;
}
