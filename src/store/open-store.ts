// Store: a `--db` value → the open Store of the adapter it names (`postgres://…` → PostgreSQL, anything else → an SQLite file).
import { isPostgresUrl, openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore, type OpenOptions } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** What `--db` takes, for help texts. */
export const DB_HELP = 'the store: an SQLite file, or a PostgreSQL database as postgres://user@host:port/db';

/**
 * Opens the store `db` names: a `postgres://` or `postgresql://` URL opens that PostgreSQL database (the database
 * must exist; the schema is created in it), anything else the SQLite file at that path (`mustExist`: see
 * OpenOptions). Throws DyadError E600 naming the store.
 */
export async function openStore(db: string, options: OpenOptions = {}): Promise<Store> {
  return isPostgresUrl(db) ? openPostgresStore(db) : openSqliteStore(db, options);
}
