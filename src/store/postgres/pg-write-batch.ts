// Store (PostgreSQL): a batch of articles with their sentences, events, items and signatures → a few multi-row INSERTs, on the caller's transaction client.
import { parseDaySpan } from '../../types/day-number.js';
import { encodeSignature, lshKeyNumbers } from '../../ingest/near-duplicate.js';
import type { ArticleEntry, PutResult } from '../store.js';
import { simhashBands } from '../sqlite/write-article.js';
import { eventParams, itemParams } from '../sqlite/event-row.js';
import type { Queryable, SqlParam } from './pg-driver.js';
import { EVENT_COLUMNS } from './pg-write.js';

/** Parameters per statement, well under PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;

/** A batch the fast path does not take (an id reused, a bad event, a sentence given two spans): written one by one instead. */
export class BatchRefused extends Error {}

/** `INSERT INTO table (columns) VALUES (…), (…) suffix` over `rows`, in statements of at most MAX_PARAMS parameters. */
async function insertRows(db: Queryable, table: string, columns: readonly string[], rows: readonly SqlParam[][], suffix = ''): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let from = 0; from < rows.length; from += perStatement) {
    const chunk = rows.slice(from, from + perStatement);
    let n = 0;
    const values = chunk.map((row) => `(${row.map(() => `$${++n}`).join(', ')})`).join(', ');
    const result = await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ${suffix}`, chunk.flat());
    out.push(...result.rows);
  }
  return out;
}

/**
 * Writes the batch with one statement per table (and per 30,000 parameters) instead of one per row: the round trips
 * were most of PostgreSQL's ingest time. Throws BatchRefused, before writing anything, for a batch that needs the
 * row-by-row path's checks and messages (an id stored with other content, an event of another document, a sentence
 * given two spans); a constraint the database refuses throws its error, and the caller's savepoint undoes the batch.
 */
export async function pgWriteBatch(db: Queryable, entries: readonly ArticleEntry[]): Promise<PutResult[]> {
  const hashes = entries.map((e) => e.meta.hash);
  const ids = entries.map((e) => e.article.id);
  const stored = (await db.query('SELECT id, hash FROM articles WHERE hash = ANY($1) OR id = ANY($2)', [hashes, ids])).rows;
  const idOfHash = new Map(stored.map((row) => [String(row.hash), String(row.id)]));
  const hashOfId = new Map(stored.map((row) => [String(row.id), String(row.hash)]));
  const results: PutResult[] = [];
  const fresh: ArticleEntry[] = [];
  for (const entry of entries) {
    const { article, meta } = entry;
    const known = idOfHash.get(meta.hash);
    if (known !== undefined) {
      results.push({ new: false, id: known, events: 0 });
      continue;
    }
    if (hashOfId.has(article.id)) throw new BatchRefused(`${article.id}: id stored with other content`);
    if (entry.events.some((event) => event.doc !== article.id)) throw new BatchRefused(`${article.id}: an event of another document`);
    idOfHash.set(meta.hash, article.id);
    hashOfId.set(article.id, meta.hash);
    fresh.push(entry);
    results.push({ new: true, id: article.id, events: entry.events.length });
  }
  if (fresh.length === 0) return results;

  const now = new Date().toISOString();
  const articleRows = fresh.map(({ article, meta }): SqlParam[] => {
    const bands = meta.simhash ? simhashBands(meta.simhash) : [null, null, null, null];
    return [article.id, meta.hash, article.title ?? null, article.date ?? null, article.url ?? null, article.source ?? null,
      article.byline ?? null, article.dateline ?? null, article.language ?? null, article.text, meta.nearDuplicateOf ?? null,
      meta.simhash ? meta.simhash.toLowerCase() : null, bands[0] ?? null, bands[1] ?? null, bands[2] ?? null, bands[3] ?? null, now];
  });
  const inserted = await insertRows(db, 'articles', ['id', 'hash', 'title', 'date', 'url', 'outlet', 'byline', 'dateline', 'language', 'text',
    'near_duplicate_of', 'simhash', 'sim0', 'sim1', 'sim2', 'sim3', 'ingested_at'], articleRows, 'RETURNING seq, id');
  const seqOf = new Map(inserted.map((row) => [String(row.id), Number(row.seq)]));
  const seq = (id: string): number => seqOf.get(id) as number;

  const signatures: SqlParam[][] = [];
  const keys: SqlParam[][] = [];
  const unsigned: SqlParam[][] = [];
  for (const { article, meta } of fresh) {
    if (!meta.signature) {
      unsigned.push([seq(article.id)]);
      continue;
    }
    signatures.push([seq(article.id), encodeSignature(meta.signature)]);
    for (const key of lshKeyNumbers(meta.signature)) keys.push([key, seq(article.id)]);
  }
  await insertRows(db, 'near_signatures', ['article', 'signature'], signatures);
  await insertRows(db, 'near_keys', ['key', 'article'], keys, 'ON CONFLICT DO NOTHING');
  await insertRows(db, 'near_unsigned', ['article'], unsigned, 'ON CONFLICT DO NOTHING');

  // each sentence once, whether the article lists it or an event cites it; two spans for one sentence: the slow path says which
  const sentences = new Map<string, SqlParam[]>();
  const addSentence = (articleId: string, index: number, start: number, end: number, text: string): void => {
    const key = `${seq(articleId)}:${index}`;
    const known = sentences.get(key);
    if (known === undefined) sentences.set(key, [seq(articleId), index, start, end, text]);
    else if (known[2] !== start || known[3] !== end) throw new BatchRefused(`${articleId}: sentence ${index} given two spans`);
  };
  for (const { article, meta, events } of fresh) {
    for (const span of meta.sentences ?? []) addSentence(article.id, span.index, span.start, span.end, article.text.slice(span.start, span.end));
    for (const { sentence } of events) addSentence(article.id, sentence.index, sentence.start, sentence.end, sentence.text);
  }
  await insertRows(db, 'sentences', ['article', 'idx', 'start', '"end"', 'text'], [...sentences.values()], 'ON CONFLICT (article, idx) DO NOTHING');

  const events = fresh.flatMap(({ article, events: list }) => list.map((event) => ({ event, seq: seq(article.id) })));
  const eventRows = events.map(({ event, seq: articleSeq }): SqlParam[] => {
    const named = eventParams(event, articleSeq);
    const span = parseDaySpan(event.date);
    return [...EVENT_COLUMNS.map((c) => named[c] ?? null), span?.first ?? null, span?.last ?? null];
  });
  const storedEvents = await insertRows(db, 'events', [...EVENT_COLUMNS, 'first_day', 'last_day'], eventRows, 'RETURNING seq, id');
  const eventSeq = new Map(storedEvents.map((row) => [String(row.id), Number(row.seq)]));
  const itemRows = events.flatMap(({ event }) => event.items.map((item, ord): SqlParam[] => itemParams(item, eventSeq.get(event.id) as number, ord)));
  await insertRows(db, 'event_items', ['event', 'ord', 'text', 'kind', 'model', 'quantity', 'max', 'approx', 'unit', 'start', '"end"'], itemRows);
  return results;
}
