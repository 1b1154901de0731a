// Store (PostgreSQL): one article with its sentences and events → rows, on the caller's transaction client.

import { parseDaySpan } from '../../types/day-number.js';
import { DyadError } from '../../types/index.js';
import type { Article, EventRecord } from '../../types/index.js';
import type { ArticleMeta, PutResult } from '../store.js';
import { eventParams, itemParams } from '../sqlite/event-row.js';
import { simhashBands } from '../sqlite/write-article.js';
import { pgWriteSignature } from './pg-near-keys.js';
import { numbered, sqlState, type Queryable, type SqlParam } from './pg-driver.js';

/** The columns of an event row, as `eventParams` names them (first_day and last_day follow). */
export const EVENT_COLUMNS = ['id', 'article', 'sentence',
  'source_code', 'source_country', 'source_name', 'source_text', 'source_sector', 'source_start', 'source_end',
  'target_code', 'target_country', 'target_name', 'target_text', 'target_sector', 'target_start', 'target_end',
  'cameo', 'cameo_name', 'root', 'quad', 'goldstein', 'plover_type', 'plover_mode', 'plover_context',
  'trigger_text', 'trigger_start', 'trigger_end', 'date', 'date_precision', 'date_basis',
  'negated', 'modality', 'status', 'terms', 'attribution', 'location'] as const;

const INSERT_EVENT = `INSERT INTO events (${EVENT_COLUMNS.join(', ')}, first_day, last_day)
  VALUES (${EVENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}, $${EVENT_COLUMNS.length + 1}, $${EVENT_COLUMNS.length + 2}) RETURNING seq`;

const INSERT_ITEM = numbered(`INSERT INTO event_items (event, ord, text, kind, model, quantity, max, approx, unit, start, "end")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

/** A constraint failure as a message about the article; anything else is rethrown. */
function constraintError(err: unknown, article: string, what: string): never {
  const state = sqlState(err);
  if (state === '23503') throw new DyadError('E600', article, `${what} refers to something not stored`);
  if (state === '23505') throw new DyadError('E600', article, `${what} is already stored`);
  if (state === '23502') throw new DyadError('E600', article, `${what} lacks a required field`);
  throw err;
}

async function putSentence(db: Queryable, article: Article, seq: number, index: number, start: number, end: number, text: string): Promise<void> {
  const inserted = await db.query(`INSERT INTO sentences (article, idx, start, "end", text) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (article, idx) DO NOTHING`, [seq, index, start, end, text]);
  if (inserted.rowCount === 1) return;
  const stored = (await db.query('SELECT start, "end" FROM sentences WHERE article = $1 AND idx = $2', [seq, index])).rows[0] as { start: number; end: number };
  if (stored.start !== start || stored.end !== end) {
    throw new DyadError('E600', article.id, `sentence ${index} is given as ${start}–${end} but stored as ${stored.start}–${stored.end}`);
  }
}

/** Inserts the events of the article stored as `seq`, with their sentences and items. */
export async function pgWriteEvents(db: Queryable, article: Article, seq: number, events: readonly EventRecord[]): Promise<number> {
  for (const event of events) {
    if (event.doc !== article.id) {
      throw new DyadError('E600', article.id, `event ${event.id} belongs to document "${event.doc}", not to this article`);
    }
    const { sentence } = event;
    await putSentence(db, article, seq, sentence.index, sentence.start, sentence.end, sentence.text);
    const named = eventParams(event, seq);
    const span = parseDaySpan(event.date);
    const params: SqlParam[] = [...EVENT_COLUMNS.map((c) => named[c] ?? null), span?.first ?? null, span?.last ?? null];
    let eventSeq: number;
    try {
      // a savepoint, so that a refused event leaves the transaction usable for the caller's error handling
      await db.query('SAVEPOINT dyad_event');
      eventSeq = Number((await db.query(INSERT_EVENT, params)).rows[0]?.seq);
      await db.query('RELEASE SAVEPOINT dyad_event');
    } catch (err) {
      await db.query('ROLLBACK TO SAVEPOINT dyad_event');
      constraintError(err, article.id, `event ${event.id}`);
    }
    for (const [ord, item] of event.items.entries()) await db.query(INSERT_ITEM, itemParams(item, eventSeq, ord));
  }
  return events.length;
}

/** Writes one article on the caller's transaction; a stored hash makes it a no-op. */
export async function pgWriteArticle(db: Queryable, article: Article, meta: ArticleMeta, events: readonly EventRecord[]): Promise<PutResult> {
  const existing = (await db.query('SELECT id FROM articles WHERE hash = $1', [meta.hash])).rows[0];
  if (existing !== undefined) return { new: false, id: String(existing.id), events: 0 };
  if ((await db.query('SELECT 1 FROM articles WHERE id = $1', [article.id])).rows.length > 0) {
    throw new DyadError('E600', article.id, 'this document id is already stored with different content; give the new version another id');
  }
  const bands = meta.simhash ? simhashBands(meta.simhash) : [null, null, null, null];
  let seq: number;
  try {
    await db.query('SAVEPOINT dyad_article');
    seq = Number((await db.query(`INSERT INTO articles (id, hash, title, date, url, outlet, byline, dateline, language, text,
      near_duplicate_of, simhash, sim0, sim1, sim2, sim3, ingested_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING seq`, [
      article.id, meta.hash, article.title ?? null, article.date ?? null, article.url ?? null, article.source ?? null,
      article.byline ?? null, article.dateline ?? null, article.language ?? null, article.text, meta.nearDuplicateOf ?? null,
      meta.simhash ? meta.simhash.toLowerCase() : null, bands[0] ?? null, bands[1] ?? null, bands[2] ?? null, bands[3] ?? null,
      new Date().toISOString(),
    ])).rows[0]?.seq);
    await db.query('RELEASE SAVEPOINT dyad_article');
  } catch (err) {
    await db.query('ROLLBACK TO SAVEPOINT dyad_article');
    constraintError(err, article.id, meta.nearDuplicateOf ? `the link to near duplicate "${meta.nearDuplicateOf}"` : 'the article');
  }
  if (meta.signature) await pgWriteSignature(db, seq, meta.signature);
  else await db.query('INSERT INTO near_unsigned (article) VALUES ($1) ON CONFLICT DO NOTHING', [seq]);
  for (const span of meta.sentences ?? []) {
    await putSentence(db, article, seq, span.index, span.start, span.end, article.text.slice(span.start, span.end));
  }
  return { new: true, id: article.id, events: await pgWriteEvents(db, article, seq, events) };
}
