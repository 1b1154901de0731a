// Store (SQLite): a path → an open, checked, migrated better-sqlite3 connection (the only module importing better-sqlite3).

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DyadError } from '../../types/index.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js';

export type SqliteDatabase = Database.Database;
/** A prepared statement taking positional or named parameters. */
export type Statement = Database.Statement<unknown[]>;

export interface OpenOptions {
  /** Refuse to create a new file (query commands: a mistyped path is an error, not an empty store). */
  mustExist?: boolean;
  /**
   * For filling a new, throw-away store fast (the serve benchmark's million events): no fsync at all
   * (synchronous=OFF) and a 1 GiB page cache, so that index inserts at random keys stay in memory. A killed process
   * loses nothing committed, but a crash of the machine can lose or corrupt the file: never for a store one keeps.
   */
  bulkLoad?: boolean;
}

const HEADER = 'SQLite format 3\0';

function storeError(path: string, message: string): DyadError {
  return new DyadError('E600', path, message);
}

/** Checks the file before SQLite touches it: a directory, a missing file or a non-SQLite file is refused, never overwritten. */
function checkFile(path: string, options: OpenOptions): void {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw storeError(path, 'is a directory, not a database file');
    size = stat.size;
  } catch (err) {
    if (err instanceof DyadError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      if (options.mustExist) throw storeError(path, 'no database here (create one with `dyad ingest --db PATH`)');
      return;
    }
    throw storeError(path, `cannot read the database file: ${(err as Error).message}`);
  }
  if (size === 0) return;
  const header = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, header, 0, 16, 0);
  } catch (err) {
    throw storeError(path, `cannot read the database file: ${(err as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (size < 100 || header.toString('latin1') !== HEADER) {
    throw storeError(path, 'is not an SQLite database (corrupt, or another kind of file); it was left untouched');
  }
}

function currentVersion(db: SqliteDatabase): number {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'").get();
  if (table === undefined) return 0;
  const row = db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null };
  return row.v ?? 0;
}

/** Checks the file is a Dyad store or an empty database, reading only. */
function checkIdentity(db: SqliteDatabase, path: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== 0 && appId !== APPLICATION_ID) {
    throw storeError(path, 'is an SQLite database of another application, not a Dyad store; it was left untouched');
  }
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
  if (appId === 0 && tables.n > 0 && currentVersion(db) === 0) {
    throw storeError(path, 'is an SQLite database but not a Dyad store; it was left untouched');
  }
}

/** Applies the migrations the database lacks, each in one transaction with its version row. */
function migrate(db: SqliteDatabase, path: string, migrations: readonly Migration[]): void {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const found = currentVersion(db);
  if (found > latest) {
    throw storeError(path, `was written by a newer Dyad (schema version ${found}; this one knows up to ${latest})`);
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    // BEGIN IMMEDIATE, then re-read the version: two processes opening a fresh file at once migrate it once.
    db.transaction(() => {
      if (currentVersion(db) >= migration.version) return;
      db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}

/**
 * Opens (creating when allowed) the SQLite file at `path` — or `:memory:` — with WAL, synchronous=NORMAL
 * (a commit survives a killed process; only an OS crash can lose the last commits, never corrupt the file),
 * foreign keys on, and a 5 s busy timeout so a reader waits for a writer's commit instead of failing.
 * Throws DyadError E600 naming the path for anything that is not a Dyad store.
 */
export function openDatabase(path: string, options: OpenOptions = {}, migrations: readonly Migration[] = MIGRATIONS): SqliteDatabase {
  if (path !== ':memory:') checkFile(path, options);
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(path, { fileMustExist: options.mustExist === true && path !== ':memory:' });
    db.pragma('busy_timeout = 5000');
    checkIdentity(db, path);
    // Only now, with the file known to be ours (or empty), change anything: WAL rewrites the header.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 64 MiB of page cache instead of 2: index inserts at random keys stay in memory much longer.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // Checkpoint every ~40 MB of WAL rather than every 4 MB: a page rewritten by many commits is copied once.
    db.pragma('wal_autocheckpoint = 10000');
    if (options.bulkLoad) {
      db.pragma('synchronous = OFF');
      db.pragma('cache_size = -1048576');
    }
    migrate(db, path, migrations);
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof DyadError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
      throw storeError(path, 'is not a usable SQLite database (corrupt); it was left untouched');
    }
    throw storeError(path, `cannot open the database: ${(err as Error).message}`);
  }
}

/**
 * Opens the small SQLite file that stands for the right to write a store (see writer-lock.ts): rollback journal,
 * no busy wait (the caller polls, so the event loop never blocks on a lock).
 */
export function openLockDatabase(path: string): SqliteDatabase {
  const db = new Database(path);
  db.pragma('busy_timeout = 0');
  return db;
}

export { SCHEMA_VERSION };
