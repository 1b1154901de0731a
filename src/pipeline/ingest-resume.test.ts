// Pipeline tests: an ingest stopped at seeded moments and resumed ends with exactly the articles, events, clusters and threads of one uninterrupted run, on each adapter.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createCoderSync } from '../coder/create-coder.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { testDatabases } from '../store/postgres/pg-test-server.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { jsonLines, seeded, syndicatedChains } from '../../test/fixtures/syndicated-chains.js';
import { Crash, crashingStore, snapshot } from './crash-fixtures.js';
import { ingestArticles } from './ingest-articles.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-resume-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const coder = createCoderSync();
const input = join(dir, 'chains.jsonl');
writeFileSync(input, jsonLines(syndicatedChains(40, 6)));
const IDS = syndicatedChains(40, 6).map((r) => r.id);


const databases = await testDatabases();
after(async () => { if (typeof databases !== 'string') await databases.dropAll(); });

/** The adapters, each opening a new empty store on every call (null: not available here, with the reason). */
const ADAPTERS: Array<[string, ((n: number) => Promise<Store>) | string]> = [
  ['SQLite', async (n) => openSqliteStore(join(dir, `store-${n}.db`))],
  ['PostgreSQL', typeof databases === 'string' ? databases : async () => openPostgresStore(await databases.create())],
];

for (const [adapter, open] of ADAPTERS) describe(`ingestArticles, stopped and resumed: ${adapter}`, { skip: typeof open === 'string' ? open : false }, () => {
  let opened = 0;
  const fresh = async (): Promise<Store> => (open as (n: number) => Promise<Store>)(opened++);

  it('links a copy of a copy to the copy, and codes neither', async () => {
    const store = await fresh();
    const summary = await ingestArticles([input], { store, coder, batchSize: 5 });
    assert.equal(summary.new, 40);
    assert.equal(summary.nearDuplicates, 80);
    const copyOfCopy = await store.getArticle('cc3');
    assert.equal(copyOfCopy?.nearDuplicateOf, 'c3', 'the copy of the copy is near the copy only');
    await store.close();
  });

  it('holding 8 mentions in memory, stores what an unbounded run stores, also when killed and resumed', async () => {
    const whole = await fresh();
    await ingestArticles([input], { store: whole, coder, batchSize: 5, linkCapacity: Infinity });
    const expected = await snapshot(whole, IDS);
    await whole.close();

    const bounded = await fresh();
    let reads = 0;
    // the linker reads dropped events back through iterateEvents (the May days come round again every 28 stories)
    const counting = new Proxy(bounded, {
      get(target, name, receiver) {
        if (name === 'iterateEvents') reads++;
        const value: unknown = Reflect.get(target, name, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    await ingestArticles([input], { store: counting, coder, batchSize: 5, linkCapacity: 8 });
    assert.deepEqual(await snapshot(bounded, IDS), expected);
    assert.ok(reads > 0, 'dropped events were read back');
    await bounded.close();

    const next = seeded(5);
    const store = await fresh();
    for (let run = 0; run < 6; run++) {
      try {
        await ingestArticles([input], { store: crashingStore(store, 1 + (next() % 12), next() % 2 === 0), coder, batchSize: 5, linkCapacity: 8 });
        break;
      } catch (err) {
        if (!(err instanceof Crash)) throw err;
      }
    }
    await ingestArticles([input], { store, coder, batchSize: 5, linkCapacity: 8 });
    assert.deepEqual(await snapshot(store, IDS), expected, 'killed and resumed');
    await store.close();
  });

  it('ends, after seeded kills at any write, with exactly what one uninterrupted run stores', async () => {
    const whole = await fresh();
    await ingestArticles([input], { store: whole, coder, batchSize: 5 });
    const expected = await snapshot(whole, IDS);
    await whole.close();

    const next = seeded(12);
    for (let trial = 0; trial < 4; trial++) {
      const store = await fresh();
      let kills = 0;
      // each run dies at a write chosen by the seed, until one gets through (writes: 24 batches, clusters, threads)
      for (let run = 0; run < 20; run++) {
        const at = 1 + (next() % 12);
        try {
          await ingestArticles([input], { store: crashingStore(store, at, next() % 2 === 0), coder, batchSize: 5 });
          break;
        } catch (err) {
          if (!(err instanceof Crash)) throw err;
          kills++;
        }
      }
      assert.ok(kills >= 2, `trial ${trial}: the ingest was killed (${kills} times)`);
      await ingestArticles([input], { store, coder, batchSize: 5 });
      assert.deepEqual(await snapshot(store, IDS), expected, `trial ${trial}`);
      await store.close();
    }
  });
});
