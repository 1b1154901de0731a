import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCluster } from '../link/build-cluster.js';
import { Clusterer } from '../link/cluster-events.js';
import { defaultKindTree } from '../link/kind-tree.js';
import type { MentionInput } from '../types/link.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { sampleEntries, sampleEvents } from '../store/store-fixtures.js';
import { readCsvEvents } from './csv.js';
import { collectText } from './export-context.js';
import { exportFromStore, storeHappenings } from './export-store.js';
import type { Happening } from './happening.js';
import { readTsv } from './read-table.js';
import { storeContext } from './store-lookups.js';

const B1 = 'baghdad-2019.txt:0:1', D1 = 'drones-2020.txt:0:1';

async function sampleStore(): Promise<Store> {
  const store = await openSqliteStore(':memory:');
  for (const { article, meta, events } of sampleEntries()) await store.putArticle(article, meta, events);
  return store;
}

/** The sample store clustered, with B1 (Iraq's request of 2019) and D1 (its renewal in 2020) made one happening. */
async function clusteredStore(): Promise<{ store: Store; merged: string }> {
  const store = await sampleStore();
  const mentions: MentionInput[] = [];
  for await (const mention of store.iterateMentions()) mentions.push(mention);
  const clusterer = new Clusterer({ kinds: defaultKindTree() });
  await store.applyClusterChange(clusterer.addAll(mentions));
  const merged = buildCluster(mentions.filter((m) => [B1, D1].includes(m.event.id)), defaultKindTree());
  await store.applyClusterChange({ upserted: [merged], removed: [`c-${D1}`], merged: [] });
  return { store, merged: merged.id };
}

async function all(store: Store, filter = {}): Promise<Happening[]> {
  const out: Happening[] = [];
  for await (const happening of storeHappenings(store, filter, await storeContext(store))) out.push(happening);
  return out;
}

/** Happenings come by date, undated last, then by id. */
function assertByDate(happenings: Happening[]): void {
  const keys = happenings.map((h) => `${h.cluster.date ?? '\uffff'} ${h.cluster.id}`);
  assert.deepEqual(keys, [...keys].sort());
}

test('a store never clustered exports each event as a happening of its own', async () => {
  const store = await sampleStore();
  const happenings = await all(store);
  assert.deepEqual(happenings.map((h) => h.mentions.map((m) => m.id)).sort(), sampleEvents().map((e) => [e.id]).sort());
  assert.ok(happenings.every((h) => h.cluster.id === `c-${h.mentions[0]!.id}` && h.cluster.mentionCount === 1));
  assertByDate(happenings);
  assert.deepEqual((await all(store, { source: ['TUR'] })).map((h) => h.cluster.id), ['c-boats-2020.txt:0:1']);
  await store.close();
});

test('a clustered store exports each happening once with every report of it, selected as Store.clusters selects', async () => {
  const { store, merged } = await clusteredStore();
  const happenings = await all(store);
  assert.equal(happenings.length, 9);
  const joined = happenings.find((h) => h.cluster.id === merged);
  assert.deepEqual(joined?.mentions.map((m) => m.id), [B1, D1]);
  assert.deepEqual(joined?.cluster, await store.cluster(merged));
  assertByDate(happenings);
  // a filter on the 2020 article keeps the happenings it reports, with all their reports (the 2019 one too)
  const filter = { doc: 'drones-2020.txt' };
  const selected = await all(store, filter);
  assert.deepEqual(selected.map((h) => h.cluster.id).sort(), (await store.clusters(filter, { sort: 'id' })).map((c) => c.id));
  assert.deepEqual(selected.find((h) => h.cluster.id === merged)?.mentions.map((m) => m.id), [B1, D1]);
  await store.close();
});

test('a store with more clusters than are read at once exports each with the same reports Store.mentionsOf gives', async () => {
  // 60 copies of the sample articles: 600 events, each a cluster of its own but the copies of B1 joined in pairs
  const store = await openSqliteStore(':memory:');
  for (let copy = 0; copy < 60; copy++) {
    for (const { article, meta, events } of sampleEntries()) {
      if (events.length === 0) continue;
      const id = `${article.id}#${copy}`;
      await store.putArticle({ ...article, id }, { ...meta, hash: `${meta.hash}#${copy}`, simhash: undefined },
        events.map((e) => ({ ...e, id: e.id.replace(article.id, id), doc: id })));
    }
  }
  const mentions: MentionInput[] = [];
  for await (const mention of store.iterateMentions()) mentions.push(mention);
  const tree = defaultKindTree();
  const asks = mentions.filter((m) => m.event.id.startsWith('baghdad-2019.txt#') && m.event.id.endsWith(':0:1'));
  const paired = new Set(asks.map((m) => m.event.id));
  const clusters = mentions.filter((m) => !paired.has(m.event.id)).map((m) => buildCluster([m], tree));
  for (let i = 0; i + 1 < asks.length; i += 2) clusters.push(buildCluster([asks[i]!, asks[i + 1]!], tree));
  await store.applyClusterChange({ upserted: clusters, removed: [], merged: [] });

  const happenings = await all(store);
  assert.equal(happenings.length, 600 - 30);
  assertByDate(happenings);
  for (const h of happenings) assert.deepEqual(h.mentions, await store.mentionsOf(h.cluster.id), h.cluster.id);
  assert.equal(happenings.filter((h) => h.mentions.length === 2).length, 30);
  assert.deepEqual(new Set(happenings.flatMap((h) => h.mentions.map((m) => m.id))).size, 600, 'every event once');
  await store.close();
});

test('one export call writes either level and either file of a format', async () => {
  const { store, merged } = await clusteredStore();
  const context = await storeContext(store);
  const mentions = await collectText(exportFromStore(store, { format: 'csv', filter: {}, level: 'mentions' }, context));
  assert.deepEqual(readCsvEvents(mentions), sampleEvents());
  let rows = 0;
  const events = readTsv(await collectText(exportFromStore(store, { format: 'icews', filter: {}, onRow: () => rows++ }, context)));
  assert.equal(events.length, 9);
  assert.equal(rows, 9);
  assert.deepEqual(events.find((r) => r['Event ID'] === merged)?.Mentions, '2');
  const gdeltMentions = await collectText(exportFromStore(store, { format: 'gdelt', filter: {}, companion: true }, context));
  assert.equal(gdeltMentions.trimEnd().split('\n').length, 10);
  assert.throws(() => exportFromStore(store, { format: 'csv', filter: {}, companion: true }, context), /one file only/);
  await store.close();
});
