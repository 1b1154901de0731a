// API edge: GET /api/articles/:id (cleaned text + its events) and POST /api/articles (code, store and link into events and threads; bearer token).
import { timingSafeEqual, createHash } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { formatBytes } from '../ingest/open-input.js';
import { LiveLinker } from '../pipeline/live-linker.js';
import type { ArticleEntry, PutResult } from '../store/store.js';
import type { EventRecord, Problem } from '../types/index.js';
import { DyadError } from '../types/index.js';
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-error.js';
import { parseQuery } from './query-params.js';
import { readPostedArticles } from './read-posted-articles.js';

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

/** Runs tasks one at a time, in the order they came; a task that fails does not stop the ones after it. */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** The stored events of an article, in order (at most 10,000: an article never has that many). */
async function articleEvents(ctx: ApiContext, id: string): Promise<EventRecord[]> {
  return (await ctx.store.queryEvents({ doc: id }, { limit: 10_000 })).events;
}

/** The article routes. */
export function articleRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  // Writes go one request at a time: the linker's state (near-duplicates, clusters) must follow the store's, and the
  // steps of two requests would otherwise interleave at every await (threads rebuilt from another request's half-linked
  // clusters; a linker dropped after a failure while another request still links through it).
  const writes = serialQueue();
  // Seeded from the store on the first write, then kept while no other process writes the store; dropped when a write
  // fails or another process wrote, so that the next one re-reads the store. Each write holds the store's writer lock
  // (an ingest running meanwhile: 409, E601), so that an ingest may run between requests.
  let live: Promise<LiveLinker> | null = null;
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
    return c.json({ article, events: await articleEvents(ctx, id) });
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
      const { articles, problems, warnings } = readPostedArticles(await c.req.text(), c.req.header('Content-Type') ?? '');
      if (articles.length === 0) {
        const first = problems[0];
        throw new ApiError(400, first?.code ?? 'bad_request', first?.message ?? 'the body holds no article');
      }
      const coder = await ctx.coder();
      // checked and counted with no await between, so that simultaneous requests cannot all slip past the bound
      if (pending >= MAX_PENDING_WRITES) {
        c.header('Retry-After', '5');
        throw new ApiError(503, 'busy', `${pending} writes are in progress or waiting already: try again in a few seconds`);
      }
      const failed: Problem[] = [...problems];
      pending++;
      const answered = await writes(async () => {
        const lock = await ctx.store.acquireWriter();
        try {
          if (live !== null && await (await live).isStale()) live = null;
          live ??= LiveLinker.open(ctx.store);
          const linker = await live;
          const out: { id: string; new: boolean; events: EventRecord[] }[] = [];
          const entries: ArticleEntry[] = [];
          const results: PutResult[] = [];
          for (const article of articles) {
            try {
              const entry = await linker.entry(article, coder);
              warnings.push(...entry.warnings);
              const result = await ctx.store.putArticle(entry.article, entry.meta, entry.events);
              entries.push(entry);
              results.push(result);
              out.push({ id: result.id, new: result.new, events: result.new ? entry.events : await articleEvents(ctx, result.id) });
            } catch (err) {
              if (!(err instanceof DyadError)) throw err;
              const message = `article "${article.id}": ${err.message.replace(/^E\d{3} [^:]*: /, '')}`;
              failed.push({ code: err.code, message, input: article.id, stage: 'store' });
            }
          }
          // the new mentions join the events they report, and threads follow, as `dyad ingest` links a batch
          await linker.link(entries, results);
          return out;
        } catch (err) {
          live = null;
          throw err;
        } finally {
          await lock.release();
        }
      }).finally(() => { pending--; });
      return c.json({ articles: answered, problems: failed, warnings }, answered.some((a) => a.new) ? 201 : 200);
    });
  return app;
}
