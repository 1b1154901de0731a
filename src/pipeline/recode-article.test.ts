// Pipeline tests: re-coding a stored article replaces its events and settles the clusters they were in, in one transaction.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cluster } from '../types/link.js';
import { clusteredSample } from '../store/cluster-contract.js';
import { sampleEntries } from '../store/store-fixtures.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { DyadError } from '../types/index.js';
import { storeHappenings } from '../export/export-store.js';
import type { Happening } from '../export/happening.js';
import { storeContext } from '../export/store-lookups.js';
import { recodeArticle } from './recode-article.js';

const C = (id: string): string => `c-${id}`;
const B1 = 'baghdad-2019.txt:0:1', B2 = 'baghdad-2019.txt:1:2';
const D1 = 'drones-2020.txt:0:1', D2 = 'drones-2020.txt:1:2', D3 = 'drones-2020.txt:2:3';
const T1 = 'boats-2020.txt:0:1';

describe('recodeArticle', () => {
  it('leaves an event coded since the last clustering to exports as a happening of its own, in date order among the clusters', async () => {
    const { store, clusters } = await clusteredSample(() => openSqliteStore(':memory:'));
    const b1 = clusters.find((c) => c.id === C(B1));
    assert.ok(b1);
    // B1 (Iraq's request of 2019) and D1 (its renewal in 2020) reported as one happening
    await store.applyClusterChange({
      upserted: [{ ...b1, mentionIds: [B1, D1], mentionCount: 2, articleCount: 2, independentSources: 2, confidence: 0.75 }], removed: [C(D1)], merged: [],
    });
    const drones = sampleEntries().find((e) => e.article.id === 'drones-2020.txt');
    assert.ok(drones);
    const recoded = { ...drones.events[2]!, id: 'drones-2020.txt:2:9', date: '2019-06-01' };
    await recodeArticle(store, 'drones-2020.txt', [...drones.events.slice(0, 2), recoded]);
    const happenings: Happening[] = [];
    for await (const happening of storeHappenings(store, {}, await storeContext(store))) happenings.push(happening);
    assert.equal(happenings.length, 9);
    assert.equal(happenings.some((h) => h.mentions.some((m) => m.id === D3)), false);
    assert.deepEqual(happenings.find((h) => h.cluster.id === C(recoded.id))?.mentions, [recoded]);
    const keys = happenings.map((h) => `${h.cluster.date ?? '\uffff'} ${h.cluster.id}`);
    assert.deepEqual(keys, [...keys].sort(), 'by date, undated last, then by id');
    await store.close();
  });

  it('takes the mentions an article lost out of their clusters, and keeps one coded again under its id', async () => {
    const { store, clusters } = await clusteredSample(() => openSqliteStore(':memory:'));
    const alone = (id: string): Cluster => {
      const cluster = clusters.find((c) => c.id === C(id));
      assert.ok(cluster, id);
      return cluster;
    };
    // B1 and D1 reported as one happening, and B2 with D2
    const joined = (a: string, b: string): Cluster => ({ ...alone(a), mentionIds: [a, b], mentionCount: 2, articleCount: 2, independentSources: 2, confidence: 0.75 });
    await store.applyClusterChange({ upserted: [joined(B1, D1), joined(B2, D2)], removed: [C(D1), C(D2)], merged: [] });
    const drones = sampleEntries().find((e) => e.article.id === 'drones-2020.txt');
    assert.ok(drones);
    // re-coded: D1 and D2 are gone, D3 comes back under the same id
    await recodeArticle(store, 'drones-2020.txt', [drones.events[2]!]);
    assert.deepEqual(await store.cluster(C(B1)), alone(B1), 'a cluster that lost a mention is summarised again from the rest');
    assert.deepEqual(await store.cluster(C(B2)), alone(B2));
    assert.deepEqual(await store.cluster(C(D3)), alone(D3), 'a mention coded again under its id stays in its cluster');
    assert.deepEqual((await store.mentionsOf(C(B1))).map((e) => e.id), [B1]);
    assert.equal(await store.countClusters({}), 8);
    // every stored mention is in the cluster it points to, and every cluster member is a stored mention
    const members = new Map<string, string[]>();
    for await (const mention of store.iterateMentions()) {
      if (mention.cluster !== null) members.set(mention.cluster, [...(members.get(mention.cluster) ?? []), mention.event.id]);
    }
    for (const cluster of await store.clusters({}, { limit: 100 })) {
      assert.deepEqual(members.get(cluster.id)?.sort(), cluster.mentionIds, cluster.id);
      assert.equal(cluster.mentionCount, cluster.mentionIds.length);
    }
    assert.equal(members.size, 8);

    // a cluster that loses its smallest mention takes the id of the next; one that loses every mention is deleted
    await store.applyClusterChange({ upserted: [joined(T1, D3)], removed: [C(D3)], merged: [] });
    await recodeArticle(store, 'boats-2020.txt', []);
    assert.equal(await store.cluster(C(T1)), null);
    assert.deepEqual(await store.cluster(C(D3)), alone(D3));
    assert.deepEqual((await store.mentionsOf(C(D3))).map((e) => e.id), [D3]);
    await recodeArticle(store, 'drones-2020.txt', []);
    assert.equal(await store.cluster(C(D3)), null);
    assert.equal(await store.countClusters({}), 6);
    await store.close();
  });

  it('changes nothing when the article is unknown or an event is not its own', async () => {
    const { store } = await clusteredSample(() => openSqliteStore(':memory:'));
    const before = await store.clusters({}, { sort: 'id', limit: 100 });
    await assert.rejects(recodeArticle(store, 'nowhere.txt', []), (err: unknown) => err instanceof DyadError && /no article/.test(err.message));
    await assert.rejects(recodeArticle(store, 'drones-2020.txt', [sampleEntries()[0]!.events[0]!]), /belongs to document/);
    assert.deepEqual(await store.clusters({}, { sort: 'id', limit: 100 }), before);
    await store.close();
  });
});
