// Test helper for CLI commands: a temporary store filled with the store fixtures, and a command run in memory on it.
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { sampleEntries } from '../../store/store-fixtures.js';
import { ExitSignal, memoryIo, type CliIo } from './events.js';

/**
 * Registers before/after hooks that create a temporary SQLite store holding the store fixtures and remove it at the
 * end. Returns the folder and the database path (filled once the `before` hook has run).
 */
export function sampleStore(prefix: string): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = join(dir, 'dyad.db');
  before(async () => {
    const store = await openSqliteStore(db);
    for (const { article, meta, events } of sampleEntries()) await store.putArticle(article, meta, events);
    await store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, db };
}

/** Runs a command with `--db db` and the arguments on an in-memory io; an exit is caught and kept in `io.code`. */
export async function runCommand(make: (io: CliIo) => Command, db: string, args: string[], isTTY = false): Promise<ReturnType<typeof memoryIo>> {
  const io = memoryIo(isTTY);
  try {
    await make(io).parseAsync(['--db', db, ...args], { from: 'user' });
  } catch (err) {
    if (!(err instanceof ExitSignal)) throw err;
  }
  return io;
}
