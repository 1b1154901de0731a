// API edge: GET /api/export?as=FORMAT — the filtered events in one of the CLI's export formats, streamed as a download.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiContext, Exporter } from './api-context.js';
import { EXPORT_FORMATS } from './api-context.js';
import { eventDownload } from './event-routes.js';
import { ApiError } from './api-error.js';
import { filterParams, parseQuery, toEventFilter } from './query-params.js';
import { downloadHeaders, streamLines } from './stream-lines.js';

export const exportQueryParams = { ...filterParams, as: z.enum(EXPORT_FORMATS) };

/**
 * The exporter of src/export/, when that module is there: its index must export
 * `exportEvents(format, events, filter): ExportOutput | Promise<ExportOutput>` (see api-context.ts). Null otherwise.
 */
export async function loadExporter(): Promise<Exporter | null> {
  const path = '../export/index.js';
  try {
    const module = (await import(path)) as { exportEvents?: unknown };
    return typeof module.exportEvents === 'function' ? (module.exportEvents as Exporter) : null;
  } catch {
    return null;
  }
}

/** The export route. CSV needs no exporter (it is the events download); the other formats do. */
export function exportRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  app.get('/export', async (c) => {
    const { as, ...rest } = parseQuery(c.req.url, exportQueryParams);
    const filter = toEventFilter(rest);
    if (ctx.exporter === null) {
      if (as === 'csv') return eventDownload(ctx, filter, 'csv', {});
      throw new ApiError(501, 'not_implemented', `export as "${as}" is not available in this build yet (only csv is); use GET /api/events?format=jsonl for the raw events`);
    }
    const output = await ctx.exporter(as, ctx.store.iterateEvents(filter), filter);
    return new Response(await streamLines(output.chunks, ctx.log), { headers: downloadHeaders(output.contentType, output.filename) });
  });
  return app;
}
