// API edge: the analysts' corrections — GET /api/corrections (the log, or a JSONL file of it), POST /api/corrections
// (one correction), POST /api/corrections/import (a JSONL file), DELETE /api/corrections/:id (a revert). Writes need the token.
import type { Context, Next } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { correctionsFromJsonl, correctionsToJsonl } from '../corrections/corrections-file.js';
import { proposeCorrection, type CorrectionRequest } from '../corrections/propose-correction.js';
import { DyadError, type Correction } from '../types/index.js';
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-error.js';
import { authorized } from './article-routes.js';
import { correctionRequestSchema } from './correction-schemas.js';
import { parseQuery } from './query-params.js';

/** Largest body the corrections routes take (a team's file of corrections). */
export const MAX_CORRECTIONS_BYTES = 16 * 1024 * 1024;

/** A correction's own errors as answers: malformed 400, an id the store lacks 404. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DyadError && (err.code === 'E800' || err.code === 'E801')) {
      const message = err.message.replace(/^E\d{3} /, '');
      throw new ApiError(err.code === 'E800' ? 400 : 404, err.code, message);
    }
    throw err;
  }
}

/** The corrections routes. */
export function correctionRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  const requireToken = async (c: Context, next: Next): Promise<void> => {
    if (ctx.token === null) throw new ApiError(401, 'unauthorized', 'writing is off: start the server with --token or DYAD_TOKEN to allow corrections');
    if (!authorized(c.req.header('Authorization'), ctx.token)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new ApiError(401, 'unauthorized', 'a valid "Authorization: Bearer TOKEN" header is needed to write');
    }
    await next();
  };
  const limit = bodyLimit({ maxSize: MAX_CORRECTIONS_BYTES, onError: () => { throw new ApiError(413, 'payload_too_large', 'the body is larger than 16 MiB'); } });

  app.get('/corrections', async (c) => {
    const query = parseQuery(c.req.url, {
      event: z.string().min(1).optional(), report: z.string().min(1).optional(), format: z.enum(['json', 'jsonl']).optional(),
    }, { eventFilter: false });
    let log: Correction[] = await ctx.store.corrections();
    if (query.event !== undefined || query.report !== undefined) {
      const reports = new Set<string>(query.report === undefined ? [] : [query.report]);
      if (query.event !== undefined) {
        // the reports the event holds now, and those it was named after when corrected (a rejected event holds none)
        const cluster = await ctx.store.cluster(query.event);
        for (const id of cluster?.mentionIds ?? []) reports.add(id);
        if (query.event.startsWith('c-')) reports.add(query.event.slice(2));
      }
      const named = new Set(log.filter((k) => k.event === query.event || k.reports.some((id) => reports.has(id))).map((k) => k.id));
      log = log.filter((k) => named.has(k.id) || (k.reverts !== null && named.has(k.reverts)));
    }
    if (query.format === 'jsonl') {
      c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="dyad-corrections.jsonl"');
      return c.body(correctionsToJsonl(log));
    }
    return c.json({ corrections: log, total: log.length });
  });

  app.post('/corrections', requireToken, limit, async (c) => {
    parseQuery(c.req.url, {}, { eventFilter: false });
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ApiError(400, 'bad_request', 'the body is not JSON');
    }
    const parsed = correctionRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError(400, 'bad_request', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'not a correction'}`);
    }
    const { by, reason, ...request } = parsed.data;
    const correction = await answering(() => proposeCorrection(ctx.store, request as CorrectionRequest, { by, reason }));
    await ctx.store.appendCorrections([correction]);
    return c.json({ correction }, 201);
  });

  app.post('/corrections/import', requireToken, limit, async (c) => {
    parseQuery(c.req.url, {}, { eventFilter: false });
    const corrections = await answering(async () => correctionsFromJsonl(await c.req.text(), 'body'));
    const added = await ctx.store.appendCorrections(corrections);
    return c.json({ added, total: (await ctx.store.corrections()).length });
  });

  app.delete('/corrections/:id', requireToken, async (c) => {
    const query = parseQuery(c.req.url, { by: z.string().trim().min(1).max(200), reason: z.string().max(2000).optional() }, { eventFilter: false });
    const correction = await answering(() => proposeCorrection(ctx.store, { kind: 'revert', correction: c.req.param('id') ?? '' }, query));
    await ctx.store.appendCorrections([correction]);
    return c.json({ correction }, 201);
  });
  return app;
}
