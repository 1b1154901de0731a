// Store (SQLite): a store path → the right to be its only writer, held as an SQLite lock on `PATH-writer` until released or the process dies.
//
// Why a lock of its own: an ingest keeps linking state (the near-duplicate index, the clusterer) that follows the
// store only while no one else writes it. SQLite's own write lock lasts one transaction; this one lasts a run. It
// is a RESERVED lock on a one-table SQLite file next to the store, taken by an open write transaction: the kernel
// drops it when the process dies, even by `kill -9`, so no stale lock ever needs clearing by hand.

import { DyadError } from '../../types/index.js';
import type { WriterLock, WriterLockOptions } from '../store.js';
import { openLockDatabase } from './open-database.js';

/** How often a waiting writer tries again. */
const POLL_MS = 250;

function isBusy(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED';
}

/**
 * Takes the writer lock of the SQLite store at `path` (`:memory:` needs none). When another process (or another
 * connection of this one) holds it: with `wait`, `onWait` is called once with a message and the call resolves when
 * the lock is free; without, it throws E601 naming the store.
 */
export async function acquireSqliteWriter(path: string, options: WriterLockOptions = {}): Promise<WriterLock> {
  if (path === ':memory:') return { release: async () => {} };
  const lockPath = `${path}-writer`;
  let db;
  try {
    db = openLockDatabase(lockPath);
    db.exec('CREATE TABLE IF NOT EXISTS writer_lock (held INTEGER)');
  } catch (err) {
    db?.close();
    if (!isBusy(err)) throw new DyadError('E600', lockPath, `cannot open the writer lock: ${(err as Error).message}`);
    // another writer created the file and holds it already; the loop below waits or refuses
    db = openLockDatabase(lockPath);
  }
  const lock = db;
  let told = false;
  for (;;) {
    try {
      lock.exec('BEGIN IMMEDIATE');
      break;
    } catch (err) {
      if (!isBusy(err)) {
        lock.close();
        throw new DyadError('E600', lockPath, `cannot take the writer lock: ${(err as Error).message}`);
      }
    }
    const message = `another process is writing to ${path} (an ingest, or a server storing posted articles)`;
    if (options.wait !== true) {
      lock.close();
      throw new DyadError('E601', path, `${message}; try again when it has finished`);
    }
    if (!told) options.onWait?.(`${message}; waiting for it to finish`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? POLL_MS));
  }
  let held = true;
  return {
    release: async () => {
      if (!held) return;
      held = false;
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}
