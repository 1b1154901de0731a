// Pipeline tests: queue-fed workers killed at seeded writes, one after another, end with exactly what one ingest of the same input stores.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createCoderSync } from '../coder/create-coder.js';
import { contentHash } from '../ingest/content-hash.js';
import { readInputs } from '../ingest/read-inputs.js';
import { ArticleQueue } from '../queue/article-queue.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { testDatabases } from '../store/postgres/pg-test-server.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { jsonLines, seeded, syndicatedChains } from '../../test/fixtures/syndicated-chains.js';
import { Crash, crashingStore, snapshot } from './crash-fixtures.js';
import { ingestArticles } from './ingest-articles.js';
import { runWorker } from './run-worker.js';

const SERVER = process.env.DYAD_TEST_NATS ?? 'nats://127.0.0.1:4222';
const dir = mkdtempSync(join(tmpdir(), 'dyad-worker-'));
const coder = createCoderSync();
const input = join(dir, 'chains.jsonl');
writeFileSync(input, jsonLines(syndicatedChains(40, 6)));
const IDS = syndicatedChains(40, 6).map((r) => r.id);

let streams = 0;
const opened: ArticleQueue[] = [];
/** A new, empty stream on the test server, deleted after the run. */
async function freshQueue(): Promise<ArticleQueue> {
  const queue = await ArticleQueue.open(`${SERVER}/DYAD_TEST_${process.pid}_${++streams}`);
  opened.push(queue);
  return queue;
}
const reachable = await freshQueue().then(() => true, (err: unknown) => `no NATS JetStream at ${SERVER} (${(err as Error).message}); .ci/run starts one`);
const databases = await testDatabases();
after(async () => {
  for (const queue of opened) await queue.deleteStream().catch(() => {}).then(() => queue.close());
  if (typeof databases !== 'string') await databases.dropAll();
  rmSync(dir, { recursive: true, force: true });
});

/** Publishes the input's articles as `dyad ingest --queue` does. */
async function publish(queue: ArticleQueue): Promise<{ duplicates: number }> {
  let duplicates = 0;
  for await (const result of readInputs([input], { date: null })) {
    if (result.kind === 'article' && (await queue.publish(result.article, contentHash(result.article.text))).duplicate) duplicates++;
  }
  return { duplicates };
}

const ADAPTERS: Array<[string, ((n: number) => Promise<Store>) | string]> = [
  ['SQLite', async (n) => openSqliteStore(join(dir, `store-${n}.db`))],
  ['PostgreSQL', typeof databases === 'string' ? databases : async () => openPostgresStore(await databases.create())],
];

for (const [adapter, open] of ADAPTERS) {
  const skip = reachable !== true ? reachable : typeof open === 'string' ? open : false;
  describe(`runWorker: ${adapter}`, { skip }, () => {
    let n = 0;
    const fresh = async (): Promise<Store> => (open as (n: number) => Promise<Store>)(n++);

    it('stores each message once, in stream order, and a re-publish is dropped as a duplicate', async () => {
      const queue = await freshQueue();
      await publish(queue);
      assert.deepEqual(await publish(queue), { duplicates: IDS.length }, 'message ids are content hashes');
      const whole = await fresh();
      await ingestArticles([input], { store: whole, coder });
      const store = await fresh();
      const summary = await runWorker({ store, coder, source: queue, untilDrained: true, batchSize: 7 });
      assert.deepEqual([summary.position, summary.new, summary.nearDuplicates], [IDS.length, 40, 80]);
      assert.equal(await store.queuePosition(queue.stream), IDS.length);
      assert.equal(await queue.lastSeq(), IDS.length, 'pending 0');
      assert.deepEqual(await snapshot(store, IDS), await snapshot(whole, IDS));
      await whole.close();
      await store.close();
    });

    it('ends, with workers killed at seeded writes and others started, with exactly what one ingest stores', async () => {
      const queue = await freshQueue();
      await publish(queue);
      const whole = await fresh();
      await ingestArticles([input], { store: whole, coder });
      const expected = await snapshot(whole, IDS);
      await whole.close();
      const store = await fresh();
      const next = seeded(5);
      let kills = 0;
      for (let run = 0; run < 6; run++) {
        try {
          await runWorker({ store: crashingStore(store, 1 + (next() % 8), next() % 2 === 0), coder, source: queue, untilDrained: true, batchSize: 9 });
        } catch (err) {
          if (!(err instanceof Crash)) throw err;
          kills++;
        }
      }
      assert.ok(kills >= 3, `workers were killed (${kills} times)`);
      await runWorker({ store, coder, source: queue, untilDrained: true, batchSize: 9 });
      assert.deepEqual(await snapshot(store, IDS), expected);
      await store.close();
    });

    it('stops after the batch in hand when aborted (SIGTERM), with what it read stored', async () => {
      const queue = await freshQueue();
      await publish(queue);
      const store = await fresh();
      const stop = new AbortController();
      const summary = await runWorker({ store, coder, source: queue, batchSize: 10, signal: stop.signal, onBatch: () => stop.abort() });
      assert.equal(summary.position, 10);
      assert.equal(await store.queuePosition(queue.stream), 10);
      assert.equal((await store.stats()).articles, 10);
      await store.close();
    });
  });
}
