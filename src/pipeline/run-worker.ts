// Pipeline stage: a queue stream of articles → coded, stored and linked in stream order, the position stored with each batch; exactly once, whatever kills it.
import type { Coder } from '../coder/create-coder.js';
import { contentHash } from '../ingest/content-hash.js';
import { signature } from '../ingest/near-duplicate.js';
import type { QueuedArticle } from '../queue/article-queue.js';
import type { ArticleEntry, PutResult, Store, WriterLockOptions } from '../store/store.js';
import { DyadError, type Problem } from '../types/index.js';
import { codeWithinBudget } from './code-within-budget.js';
import { addedKinds } from '../link/lexicon-kinds.js';
import { MentionLinker } from './mention-linker.js';
import { settleKinds } from './settle-kinds.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';

/** Where a worker reads articles from: a queue stream (ArticleQueue), or anything that reads like one. */
export interface ArticleSource {
  readonly stream: string;
  fetch(from: number, max: number, waitMs: number): Promise<QueuedArticle[]>;
}

export interface WorkerOptions {
  store: Store;
  coder: Coder;
  source: ArticleSource;
  /** Messages stored per transaction (default 200). */
  batchSize?: number;
  /** How long one read waits for new messages (default 1000 ms). */
  waitMs?: number;
  /** Stop when the stream holds nothing more (tests, `dyad worker --drain`); otherwise wait for more until aborted. */
  untilDrained?: boolean;
  /** Aborted (SIGTERM): the batch in hand is stored and linked, then the worker stops. */
  signal?: AbortSignal;
  /** Another worker or ingest holds the writer lock: wait (the default for a worker) or refuse. */
  writer?: WriterLockOptions;
  /** Called with each warning, such as events dropped past an article's budget. */
  onWarning?: (message: string) => void;
  /** Called after each stored batch. */
  onBatch?: (summary: WorkerSummary) => void;
}

export interface WorkerSummary {
  /** The stream position stored last. */
  position: number;
  new: number;
  duplicates: number;
  nearDuplicates: number;
  events: number;
  problems: Problem[];
}

/**
 * Reads a queue stream in order and stores what it reads, as `ingestArticles` would store the same articles read in
 * that order: duplicates skipped, syndicated copies linked, the rest coded; clusters kept current; threads rebuilt
 * whenever the stream is drained. Each batch of articles is written in ONE transaction with the stream position of
 * its last message (`Store.setQueuePosition`), and a worker starts from the stored position: killed at any moment,
 * another one stores every message exactly once. Any number of workers may run against one store; the one holding
 * the writer lock works, the others wait for it (on PostgreSQL, on any machine). Linked by the store's item kinds
 * with those the coder's lexicon adds (`settleKinds`: E500 when it defines one otherwise).
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { store, coder, source } = options;
  const batchSize = options.batchSize ?? 200;
  const lock = await store.acquireWriter({ wait: true, ...options.writer });
  const summary: WorkerSummary = { position: 0, new: 0, duplicates: 0, nearDuplicates: 0, events: 0, problems: [] };
  try {
    const kinds = await settleKinds(store, addedKinds(coder.lexicon), options.onWarning);
    const nearIndex = await NearDuplicateIndex.open(store);
    const linker = await MentionLinker.open(store, { kinds });
    summary.position = await store.queuePosition(source.stream);
    let threadsStale = true;
    while (options.signal?.aborted !== true) {
      const messages = await source.fetch(summary.position + 1, batchSize, options.waitMs ?? 1000);
      if (messages.length === 0) {
        if (threadsStale) await linker.finish();
        threadsStale = false;
        if (options.untilDrained === true) break;
        continue;
      }
      const entries = await entriesOf(messages, store, coder, nearIndex, summary, options.onWarning);
      const last = (messages[messages.length - 1] as QueuedArticle).seq;
      const results = await store.transaction(async (tx) => {
        const stored = await putEach(tx, entries, summary.problems);
        await tx.setQueuePosition(source.stream, last);
        return stored;
      });
      nearIndex.forget(entries.map((entry) => entry.article.id));
      await linker.addBatch(entries, results);
      threadsStale = true;
      summary.position = last;
      results.forEach((result, i) => {
        if (result === null) return;
        if (!result.new) summary.duplicates++;
        else if ((entries[i] as ArticleEntry).meta.nearDuplicateOf) summary.nearDuplicates++;
        else {
          summary.new++;
          summary.events += result.events;
        }
      });
      options.onBatch?.({ ...summary });
    }
    if (threadsStale) await linker.finish();
    return summary;
  } finally {
    await lock.release();
  }
}

/** The entries to store for a batch of messages: content stored (or earlier in the batch) skipped, copies linked, the rest coded. */
async function entriesOf(messages: readonly QueuedArticle[], store: Store, coder: Coder, nearIndex: NearDuplicateIndex, summary: WorkerSummary,
  onWarning: ((message: string) => void) | undefined): Promise<ArticleEntry[]> {
  const entries: ArticleEntry[] = [];
  const hashes = new Set<string>();
  for (const { article } of messages) {
    const hash = contentHash(article.text);
    if (hashes.has(hash) || (await store.hasArticle(hash))) {
      summary.duplicates++;
      continue;
    }
    hashes.add(hash);
    const sig = signature(article.text);
    const nearDuplicateOf = await nearIndex.find(sig);
    let events: ArticleEntry['events'] = [];
    if (nearDuplicateOf === null) {
      // as an ingest codes it: an article past its budget (tokens, time) is a problem, not stored, not indexed
      const outcome = codeWithinBudget(coder, article);
      if (outcome.kind === 'problem') {
        summary.problems.push(outcome.problem);
        continue;
      }
      for (const warning of outcome.warnings) onWarning?.(warning);
      events = outcome.events;
    }
    nearIndex.add(article.id, sig);
    entries.push({ article, meta: { hash, nearDuplicateOf, signature: sig }, events });
  }
  return entries;
}

/** Stores a batch in the caller's transaction; when the store refuses it, article by article, the refused ones becoming problems. */
async function putEach(tx: Store, entries: ArticleEntry[], problems: Problem[]): Promise<Array<PutResult | null>> {
  try {
    return await tx.transaction(async (inner) => inner.putArticles(entries));
  } catch (err) {
    if (!(err instanceof DyadError)) throw err;
  }
  const out: Array<PutResult | null> = [];
  for (const entry of entries) {
    try {
      out.push(await tx.transaction(async (inner) => inner.putArticle(entry.article, entry.meta, entry.events)));
    } catch (err) {
      if (!(err instanceof DyadError)) throw err;
      problems.push({ code: err.code, input: entry.article.id, message: err.message, stage: 'store' });
      out.push(null);
    }
  }
  return out;
}
