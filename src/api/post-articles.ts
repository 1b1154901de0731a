// API edge: a posted body → articles read, coded, stored and linked into events and threads, as POST /api/articles answers it (the writer beside one store).
import type { Coder } from '../coder/create-coder.js';
import { coderKinds, type ArticleCoder } from '../pipeline/article-coder.js';
import { LiveLinker } from '../pipeline/live-linker.js';
import { settleKinds } from '../pipeline/settle-kinds.js';
import type { ArticleEntry, PutResult, Store } from '../store/store.js';
import type { EventRecord, Problem } from '../types/index.js';
import { DyadError } from '../types/index.js';
import { ApiError } from './api-error.js';
import { readPostedArticles } from './read-posted-articles.js';

/** What POST /api/articles answers when something was read: 201 when an article was new. */
export interface PostAnswer {
  status: 200 | 201;
  body: { articles: { id: string; new: boolean; events: EventRecord[] }[]; problems: Problem[]; warnings: string[] };
}

/** Writes posted bodies into a store. Throws ApiError (400: no article in the body) or DyadError (E601: another writer). */
export interface ArticleWriter {
  post(body: string, contentType: string): Promise<PostAnswer>;
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
async function articleEvents(store: Store, id: string): Promise<EventRecord[]> {
  return (await store.queryEvents({ doc: id }, { limit: 10_000 })).events;
}

/**
 * The writer of one store, in this thread. Writes go one request at a time: the linker's state (near-duplicates,
 * clusters) must follow the store's, and the steps of two requests would otherwise interleave at every await
 * (threads rebuilt from another request's half-linked clusters; a linker dropped after a failure while another request
 * still links through it). The linker is seeded from the store on the first write, then kept while no other process
 * writes the store; dropped when a write fails or another process wrote, so that the next one re-reads the store.
 * Each write holds the store's writer lock (an ingest running meanwhile: E601), so an ingest may run between requests.
 */
export function storeWriter(store: Store, coder: () => Promise<Coder | ArticleCoder>): ArticleWriter {
  const writes = serialQueue();
  let live: Promise<LiveLinker> | null = null;
  return {
    async post(body, contentType) {
      const { articles, problems, warnings } = readPostedArticles(body, contentType);
      if (articles.length === 0) {
        const first = problems[0];
        throw new ApiError(400, first?.code ?? 'bad_request', first?.message ?? 'the body holds no article');
      }
      const articleCoder = await coder();
      const failed: Problem[] = [...problems];
      const answered = await writes(async () => {
        const lock = await store.acquireWriter();
        try {
          if (live !== null && await (await live).isStale()) live = null;
          // the store's item kinds with the coder's (E500 when its lexicon places one otherwise), settled again with each linker
          live ??= settleKinds(store, coderKinds(articleCoder), (message) => warnings.push(message))
            .then((kinds) => LiveLinker.open(store, { kinds }));
          const linker = await live;
          const out: PostAnswer['body']['articles'] = [];
          const entries: ArticleEntry[] = [];
          const results: PutResult[] = [];
          for (const article of articles) {
            try {
              const entry = await linker.entry(article, articleCoder);
              warnings.push(...entry.warnings);
              const result = await store.putArticle(entry.article, entry.meta, entry.events);
              entries.push(entry);
              results.push(result);
              out.push({ id: result.id, new: result.new, events: result.new ? entry.events : await articleEvents(store, result.id) });
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
      });
      return { status: answered.some((a) => a.new) ? 201 : 200, body: { articles: answered, problems: failed, warnings } };
    },
  };
}
