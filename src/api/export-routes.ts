// API edge: GET /api/export?as=FORMAT — the filtered events in one of the CLI's export formats, streamed as a download.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiContext } from './api-context.js';
import { EXPORT_FORMATS } from './api-context.js';
import { ApiError } from './api-error.js';
import { filterParams, parseQuery, toEventFilter } from './query-params.js';
import { downloadHeaders, streamLines } from './stream-lines.js';

export const exportQueryParams = {
  ...filterParams,
  as: z.enum(EXPORT_FORMATS),
  file: z.enum(['events', 'mentions']).optional(),
  /** events (default) or reports; `mentions` is the old name of reports, and `actor` / `country` the old place of `nodes`. */
  level: z.enum(['events', 'reports', 'mentions', 'actor', 'country']).optional(),
  nodes: z.enum(['actor', 'country']).optional(),
};

/** The export route. */
export function exportRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  app.get('/export', async (c) => {
    const { as, file, level: asked = 'events', nodes: askedNodes, ...rest } = parseQuery(c.req.url, exportQueryParams);
    const oldNodes = asked === 'actor' || asked === 'country' ? asked : undefined;
    if (oldNodes !== undefined && askedNodes !== undefined && oldNodes !== askedNodes) throw new ApiError(400, 'bad_request', 'parameter "level": actor or country is the old name of "nodes"; give one of them');
    const nodes = askedNodes ?? oldNodes ?? 'actor';
    const level = asked === 'reports' || asked === 'mentions' ? 'reports' : 'events';
    const filter = toEventFilter(rest);
    if (ctx.exporter === null) {
      throw new ApiError(501, 'not_implemented', `export as "${as}" is not available in this server; use GET /api/events?format=jsonl for the raw events`);
    }
    const output = await ctx.exporter({ format: as, events: ctx.store.iterateEvents(filter), filter, companion: file === 'mentions', level, nodes });
    return new Response(await streamLines(output.chunks, ctx.log), { headers: downloadHeaders(output.contentType, output.filename) });
  });
  return app;
}
