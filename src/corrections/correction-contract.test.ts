// Corrections tests: the corrections contract against each Store adapter — SQLite in memory and in a file, and
// PostgreSQL when the machine has a test server (each store in a database of its own, dropped after).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { testDatabases } from '../store/postgres/pg-test-server.js';
import { correctionContract } from './correction-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-corrections-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let files = 0;

correctionContract('sqlite in memory', () => openSqliteStore(':memory:'));
correctionContract('sqlite file', () => openSqliteStore(join(dir, `store-${++files}.db`)));

const databases = await testDatabases();
if (typeof databases === 'string') {
  void describe('Store contract, corrections: PostgreSQL', () => {
    it('runs the corrections contract', { skip: databases }, () => {});
  });
} else {
  after(async () => databases.dropAll());
  correctionContract('PostgreSQL', async () => openPostgresStore(await databases.create()));
}
