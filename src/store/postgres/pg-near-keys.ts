// Store (PostgreSQL): the near-duplicate index kept in the store — LSH keys → articles in storage order, and their signatures.
import { decodeSignature, encodeSignature, lshKeyNumbers } from '../../ingest/near-duplicate.js';
import { argumentError } from '../argument-error.js';
import { checkNearCursors } from '../sqlite/near-keys.js';
import type { Queryable } from './pg-driver.js';

/** Stores the signature of the article at `seq` and indexes its LSH keys, on the caller's client (one statement each). */
export async function pgWriteSignature(db: Queryable, seq: number, signature: Uint32Array): Promise<void> {
  await db.query(`INSERT INTO near_signatures (article, signature) VALUES ($1, $2)
    ON CONFLICT (article) DO UPDATE SET signature = excluded.signature`, [seq, encodeSignature(signature)]);
  await db.query('DELETE FROM near_unsigned WHERE article = $1', [seq]);
  const keys = lshKeyNumbers(signature);
  if (keys.length > 0) await db.query('INSERT INTO near_keys (key, article) SELECT unnest($1::integer[]), $2 ON CONFLICT DO NOTHING', [keys, seq]);
}

/** For each [key, after]: the articles under that key past `after`, in storage order, at most `limit`; one round trip. */
export async function pgNearKeyMatches(db: Queryable, cursors: ReadonlyArray<readonly [number, number]>, limit: number): Promise<Array<{ key: number; position: number }>> {
  checkNearCursors(cursors, limit);
  if (cursors.length === 0) return [];
  const { rows } = await db.query(`SELECT k.key, m.article FROM unnest($1::integer[], $2::bigint[]) AS k(key, after)
    CROSS JOIN LATERAL (SELECT article FROM near_keys n WHERE n.key = k.key AND n.article > k.after ORDER BY article LIMIT $3) m`,
  [cursors.map(([key]) => key), cursors.map(([, after]) => after), limit]);
  return rows.map((row) => ({ key: Number(row.key), position: Number(row.article) }));
}

/** Ids and signatures of the articles at these positions. */
export async function pgNearSignatures(db: Queryable, positions: readonly number[]): Promise<Array<{ position: number; id: string; signature: Uint32Array }>> {
  for (const position of positions) if (!Number.isSafeInteger(position)) throw argumentError('position', `${position} is not a storage position`);
  if (positions.length === 0) return [];
  const { rows } = await db.query(`SELECT a.seq, a.id, s.signature FROM near_signatures s JOIN articles a ON a.seq = s.article
    WHERE s.article = ANY($1::bigint[])`, [positions]);
  return rows.map((row) => ({ position: Number(row.seq), id: String(row.id), signature: decodeSignature(row.signature as Uint8Array) }));
}
