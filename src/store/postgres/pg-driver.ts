// Store (PostgreSQL): the only module importing `pg` — a URL → a pool, `?` placeholders → `$n`, driver errors → DyadError.

import pg from 'pg';
import { DyadError } from '../../types/index.js';

/** 64-bit integers (bigint ids, count(*)) come back as numbers: row counts and sequence values stay far below 2^53. */
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number.parseInt(value, 10));

/** A query parameter: a value, an array of them (`= ANY($1)`), or bytes (`bytea`). */
export type SqlParam = string | number | boolean | null | readonly string[] | readonly number[] | Uint8Array;

/** A row as the driver gives it. */
export type Row = Record<string, unknown>;

/** What a query runs on: the pool (one statement, any connection) or one client (inside a transaction). */
export interface Queryable {
  query(sql: string, params?: readonly SqlParam[]): Promise<{ rows: Row[]; rowCount: number | null }>;
}

/** One connection taken from the pool until `release()`. */
export interface Connection extends Queryable {
  release(err?: Error): void;
}

export interface Pool extends Queryable {
  connect(): Promise<Connection>;
  end(): Promise<void>;
}

/** A pool of connections to the database at `url` (`postgres://user@host:port/db`). */
export function createPool(url: string, max = 4): Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // an idle connection the server drops must not crash the process; the next query reconnects
  pool.on('error', () => {});
  return pool as unknown as Pool;
}

/**
 * SQL written with `?` placeholders (as the SQLite adapter writes it) → PostgreSQL's `$1, $2, …`. The SQL texts of
 * this adapter hold no `?` in literals and use no jsonb `?` operator, so every `?` is a placeholder.
 */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The URL with any password taken out, for messages. */
export function safeLocation(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** The SQLSTATE of a driver error, or ''. */
export function sqlState(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/** A driver error as a DyadError E600 naming `input`; a DyadError passes through. */
export function storeError(err: unknown, input: string): DyadError {
  if (err instanceof DyadError) return err;
  return new DyadError('E600', input, (err as Error).message);
}
