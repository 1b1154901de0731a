// Store: the storage interface every database adapter implements — articles + events in, filtered events, actors, dyads out.
//
// Why every method returns a Promise: the default adapter (better-sqlite3) is synchronous, but a server database
// (PostgreSQL through `pg`) can only answer asynchronously. A synchronous interface would force such an adapter to
// block the event loop or to be impossible; an async one costs the SQLite adapter one resolved promise per call,
// which is nothing next to a transaction. Each call is complete and atomic on its own. A caller that needs several
// calls to commit together (re-coding an article and settling its clusters) wraps them in `transaction(fn)`: the one
// place an adapter holds a connection (SQLite: its only one; PostgreSQL: one client of the pool) across user code.
//
// An adapter only stores and queries. What the rows mean for linking — which mentions make one event, how an event
// is summarised, what the threads are — is decided above it (src/link, src/pipeline), so that every adapter stores
// the same results and a new database needs no copy of that logic.
//
// Two levels, now and later (issue 5): today every stored event is one *mention* — one sentence of one article
// saying that one source did one thing to one target. Clustering will add a second level, the *event* (one
// happening, many mentions) and *threads* (request → offer → delivery). The plan, which needs no rewrite:
//   - a migration adds `event_clusters` (id, dyad countries, root, best date + precision, first/last report,
//     mention count, independent-source count, confidence, merged items) and a nullable `events.cluster` column
//     (SQLite ALTER TABLE ADD COLUMN is constant time); the `events` table *is* the mentions table;
//   - a migration adds `threads` (id, supplier, recipient, item kind, status, opened, last step) and
//     `thread_steps` (thread, cluster, step order, role: request|offer|pledge|agreement|condition|delivery|refusal|…,
//     related: boolean for third parties);
//   - the Store gains `applyClusterChange`/`clusters` (the events level) and `putThreads`/`threads`; EventFilter
//     stays as it is and applies to both levels (`queryEvents` is the mentions level).
// Done in migration 2 (sqlite/migrations.ts) and sqlite/cluster-store.ts.

import type { Article, Correction, EventRecord } from '../types/index.js';
import type { Cluster, ClusterChange, ItemKind, MentionInput, Thread } from '../types/link.js';
import type { ActorCount, ArticleRef, DyadRow, EventPage, EventRank, Period, ReportRank, StoreStats } from '../types/query.js';

// The rows queries answer live in src/types (the API and the UI read them too); named here as well for the adapters.
export type { ActorCount, ArticleRef, DyadRow, EventPage, Period, StoreStats };

/**
 * Which events to return. Every field is optional; fields combine with AND, values inside one list with OR.
 *
 * Actor matching (`source`, `target`, `actor`): a value matches an actor when the actor code starts with it
 * (`CHN` matches `CHN`, `CHNGOV`, `CHNMIL`; `CHNGOV` matches `CHNGOV` and `CHNGOVMIL`) or when it equals the
 * actor's country (`SOM` matches a group coded `SHABAAB` whose country is SOM). Values are upper-cased.
 *
 * Dates (`since`, `until`): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, both inclusive. An event counts only when its
 * date, at its own precision, lies wholly inside the range: with `since: '2019-06'` an event dated `2019` (year
 * only) is left out, because it may have happened before June. Undated events are left out by any date bound.
 */
export interface EventFilter {
  source?: string[];
  target?: string[];
  /** Either side. */
  actor?: string[];
  /** CAMEO codes: exact (`0231`) or prefix patterns ending in `*` (`02*`, `07*`). */
  code?: string[];
  /** Two-digit CAMEO roots (`02`). */
  root?: string[];
  quad?: number[];
  since?: string;
  until?: string;
  /** Full-text search over the evidence sentences (all words must occur). */
  text?: string;
  /** Words of an item's kind, model or text, as a phrase, plurals folded (`helicopter` matches kind `attack-helicopter` and "two helicopters"; `Mi-35` the model). */
  item?: string;
  status?: string[];
  modality?: string[];
  /** One article (document id). */
  doc?: string;
}

/** Sort orders for events; `ingested` (the default) is storage order and the cheapest. A `-` reverses. */
export type EventSort = 'ingested' | 'date' | '-date' | 'goldstein' | '-goldstein';

/** Paging and order for event queries. Use either `offset` or `cursor` (keyset paging, stable under inserts). */
export interface QueryOptions {
  sort?: EventSort;
  /** At most this many events (default 100, at most 10,000 per page). */
  limit?: number;
  offset?: number;
  /** The `next` of a previous page with the same filter and sort. */
  cursor?: string | null;
}

/** A sentence boundary in the article text (half-open offsets), so that every sentence can be searched. */
export interface SentenceSpan {
  index: number;
  start: number;
  end: number;
}

/** What the store needs besides the article itself. */
export interface ArticleMeta {
  /** Content hash of the cleaned text; the store keeps one article per hash. */
  hash: string;
  /** Document id of the first-ingested article this one is a syndicated copy of. */
  nearDuplicateOf?: string | null;
  /** 64-bit SimHash as 16 hexadecimal digits. */
  simhash?: string | null;
  /**
   * The article's MinHash signature (ingest/near-duplicate.ts): stored with it, and its LSH keys indexed, so that a
   * later article finds it as a near-duplicate through `nearKeyMatches`, whichever process asks.
   */
  signature?: Uint32Array | null;
  /** All sentences of the article; when absent, only the sentences events cite are stored (and searchable). */
  sentences?: SentenceSpan[];
}

/** An article with its metadata and events: one unit of ingest, written all or nothing. */
export interface ArticleEntry {
  article: Article;
  meta: ArticleMeta;
  events: EventRecord[];
}

/** The outcome of putting one article. */
export interface PutResult {
  /** False when an article with the same content hash was already stored (nothing was written). */
  new: boolean;
  /** Document id under which the content is stored (the earlier one for a duplicate). */
  id: string;
  /** Events written (0 for a duplicate). */
  events: number;
}

/** An article as stored. */
export interface StoredArticle extends Article {
  hash: string;
  nearDuplicateOf: string | null;
  simhash: string | null;
  /** ISO timestamp of the write. */
  ingestedAt: string;
}

/** An article whose SimHash is close to a given one. */
export interface SimilarArticle {
  id: string;
  simhash: string;
  /** Hamming distance in bits. */
  distance: number;
}

export interface DyadOptions {
  by?: Period;
  /** Pair countries (default; actors without a country fall back to their code) or full actor codes. */
  level?: 'country' | 'actor';
  /** At most this many rows (default 10,000). */
  limit?: number;
}

/** A sentence found by full-text search. */
export interface SentenceHit {
  doc: string;
  index: number;
  start: number;
  end: number;
  text: string;
  /** Ids of the events coded from this sentence. */
  events: string[];
}

/** A stored event as a mention: the coded event, its article's metadata, and its cluster (null until clustered). */
export interface StoredMention extends MentionInput {
  cluster: string | null;
}

/** Sort orders for clusters (events level): by best date, by independent sources (most first), or by id. */
export type ClusterSort = 'date' | '-date' | '-sources' | 'id';

/** Paging and order for cluster queries. */
export interface ClusterQueryOptions {
  sort?: ClusterSort;
  /** At most this many clusters (default 100, at most 10,000). */
  limit?: number;
  offset?: number;
}

/**
 * Which threads to return; fields combine with AND. `party` matches the supplier or the recipient (upper-cased
 * country or code); `kind` an item kind named in a step or the kind of help (`military`, `economic`, …);
 * `status` a ThreadStatus; `since`/`until` (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) keep threads with a step in the period.
 */
export interface ThreadFilter {
  party?: string;
  kind?: string;
  status?: string;
  since?: string;
  until?: string;
}

/** Which stored threads `putThreads` replaces: every one, or those to the given recipients. */
export interface PutThreadsOptions {
  recipients?: readonly string[];
}

/** Paging of threads: without a limit, every matching thread. */
export interface ThreadQueryOptions {
  /** At most this many threads (at most 10,000). */
  limit?: number;
  offset?: number;
}

/** How to take the writer lock when another process holds it. */
export interface WriterLockOptions {
  /** Wait until it is free (default: refuse at once with E601). */
  wait?: boolean;
  /** Called once, when the lock is held elsewhere and the caller waits, with a message saying so. */
  onWait?: (message: string) => void;
  /** Milliseconds between tries while waiting (adapters choose a default). */
  pollMs?: number;
}

/** The right to be a store's only linking writer; freed by `release()` or when the process ends, however it ends. */
export interface WriterLock {
  release(): Promise<void>;
}

/**
 * The storage behind Dyad. Adapters: `sqlite/` (default). An adapter is opened by its factory
 * (`openSqliteStore(path)`), which creates the schema or applies pending migrations, and closed with `close()`.
 * All methods are atomic; errors are DyadError E600.
 */
export interface Store {
  /** Where the data lives (a path, `:memory:`, or a URL without credentials), for messages. */
  readonly location: string;
  /**
   * Takes the writer lock: a writer that links what it stores (an ingest, a server storing posted articles) keeps
   * state that follows the store only while no other such writer runs, so each takes this first and holds it to
   * the end. Held elsewhere: throws E601, or with `wait` waits (telling `onWait`). Closing the store releases it.
   */
  acquireWriter(options?: WriterLockOptions): Promise<WriterLock>;
  /**
   * A cheap mark of what others wrote: it changes whenever another connection (another process) stores, replaces or
   * links anything, so that a long-lived writer (the server's linker) knows its state must be read from the store
   * again. Compare marks taken through the same store object.
   */
  changeMark(): Promise<string>;
  /** The sequence of the last message of queue stream `stream` whose article is stored (0 before any). */
  queuePosition(stream: string): Promise<number>;
  /**
   * Records how far a queue stream is stored. Call it in the `transaction` that stores those messages' articles: the
   * position then moves exactly when they are stored, and a worker killed at any moment resumes after the last commit.
   */
  setQueuePosition(stream: string, seq: number): Promise<void>;
  /**
   * Stores an article with all its sentences and events in ONE transaction: after a crash at any moment either
   * all of it is there or none of it. Idempotent on `meta.hash`: a second put of the same content writes nothing
   * and returns `new: false`. Throws E600 when the document id is taken by different content, when an event's
   * `doc` is not the article id, or when an event id is already stored.
   */
  putArticle(article: Article, meta: ArticleMeta, events?: EventRecord[]): Promise<PutResult>;
  /** Several articles in one transaction (faster ingest); all or nothing for the batch. */
  putArticles(entries: ArticleEntry[]): Promise<PutResult[]>;
  /**
   * Replaces the events of a stored article (re-coding), in one transaction; returns the number written. Storage
   * only: the old events leave their clusters' rows as they were and the new ones belong to none; settle the
   * clusters in the same transaction (`recodeArticle` in src/pipeline does both).
   */
  putEvents(articleId: string, events: EventRecord[]): Promise<number>;
  /**
   * Runs `fn` as ONE transaction: every call made through the store it is given commits when `fn` resolves, or
   * none does when it throws (the error is passed on). Inside `fn` a nested `transaction` is a savepoint. One
   * transaction runs at a time per store object; calls made meanwhile from outside `fn` must not write.
   */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  hasArticle(hash: string): Promise<boolean>;
  /**
   * Texts of every stored article, syndicated copies included, in storage order, page by page — so that a new
   * ingest run rebuilds exactly the near-duplicate index an uninterrupted run would hold (a copy of a copy is found
   * through the copy, which need not be near the original).
   */
  iterateTexts(options?: { pageSize?: number }): AsyncIterable<{ id: string; text: string }>;
  /**
   * The near-duplicate index kept in the store: for each `[key, after]`, the storage positions of the articles
   * indexed under LSH key `key` past position `after`, in storage order, at most `limit` (1 to 1,000) per key.
   * A position is an article's place in storage order (positive, increasing).
   */
  nearKeyMatches(cursors: ReadonlyArray<readonly [key: number, after: number]>, limit: number): Promise<Array<{ key: number; position: number }>>;
  /** The ids and stored signatures of the articles at these storage positions (unknown ones and those without a signature left out). */
  nearSignatures(positions: readonly number[]): Promise<Array<{ position: number; id: string; signature: Uint32Array }>>;
  /** Articles stored without a signature (written before signatures were kept), in storage order: to be signed once. */
  unsignedArticles(options?: { pageSize?: number }): AsyncIterable<{ position: number; id: string; text: string }>;
  /** Stores the signature of the article at `position` and indexes its LSH keys. */
  putSignature(position: number, signature: Uint32Array): Promise<void>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Citation fields of the stored articles among `ids` (unknown ids are left out), in the order asked, without their text. */
  articleRefs(ids: readonly string[]): Promise<ArticleRef[]>;
  /** Stored articles whose SimHash differs from `simhash` in at most `maxDistance` bits (default 3, at most 3). */
  similarArticles(simhash: string, maxDistance?: number): Promise<SimilarArticle[]>;
  queryEvents(filter: EventFilter, options?: QueryOptions): Promise<EventPage>;
  /** Every matching event, fetched page by page (no connection is held between pages). */
  iterateEvents(filter: EventFilter, options?: { sort?: EventSort; pageSize?: number }): AsyncIterable<EventRecord>;
  countEvents(filter: EventFilter): Promise<number>;
  /** One stored event (a mention) by its id, or null; a lookup on the id, whatever the size of the store. */
  getEvent(id: string): Promise<EventRecord | null>;
  /** Several stored events (mentions) at once: each asked id that `getEvent` answers → that event; unknown ids left out. */
  eventsById(ids: readonly string[]): Promise<Map<string, EventRecord>>;
  /** Actors of the matching events, most frequent first. */
  actors(filter: EventFilter, options?: { limit?: number }): Promise<ActorCount[]>;
  /** Source → target pairs of the matching events per period, by period then count. Events without a target are left out. */
  dyads(filter: EventFilter, options?: DyadOptions): Promise<DyadRow[]>;
  /** Sentences containing all the words of `text`, best match first. */
  searchSentences(text: string, options?: { limit?: number }): Promise<SentenceHit[]>;
  stats(): Promise<StoreStats>;
  /**
   * Stored events (mentions) with their article's outlet, publication date and near-duplicate link, in storage
   * order, page by page — to seed a `Clusterer` when a new ingest run starts.
   */
  iterateMentions(options?: { pageSize?: number }): AsyncIterable<StoredMention>;
  /**
   * Writes what clustering changed, in ONE transaction: removed clusters are deleted, upserted ones written, and
   * each member mention's event row points to its cluster (`events.cluster`).
   */
  applyClusterChange(change: ClusterChange): Promise<void>;
  /**
   * The events level: clusters matching a filter. Code, root, since, until and status apply to the cluster's own
   * best code, date and status; the other fields (actors, quad, text, item, modality, doc) keep clusters with at
   * least one matching mention.
   */
  clusters(filter: EventFilter, options?: ClusterQueryOptions): Promise<Cluster[]>;
  /** Number of clusters matching a filter. */
  countClusters(filter: EventFilter): Promise<number>;
  /** One cluster by id, or null. */
  cluster(id: string): Promise<Cluster | null>;
  /**
   * What choosing the strongest report reads of several clusters (a page of threads names hundreds): each asked id
   * that `cluster` answers → that cluster's `EventRank`; ids it answers with null are left out. One query, where
   * `cluster` per id is one each, and a few columns, where a cluster is dozens.
   */
  eventRanksById(ids: readonly string[]): Promise<Map<string, EventRank>>;
  /** The cluster a stored event (mention) belongs to, or null (unknown id, or not clustered yet). */
  clusterOf(mentionId: string): Promise<Cluster | null>;
  /** The mentions (stored events) of a cluster, in storage order; empty for an unknown id. */
  mentionsOf(clusterId: string): Promise<EventRecord[]>;
  /**
   * The mentions of several clusters at once (an export reads thousands): each asked id → its mentions in storage
   * order, as `mentionsOf` gives them; an unknown id maps to an empty list. Repeated ids are answered once.
   */
  mentionsOfMany(clusterIds: readonly string[]): Promise<Map<string, EventRecord[]>>;
  /**
   * The mentions of several clusters as `mentionsOfMany` gives them, in the same order, but only what choosing the
   * strongest report reads (`ReportRank`): a list shows each event's strongest report without reading every report whole.
   */
  reportRanksOfMany(clusterIds: readonly string[]): Promise<Map<string, ReportRank[]>>;
  /**
   * Replaces all threads with these, in one transaction; with `recipients`, only the threads to one of them (each
   * of `threads` must have one of those recipients): how a few changed events update their threads alone.
   */
  putThreads(threads: readonly Thread[], options?: PutThreadsOptions): Promise<void>;
  /** Threads matching a filter, most recent last step first. Throws E600 for a malformed filter value. */
  threads(filter?: ThreadFilter, options?: ThreadQueryOptions): Promise<Thread[]>;
  /** Number of threads matching a filter. */
  countThreads(filter?: ThreadFilter): Promise<number>;
  /** One thread by id, or null. */
  thread(id: string): Promise<Thread | null>;
  /**
   * Appends analysts' corrections to the store's audit log, in one transaction; a correction whose id is stored
   * already is skipped (importing a file twice adds nothing). The log is append-only: no call edits or removes an
   * entry (a `revert` correction undoes one). Returns how many were new. Applying them is not the adapter's work:
   * see src/corrections (`correctedStore`).
   */
  appendCorrections(corrections: readonly Correction[]): Promise<number>;
  /** The correction log, in the order it was appended. */
  corrections(): Promise<Correction[]>;
  /**
   * The item kinds the store's reports were coded and linked with beyond Dyad's own: those a user's lexicon
   * (equipment.yaml of a `--lexicon` folder) added or defined otherwise, by kind. Empty for a store coded with Dyad's
   * own kinds alone, and for one made before they were recorded. Every reader that links (threads rebuilt, events
   * summarised again, corrections applied) builds its kind tree from Dyad's kinds with these (src/link/kind-tree.ts).
   */
  lexiconKinds(): Promise<ItemKind[]>;
  /**
   * Records the item kinds of `lexiconKinds`, replacing what was recorded, in one transaction. Storage only: whether
   * a lexicon may be coded into the store with them is decided above it (pipeline/settle-kinds.ts). Throws E602 for
   * a malformed kind or one given twice.
   */
  putLexiconKinds(kinds: readonly ItemKind[]): Promise<void>;
  close(): Promise<void>;
}
