// Pipeline stage: input paths → articles read, cleaned, coded and stored in batches, clustered into events, threads rebuilt; problems as data; resumable.
import type { Coder } from '../coder/create-coder.js';
import { readInputs } from '../ingest/read-inputs.js';
import type { ArticleEntry, PutResult, Store, WriterLockOptions } from '../store/store.js';
import { DyadError, type Problem } from '../types/index.js';
import { coderKinds, type ArticleCoder } from './article-coder.js';
import { decideEntries } from './decide-entries.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';
import { MentionLinker } from './mention-linker.js';
import { settleKinds } from './settle-kinds.js';

export interface IngestProgress {
  /** Articles read so far (new + duplicates + near-duplicates). */
  read: number;
  new: number;
  /** Already stored (same content hash): skipped without coding. */
  duplicates: number;
  /** Syndicated copies of an article stored earlier: stored and linked, their events not counted again. */
  nearDuplicates: number;
  /** Inputs or records that could not be read. */
  failed: number;
  events: number;
  elapsedMs: number;
}

export interface IngestSummary extends IngestProgress {
  problems: Problem[];
  /** Events (clusters of mentions) and assistance threads in the store after the run; null with `cluster: false`. */
  clusters: number | null;
  threads: number | null;
}

export interface IngestOptions {
  store: Store;
  /** Codes in this thread, or an ArticleCoder (workerCoder: in worker threads, `inFlight` articles at once). */
  coder: Coder | ArticleCoder;
  /** Articles coded at once (default 1); more only helps with an ArticleCoder that has threads. The result is the same. */
  inFlight?: number;
  /** Publication date for inputs without one. */
  date?: string | null;
  /** Articles written per transaction (default 200). A crash loses at most the batch being written, never half of it. */
  batchSize?: number;
  stdin?: NodeJS.ReadableStream;
  /** Called at most every `progressEveryMs` (default 200 ms) and once at the end. */
  onProgress?: (progress: IngestProgress) => void;
  progressEveryMs?: number;
  /** Cluster mentions into events and rebuild threads (default true); false leaves both as they are. */
  cluster?: boolean;
  /** Most mentions the linker holds in memory (default LINK_CAPACITY); the rest stays in the store and is read back when needed. */
  linkCapacity?: number;
  /**
   * When another process writes the store: refuse (E601, the default) or wait (`{ wait: true, onWait }`). The
   * writer lock is held for the whole run, so that the linking state this run keeps follows the store.
   */
  writer?: WriterLockOptions;
  /**
   * Called with each warning, such as events dropped past an article's budget ("id: 12 events dropped …"), or item
   * kinds of the coder's lexicon that differ from the store's (see `settleKinds`).
   */
  onWarning?: (message: string) => void;
}

/**
 * Ingests inputs into a store. Idempotent and resumable: an article whose content hash is stored is skipped, and
 * each batch of articles with all their events is one transaction, so a run killed at any moment and started again
 * ends with the same database as an uninterrupted one. A near-duplicate (a syndicated copy of an article stored
 * earlier, in this run or before) is stored with a link to the first and without events, so that it is not counted
 * as a new report. A batch the store refuses is written article by article; the refused ones become problems.
 * After each batch its mentions join the events (clusters) they report, incrementally; at the end the assistance
 * threads are rebuilt. Both depend only on the set of coded articles, not on the order they arrived in (the order
 * decides only which article of a syndicated pair is the coded original). Only one writer links a store at a time:
 * the run holds the store's writer lock (see `IngestOptions.writer`). Events and threads are linked by the item kinds
 * the store records, with those the coder's lexicon adds (`settleKinds`: E500 when it defines one otherwise).
 */
export async function ingestArticles(inputs: string[], options: IngestOptions): Promise<IngestSummary> {
  const lock = await options.store.acquireWriter(options.writer);
  try {
    return await ingestLocked(inputs, options);
  } finally {
    await lock.release();
  }
}

/** `ingestArticles` with the writer lock held. */
async function ingestLocked(inputs: string[], options: IngestOptions): Promise<IngestSummary> {
  const { store, coder } = options;
  // the item kinds the store is coded and linked with; a lexicon that places one otherwise is refused (E500) here
  const kinds = await settleKinds(store, coderKinds(coder), options.onWarning);
  const batchSize = options.batchSize ?? 200;
  const started = performance.now();
  const progress: IngestProgress = { read: 0, new: 0, duplicates: 0, nearDuplicates: 0, failed: 0, events: 0, elapsedMs: 0 };
  const problems: Problem[] = [];
  // articles stored by earlier runs, copies included, take part in near-duplicate detection as if this run had read them first
  const nearIndex = await NearDuplicateIndex.open(store);
  const batchHashes = new Set<string>();
  let batch: ArticleEntry[] = [];
  let lastReport = 0;
  const report = (force: boolean): void => {
    progress.elapsedMs = performance.now() - started;
    if (options.onProgress && (force || progress.elapsedMs - lastReport >= (options.progressEveryMs ?? 200))) {
      lastReport = progress.elapsedMs;
      options.onProgress({ ...progress });
    }
  };
  const put = async (entries: ArticleEntry[]): Promise<Array<PutResult | null>> => {
    try {
      return await store.putArticles(entries);
    } catch (err) {
      if (!(err instanceof DyadError) || entries.length === 1) {
        if (err instanceof DyadError && entries[0] !== undefined) {
          // the message without the "E600 id: " the error opens with: formatProblem prints code and input once
          problems.push({ code: err.code, input: entries[0].article.id, message: reasonOf(err), stage: 'store' });
          progress.failed++;
          return [null];
        }
        throw err;
      }
      // one bad article (say, an id reused for other content) must not sink the batch: write them one by one
      const out: Array<PutResult | null> = [];
      for (const entry of entries) out.push(...(await put([entry])));
      return out;
    }
  };
  const linker = options.cluster === false ? null : await MentionLinker.open(store, { kinds, capacity: options.linkCapacity });
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const results = await put(batch);
    // stored, the store's index finds them; refused, nothing is a copy of them
    nearIndex.forget(batch.map((entry) => entry.article.id));
    await linker?.addBatch(batch, results);
    results.forEach((r, i) => {
      const entry = batch[i] as ArticleEntry;
      if (r === null) return;
      if (!r.new) progress.duplicates++;
      else if (entry.meta.nearDuplicateOf) progress.nearDuplicates++;
      else {
        progress.new++;
        progress.events += r.events;
      }
    });
    batch = [];
    batchHashes.clear();
  };

  const coding = decideEntries(readInputs(inputs, { date: options.date ?? null, ...(options.stdin ? { stdin: options.stdin } : {}) }), {
    store, nearIndex, coder, unstored: batchHashes, inFlight: options.inFlight ?? 1,
  });
  for await (const decided of coding) {
    if (decided.kind === 'problem') {
      // an input that could not be read, or an article past its budget (tokens, time): a problem; the run goes on
      problems.push(decided.problem);
      progress.failed++;
      if (decided.coded) progress.read++;
      report(false);
      continue;
    }
    progress.read++;
    if (decided.kind === 'duplicate') {
      progress.duplicates++;
      report(false);
      continue;
    }
    for (const warning of [...decided.inputWarnings, ...decided.warnings]) options.onWarning?.(warning);
    batch.push(decided.entry);
    batchHashes.add(decided.entry.meta.hash);
    if (batch.length >= batchSize) await flush();
    report(false);
  }
  await flush();
  const linked = linker === null ? null : await linker.finish();
  report(true);
  return { ...progress, problems, clusters: linked?.clusters ?? null, threads: linked?.threads ?? null };
}

/** A DyadError's message without its "CODE input[:line]: " prefix. */
function reasonOf(err: DyadError): string {
  const prefix = `${err.code} ${err.input}${err.line !== undefined ? `:${err.line}` : ''}: `;
  return err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
}
