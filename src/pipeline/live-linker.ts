// Pipeline stage: articles arriving a few at a time into a store that stays open (POST /api/articles) → entries to store (near-duplicates found, the rest coded), then linked into events and threads, as an ingest does.
import type { Coder } from '../coder/create-coder.js';
import { contentHash } from '../ingest/content-hash.js';
import { signature } from '../ingest/near-duplicate.js';
import type { ClusterChange } from '../link/link-types.js';
import type { ArticleEntry, PutResult, Store } from '../store/store.js';
import { DyadError, type Article } from '../types/index.js';
import type { ArticleCoder } from './article-coder.js';
import { codeWithinBudget } from './code-within-budget.js';
import { MentionLinker, THREAD_ROOTS } from './mention-linker.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';

/**
 * The state `ingestArticles` keeps during one run — the near-duplicate index and the mention linker — kept for as
 * long as a store is served, so that articles written one request at a time end in the same events and threads as
 * an ingest of the same articles in the same order. It is seeded from the store: hold the store's writer lock while
 * using it, ask `isStale()` after taking the lock (another process may have written meanwhile, and then a new one
 * is opened), and call it from one task at a time (its state must follow the store's).
 */
export class LiveLinker {
  private constructor(
    private readonly store: Store,
    private readonly nearIndex: NearDuplicateIndex,
    private readonly linker: MentionLinker,
    private mark: string,
  ) {}

  /**
   * A linker seeded with the stored articles and mentions (stale stored clusters are repaired, see MentionLinker.open).
   * Hold the store's writer lock while opening and using it.
   */
  static async open(store: Store): Promise<LiveLinker> {
    const nearIndex = await NearDuplicateIndex.open(store);
    const linker = await MentionLinker.open(store);
    return new LiveLinker(store, nearIndex, linker, await store.changeMark());
  }

  /** True when another process wrote the store since this linker last read or wrote it: open a new one. */
  async isStale(): Promise<boolean> {
    return (await this.store.changeMark()) !== this.mark;
  }

  /**
   * The entry to store for an article: content already stored → no events; a syndicated copy of an earlier article
   * → linked to it, no events (it is not a new report); otherwise its coded events, within the article budget
   * (codeWithinBudget; with an ArticleCoder, possibly in a worker thread while this one serves others). Throws
   * DyadError (E202, E401, E400) for an article past its budget. Store it before the next call.
   */
  async entry(article: Article, coder: Coder | ArticleCoder): Promise<ArticleEntry> {
    const hash = contentHash(article.text);
    if (await this.store.hasArticle(hash)) return { article, meta: { hash }, events: [] };
    const sig = signature(article.text);
    const nearDuplicateOf = await this.nearIndex.find(sig);
    let events: ArticleEntry['events'] = [];
    if (nearDuplicateOf === null) {
      const outcome = 'code' in coder ? await coder.code(article) : codeWithinBudget(coder, article);
      if (outcome.kind === 'problem') throw new DyadError(outcome.problem.code, article.id, outcome.problem.message);
      events = outcome.events;
    }
    this.nearIndex.add(article.id, sig);
    return { article, meta: { hash, nearDuplicateOf, signature: sig }, events };
  }

  /**
   * Links stored entries (`results[i]` is the outcome of `entries[i]`, null when refused): their mentions join the
   * events (clusters) they report, and when a change touches an event that can be a thread step (THREAD_ROOTS: the
   * threads are built from those alone; a cluster never leaves its code family, so it never leaves them either) the
   * assistance threads are rebuilt; a removal or merge rebuilds them too.
   */
  async link(entries: readonly ArticleEntry[], results: ReadonlyArray<PutResult | null>): Promise<ClusterChange> {
    this.nearIndex.forget(entries.map((entry) => entry.article.id));
    const change = await this.linker.addBatch(entries, results);
    const touchesThreads = change.removed.length > 0 || change.merged.length > 0 || change.upserted.some((cluster) => THREAD_ROOTS.includes(cluster.root));
    if (touchesThreads) await this.linker.finish();
    this.mark = await this.store.changeMark();
    return change;
  }
}
