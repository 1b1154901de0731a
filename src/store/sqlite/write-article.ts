// Store (SQLite): one article with its sentences and events → rows, inside the caller's transaction.

import { encodeSignature, lshKeyNumbers } from '../../ingest/near-duplicate.js';
import { argumentError } from '../argument-error.js';
import { DyadError } from '../../types/index.js';
import type { Article, EventRecord } from '../../types/index.js';
import type { ArticleMeta, PutResult } from '../store.js';
import { INSERT_EVENT, INSERT_EVENT_V6, INSERT_ITEM, eventParams, itemParams } from './event-row.js';
import type { SqliteDatabase, Statement } from './open-database.js';

/** The prepared statements of the write path, made once per connection. */
export interface WriteStatements {
  articleByHash: Statement;
  articleById: Statement;
  insertArticle: Statement;
  insertSentence: Statement;
  sentenceSpan: Statement;
  insertEvent: Statement;
  insertItem: Statement;
  countActor: Statement;
  eventActors: Statement;
  uncountActor: Statement;
  deleteEvents: Statement;
  /** Null on a store older than schema 9 (a test of an older migration). */
  signArticle: { setSignature: Statement; insertNearKey: Statement; markUnsigned: Statement; unmarkUnsigned: Statement } | null;
}

export function prepareWrites(db: SqliteDatabase): WriteStatements {
  return {
    articleByHash: db.prepare('SELECT id FROM articles WHERE hash = ?'),
    articleById: db.prepare('SELECT seq, hash, text FROM articles WHERE id = ?'),
    insertArticle: db.prepare(`INSERT INTO articles (id, hash, title, date, url, outlet, byline, dateline, language, text,
      near_duplicate_of, simhash, sim0, sim1, sim2, sim3, ingested_at)
      VALUES (@id, @hash, @title, @date, @url, @outlet, @byline, @dateline, @language, @text,
      @near, @simhash, @sim0, @sim1, @sim2, @sim3, @ingested_at)`),
    insertSentence: db.prepare('INSERT INTO sentences (article, idx, start, "end", text) VALUES (?, ?, ?, ?, ?) ON CONFLICT (article, idx) DO NOTHING'),
    sentenceSpan: db.prepare('SELECT start, "end" FROM sentences WHERE article = ? AND idx = ?'),
    // the day columns came with schema 7; a test of an older migration writes a store without them
    insertEvent: db.prepare(db.prepare("SELECT 1 FROM pragma_table_info('events') WHERE name = 'first_day'").get() === undefined ? INSERT_EVENT_V6 : INSERT_EVENT),
    insertItem: db.prepare(INSERT_ITEM),
    countActor: db.prepare(`INSERT INTO actors (code, name, country, sector, as_source, as_target) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (code, name) DO UPDATE SET as_source = as_source + excluded.as_source, as_target = as_target + excluded.as_target,
      country = coalesce(country, excluded.country), sector = coalesce(sector, excluded.sector)`),
    eventActors: db.prepare('SELECT source_code, source_name, target_code, target_name FROM events WHERE article = ?'),
    uncountActor: db.prepare('UPDATE actors SET as_source = as_source - ?, as_target = as_target - ? WHERE code = ? AND name = ?'),
    deleteEvents: db.prepare('DELETE FROM events WHERE article = ?'),
    signArticle: db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'near_keys'").get() === undefined ? null : {
      setSignature: db.prepare('INSERT OR REPLACE INTO near_signatures (signature, article) VALUES (?, ?)'),
      insertNearKey: db.prepare('INSERT OR IGNORE INTO near_keys (key, article) VALUES (?, ?)'),
      markUnsigned: db.prepare('INSERT OR IGNORE INTO near_unsigned (article) VALUES (?)'),
      unmarkUnsigned: db.prepare('DELETE FROM near_unsigned WHERE article = ?'),
    },
  };
}

/** Stores the signature of the article at rowid `seq` and indexes its LSH keys (inside the caller's transaction). */
export function writeSignature(st: WriteStatements, seq: number, signature: Uint32Array): void {
  if (st.signArticle === null) return;
  st.signArticle.setSignature.run(encodeSignature(signature), seq);
  st.signArticle.unmarkUnsigned.run(seq);
  for (const key of lshKeyNumbers(signature)) st.signArticle.insertNearKey.run(key, seq);
}

/** The four 16-bit bands of a 64-bit SimHash written as 16 hex digits. */
export function simhashBands(simhash: string): [number, number, number, number] {
  if (!/^[0-9a-f]{16}$/i.test(simhash)) throw argumentError('simhash', `"${simhash}" is not a 64-bit SimHash in 16 hex digits`);
  const band = (i: number): number => Number.parseInt(simhash.slice(i * 4, i * 4 + 4), 16);
  return [band(0), band(1), band(2), band(3)];
}

/** Translates a constraint failure into a message about the article; rethrows anything else. */
function constraintError(err: unknown, article: string, what: string): never {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new DyadError('E600', article, `${what} refers to something not stored`);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    throw new DyadError('E600', article, `${what} is already stored`);
  }
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') throw new DyadError('E600', article, `${what} lacks a required field`);
  throw err;
}

/** Stores a sentence if new (a trigger indexes it for search); checks an existing one has the same span. */
function putSentence(st: WriteStatements, article: Article, seq: number, index: number, start: number, end: number, text: string): void {
  const result = st.insertSentence.run(seq, index, start, end, text);
  if (result.changes === 1) return;
  const stored = st.sentenceSpan.get(seq, index) as { start: number; end: number };
  if (stored.start !== start || stored.end !== end) {
    throw new DyadError('E600', article.id, `sentence ${index} is given as ${start}–${end} but stored as ${stored.start}–${stored.end}`);
  }
}

/** Inserts events of the article stored at rowid `seq`, with their sentences, items and actor counts. */
export function writeEvents(st: WriteStatements, article: Article, seq: number, events: readonly EventRecord[]): number {
  for (const event of events) {
    if (event.doc !== article.id) {
      throw new DyadError('E600', article.id, `event ${event.id} belongs to document "${event.doc}", not to this article`);
    }
    const { sentence } = event;
    putSentence(st, article, seq, sentence.index, sentence.start, sentence.end, sentence.text);
    let eventSeq: number | bigint;
    try {
      eventSeq = st.insertEvent.run(eventParams(event, seq)).lastInsertRowid;
    } catch (err) {
      constraintError(err, article.id, `event ${event.id}`);
    }
    event.items.forEach((item, ord) => st.insertItem.run(...itemParams(item, Number(eventSeq), ord)));
    st.countActor.run(event.source.code, event.source.name, event.source.country, event.source.sector, 1, 0);
    if (event.target !== null) st.countActor.run(event.target.code, event.target.name, event.target.country, event.target.sector, 0, 1);
  }
  return events.length;
}

/** Removes the events of the article at rowid `seq` and their actor counts (sentences stay: they belong to the article). */
export function deleteEvents(st: WriteStatements, seq: number): void {
  const rows = st.eventActors.all(seq) as { source_code: string; source_name: string; target_code: string | null; target_name: string | null }[];
  for (const row of rows) {
    st.uncountActor.run(1, 0, row.source_code, row.source_name);
    if (row.target_code !== null) st.uncountActor.run(0, 1, row.target_code, row.target_name);
  }
  st.deleteEvents.run(seq);
}

/** Writes one article (inside the caller's transaction); a stored hash makes it a no-op. */
export function writeArticle(st: WriteStatements, article: Article, meta: ArticleMeta, events: readonly EventRecord[]): PutResult {
  const existing = st.articleByHash.get(meta.hash) as { id: string } | undefined;
  if (existing !== undefined) return { new: false, id: existing.id, events: 0 };
  if (st.articleById.get(article.id) !== undefined) {
    throw new DyadError('E600', article.id, 'this document id is already stored with different content; give the new version another id');
  }
  const bands = meta.simhash ? simhashBands(meta.simhash) : [null, null, null, null];
  let seq: number;
  try {
    seq = Number(st.insertArticle.run({
      id: article.id, hash: meta.hash, title: article.title ?? null, date: article.date ?? null, url: article.url ?? null,
      outlet: article.source ?? null, byline: article.byline ?? null, dateline: article.dateline ?? null,
      language: article.language ?? null, text: article.text, near: meta.nearDuplicateOf ?? null,
      simhash: meta.simhash ? meta.simhash.toLowerCase() : null,
      sim0: bands[0], sim1: bands[1], sim2: bands[2], sim3: bands[3], ingested_at: new Date().toISOString(),
    }).lastInsertRowid);
  } catch (err) {
    constraintError(err, article.id, meta.nearDuplicateOf ? `the link to near duplicate "${meta.nearDuplicateOf}"` : 'the article');
  }
  if (meta.signature) writeSignature(st, seq, meta.signature);
  else st.signArticle?.markUnsigned.run(seq);
  for (const span of meta.sentences ?? []) {
    putSentence(st, article, seq, span.index, span.start, span.end, article.text.slice(span.start, span.end));
  }
  return { new: true, id: article.id, events: writeEvents(st, article, seq, events) };
}
