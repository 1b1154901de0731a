// Pipeline tests: articles written one at a time through a LiveLinker end in the same events and threads as one ingest of them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createCoderSync } from '../coder/create-coder.js';
import { readInputs } from '../ingest/read-inputs.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import type { Article } from '../types/index.js';
import { ingestArticles } from './ingest-articles.js';
import { LiveLinker } from './live-linker.js';
import { threadClusters } from './mention-linker.js';
import { buildThreads } from '../link/build-threads.js';
import { DELIVERY_2021, HELICOPTERS, HELICOPTERS_RECEIVED, HELICOPTERS_RETOLD, REQUEST_2019, syndicated } from '../../test/fixtures/linking-stories.js';
import { defaultKindTree } from '../link/kind-tree.js';


/** Our own text: one happening told by three outlets and a syndicated copy, and a request with the delivery that answered it. */
const WRITTEN = [
  { id: 'sahel-courier', source: 'Sahel Courier', date: '2022-05-05', text: HELICOPTERS },
  { id: 'baghdad-times-2019', source: 'Baghdad Times', date: '2019-09-23',
    text: REQUEST_2019 },
  { id: 'bamako-post', source: 'Bamako Post', date: '2022-05-06',
    text: HELICOPTERS_RETOLD },
  { id: 'wire-echo', source: 'Wire Echo', date: '2022-05-05', text: syndicated('Wire Echo') },
  { id: 'desert-ledger', source: 'Desert Ledger', date: '2022-05-07',
    text: HELICOPTERS_RECEIVED },
  { id: 'baghdad-times-2021', source: 'Baghdad Times', date: '2021-03-04',
    text: DELIVERY_2021 },
];

const dir = mkdtempSync(join(tmpdir(), 'dyad-live-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const coder = createCoderSync();

function jsonl(name: string, written: readonly object[]): string {
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, written.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return path;
}

/** The articles of a JSON Lines file, read exactly as an ingest reads them. */
async function read(path: string): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const result of readInputs([path], { date: null })) if (result.kind === 'article') articles.push(result.article);
  return articles;
}

async function linked(store: Store): Promise<unknown> {
  return { clusters: await store.clusters({}, { sort: 'id', limit: 1000 }), threads: await store.threads() };
}

/** Writes the articles one request at a time, as POST /api/articles does: an entry, stored, then linked. */
async function writeOneByOne(live: LiveLinker, store: Store, articles: readonly Article[]): Promise<void> {
  for (const article of articles) {
    const entry = await live.entry(article, coder);
    await live.link([entry], [await store.putArticle(entry.article, entry.meta, entry.events)]);
  }
}

describe('LiveLinker', () => {
  it('links articles written one at a time into a store an ingest filled, as one ingest of them all does', async () => {
    const whole = await openSqliteStore(':memory:');
    const summary = await ingestArticles([jsonl('all', WRITTEN)], { store: whole, coder });
    assert.equal(summary.nearDuplicates, 1);
    assert.ok((summary.threads ?? 0) >= 1, 'the request and the delivery make a thread');

    const live = await openSqliteStore(':memory:');
    await ingestArticles([jsonl('first', WRITTEN.slice(0, 2))], { store: live, coder });
    const linker = await LiveLinker.open(live, { kinds: defaultKindTree() });
    await writeOneByOne(linker, live, await read(jsonl('rest', WRITTEN.slice(2))));

    assert.deepEqual(await linked(live), await linked(whole));
    const helicopters = (await live.clusters({ source: ['RUS'] }, { limit: 10 })).filter((c) => c.root === '07');
    assert.equal(helicopters.length, 1, 'one happening');
    assert.deepEqual(helicopters[0]?.outlets, ['Bamako Post', 'Desert Ledger', 'Sahel Courier']);
    await whole.close();
    await live.close();
  });

  it('holding 2 reports in memory, links articles written one at a time as one ingest of them all does', async () => {
    const whole = await openSqliteStore(':memory:');
    await ingestArticles([jsonl('all-bounded', WRITTEN)], { store: whole, coder });
    const live = await openSqliteStore(':memory:');
    await ingestArticles([jsonl('first-bounded', WRITTEN.slice(0, 2))], { store: live, coder, linkCapacity: 2 });
    await writeOneByOne(await LiveLinker.open(live, { kinds: defaultKindTree(), capacity: 2 }), live, await read(jsonl('rest-bounded', WRITTEN.slice(2))));
    assert.deepEqual(await linked(live), await linked(whole));
    await whole.close();
    await live.close();
  });

  it('stores a syndicated copy of a stored article uncoded, linked to it, and content already stored without events', async () => {
    const store = await openSqliteStore(':memory:');
    await ingestArticles([jsonl('original', WRITTEN.slice(0, 1))], { store, coder });
    const linker = await LiveLinker.open(store, { kinds: defaultKindTree() });
    const [original, , , syndicated] = WRITTEN;
    const [copy, again] = await read(jsonl('copies', [{ ...syndicated }, { ...original, id: 'sahel-courier-again' }]));
    const copyEntry = await linker.entry(copy as Article, coder);
    assert.equal(copyEntry.meta.nearDuplicateOf, 'sahel-courier');
    assert.deepEqual(copyEntry.events, []);
    const againEntry = await linker.entry(again as Article, coder);
    assert.deepEqual(againEntry.events, []);
    assert.equal((await store.putArticle(againEntry.article, againEntry.meta, againEntry.events)).new, false);
    await store.close();
  });

  it('knows when another process wrote the store, and a new linker then links a copy of what that process stored', async () => {
    const path = join(dir, 'shared.db');
    const server = await openSqliteStore(path);
    const lock = await server.acquireWriter();
    const linker = await LiveLinker.open(server, { kinds: defaultKindTree() });
    await lock.release();
    assert.equal(await linker.isStale(), false);
    // another process ingests the original while the server holds no lock
    const other = await openSqliteStore(path);
    await ingestArticles([jsonl('other', WRITTEN.slice(0, 1))], { store: other, coder });
    await other.close();
    assert.equal(await linker.isStale(), true, 'the other writer is seen');
    const again = await server.acquireWriter();
    const fresh = await LiveLinker.open(server, { kinds: defaultKindTree() });
    const [copy] = await read(jsonl('copy', WRITTEN.slice(3, 4)));
    const entry = await fresh.entry(copy as Article, coder);
    assert.equal(entry.meta.nearDuplicateOf, 'sahel-courier', 'the copy is linked, not coded again');
    await fresh.link([entry], [await server.putArticle(entry.article, entry.meta, entry.events)]);
    assert.equal(await fresh.isStale(), false, 'its own writes leave it current');
    await again.release();
    await server.close();
  });

  it('leaves the clusters and threads as they are when nothing new is linked', async () => {
    const store = await openSqliteStore(':memory:');
    await ingestArticles([jsonl('again', WRITTEN)], { store, coder });
    const before = await linked(store);
    const linker = await LiveLinker.open(store, { kinds: defaultKindTree() });
    const change = await linker.link([], []);
    assert.deepEqual(change, { upserted: [], removed: [], merged: [] });
    assert.deepEqual(await linked(store), before);
    await store.close();
  });
});

describe('LiveLinker thread rebuilds', () => {
  it('rebuilds the threads only when a change touches an event that can be a thread step', async () => {
    const store = await openSqliteStore(':memory:');
    await ingestArticles([jsonl('seed', WRITTEN)], { store, coder });
    let rebuilds = 0;
    const replaced: Array<readonly string[] | 'all'> = [];
    const putThreads = store.putThreads.bind(store);
    store.putThreads = async (threads, options) => {
      rebuilds++;
      replaced.push(options?.recipients ?? 'all');
      return putThreads(threads, options);
    };
    const linker = await LiveLinker.open(store, { kinds: defaultKindTree() });
    const [attack] = await read(jsonl('attack', [{ id: 'attack', date: '2022-06-01', text: 'Al-Shabaab militants attacked Somali troops near Mogadishu on Monday.' }]));
    const attackEntry = await linker.entry(attack as Article, coder);
    assert.ok(attackEntry.events.length > 0 && attackEntry.events.every((e) => e.root === '18' || e.root === '19'), attackEntry.events.map((e) => e.cameo).join(' '));
    await linker.link([attackEntry], [await store.putArticle(attackEntry.article, attackEntry.meta, attackEntry.events)]);
    assert.equal(rebuilds, 0, 'an attack is no step of an assistance thread');
    const [aid] = await read(jsonl('aid', [{ id: 'aid', date: '2022-06-02', text: 'China handed Iraq 20,000 assault rifles, the ministry said.' }]));
    const aidEntry = await linker.entry(aid as Article, coder);
    await linker.link([aidEntry], [await store.putArticle(aidEntry.article, aidEntry.meta, aidEntry.events)]);
    assert.equal(rebuilds, 1);
    // the first write is of every thread; later ones only of the threads to the parties of the changed events
    const [more] = await read(jsonl('more', [{ id: 'more', date: '2022-06-02', text: 'Turkey handed Syria 5,000 assault rifles, the ministry said.' }]));
    const moreEntry = await linker.entry(more as Article, coder);
    await linker.link([moreEntry], [await store.putArticle(moreEntry.article, moreEntry.meta, moreEntry.events)]);
    assert.deepEqual(replaced, ['all', ['SYR', 'TUR']]);
    const stored = (await store.threads()).sort((a, b) => (a.id < b.id ? -1 : 1));
    assert.deepEqual(stored, buildThreads(await threadClusters(store), { kinds: defaultKindTree() }), 'the same threads as a rebuild of all of them');
    assert.ok(stored.some((t) => t.recipient === 'SYR') && stored.some((t) => t.recipient === 'IRQ'));
    await store.close();
  });
});
