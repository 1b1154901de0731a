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
  const one = 'SELECT * FROM (SELECT key, article FROM near_keys WHERE key = ? AND article > ? ORDER BY article LIMIT ?)';
  const sql = Array.from({ length: cursors.length }, () => one).join(' UNION ALL ');
  const params = cursors.flatMap(([key, after]) => [key, after, limit]);
  return (prepare(sql).all(...params) as Array<{ key: number; article: number }>).map((row) => ({ key: row.key, position: row.article }));
}

/** Ids and signatures of the articles at these positions. */
export function nearSignatures(prepare: (sql: string) => Statement, positions: readonly number[]): Array<{ position: number; id: string; signature: Uint32Array }> {
  const out: Array<{ position: number; id: string; signature: Uint32Array }> = [];
  for (let i = 0; i < positions.length; i += 500) {
    const chunk = positions.slice(i, i + 500);
    for (const position of chunk) if (!Number.isSafeInteger(position)) throw argumentError('position', `${position} is not a storage position`);
    const rows = prepare(`SELECT seq, id, signature FROM articles WHERE seq IN (${chunk.map(() => '?').join(', ')}) AND signature IS NOT NULL`)
      .all(...chunk) as Array<{ seq: number; id: string; signature: Uint8Array }>;
    for (const row of rows) out.push({ position: row.seq, id: row.id, signature: decodeSignature(row.signature) });
  }
  return out;
}
