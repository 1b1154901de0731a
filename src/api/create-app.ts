// API edge: a Store (+ token, coder, exporter) → the Hono app that answers the JSON API under /api and the web UI at /.
import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { createCoder, type Coder } from '../coder/create-coder.js';
import type { ArticleCoder } from '../pipeline/article-coder.js';
import type { Store } from '../store/store.js';
import type { ApiContext, Exporter } from './api-context.js';
import { ApiError, errorAnswer } from './api-error.js';
import { articleRoutes } from './article-routes.js';
import { correctionRoutes } from './correction-routes.js';
import { correctedStore } from '../corrections/corrected-store.js';
import { watchWrites } from '../corrections/watch-writes.js';
import { clusterRoutes } from './cluster-routes.js';
import { eventRoutes } from './event-routes.js';
import { exportRoutes } from './export-routes.js';
import { openApiDocument } from './openapi.js';
import { storeWriter, type ArticleWriter } from './post-articles.js';
import { parseQuery } from './query-params.js';
import { DEFAULT_UI_DIR, serveUi } from './serve-ui.js';
import { storeExporter } from './store-exporter.js';
import { summaryRoutes } from './summary-routes.js';
import { threadRoutes } from './thread-routes.js';
import type { HealthAnswer } from '../types/api.js';

export interface AppOptions {
  store: Store;
  /** Bearer token that allows POST /api/articles; null or absent: writing is off. */
  token?: string | null;
  /**
   * The coder for posted articles; made with Dyad's own lexicon on first use when absent. An ArticleCoder such as
   * workerCoder codes off the request thread, so that reads are answered while an article is coded.
   */
  coder?: Coder | Promise<Coder> | ArticleCoder;
  /**
   * Writes posted articles (default: storeWriter over `store` and `coder`, in this thread). A workerWriter reads,
   * codes, stores and links them in a worker thread with its own connection to the store, so that reads never wait
   * for a write's work.
   */
  writer?: ArticleWriter;
  /** Writes the export formats (default: every format of src/export/); null: /api/export answers 501. */
  exporter?: Exporter | null;
  /** Folder of the built UI (default ui/dist); null: no UI. */
  uiDir?: string | null;
  /**
   * Host names (without port) the server answers to; others get 403. Guards a localhost server against DNS
   * rebinding (a web page pointing its own host name at 127.0.0.1). Null or absent: any host.
   */
  allowedHosts?: string[] | null;
  /** Where unexpected errors are reported (default stderr). */
  log?: (line: string) => void;
}

/** Dyad's version, from package.json (the same file beside src/ and dist/). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The host name of a Host header (`localhost:8080` → `localhost`, `[::1]:80` → `[::1]`). */
function hostName(header: string): string {
  const m = /^(\[[^\]]*\]|[^:]*)/.exec(header.trim().toLowerCase());
  return m?.[1] ?? '';
}

/** Builds the app. Test it with `app.request('/api/events?source=CHN')`; serve it with startServer. */
export function createApp(options: AppOptions): Hono {
  let coder: Promise<Coder | ArticleCoder> | null = options.coder === undefined ? null : Promise.resolve(options.coder);
  // Routes read through the corrected store (the analysts' corrections applied to every answer and export); posted
  // articles are stored and linked by the writer (a worker thread under `dyad serve`) through the store itself.
  const reads = correctedStore(options.store);
  let writer: ArticleWriter | null = options.writer ?? null;
  const ctx: ApiContext = {
    store: reads,
    token: options.token === undefined || options.token === '' ? null : options.token,
    coder: () => (coder ??= createCoder()),
    writer: () => (writer ??= storeWriter(options.store, ctx.coder)),
    exporter: options.exporter === undefined ? storeExporter(reads) : options.exporter,
    log: options.log ?? ((line) => process.stderr.write(`dyad serve: ${line}\n`)),
  };
  const app = new Hono();
  app.onError((err, c) => {
    const { status, body } = errorAnswer(err);
    if (status >= 500 && status !== 501 && status !== 503) ctx.log(`${c.req.method} ${c.req.path}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return c.json(body, status);
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404));
  // Headers every answer carries are set before the route runs, so that an answer made through the context (c.json,
  // c.body, errors, redirects) is made with them. Setting one after it is made re-makes the answer around its body as
  // a stream, which @hono/node-server then writes piece by piece instead of as the one string it holds: most of what
  // writing a JSON answer cost the request thread. A Response a route makes itself (a download) gets them after.
  const always = (c: Context, name: string, value: string): void => {
    if (!c.res.headers.has(name)) c.header(name, value);
  };
  app.use('*', async (c, next) => {
    const allowed = options.allowedHosts;
    if (allowed && !allowed.includes(hostName(c.req.header('Host') ?? ''))) {
      throw new ApiError(403, 'forbidden', 'this server answers only to its own host name');
    }
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
    always(c, 'X-Content-Type-Options', 'nosniff');
  });
  app.use('/api/*', async (c, next) => {
    // a route may set its own
    c.header('Cache-Control', 'no-store');
    await next();
    always(c, 'Cache-Control', 'no-store');
  });

  const api = new Hono();
  api.get('/health', (c) => {
    parseQuery(c.req.url, {});
    return c.json({ ok: true, version: VERSION, store: options.store.location } satisfies HealthAnswer);
  });
  api.get('/openapi.json', (c) => c.json(openApiDocument(VERSION)));
  api.route('/', eventRoutes(ctx));
  api.route('/', clusterRoutes(ctx));
  api.route('/', threadRoutes(ctx));
  api.route('/', summaryRoutes(ctx));
  api.route('/', articleRoutes({ ...ctx, store: watchWrites(options.store, () => reads.invalidate()), reads }));
  api.route('/', correctionRoutes(ctx));
  api.route('/', exportRoutes(ctx));
  app.route('/api', api);

  const uiDir = options.uiDir === undefined ? DEFAULT_UI_DIR : options.uiDir;
  if (uiDir !== null) {
    const ui = serveUi(uiDir);
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : ui(c)));
  }
  return app;
}
