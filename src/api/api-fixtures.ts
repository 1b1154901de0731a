// API tests: a real SQLite store in a temporary folder, filled with the store's written sample collection.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { sampleEntries } from '../store/store-fixtures.js';
import type { Store } from '../store/store.js';

export interface TestStore {
  store: Store;
  dir: string;
  /** Closes the store and removes its folder. */
  dispose(): Promise<void>;
}

/** A store at `DIR/dyad.db` holding the sample entries (five articles, ten events). */
export async function sampleStore(options: { empty?: boolean } = {}): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-api-'));
  const store = await openSqliteStore(join(dir, 'dyad.db'));
  if (!options.empty) await store.putArticles(sampleEntries());
  return {
    store,
    dir,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
