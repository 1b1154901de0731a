// Pipeline stage: articles arriving a few at a time into a store that stays open (POST /api/articles) → entries to store (near-duplicates found, the rest coded), then linked into events and threads, as an ingest does.
import type { Coder } from '../coder/create-coder.js';
import { contentHash } from '../ingest/content-hash.js';
import { signature } from '../ingest/near-duplicate.js';
import type { Cluster, ClusterChange } from '../types/link.js';
import type { ArticleEntry, PutResult, Store } from '../store/store.js';
import { DyadError, type Article } from '../types/index.js';
import type { ArticleCoder } from './article-coder.js';
import { codeWithinBudget } from './code-within-budget.js';
import { MentionLinker, type MentionLinkerOptions } from './mention-linker.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';
import { isThreadEvent, lastDayOf, rebuildThreads, threadParties, threadsTo } from './rebuild-threads.js';

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
    /** The newest day of the stored events that can be thread steps: "now" for stalled threads. */
    private newest: number | null,
    private mark: string,
  ) {}

  /** False until this linker has written every thread once (the stored ones may predate it, or a killed run). */
  private threadsWritten = false;

  /**
   * A linker over the stored articles and mentions (reports left unlinked are linked, see MentionLinker.open), holding
   * at most `options.capacity` reports in memory (default LINK_CAPACITY), linking by `options.kinds` (`settleKinds`).
   * Hold the store's writer lock while opening and using it.
   */
  static async open(store: Store, options: MentionLinkerOptions): Promise<LiveLinker> {
    const nearIndex = await NearDuplicateIndex.open(store);
    const linker = await MentionLinker.open(store, options);
    const { newest } = await threadParties(store);
    return new LiveLinker(store, nearIndex, linker, newest, await store.changeMark());
  }

  /** True when another process wrote the store since this linker last read or wrote it: open a new one. */
  async isStale(): Promise<boolean> {
    return (await this.store.changeMark()) !== this.mark;
  }

  /**
   * The entry to store for an article: content already stored → no events; a syndicated copy of an earlier article
   * → linked to it, no events (it is not a new report); otherwise its coded events, within the article budget
   * (codeWithinBudget; with an ArticleCoder, possibly in a worker thread while this one serves others). Throws
   * DyadError (E202, E401, E400) for an article past its budget; `warnings` say what the budget dropped (events past
   * the caps). Store it before the next call.
   */
  async entry(article: Article, coder: Coder | ArticleCoder): Promise<ArticleEntry & { warnings: string[] }> {
    const hash = contentHash(article.text);
    if (await this.store.hasArticle(hash)) return { article, meta: { hash }, events: [], warnings: [] };
    const sig = signature(article.text);
    const nearDuplicateOf = await this.nearIndex.find(sig);
    let events: ArticleEntry['events'] = [];
    let warnings: string[] = [];
    if (nearDuplicateOf === null) {
      const outcome = 'code' in coder ? await coder.code(article) : codeWithinBudget(coder, article);
      if (outcome.kind === 'problem') throw new DyadError(outcome.problem.code, article.id, outcome.problem.message);
      events = outcome.events;
      warnings = outcome.warnings;
    }
    this.nearIndex.add(article.id, sig);
    return { article, meta: { hash, nearDuplicateOf, signature: sig }, events, warnings };
  }

  /**
   * Links stored entries (`results[i]` is the outcome of `entries[i]`, null when refused): their mentions join the
   * events (clusters) they report, and when a change touches an event that can be a thread step (THREAD_ROOTS) the
   * threads it touches are rebuilt from the store and stored: those to a party of a changed event (`threadsTo`), or
   * every thread when the newest event date moved (stalled threads are judged against it) or the first time this
   * linker writes. Nothing of the threads is held between calls: memory is the linker's (bounded) and one party's events.
   */
  async link(entries: readonly ArticleEntry[], results: ReadonlyArray<PutResult | null>): Promise<ClusterChange> {
    this.nearIndex.forget(entries.map((entry) => entry.article.id));
    // the stored versions the change replaces: their parties' threads change too, and one may have held the newest date
    const replaced: Cluster[] = [];
    const change = await this.linker.addBatch(entries, results, async (next) => {
      for (const id of [...next.removed, ...next.upserted.map((c) => c.id)]) {
        const before = await this.store.cluster(id);
        if (before !== null && isThreadEvent(before)) replaced.push(before);
      }
    });
    const changed = [...replaced, ...change.upserted.filter(isThreadEvent)];
    if (changed.length > 0) {
      let newest = this.newest;
      if (replaced.some((c) => lastDayOf(c) === this.newest)) newest = (await threadParties(this.store)).newest;
      else for (const c of changed) newest = Math.max(newest ?? -Infinity, lastDayOf(c) ?? -Infinity);
      if (newest === -Infinity) newest = null;
      if (newest !== this.newest || !this.threadsWritten) {
        this.newest = newest;
        await this.store.putThreads(await rebuildThreads(this.store, this.linker.kinds));
        this.threadsWritten = true;
      } else {
        const parties = [...new Set(changed.flatMap((c) => (c.target === null ? [c.source] : [c.source, c.target])))].sort();
        await this.store.putThreads(await threadsTo(this.store, parties, newest, this.linker.kinds), { recipients: parties });
      }
    }
    this.mark = await this.store.changeMark();
    return change;
  }
}
