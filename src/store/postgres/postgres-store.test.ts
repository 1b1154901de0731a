// Store tests (PostgreSQL): the shared Store contract against the machine's server, each store in a database of its own, dropped after.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DyadError } from '../../types/index.js';
import { storeContract } from '../store-contract.js';
import { openPostgresStore, type PostgresStore } from './postgres-store.js';
import { PG_SCHEMA_VERSION } from './pg-schema.js';
import { testDatabases, type TestDatabases } from './pg-test-server.js';

const databases = await testDatabases();
const skip = typeof databases === 'string' ? databases : false;
const server = typeof databases === 'string' ? null : databases;
after(async () => server?.dropAll());

async function open(): Promise<PostgresStore> {
  return openPostgresStore(await (server as TestDatabases).create());
}

if (server === null) {
  void describe('PostgreSQL store', () => {
    it('runs the Store contract', { skip }, () => {});
  });
} else {
  storeContract('PostgreSQL', open);

  void describe('PostgreSQL store', () => {
    let url = '';
    before(async () => { url = await server.create(); });

    it('opens an existing store again, and names it without a password', async () => {
      const first = await openPostgresStore(url);
      await first.close();
      const again = await openPostgresStore(url.replace('postgres@', 'postgres:secret@'));
      assert.equal(again.location.includes('secret'), false);
      assert.equal((await again.stats()).schemaVersion, PG_SCHEMA_VERSION);
      await again.close();
    });

    it('lets one writer in at a time: a second is refused with E601, or waits and says so', async () => {
      const first = await openPostgresStore(url);
      const second = await openPostgresStore(url);
      const lock = await first.acquireWriter();
      await assert.rejects(second.acquireWriter(), (err: unknown) => err instanceof DyadError && err.code === 'E601');
      let resolveTold: () => void = () => {};
      const told = new Promise<void>((resolve) => { resolveTold = resolve; });
      const pending = second.acquireWriter({ wait: true, pollMs: 10, onWait: () => resolveTold() });
      await told;
      await lock.release();
      await (await pending).release();
      await first.close();
      await second.close();
    });

    it('gives a change mark that moves when another connection writes', async () => {
      const first = await openPostgresStore(url);
      const second = await openPostgresStore(url);
      const before = await first.changeMark();
      assert.equal(await first.changeMark(), before);
      await second.putArticle({ id: 'mark.txt', text: 'A short text.' }, { hash: 'h-mark' });
      assert.notEqual(await first.changeMark(), before);
      await first.close();
      await second.close();
    });

    it('refuses a database that holds other tables', async () => {
      const other = await server.create();
      const { createPool } = await import('./pg-driver.js');
      const pool = createPool(other, 1);
      await pool.query('CREATE TABLE someone_elses (x integer)');
      await pool.end();
      await assert.rejects(openPostgresStore(other), (err: unknown) => err instanceof DyadError && /not a Dyad store/.test(err.message));
    });
  });
}
