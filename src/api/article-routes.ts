// API edge: GET /api/articles/:id (cleaned text + its events) and POST /api/articles (code, store and link into events and threads; bearer token).
import { timingSafeEqual, createHash } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { formatBytes } from '../ingest/open-input.js';
import type { EventRecord } from '../types/index.js';
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-error.js';
import { parseQuery } from './query-params.js';
import type { ArticleDetail } from '../types/api.js';

/** Largest body POST /api/articles accepts. */
export const MAX_POST_BYTES = 16 * 1024 * 1024;
/**
 * Writes in progress or waiting their turn; past it a POST is answered 503 (busy, Retry-After) at once. With the body
 * limit this bounds what writes hold: at most 8 × 16 MiB of posted text.
 */
export const MAX_PENDING_WRITES = 8;

/** True when the Authorization header carries the token (compared in constant time). */
export function authorized(header: string | undefined, token: string | null): boolean {
  if (token === null || token === '' || header === undefined) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) return false;
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1] as string), digest(token));
}

/** The stored events of an article, in order (at most 10,000: an article never has that many). */
async function articleEvents(ctx: ApiContext, id: string): Promise<EventRecord[]> {
  return (await ctx.store.queryEvents({ doc: id }, { limit: 10_000 })).events;
}

/** The article routes. */
export function articleRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  // bodies being written or waiting their turn (see MAX_PENDING_WRITES)
  let pending = 0;
  app.get('/articles/:id{.+}', async (c) => {
    parseQuery(c.req.url, {});
    const id = c.req.param('id');
    const stored = await ctx.store.getArticle(id);
    if (stored === null) throw new ApiError(404, 'not_found', `no article with id "${id}"`);
    const { hash: _hash, simhash: _simhash, ...rest } = stored;
    const article = {
      ...rest, title: rest.title ?? null, date: rest.date ?? null, url: rest.url ?? null, source: rest.source ?? null,
      byline: rest.byline ?? null, dateline: rest.dateline ?? null, language: rest.language ?? null,
    };
    return c.json({ article, events: await articleEvents({ ...ctx, store: ctx.reads ?? ctx.store }, id) } satisfies ArticleDetail);
  });
  app.post('/articles',
    async (c, next) => {
      if (ctx.token === null) {
        throw new ApiError(401, 'unauthorized', 'writing is off: start the server with --token or DYAD_TOKEN to allow POST /api/articles');
      }
      if (!authorized(c.req.header('Authorization'), ctx.token)) {
        c.header('WWW-Authenticate', 'Bearer');
        throw new ApiError(401, 'unauthorized', 'a valid "Authorization: Bearer TOKEN" header is needed to write');
      }
      await next();
    },
    bodyLimit({ maxSize: MAX_POST_BYTES, onError: () => { throw new ApiError(413, 'payload_too_large', `the body is larger than ${formatBytes(MAX_POST_BYTES)}`); } }),
    async (c) => {
      parseQuery(c.req.url, {});
      const body = await c.req.text();
      // checked and counted with no await between, so that simultaneous requests cannot all slip past the bound
      if (pending >= MAX_PENDING_WRITES) {
        c.header('Retry-After', '5');
        throw new ApiError(503, 'busy', `${pending} writes are in progress or waiting already: try again in a few seconds`);
      }
      pending++;
      try {
        // read, coded, stored and linked by the writer: in a worker thread under `dyad serve`, so reads go on meanwhile
        const answer = await ctx.writer().post(body, c.req.header('Content-Type') ?? '');
        return c.json(answer.body, answer.status);
      } finally {
        pending--;
      }
    });
  return app;
}
