// Store (SQLite): the default Store adapter — one file (or :memory:), WAL, prepared statements; articles + events in, queries out.

import { argumentError } from '../argument-error.js';
import { DyadError } from '../../types/index.js';
import type { Article, Correction, EventRank, EventRecord, ReportRank } from '../../types/index.js';
import { itemKindOf, itemKindRows, type ItemKindRow } from '../item-kind-rows.js';
import { correctionRows, type CorrectionRow } from '../correction-rows.js';
import { lastDay, normalizeEventFilter, searchWords, sinceBound, type NormalizedFilter } from '../event-filter.js';
import type {
  ActorCount, ArticleEntry, ArticleMeta, ArticleRef, ClusterQueryOptions, DyadOptions, DyadRow, EventFilter, EventPage, EventSort, PutResult,
  PutThreadsOptions, QueryOptions, SentenceHit, SimilarArticle, Store, StoreStats, StoredArticle, StoredMention, ThreadFilter, ThreadQueryOptions,
  WriterLock, WriterLockOptions,
} from '../store.js';
import type { Cluster, ClusterChange, ItemKind, Thread } from '../../types/link.js';
import {
  countClusters, eventRanksWithIds, countThreads, getCluster, getClusterOfMention, getThread, mentionsOfClusters, queryClusters, queryThreads,
  reportRanksOfClusters, writeClusterChange, writeThreads,
} from './cluster-store.js';
import { rowToEvent, selectEvents, type EventRow } from './event-row.js';
import { SORTS, afterCursor, cursorAfter, decodeCursor, eventWhere, periodTerms, whereClause, type SqlPart, type SqlValue } from './event-query.js';
import { DATE_WINDOW, dateWindow } from './date-window.js';
import { dyadSummaryQuery } from './dyad-summary.js';
import { articleRefs, eventsWithIds, getEvent } from './lookups.js';
import { openDatabase, type OpenOptions, type SqliteDatabase, type Statement } from './open-database.js';
import { nearKeyMatches, nearSignatures } from './near-keys.js';
import { deleteEvents, prepareWrites, simhashBands, writeArticle, writeEvents, writeSignature, type WriteStatements } from './write-article.js';
import { acquireSqliteWriter } from './writer-lock.js';

const MAX_PAGE = 10_000;

function isEmpty(filter: NormalizedFilter): boolean {
  return Object.values(filter).every((v) => v === null || (Array.isArray(v) && v.length === 0));
}

function positiveInt(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw argumentError(name, `"${value}" is not a positive whole number`);
  return Math.min(value, max);
}

function checkSort(sort: string): EventSort {
  if (!Object.hasOwn(SORTS, sort)) throw argumentError('sort', `"${sort}" is not one of ${Object.keys(SORTS).join(', ')}`);
  return sort as EventSort;
}

const PERIODS = {
  day: 'substr(e.date, 1, 10)',
  week: "CASE WHEN length(e.date) = 10 THEN strftime('%G-W%V', e.date) ELSE e.date END",
  month: 'substr(e.date, 1, 7)',
  year: 'substr(e.date, 1, 4)',
} as const;

/** The SQLite Store. Construct with `openSqliteStore`. */
export class SqliteStore implements Store {
  readonly location: string;
  readonly #db: SqliteDatabase;
  readonly #writes: WriteStatements;
  readonly #statements = new Map<string, Statement>();

  /** Dated entries a page by date walks before falling back to the filter's own index (see date-window.ts). */
  readonly #dateWindow: number;

  /** False only in tests that compare dyads() from the month counts with dyads() from the events. */
  readonly #useDyadSummary: boolean;

  constructor(db: SqliteDatabase, location: string, options: { dateWindow?: number; dyadSummary?: boolean } = {}) {
    this.#db = db;
    this.location = location;
    this.#writes = prepareWrites(db);
    this.#dateWindow = options.dateWindow ?? DATE_WINDOW;
    this.#useDyadSummary = options.dyadSummary ?? true;
  }

  readonly #writers = new Set<WriterLock>();

  async acquireWriter(options: WriterLockOptions = {}): Promise<WriterLock> {
    if (!this.#db.open) throw new DyadError('E600', this.location, 'the store is closed');
    const lock = await acquireSqliteWriter(this.location, options);
    this.#writers.add(lock);
    return {
      release: async () => {
        this.#writers.delete(lock);
        await lock.release();
      },
    };
  }

  /** A prepared statement for this SQL text, made once (the text depends only on the filter's shape). */
  #prepare(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      if (this.#statements.size >= 500) this.#statements.clear();
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs a call, turning driver errors into E600 naming the database. */
  #run<T>(fn: () => T): T {
    if (!this.#db.open) throw new DyadError('E600', this.location, 'the store is closed');
    try {
      return fn();
    } catch (err) {
      if (err instanceof DyadError) throw err;
      throw new DyadError('E600', this.location, (err as Error).message);
    }
  }

  async putArticle(article: Article, meta: ArticleMeta, events: EventRecord[] = []): Promise<PutResult> {
    return this.#run(() => this.#db.transaction(() => writeArticle(this.#writes, article, meta, events)).immediate());
  }

  async putArticles(entries: ArticleEntry[]): Promise<PutResult[]> {
    return this.#run(() => this.#db.transaction(() => entries.map((e) => writeArticle(this.#writes, e.article, e.meta, e.events))).immediate());
  }

  async putEvents(articleId: string, events: EventRecord[]): Promise<number> {
    return this.#run(() => this.#db.transaction(() => {
      const row = this.#writes.articleById.get(articleId) as { seq: number; text: string } | undefined;
      if (row === undefined) throw new DyadError('E600', articleId, 'no article with this id is stored');
      deleteEvents(this.#writes, row.seq);
      return writeEvents(this.#writes, { id: articleId, text: row.text }, row.seq, events);
    }).immediate());
  }

  async changeMark(): Promise<string> {
    // data_version changes with every commit of another connection, never with this one's own
    return this.#run(() => String(this.#db.pragma('data_version', { simple: true })));
  }

  async queuePosition(stream: string): Promise<number> {
    return this.#run(() => (this.#prepare('SELECT seq FROM queue_positions WHERE stream = ?').get(stream) as { seq: number } | undefined)?.seq ?? 0);
  }

  async setQueuePosition(stream: string, seq: number): Promise<void> {
    if (!Number.isInteger(seq) || seq < 0) throw argumentError('seq', `"${seq}" is not a whole number ≥ 0`);
    this.#run(() => this.#prepare('INSERT INTO queue_positions (stream, seq) VALUES (?, ?) ON CONFLICT (stream) DO UPDATE SET seq = excluded.seq')
      .run(stream, seq));
  }

  async appendCorrections(corrections: readonly Correction[]): Promise<number> {
    const rows = correctionRows(corrections);
    const insert = this.#prepare('INSERT INTO corrections (id, at, author, kind, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING');
    return this.#run(() => this.#db.transaction(() => rows.reduce((added, r) => added + insert.run(r.id, r.at, r.author, r.kind, r.body).changes, 0)).immediate());
  }

  async corrections(): Promise<Correction[]> {
    const rows = this.#run(() => this.#prepare('SELECT body FROM corrections ORDER BY seq').all() as Pick<CorrectionRow, 'body'>[]);
    return rows.map((r) => JSON.parse(r.body) as Correction);
  }

  async lexiconKinds(): Promise<ItemKind[]> {
    return this.#run(() => (this.#prepare('SELECT kind, parent, military, economic FROM lexicon_kinds ORDER BY kind').all() as ItemKindRow[]).map((r) => itemKindOf({ ...r })));
  }

  async putLexiconKinds(kinds: readonly ItemKind[]): Promise<void> {
    const rows = itemKindRows(kinds);
    const insert = this.#prepare('INSERT INTO lexicon_kinds (kind, parent, military, economic) VALUES (?, ?, ?, ?)');
    this.#run(() => this.#db.transaction(() => {
      this.#prepare('DELETE FROM lexicon_kinds').run();
      for (const r of rows) insert.run(r.kind, r.parent, r.military, r.economic);
    }).immediate());
  }

  /** A chain of the transactions begun on this connection: one runs at a time. */
  #transactions: Promise<unknown> = Promise.resolve();

  async transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    // Inside a transaction (a call from `fn`): a savepoint, so that a failing inner part can be undone alone.
    if (this.#db.open && this.#db.inTransaction) return this.#savepoint(fn);
    const run = this.#transactions.then(async () => {
      this.#run(() => this.#db.exec('BEGIN IMMEDIATE'));
      try {
        const result = await fn(this);
        this.#run(() => this.#db.exec('COMMIT'));
        return result;
      } catch (err) {
        if (this.#db.open && this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw err;
      }
    });
    this.#transactions = run.catch(() => undefined);
    return run;
  }

  async #savepoint<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const name = `dyad_${++this.#savepoints}`;
    this.#db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(this);
      this.#db.exec(`RELEASE ${name}`);
      return result;
    } catch (err) {
      if (this.#db.open && this.#db.inTransaction) this.#db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw err;
    }
  }

  #savepoints = 0;

  async hasArticle(hash: string): Promise<boolean> {
    return this.#run(() => this.#writes.articleByHash.get(hash) !== undefined);
  }

  async *iterateTexts(options: { pageSize?: number } = {}): AsyncIterable<{ id: string; text: string }> {
    const pageSize = Math.max(1, Math.min(10_000, options.pageSize ?? 1000));
    let after = 0;
    for (;;) {
      const rows = await this.#run(() => this.#prepare(`SELECT seq, id, text FROM articles
        WHERE seq > ? ORDER BY seq LIMIT ?`).all(after, pageSize) as Array<{ seq: number; id: string; text: string }>);
      for (const row of rows) yield { id: row.id, text: row.text };
      if (rows.length < pageSize) return;
      after = (rows[rows.length - 1] as { seq: number }).seq;
    }
  }

  async nearKeyMatches(cursors: ReadonlyArray<readonly [number, number]>, limit: number): Promise<Array<{ key: number; position: number }>> {
    return this.#run(() => nearKeyMatches((sql) => this.#prepare(sql), cursors, limit));
  }

  async nearSignatures(positions: readonly number[]): Promise<Array<{ position: number; id: string; signature: Uint32Array }>> {
    return this.#run(() => nearSignatures((sql) => this.#prepare(sql), positions));
  }

  async *unsignedArticles(options: { pageSize?: number } = {}): AsyncIterable<{ position: number; id: string; text: string }> {
    const pageSize = Math.max(1, Math.min(10_000, options.pageSize ?? 1000));
    let after = 0;
    for (;;) {
      const rows = await this.#run(() => this.#prepare(`SELECT a.seq, a.id, a.text FROM near_unsigned u JOIN articles a ON a.seq = u.article
        WHERE u.article > ? ORDER BY u.article LIMIT ?`).all(after, pageSize) as Array<{ seq: number; id: string; text: string }>);
      for (const row of rows) yield { position: row.seq, id: row.id, text: row.text };
      if (rows.length < pageSize) return;
      after = (rows[rows.length - 1] as { seq: number }).seq;
    }
  }

  async putSignature(position: number, signature: Uint32Array): Promise<void> {
    this.#run(() => this.#db.transaction(() => writeSignature(this.#writes, position, signature)).immediate());
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    return this.#run(() => {
      const row = this.#prepare(`SELECT id, hash, title, date, url, outlet, byline, dateline, language, text,
        near_duplicate_of, simhash, ingested_at FROM articles WHERE id = ?`).get(id) as Record<string, string | null> | undefined;
      if (row === undefined) return null;
      return {
        id: row.id as string, text: row.text as string, title: row.title ?? null, date: row.date ?? null, url: row.url ?? null,
        source: row.outlet ?? null, byline: row.byline ?? null, dateline: row.dateline ?? null, language: row.language ?? null,
        hash: row.hash as string, nearDuplicateOf: row.near_duplicate_of ?? null, simhash: row.simhash ?? null,
        ingestedAt: row.ingested_at as string,
      };
    });
  }

  async articleRefs(ids: readonly string[]): Promise<ArticleRef[]> {
    return this.#run(() => articleRefs((sql) => this.#prepare(sql), ids));
  }

  async similarArticles(simhash: string, maxDistance = 3): Promise<SimilarArticle[]> {
    return this.#run(() => {
      if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 3) {
        throw argumentError('simhash', `distance ${maxDistance} is not 0 to 3 (the bands find no more)`);
      }
      const bands = simhashBands(simhash);
      const rows = this.#prepare('SELECT id, simhash FROM articles WHERE sim0 = ? OR sim1 = ? OR sim2 = ? OR sim3 = ?')
        .all(...bands) as { id: string; simhash: string }[];
      const target = BigInt(`0x${simhash}`);
      return rows
        .map((row) => ({ id: row.id, simhash: row.simhash, distance: popcount(BigInt(`0x${row.simhash}`) ^ target) }))
        .filter((row) => row.distance <= maxDistance)
        .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1));
    });
  }

  /** A checked event query: filter, sort, page size, offset, cursor and its keyset condition. */
  #eventParts(filter: EventFilter, options: QueryOptions) {
    const normalized = normalizeEventFilter(filter);
    const sort = checkSort(options.sort ?? 'ingested');
    const limit = positiveInt('limit', options.limit, 100, MAX_PAGE);
    const offset = options.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw argumentError('offset', `"${offset}" is not a whole number ≥ 0`);
    const cursor = options.cursor ? decodeCursor(options.cursor, sort) : null;
    const after: SqlPart = cursor ? afterCursor(cursor) : { sql: '', params: [] };
    return { normalized, sort, limit, offset, cursor, after };
  }

  /** The SELECT of an event query, with its parameters (shared by queryEvents and explain). */
  #eventQuery(filter: EventFilter, options: QueryOptions): { query: SqlPart; sort: EventSort; limit: number } {
    const { normalized, sort, limit, offset, after } = this.#eventParts(filter, options);
    const where = whereClause(eventWhere(normalized), after);
    return { query: { sql: selectEvents(where.sql, SORTS[sort].order), params: [...where.params, limit + 1, offset] }, sort, limit };
  }

  /**
   * The date-window form of a page by date (see date-window.ts), or null when it does not apply: another sort, one
   * article's events (a few rows), a filter of the period alone (the ordinary query walks the date index and stops at
   * the page's end: probing a window would walk up to `dateWindow` entries for nothing), a cursor at undated events,
   * or a period holding no more than a window.
   */
  #windowQuery(filter: EventFilter, options: QueryOptions): SqlPart | null {
    const { normalized, sort, limit, offset, cursor } = this.#eventParts(filter, options);
    if ((sort !== 'date' && sort !== '-date') || normalized.doc !== null || (cursor !== null && cursor.value === null)) return null;
    if (isEmpty({ ...normalized, since: null, until: null })) return null;
    const descending = sort === '-date';
    const size = Math.max(this.#dateWindow, offset + limit + 1);
    const from: SqlPart = cursor === null ? { sql: '', params: [] } : { sql: `e.date ${descending ? '<=' : '>='} ?`, params: [cursor.value] };
    const window = dateWindow((sql) => this.#prepare(sql), descending, normalized, from, size);
    if (window === null) return null;
    // SQLite walks one range of the date index and stops at its ends; of two bounds on one side it takes one as the
    // range and merely tests the other on every entry. So each side keeps one bound. Far side: the window bound,
    // which lies inside the period (the period's bound there goes). Near side: the cursor or the period's bound,
    // whichever is tighter (the other is then true of every row in range). Inside the window every date is known,
    // so the cursor needs no branch for undated events.
    // The period's near bound as a date string range: `e.date <= D` (D its last day in full) newest first, `e.date >= B` oldest first.
    const periodEnd = descending ? (normalized.until === null ? null : lastDay(normalized.until)) : (normalized.since === null ? null : sinceBound(normalized.since));
    const cursorNearer = cursor !== null && (periodEnd === null || (descending ? (cursor.value as string) <= periodEnd : (cursor.value as string) >= periodEnd));
    const after: SqlPart = cursorNearer && cursor !== null
      ? { sql: `(e.date, e.seq) ${descending ? '<' : '>'} (?, ?)`, params: [cursor.value, cursor.seq] } : { sql: '', params: [] };
    const bounded: NormalizedFilter = {
      ...normalized,
      since: descending || cursorNearer ? null : normalized.since,
      until: !descending || cursorNearer ? null : normalized.until,
    };
    // The period's days still decide what is inside where its string bound went (`2020` sorts inside until 2020-06
    // yet ends after it): tests on the covering index, not ranges.
    const days = periodTerms('e', { since: bounded.since === null ? normalized.since : null, until: bounded.until === null ? normalized.until : null }, { seek: false });
    const where = whereClause(eventWhere(bounded), after, window, days);
    return { sql: selectEvents(where.sql, SORTS[sort].order, 'INDEXED BY events_date'), params: [...where.params, limit + 1, offset] };
  }

  async queryEvents(filter: EventFilter, options: QueryOptions = {}): Promise<EventPage> {
    return this.#run(() => {
      const windowed = this.#windowQuery(filter, options);
      let rows = windowed === null ? [] : this.#prepare(windowed.sql).all(...windowed.params) as EventRow[];
      const { query, sort, limit } = this.#eventQuery(filter, options);
      // A window short of a full page (and of the row telling whether there is a next one) proves nothing: ask again.
      if (rows.length <= limit) rows = this.#prepare(query.sql).all(...query.params) as EventRow[];
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { events: page.map(rowToEvent), next: rows.length > limit && last !== undefined ? cursorAfter(sort, last) : null };
    });
  }

  async *iterateEvents(filter: EventFilter, options: { sort?: EventSort; pageSize?: number } = {}): AsyncIterable<EventRecord> {
    let cursor: string | null = null;
    do {
      const page: EventPage = await this.queryEvents(filter, { sort: options.sort ?? 'ingested', limit: options.pageSize ?? 1000, cursor });
      yield* page.events;
      cursor = page.next;
    } while (cursor !== null);
  }

  /**
   * The query plan of an event query, one line per step (SQLite only; for tests and tuning): the ordinary query, or
   * with `window` the date-window query a page by date tries first (empty when it does not apply).
   */
  explain(filter: EventFilter, options: QueryOptions = {}, { window = false } = {}): string[] {
    return this.#run(() => {
      const query = window ? this.#windowQuery(filter, options) : this.#eventQuery(filter, options).query;
      if (query === null) return [];
      const rows = this.#db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[];
      return rows.map((r) => r.detail);
    });
  }

  async countEvents(filter: EventFilter): Promise<number> {
    return this.#run(() => {
      const where = whereClause(eventWhere(normalizeEventFilter(filter)));
      return (this.#prepare(`SELECT count(*) AS n FROM events e ${where.sql}`).get(...where.params) as { n: number }).n;
    });
  }

  async getEvent(id: string): Promise<EventRecord | null> {
    return this.#run(() => getEvent((sql) => this.#prepare(sql), id));
  }

  async eventsById(ids: readonly string[]): Promise<Map<string, EventRecord>> {
    return this.#run(() => eventsWithIds((sql) => this.#prepare(sql), ids));
  }

  async actors(filter: EventFilter, options: { limit?: number } = {}): Promise<ActorCount[]> {
    return this.#run(() => {
      const normalized = normalizeEventFilter(filter);
      const limit = positiveInt('limit', options.limit, 100, 1_000_000);
      type Row = { code: string; name: string; country: string | null; sector: string | null; as_source: number; as_target: number };
      let rows: Row[];
      if (isEmpty(normalized)) {
        // The running counts kept by every write answer the unfiltered question without touching events.
        rows = this.#prepare(`SELECT code, name, country, sector, as_source, as_target FROM actors
          WHERE as_source + as_target > 0 ORDER BY as_source + as_target DESC, code, name LIMIT ?`).all(limit) as Row[];
      } else {
        const where = whereClause(eventWhere(normalized));
        const withTarget = whereClause(eventWhere(normalized), { sql: 'e.target_code IS NOT NULL', params: [] });
        rows = this.#prepare(`SELECT code, name, max(country) AS country, max(sector) AS sector,
            sum(src) AS as_source, sum(tgt) AS as_target FROM (
          SELECT e.source_code AS code, e.source_name AS name, e.source_country AS country, e.source_sector AS sector, 1 AS src, 0 AS tgt
            FROM events e ${where.sql}
          UNION ALL
          SELECT e.target_code, e.target_name, e.target_country, e.target_sector, 0, 1 FROM events e ${withTarget.sql}
        ) GROUP BY code, name ORDER BY sum(src) + sum(tgt) DESC, code, name LIMIT ?`).all(...where.params, ...withTarget.params, limit) as Row[];
      }
      return rows.map((r) => ({
        code: r.code, name: r.name, country: r.country, sector: r.sector,
        asSource: r.as_source, asTarget: r.as_target, total: r.as_source + r.as_target,
      }));
    });
  }

  async dyads(filter: EventFilter, options: DyadOptions = {}): Promise<DyadRow[]> {
    return this.#run(() => {
      const by = options.by ?? 'month';
      if (!Object.hasOwn(PERIODS, by)) throw argumentError('by', `"${by}" is not one of ${Object.keys(PERIODS).join(', ')}`);
      const level = options.level ?? 'country';
      if (level !== 'country' && level !== 'actor') throw argumentError('level', `"${String(level)}" is not country or actor`);
      const limit = positiveInt('limit', options.limit, 10_000, 1_000_000);
      const side = (s: 'source' | 'target'): string => (level === 'country' ? `coalesce(e.${s}_country, e.${s}_code)` : `e.${s}_code`);
      const normalized = normalizeEventFilter(filter);
      type Row = { source: string; target: string; period: string | null; n: number; mean: number; q1: number; q2: number; q3: number; q4: number };
      // Countries by month or year: from the running month counts when they can answer (dyad-summary.ts).
      const summary = this.#useDyadSummary ? dyadSummaryQuery((sql) => this.#prepare(sql), normalized, by, level) : null;
      const where = whereClause(eventWhere(normalized), { sql: 'e.target_code IS NOT NULL', params: [] });
      const rows = summary !== null
        ? this.#prepare(summary.sql).all(...summary.params, limit) as Row[]
        : this.#prepare(`SELECT ${side('source')} AS source, ${side('target')} AS target, ${PERIODS[by]} AS period,
            count(*) AS n, avg(e.goldstein) AS mean,
            sum(e.quad = 1) AS q1, sum(e.quad = 2) AS q2, sum(e.quad = 3) AS q3, sum(e.quad = 4) AS q4
          FROM events e ${where.sql}
          GROUP BY 1, 2, 3 ORDER BY period IS NULL, period, n DESC, source, target LIMIT ?`)
          .all(...where.params, limit) as Row[];
      return rows.map((r) => ({
        source: r.source, target: r.target, period: r.period, count: r.n, goldsteinMean: r.mean,
        quadShares: [r.q1 / r.n, r.q2 / r.n, r.q3 / r.n, r.q4 / r.n] as [number, number, number, number],
      }));
    });
  }

  async searchSentences(text: string, options: { limit?: number } = {}): Promise<SentenceHit[]> {
    return this.#run(() => {
      const words = searchWords(text);
      if (words.length === 0) throw argumentError('text', `"${text}" has no words to search for`);
      const limit = positiveInt('limit', options.limit, 20, MAX_PAGE);
      const rows = this.#prepare(`SELECT a.id AS doc, s.idx, s.start, s."end" AS "end", s.text,
          (SELECT json_group_array(e.id) FROM events e WHERE e.article = s.article AND e.sentence = s.idx) AS events
        FROM sentences_fts f JOIN sentences s ON s.seq = f.rowid JOIN articles a ON a.seq = s.article
        WHERE sentences_fts MATCH ? ORDER BY bm25(sentences_fts), s.seq LIMIT ?`)
        .all(words.map((w) => `"${w}"`).join(' '), limit) as { doc: string; idx: number; start: number; end: number; text: string; events: string }[];
      return rows.map((r) => ({ doc: r.doc, index: r.idx, start: r.start, end: r.end, text: r.text, events: JSON.parse(r.events) as string[] }));
    });
  }

  async stats(): Promise<StoreStats> {
    return this.#run(() => {
      const count = (sql: string): number => (this.#prepare(sql).get() as { n: number }).n;
      const range = this.#prepare('SELECT min(date) AS first, max(date) AS last FROM events').get() as { first: string | null; last: string | null };
      return {
        schemaVersion: count('SELECT max(version) AS n FROM schema_version'),
        articles: count('SELECT count(*) AS n FROM articles'),
        nearDuplicates: count('SELECT count(*) AS n FROM articles WHERE near_duplicate_of IS NOT NULL'),
        sentences: count('SELECT count(*) AS n FROM sentences'),
        events: count('SELECT count(*) AS n FROM events'),
        items: count('SELECT count(*) AS n FROM event_items'),
        actors: count('SELECT count(*) AS n FROM actors WHERE as_source + as_target > 0'),
        firstDate: range.first,
        lastDate: range.last,
      };
    });
  }

  async *iterateMentions(options: { pageSize?: number } = {}): AsyncIterable<StoredMention> {
    const pageSize = positiveInt('pageSize', options.pageSize, 1000, MAX_PAGE);
    let cursor: string | null = null;
    let meta = { doc: '', outlet: null as string | null, date: null as string | null, near: null as string | null };
    do {
      const { query, limit } = this.#eventQuery({}, { sort: 'ingested', limit: pageSize, cursor });
      const rows = await this.#run(() => this.#prepare(query.sql).all(...query.params) as Array<EventRow & { cluster: string | null }>);
      for (const row of rows.slice(0, limit)) {
        // Events of one article are stored together: look its metadata up once.
        if (row.doc !== meta.doc) {
          const found = await this.#run(() => this.#prepare('SELECT outlet, date, near_duplicate_of AS near FROM articles WHERE id = ?')
            .get(row.doc) as { outlet: string | null; date: string | null; near: string | null });
          meta = { doc: row.doc, ...found };
        }
        yield { event: rowToEvent(row), outlet: meta.outlet, published: meta.date, nearDuplicateOf: meta.near, cluster: row.cluster };
      }
      const last = rows[limit - 1];
      cursor = rows.length > limit && last !== undefined ? cursorAfter('ingested', last) : null;
    } while (cursor !== null);
  }

  async applyClusterChange(change: ClusterChange): Promise<void> {
    this.#run(() => this.#db.transaction(() => writeClusterChange((sql) => this.#prepare(sql), change)).immediate());
  }

  async clusters(filter: EventFilter, options: ClusterQueryOptions = {}): Promise<Cluster[]> {
    return this.#run(() => queryClusters((sql) => this.#prepare(sql), normalizeEventFilter(filter), options,
      positiveInt('limit', options.limit, 100, MAX_PAGE)));
  }

  async countClusters(filter: EventFilter): Promise<number> {
    return this.#run(() => countClusters((sql) => this.#prepare(sql), normalizeEventFilter(filter)));
  }

  async cluster(id: string): Promise<Cluster | null> {
    return this.#run(() => getCluster((sql) => this.#prepare(sql), id));
  }

  async eventRanksById(ids: readonly string[]): Promise<Map<string, EventRank>> {
    return this.#run(() => eventRanksWithIds((sql) => this.#prepare(sql), ids));
  }

  async clusterOf(mentionId: string): Promise<Cluster | null> {
    return this.#run(() => getClusterOfMention((sql) => this.#prepare(sql), mentionId));
  }

  async mentionsOf(clusterId: string): Promise<EventRecord[]> {
    return this.#run(() => {
      const rows = this.#prepare(selectEvents('WHERE e.cluster = ?', 'e.seq')).all(clusterId, MAX_PAGE, 0) as EventRow[];
      return rows.map(rowToEvent);
    });
  }

  async mentionsOfMany(clusterIds: readonly string[]): Promise<Map<string, EventRecord[]>> {
    return this.#run(() => mentionsOfClusters((sql) => this.#prepare(sql), clusterIds));
  }

  async reportRanksOfMany(clusterIds: readonly string[]): Promise<Map<string, ReportRank[]>> {
    return this.#run(() => reportRanksOfClusters((sql) => this.#prepare(sql), clusterIds));
  }

  async putThreads(threads: readonly Thread[], options: PutThreadsOptions = {}): Promise<void> {
    this.#run(() => this.#db.transaction(() => writeThreads((sql) => this.#prepare(sql), threads, options.recipients)).immediate());
  }

  async threads(filter: ThreadFilter = {}, options: ThreadQueryOptions = {}): Promise<Thread[]> {
    return this.#run(() => queryThreads((sql) => this.#prepare(sql), filter,
      { ...options, ...(options.limit === undefined ? {} : { limit: positiveInt('limit', options.limit, 100, MAX_PAGE) }) }));
  }

  async countThreads(filter: ThreadFilter = {}): Promise<number> {
    return this.#run(() => countThreads((sql) => this.#prepare(sql), filter));
  }

  async thread(id: string): Promise<Thread | null> {
    return this.#run(() => getThread((sql) => this.#prepare(sql), id));
  }

  /** Closes the connection. (No PRAGMA optimize: it would ANALYZE and replace the fixed planner statistics.) */
  async close(): Promise<void> {
    for (const lock of this.#writers) await lock.release();
    this.#writers.clear();
    if (this.#db.open) this.#db.close();
  }
}

function popcount(value: bigint): number {
  let bits = 0;
  for (let v = value; v > 0n; v >>= 1n) bits += Number(v & 1n);
  return bits;
}

/**
 * Opens the SQLite store at `path` (default `./dyad.db`; `:memory:` for a throw-away store), creating and
 * migrating it as needed. Throws DyadError E600 naming the path when the file is not a Dyad store (it is never
 * overwritten), or, with `mustExist`, when there is no file.
 */
export async function openSqliteStore(path = './dyad.db', options: OpenOptions = {}): Promise<SqliteStore> {
  return new SqliteStore(openDatabase(path, options), path);
}

export type { OpenOptions, SqlValue };
