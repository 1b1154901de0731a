// Store (PostgreSQL): the server Store adapter — a pool of connections to one database; articles + events in, queries out.

import type { Cluster, ClusterChange, ItemKind, Thread } from '../../types/link.js';
import { DyadError } from '../../types/index.js';
import type { Article, Correction, EventRank, EventRecord, ReportRank } from '../../types/index.js';
import { itemKindOf, itemKindRows } from '../item-kind-rows.js';
import { correctionRows } from '../correction-rows.js';
import { argumentError } from '../argument-error.js';
import { normalizeEventFilter, searchWords } from '../event-filter.js';
import { afterCursor, cursorAfter, decodeCursor, SORTS } from '../sqlite/event-query.js';
import { rowToEvent, type EventRow } from '../sqlite/event-row.js';
import { simhashBands } from '../sqlite/write-article.js';
import { pgWriteBatch } from './pg-write-batch.js';
import { pgNearKeyMatches, pgNearSignatures, pgWriteSignature } from './pg-near-keys.js';
import type {
  ActorCount, ArticleEntry, ArticleMeta, ArticleRef, ClusterQueryOptions, DyadOptions, DyadRow, EventFilter, EventPage, EventSort, PutResult,
  PutThreadsOptions, QueryOptions, SentenceHit, SimilarArticle, Store, StoreStats, StoredArticle, StoredMention, ThreadFilter, ThreadQueryOptions,
  WriterLock, WriterLockOptions,
} from '../store.js';
import {
  pgClusterOfMention, pgCountClusters, pgEventRanksWithIds, pgCountThreads, pgGetCluster, pgGetThread, pgQueryClusters, pgQueryThreads,
  pgReportRanksOfClusters, pgWriteClusterChange, pgWriteThreads,
} from './pg-clusters.js';
import { createPool, numbered, safeLocation, storeError, type Connection, type Pool, type Queryable, type Row, type SqlParam } from './pg-driver.js';
import { PG_EVENT_ORDER, pgEventWhere, pgWhere, type SqlPart } from './pg-query.js';
import { migratePostgres } from './pg-schema.js';
import { pgWriteArticle, pgWriteEvents } from './pg-write.js';

const MAX_PAGE = 10_000;
/** Advisory lock key of the writer lock (one store per database). */
const WRITER_LOCK = 4_242_002;
const POLL_MS = 250;

function positiveInt(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw argumentError(name, `"${value}" is not a positive whole number`);
  return Math.min(value, max);
}

const PERIODS = {
  day: 'substr(e.date, 1, 10)',
  week: `CASE WHEN length(e.date) = 10 THEN to_char(e.date::date, 'IYYY-"W"IW') ELSE e.date END`,
  month: 'substr(e.date, 1, 7)',
  year: 'substr(e.date, 1, 4)',
} as const;

/**
 * One page of events in full: the page's rows are picked first (filter, order, limit on events alone), then only
 * they are joined to their article, sentence and items, as the SQLite adapter does.
 */
function selectEvents(where: string, order: string): string {
  return `WITH page AS MATERIALIZED (SELECT e.seq FROM events e ${where} ORDER BY ${order} LIMIT ? OFFSET ?)
SELECT e.*, a.id AS doc, a.outlet AS article_outlet, a.date AS article_date, a.near_duplicate_of AS article_near,
  s.start AS sentence_start, s."end" AS sentence_end, s.text AS sentence_text,
  (SELECT json_agg(json_build_array(i.text, i.kind, i.model, i.quantity, i.max, i.approx, i.unit, i.start, i."end") ORDER BY i.ord)
     FROM event_items i WHERE i.event = e.seq)::text AS items
FROM page JOIN events e ON e.seq = page.seq JOIN articles a ON a.seq = e.article
JOIN sentences s ON s.article = e.article AND s.idx = e.sentence
ORDER BY ${order}`;
}

type FullRow = EventRow & { article_outlet: string | null; article_date: string | null; article_near: string | null; cluster: string | null };

/** The PostgreSQL Store. Open with `openPostgresStore(url)`. */
export class PostgresStore implements Store {
  readonly location: string;
  readonly #pool: Pool;
  /** The connection of the open transaction, when this object is the store `transaction(fn)` gives `fn`. */
  readonly #client: Connection | null;
  readonly #writers: Set<WriterLock>;
  #closed = false;
  #savepoints = 0;

  constructor(pool: Pool, location: string, client: Connection | null = null, writers = new Set<WriterLock>()) {
    this.#pool = pool;
    this.location = location;
    this.#client = client;
    this.#writers = writers;
  }

  get #db(): Queryable {
    if (this.#closed) throw new DyadError('E600', this.location, 'the store is closed');
    return this.#client ?? this.#pool;
  }

  async #run<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
    const db = this.#db;
    try {
      return await fn(db);
    } catch (err) {
      throw storeError(err, this.location);
    }
  }

  async #rows(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
    return this.#run(async (db) => (await db.query(numbered(sql), params)).rows);
  }

  /** Runs `fn` atomically: in the open transaction as a savepoint, else in a transaction of its own. */
  async #atomic<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
    return this.transaction(async (tx) => (tx as PostgresStore).#run(fn));
  }

  async transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    if (this.#client !== null) {
      const name = `dyad_tx_${++this.#savepoints}`;
      await this.#client.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn(this);
        await this.#client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        await this.#client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw err;
      }
    }
    if (this.#closed) throw new DyadError('E600', this.location, 'the store is closed');
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresStore(this.#pool, this.location, client, this.#writers));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async acquireWriter(options: WriterLockOptions = {}): Promise<WriterLock> {
    if (this.#closed) throw new DyadError('E600', this.location, 'the store is closed');
    // a session lock on a connection of its own: the server frees it when the session ends, however the process ends
    const client = await this.#pool.connect();
    let told = false;
    for (;;) {
      const got = (await client.query('SELECT pg_try_advisory_lock($1) AS got', [WRITER_LOCK])).rows[0]?.got === true;
      if (got) break;
      const message = `another process is writing to ${this.location} (an ingest, or a server storing posted articles)`;
      if (options.wait !== true) {
        client.release();
        throw new DyadError('E601', this.location, `${message}; try again when it has finished`);
      }
      if (!told) options.onWait?.(`${message}; waiting for it to finish`);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? POLL_MS));
    }
    let held = true;
    const lock: WriterLock = {
      release: async () => {
        if (!held) return;
        held = false;
        this.#writers.delete(lock);
        await client.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK]).catch(() => {});
        client.release();
      },
    };
    this.#writers.add(lock);
    return lock;
  }

  async changeMark(): Promise<string> {
    // identities are never reused: new rows raise the maxima; a replaced article's events are new rows; removals
    // of events or clusters change the counts
    const row = (await this.#rows(`SELECT (SELECT coalesce(max(seq), 0) FROM articles) AS a, (SELECT coalesce(max(seq), 0) FROM events) AS e,
      (SELECT count(*) FROM events) AS n, (SELECT coalesce(max(seq), 0) FROM event_clusters) AS c, (SELECT count(*) FROM event_clusters) AS k`))[0] ?? {};
    return [row.a, row.e, row.n, row.c, row.k].map(String).join(':');
  }

  async queuePosition(stream: string): Promise<number> {
    return Number((await this.#rows('SELECT seq FROM queue_positions WHERE stream = ?', [stream]))[0]?.seq ?? 0);
  }

  async setQueuePosition(stream: string, seq: number): Promise<void> {
    if (!Number.isInteger(seq) || seq < 0) throw argumentError('seq', `"${seq}" is not a whole number ≥ 0`);
    await this.#rows('INSERT INTO queue_positions (stream, seq) VALUES (?, ?) ON CONFLICT (stream) DO UPDATE SET seq = excluded.seq', [stream, seq]);
  }

  async appendCorrections(corrections: readonly Correction[]): Promise<number> {
    const rows = correctionRows(corrections);
    return this.#atomic(async (db) => {
      let added = 0;
      for (const r of rows) {
        const result = await db.query(numbered('INSERT INTO corrections (id, at, author, kind, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING'),
          [r.id, r.at, r.author, r.kind, r.body]);
        added += result.rowCount ?? 0;
      }
      return added;
    });
  }

  async corrections(): Promise<Correction[]> {
    return (await this.#rows('SELECT body FROM corrections ORDER BY seq')).map((r) => JSON.parse(String(r.body)) as Correction);
  }

  async lexiconKinds(): Promise<ItemKind[]> {
    return (await this.#rows('SELECT kind, parent, military, economic FROM lexicon_kinds ORDER BY kind')).map(itemKindOf);
  }

  async putLexiconKinds(kinds: readonly ItemKind[]): Promise<void> {
    const rows = itemKindRows(kinds);
    await this.#atomic(async (db) => {
      await db.query('DELETE FROM lexicon_kinds');
      for (const r of rows) {
        await db.query(numbered('INSERT INTO lexicon_kinds (kind, parent, military, economic) VALUES (?, ?, ?, ?)'), [r.kind, r.parent, r.military, r.economic]);
      }
    });
  }

  async putArticle(article: Article, meta: ArticleMeta, events: EventRecord[] = []): Promise<PutResult> {
    return this.#atomic((db) => pgWriteArticle(db, article, meta, events));
  }

  async putArticles(entries: ArticleEntry[]): Promise<PutResult[]> {
    return this.#atomic(async (db) => {
      // a few multi-row statements; anything they refuse is undone and written row by row, whose checks name the cause
      await db.query('SAVEPOINT dyad_batch');
      try {
        const results = await pgWriteBatch(db, entries);
        await db.query('RELEASE SAVEPOINT dyad_batch');
        return results;
      } catch {
        await db.query('ROLLBACK TO SAVEPOINT dyad_batch');
      }
      const out: PutResult[] = [];
      for (const e of entries) out.push(await pgWriteArticle(db, e.article, e.meta, e.events));
      return out;
    });
  }

  async putEvents(articleId: string, events: EventRecord[]): Promise<number> {
    return this.#atomic(async (db) => {
      const row = (await db.query('SELECT seq, text FROM articles WHERE id = $1', [articleId])).rows[0];
      if (row === undefined) throw new DyadError('E600', articleId, 'no article with this id is stored');
      await db.query('DELETE FROM events WHERE article = $1', [row.seq as number]);
      return pgWriteEvents(db, { id: articleId, text: String(row.text) }, Number(row.seq), events);
    });
  }

  async hasArticle(hash: string): Promise<boolean> {
    return (await this.#rows('SELECT 1 FROM articles WHERE hash = ?', [hash])).length > 0;
  }

  async *iterateTexts(options: { pageSize?: number } = {}): AsyncIterable<{ id: string; text: string }> {
    const pageSize = Math.max(1, Math.min(MAX_PAGE, options.pageSize ?? 1000));
    let after = 0;
    for (;;) {
      const rows = await this.#rows('SELECT seq, id, text FROM articles WHERE seq > ? ORDER BY seq LIMIT ?', [after, pageSize]);
      for (const row of rows) yield { id: String(row.id), text: String(row.text) };
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1]?.seq);
    }
  }

  async nearKeyMatches(cursors: ReadonlyArray<readonly [number, number]>, limit: number): Promise<Array<{ key: number; position: number }>> {
    return this.#run((db) => pgNearKeyMatches(db, cursors, limit));
  }

  async nearSignatures(positions: readonly number[]): Promise<Array<{ position: number; id: string; signature: Uint32Array }>> {
    return this.#run((db) => pgNearSignatures(db, positions));
  }

  async *unsignedArticles(options: { pageSize?: number } = {}): AsyncIterable<{ position: number; id: string; text: string }> {
    const pageSize = Math.max(1, Math.min(MAX_PAGE, options.pageSize ?? 1000));
    let after = 0;
    for (;;) {
      const rows = await this.#rows(`SELECT a.seq, a.id, a.text FROM near_unsigned u JOIN articles a ON a.seq = u.article
        WHERE u.article > ? ORDER BY u.article LIMIT ?`, [after, pageSize]);
      for (const row of rows) yield { position: Number(row.seq), id: String(row.id), text: String(row.text) };
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1]?.seq);
    }
  }

  async putSignature(position: number, signature: Uint32Array): Promise<void> {
    await this.#atomic((db) => pgWriteSignature(db, position, signature));
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = (await this.#rows(`SELECT id, hash, title, date, url, outlet, byline, dateline, language, text,
      near_duplicate_of, simhash, ingested_at FROM articles WHERE id = ?`, [id]))[0] as Record<string, string | null> | undefined;
    if (row === undefined) return null;
    return {
      id: row.id as string, text: row.text as string, title: row.title ?? null, date: row.date ?? null, url: row.url ?? null,
      source: row.outlet ?? null, byline: row.byline ?? null, dateline: row.dateline ?? null, language: row.language ?? null,
      hash: row.hash as string, nearDuplicateOf: row.near_duplicate_of ?? null, simhash: row.simhash ?? null,
      ingestedAt: row.ingested_at as string,
    };
  }

  async articleRefs(ids: readonly string[]): Promise<ArticleRef[]> {
    const unique = [...new Set(ids)];
    const rows = await this.#rows('SELECT id, title, date, url, outlet, near_duplicate_of FROM articles WHERE id = ANY(?::text[])', [unique]);
    const found = new Map(rows.map((r) => [String(r.id), {
      id: String(r.id), title: r.title as string | null, date: r.date as string | null, url: r.url as string | null,
      source: r.outlet as string | null, nearDuplicateOf: r.near_duplicate_of as string | null,
    }]));
    return unique.flatMap((id) => found.get(id) ?? []);
  }

  async similarArticles(simhash: string, maxDistance = 3): Promise<SimilarArticle[]> {
    if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 3) {
      throw argumentError('simhash', `distance ${maxDistance} is not 0 to 3 (the bands find no more)`);
    }
    const bands = simhashBands(simhash);
    const rows = await this.#rows('SELECT id, simhash FROM articles WHERE sim0 = ? OR sim1 = ? OR sim2 = ? OR sim3 = ?', bands);
    const target = BigInt(`0x${simhash}`);
    return rows
      .map((row) => ({ id: String(row.id), simhash: String(row.simhash), distance: popcount(BigInt(`0x${String(row.simhash)}`) ^ target) }))
      .filter((row) => row.distance <= maxDistance)
      .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1));
  }

  /** A checked event query: SQL text and parameters for one page (one row more than the limit, to tell whether there is a next). */
  #eventQuery(filter: EventFilter, options: QueryOptions): { sql: string; params: SqlParam[]; sort: EventSort; limit: number } {
    const normalized = normalizeEventFilter(filter);
    const sort = options.sort ?? 'ingested';
    if (!Object.hasOwn(SORTS, sort)) throw argumentError('sort', `"${sort}" is not one of ${Object.keys(SORTS).join(', ')}`);
    const limit = positiveInt('limit', options.limit, 100, MAX_PAGE);
    const offset = options.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw argumentError('offset', `"${offset}" is not a whole number ≥ 0`);
    const cursor = options.cursor ? decodeCursor(options.cursor, sort) : null;
    const after: SqlPart = cursor === null ? { sql: '', params: [] } : afterCursor(cursor);
    const where = pgWhere(pgEventWhere(normalized), after);
    return { sql: selectEvents(where.sql, PG_EVENT_ORDER[sort]), params: [...where.params, limit + 1, offset], sort, limit };
  }

  async queryEvents(filter: EventFilter, options: QueryOptions = {}): Promise<EventPage> {
    const { sql, params, sort, limit } = this.#eventQuery(filter, options);
    const rows = await this.#rows(sql, params) as unknown as FullRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { events: page.map(rowToEvent), next: rows.length > limit && last !== undefined ? cursorAfter(sort, last) : null };
  }

  async *iterateEvents(filter: EventFilter, options: { sort?: EventSort; pageSize?: number } = {}): AsyncIterable<EventRecord> {
    let cursor: string | null = null;
    do {
      const page: EventPage = await this.queryEvents(filter, { sort: options.sort ?? 'ingested', limit: options.pageSize ?? 1000, cursor });
      yield* page.events;
      cursor = page.next;
    } while (cursor !== null);
  }

  async countEvents(filter: EventFilter): Promise<number> {
    const where = pgWhere(pgEventWhere(normalizeEventFilter(filter)));
    return Number((await this.#rows(`SELECT count(*) AS n FROM events e ${where.sql}`, where.params))[0]?.n ?? 0);
  }

  async getEvent(id: string): Promise<EventRecord | null> {
    const row = (await this.#rows(selectEvents('WHERE e.id = ?', 'e.seq'), [id, 1, 0]))[0];
    return row === undefined ? null : rowToEvent(row as unknown as EventRow);
  }

  async eventsById(ids: readonly string[]): Promise<Map<string, EventRecord>> {
    const out = new Map<string, EventRecord>();
    if (ids.length === 0) return out;
    const rows = await this.#rows(selectEvents('WHERE e.id = ANY(?::text[])', 'e.seq'), [[...new Set(ids)], null, 0]) as unknown as EventRow[];
    for (const row of rows) out.set(row.id, rowToEvent(row));
    return out;
  }

  async actors(filter: EventFilter, options: { limit?: number } = {}): Promise<ActorCount[]> {
    const normalized = normalizeEventFilter(filter);
    const limit = positiveInt('limit', options.limit, 100, 1_000_000);
    const where = pgWhere(pgEventWhere(normalized));
    const withTarget = pgWhere(pgEventWhere(normalized), { sql: 'e.target_code IS NOT NULL', params: [] });
    const rows = await this.#rows(`SELECT code, name, max(country) AS country, max(sector) AS sector,
        sum(src)::integer AS as_source, sum(tgt)::integer AS as_target FROM (
      SELECT e.source_code AS code, e.source_name AS name, e.source_country AS country, e.source_sector AS sector, 1 AS src, 0 AS tgt
        FROM events e ${where.sql}
      UNION ALL
      SELECT e.target_code, e.target_name, e.target_country, e.target_sector, 0, 1 FROM events e ${withTarget.sql}
    ) sides GROUP BY code, name ORDER BY sum(src) + sum(tgt) DESC, code, name LIMIT ?`, [...where.params, ...withTarget.params, limit]);
    return rows.map((r) => ({
      code: String(r.code), name: String(r.name), country: r.country as string | null, sector: r.sector as string | null,
      asSource: Number(r.as_source), asTarget: Number(r.as_target), total: Number(r.as_source) + Number(r.as_target),
    }));
  }

  async dyads(filter: EventFilter, options: DyadOptions = {}): Promise<DyadRow[]> {
    const by = options.by ?? 'month';
    if (!Object.hasOwn(PERIODS, by)) throw argumentError('by', `"${by}" is not one of ${Object.keys(PERIODS).join(', ')}`);
    const level = options.level ?? 'country';
    if (level !== 'country' && level !== 'actor') throw argumentError('level', `"${String(level)}" is not country or actor`);
    const limit = positiveInt('limit', options.limit, 10_000, 1_000_000);
    const side = (s: 'source' | 'target'): string => (level === 'country' ? `coalesce(e.${s}_country, e.${s}_code)` : `e.${s}_code`);
    const where = pgWhere(pgEventWhere(normalizeEventFilter(filter)), { sql: 'e.target_code IS NOT NULL', params: [] });
    const rows = await this.#rows(`SELECT ${side('source')} AS source, ${side('target')} AS target, ${PERIODS[by]} AS period,
        count(*) AS n, avg(e.goldstein)::float8 AS mean,
        sum((e.quad = 1)::integer) AS q1, sum((e.quad = 2)::integer) AS q2, sum((e.quad = 3)::integer) AS q3, sum((e.quad = 4)::integer) AS q4
      FROM events e ${where.sql}
      GROUP BY 1, 2, 3 ORDER BY 3 NULLS LAST, n DESC, 1, 2 LIMIT ?`, [...where.params, limit]);
    return rows.map((r) => {
      const n = Number(r.n);
      return {
        source: String(r.source), target: String(r.target), period: r.period as string | null, count: n, goldsteinMean: Number(r.mean),
        quadShares: [Number(r.q1) / n, Number(r.q2) / n, Number(r.q3) / n, Number(r.q4) / n] as [number, number, number, number],
      };
    });
  }

  async searchSentences(text: string, options: { limit?: number } = {}): Promise<SentenceHit[]> {
    const words = searchWords(text);
    if (words.length === 0) throw argumentError('text', `"${text}" has no words to search for`);
    const limit = positiveInt('limit', options.limit, 20, MAX_PAGE);
    const query = words.join(' ');
    const rows = await this.#rows(`SELECT a.id AS doc, s.idx, s.start, s."end" AS "end", s.text,
        (SELECT coalesce(json_agg(e.id ORDER BY e.seq), '[]'::json) FROM events e WHERE e.article = s.article AND e.sentence = s.idx)::text AS events
      FROM sentences s JOIN articles a ON a.seq = s.article
      WHERE s.words @@ plainto_tsquery('simple', ?)
      ORDER BY ts_rank(s.words, plainto_tsquery('simple', ?)) DESC, s.seq LIMIT ?`, [query, query, limit]);
    return rows.map((r) => ({
      doc: String(r.doc), index: Number(r.idx), start: Number(r.start), end: Number(r.end), text: String(r.text), events: JSON.parse(String(r.events)) as string[],
    }));
  }

  async stats(): Promise<StoreStats> {
    const count = async (sql: string): Promise<number> => Number((await this.#rows(sql))[0]?.n ?? 0);
    const range = (await this.#rows('SELECT min(date) AS first, max(date) AS last FROM events'))[0] ?? {};
    return {
      schemaVersion: await count('SELECT max(version) AS n FROM dyad_schema_version'),
      articles: await count('SELECT count(*) AS n FROM articles'),
      nearDuplicates: await count('SELECT count(*) AS n FROM articles WHERE near_duplicate_of IS NOT NULL'),
      sentences: await count('SELECT count(*) AS n FROM sentences'),
      events: await count('SELECT count(*) AS n FROM events'),
      items: await count('SELECT count(*) AS n FROM event_items'),
      actors: await count(`SELECT count(*) AS n FROM (SELECT source_code, source_name FROM events
        UNION SELECT target_code, target_name FROM events WHERE target_code IS NOT NULL) sides`),
      firstDate: (range.first as string | null | undefined) ?? null,
      lastDate: (range.last as string | null | undefined) ?? null,
    };
  }

  async *iterateMentions(options: { pageSize?: number } = {}): AsyncIterable<StoredMention> {
    const pageSize = positiveInt('pageSize', options.pageSize, 1000, MAX_PAGE);
    let after = 0;
    for (;;) {
      const rows = await this.#rows(selectEvents('WHERE e.seq > ?', 'e.seq'), [after, pageSize, 0]) as unknown as FullRow[];
      for (const row of rows) {
        yield { event: rowToEvent(row), outlet: row.article_outlet, published: row.article_date, nearDuplicateOf: row.article_near, cluster: row.cluster };
      }
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1]?.seq);
    }
  }

  async applyClusterChange(change: ClusterChange): Promise<void> {
    await this.#atomic((db) => pgWriteClusterChange(db, change));
  }

  async clusters(filter: EventFilter, options: ClusterQueryOptions = {}): Promise<Cluster[]> {
    const normalized = normalizeEventFilter(filter);
    const limit = positiveInt('limit', options.limit, 100, MAX_PAGE);
    return this.#run((db) => pgQueryClusters(db, normalized, options, limit));
  }

  async countClusters(filter: EventFilter): Promise<number> {
    const normalized = normalizeEventFilter(filter);
    return this.#run((db) => pgCountClusters(db, normalized));
  }

  async cluster(id: string): Promise<Cluster | null> {
    return this.#run((db) => pgGetCluster(db, id));
  }

  async eventRanksById(ids: readonly string[]): Promise<Map<string, EventRank>> {
    return this.#run((db) => pgEventRanksWithIds(db, ids));
  }

  async clusterOf(mentionId: string): Promise<Cluster | null> {
    return this.#run((db) => pgClusterOfMention(db, mentionId));
  }

  async mentionsOf(clusterId: string): Promise<EventRecord[]> {
    return (await this.mentionsOfMany([clusterId])).get(clusterId) ?? [];
  }

  async mentionsOfMany(clusterIds: readonly string[]): Promise<Map<string, EventRecord[]>> {
    const out = new Map<string, EventRecord[]>();
    for (const id of clusterIds) out.set(id, []);
    const rows = await this.#rows(selectEvents('WHERE e.cluster = ANY(?::text[])', 'e.seq'), [[...out.keys()], null, 0]) as unknown as FullRow[];
    for (const row of rows) if (row.cluster !== null) out.get(row.cluster)?.push(rowToEvent(row));
    return out;
  }

  async reportRanksOfMany(clusterIds: readonly string[]): Promise<Map<string, ReportRank[]>> {
    return this.#run((db) => pgReportRanksOfClusters(db, clusterIds));
  }

  async putThreads(threads: readonly Thread[], options: PutThreadsOptions = {}): Promise<void> {
    await this.#atomic((db) => pgWriteThreads(db, threads, options.recipients));
  }

  async threads(filter: ThreadFilter = {}, options: ThreadQueryOptions = {}): Promise<Thread[]> {
    const page = { ...options, ...(options.limit === undefined ? {} : { limit: positiveInt('limit', options.limit, 100, MAX_PAGE) }) };
    return this.#run((db) => pgQueryThreads(db, filter, page));
  }

  async countThreads(filter: ThreadFilter = {}): Promise<number> {
    return this.#run((db) => pgCountThreads(db, filter));
  }

  async thread(id: string): Promise<Thread | null> {
    return this.#run((db) => pgGetThread(db, id));
  }

  /** Releases any writer lock and closes every connection of the pool (only the store that opened the pool closes it). */
  async close(): Promise<void> {
    if (this.#closed || this.#client !== null) return;
    this.#closed = true;
    for (const lock of [...this.#writers]) await lock.release();
    await this.#pool.end();
  }
}

function popcount(value: bigint): number {
  let bits = 0;
  for (let v = value; v > 0n; v >>= 1n) bits += Number(v & 1n);
  return bits;
}

/** True when `db` names a PostgreSQL database (`postgres://…` or `postgresql://…`) rather than an SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/**
 * Opens the PostgreSQL store at `url` (`postgres://user@host:port/db`), creating the schema or applying pending
 * migrations. Throws E600 naming the URL (without its password) when the server cannot be reached or the database
 * is not a Dyad store.
 */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const location = safeLocation(url);
  const pool = createPool(url);
  try {
    await migratePostgres(pool, location);
  } catch (err) {
    await pool.end().catch(() => {});
    if (err instanceof DyadError) throw err;
    throw new DyadError('E600', location, `cannot open the database: ${(err as Error).message}`);
  }
  return new PostgresStore(pool, location);
}
