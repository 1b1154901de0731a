// Store (SQLite): the near-duplicate index kept in the store — LSH keys → articles in storage order, and their signatures.
import { decodeSignature } from '../../ingest/near-duplicate.js';
import { argumentError } from '../argument-error.js';
import type { Statement } from './open-database.js';

/** Most keys one look-up may ask for (a signature has 32). */
const MAX_KEYS = 64;

/** Checks the arguments of `nearKeyMatches` (E602). */
export function checkNearCursors(cursors: ReadonlyArray<readonly [number, number]>, limit: number): void {
  if (cursors.length > MAX_KEYS) throw argumentError('keys', `${cursors.length} keys asked at once; at most ${MAX_KEYS}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw argumentError('limit', `${limit} is not a whole number from 1 to 1,000`);
  for (const [key, after] of cursors) {
    if (!Number.isInteger(key) || key < -0x80000000 || key > 0x7fffffff) throw argumentError('key', `${key} is not a 32-bit integer`);
    if (!Number.isSafeInteger(after) || after < 0) throw argumentError('after', `${after} is not a storage position`);
  }
}

/**
 * For each [key, after]: the articles under that key past `after`, in storage order, at most `limit` — one statement,
 * each key an ordered range of the (key, article) primary key, so a key shared by many articles costs `limit` rows.
 */
export function nearKeyMatches(prepare: (sql: string) => Statement, cursors: ReadonlyArray<readonly [number, number]>, limit: number): Array<{ key: number; position: number }> {
  checkNearCursors(cursors, limit);
  if (cursors.length === 0) return [];
  const after = cursors[0]?.[1] as number;
  if (cursors.every(([, a]) => a === after)) {
    // the usual case, one plain look-up of every key (about ten times cheaper than ordered ranges), when it is small
    const rows = prepare(`SELECT key, article FROM near_keys WHERE key IN (${cursors.map(() => '?').join(', ')}) AND article > ? LIMIT ${FAST_ROWS + 1}`)
      .all(...cursors.map(([key]) => key), after) as Array<{ key: number; article: number }>;
    if (rows.length <= FAST_ROWS) return firstPerKey(rows, limit);
  }
  const one = 'SELECT * FROM (SELECT key, article FROM near_keys WHERE key = ? AND article > ? ORDER BY article LIMIT ?)';
  const sql = Array.from({ length: cursors.length }, () => one).join(' UNION ALL ');
  const params = cursors.flatMap(([key, a]) => [key, a, limit]);
  return (prepare(sql).all(...params) as Array<{ key: number; article: number }>).map((row) => ({ key: row.key, position: row.article }));
}

/** Rows of a look-up past which the ordered ranges are read instead. */
const FAST_ROWS = 512;

/** The first `limit` articles of each key, in storage order. */
function firstPerKey(rows: ReadonlyArray<{ key: number; article: number }>, limit: number): Array<{ key: number; position: number }> {
  const sorted = [...rows].sort((a, b) => a.key - b.key || a.article - b.article);
  const out: Array<{ key: number; position: number }> = [];
  let taken = 0;
  for (const [i, row] of sorted.entries()) {
    taken = i > 0 && sorted[i - 1]?.key === row.key ? taken + 1 : 1;
    if (taken <= limit) out.push({ key: row.key, position: row.article });
  }
  return out;
}

/** Ids and signatures of the articles at these positions. */
export function nearSignatures(prepare: (sql: string) => Statement, positions: readonly number[]): Array<{ position: number; id: string; signature: Uint32Array }> {
  const out: Array<{ position: number; id: string; signature: Uint32Array }> = [];
  for (let i = 0; i < positions.length; i += 500) {
    const chunk = positions.slice(i, i + 500);
    for (const position of chunk) if (!Number.isSafeInteger(position)) throw argumentError('position', `${position} is not a storage position`);
    const rows = prepare(`SELECT a.seq, a.id, s.signature FROM near_signatures s JOIN articles a ON a.seq = s.article
      WHERE s.article IN (${chunk.map(() => '?').join(', ')})`).all(...chunk) as Array<{ seq: number; id: string; signature: Uint8Array }>;
    for (const row of rows) out.push({ position: row.seq, id: row.id, signature: decodeSignature(row.signature) });
  }
  return out;
}
