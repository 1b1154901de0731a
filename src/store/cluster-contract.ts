// Store tests: the clusters-and-threads part of the Store contract — mentions out, cluster changes and threads in, both levels queried.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DyadError } from '../types/index.js';
import type { Cluster } from '../types/link.js';
import { linkedSample } from './linked-sample.js';
import type { EventFilter, Store, StoredMention, ThreadFilter } from './store.js';
import { sampleEntries } from './store-fixtures.js';

const C = (id: string): string => `c-${id}`;
const B1 = 'baghdad-2019.txt:0:1', B2 = 'baghdad-2019.txt:1:2', B3 = 'baghdad-2019.txt:2:3';
const D1 = 'drones-2020.txt:0:1', D2 = 'drones-2020.txt:1:2', D3 = 'drones-2020.txt:2:3';
const T1 = 'boats-2020.txt:0:1', P1 = 'protest-2021.txt:0:1', P2 = 'protest-2021.txt:1:2', P3 = 'protest-2021.txt:2:3';

/** Cluster filters and the clusters they keep (the sample mentions are ten events of their own). */
const CLUSTER_CASES: Array<[string, EventFilter, string[]]> = [
  ['everything', {}, [B1, B2, B3, D1, D2, D3, T1, P1, P2, P3]],
  ['source through a mention', { source: ['CHNGOV'] }, [B2, B3, D2]],
  ['source and target countries', { source: ['CHN'], target: ['IRQ'] }, [B2, B3, D3]],
  ['root on the cluster code', { root: ['07'] }, [D3, T1]],
  ['exact code', { code: ['0332'] }, [B2, P3]],
  ['code prefix', { code: ['02*'] }, [B1, D1]],
  ['since leaves coarser dates out', { since: '2020-06' }, [D2, P1, P3]],
  ['until', { until: '2019' }, [B1, B2, B3]],
  ['status', { status: ['delivered'] }, [D3, T1]],
  ['item through a mention', { item: 'rifle' }, [B1, D3]],
  ['doc through a mention', { doc: 'drones-2020.txt' }, [D1, D2, D3]],
  ['all together', { source: ['CHN'], root: ['07'], since: '2020', status: ['delivered'] }, [D3]],
];

/** A store holding the sample articles, their mentions clustered (each a cluster of its own): for tests above the store too. */
export async function clusteredSample(open: () => Promise<Store>): Promise<{ store: Store; clusters: Cluster[] }> {
  const store = await open();
  for (const entry of sampleEntries()) await store.putArticle(entry.article, entry.meta, entry.events);
  const { clusters } = linkedSample();
  await store.applyClusterChange({ upserted: clusters, removed: [], merged: [] });
  return { store, clusters };
}

/** Registers the clusters-and-threads contract for one adapter (see `storeContract`). */
export function clusterContract(name: string, open: () => Promise<Store>, skip: Record<string, string> = {}): void {
  const it = (title: string, fn: () => Promise<void>): void => {
    void test(title, { skip: skip[title] ?? false }, fn);
  };

  void describe(`Store contract, clusters and threads: ${name}`, () => {
    it('gives stored events back as mentions with their article metadata, in storage order', async () => {
      const store = await open();
      for (const entry of sampleEntries()) await store.putArticle(entry.article, entry.meta, entry.events);
      const mentions: StoredMention[] = [];
      for await (const mention of store.iterateMentions({ pageSize: 4 })) mentions.push(mention);
      assert.deepEqual(mentions.map((m) => m.event.id), [B1, B2, B3, D1, D2, D3, T1, P1, P2, P3]);
      assert.deepEqual(mentions.map((m) => [m.outlet, m.published, m.nearDuplicateOf]).slice(2, 4), [
        ['Tigris Wire', '2019-03-14', null], ['Gulf Ledger', '2020-06-02', null],
      ]);
      const events = (await store.queryEvents({}, { limit: 100 })).events;
      assert.deepEqual(mentions.map((m) => m.event), events);
      assert.ok(mentions.every((m) => m.cluster === null), 'no cluster before clustering');
      await store.close();
    });

    it('stores a cluster change and gives every cluster back as it was', async () => {
      const { store, clusters } = await clusteredSample(open);
      assert.deepEqual(await store.clusters({}, { sort: 'id', limit: 100 }), clusters);
      assert.deepEqual(await store.cluster(C(D3)), clusters.find((c) => c.id === C(D3)));
      assert.equal(await store.cluster('c-missing'), null);
      for await (const mention of store.iterateMentions()) assert.equal(mention.cluster, C(mention.event.id), 'each mention points to its cluster');
      await store.close();
    });

    it('keeps a disputed event as it was: modality, disputing reports and the sources on each side', async () => {
      const store = await open();
      const { disputed, denied } = linkedSample();
      assert.ok(disputed.disputed);
      assert.equal(denied.modality, 'denied');
      await store.applyClusterChange({ upserted: [disputed, denied], removed: [], merged: [] });
      assert.deepEqual(await store.cluster(disputed.id), disputed);
      assert.deepEqual(await store.cluster('c-dy-1'), denied);
      await store.close();
    });

    it('filters clusters by their own code, date and status, and by their mentions', async () => {
      const { store } = await clusteredSample(open);
      for (const [title, filter, expected] of CLUSTER_CASES) {
        const ids = (await store.clusters(filter, { sort: 'id' })).map((c) => c.id);
        assert.deepEqual(ids, expected.map(C).sort(), title);
        assert.equal(await store.countClusters(filter), expected.length, `count: ${title}`);
      }
      const byDate = (await store.clusters({ root: ['07'] }, { sort: '-date' })).map((c) => c.id);
      assert.deepEqual(byDate, [C(D3), C(T1)]);
      assert.deepEqual((await store.clusters({}, { sort: 'id', limit: 2, offset: 1 })).map((c) => c.id), [C(B2), C(B3)]);
      await assert.rejects(store.clusters({ since: '2019-13' }), (err: unknown) => err instanceof DyadError && /since/.test(err.message));
      await store.close();
    });

    it('applies a merge: the removed cluster is gone and its mentions point to the new one', async () => {
      const { store, clusters } = await clusteredSample(open);
      const ask = clusters.find((c) => c.id === C(B1));
      assert.ok(ask);
      const merged: Cluster = { ...ask, mentionIds: [B1, D1], mentionCount: 2, articleCount: 2, independentSources: 2, confidence: 0.75 };
      await store.applyClusterChange({ upserted: [merged], removed: [C(D1)], merged: [{ into: C(B1), from: [C(D1)] }] });
      assert.equal(await store.cluster(C(D1)), null);
      assert.deepEqual(await store.cluster(C(B1)), merged);
      assert.deepEqual((await store.clusters({ doc: 'drones-2020.txt' }, { sort: 'id' })).map((c) => c.id), [C(B1), C(D2), C(D3)]);
      assert.deepEqual((await store.mentionsOf(C(B1))).map((e) => e.id), [B1, D1]);
      assert.deepEqual(await store.mentionsOf(C(D1)), []);
      assert.equal(await store.countClusters({}), 9);
      await store.close();
    });

    it('gives the mentions of many clusters at once, as mentionsOf gives them one by one', async () => {
      const { store, clusters } = await clusteredSample(open);
      // B1 and D1 reported as one happening, and B2, D2 and P2: clusters of several mentions, across articles
      const joined = (ids: string[]): Cluster => {
        const first = clusters.find((c) => c.id === C(ids[0]!));
        assert.ok(first);
        return { ...first, mentionIds: ids, mentionCount: ids.length, articleCount: ids.length, independentSources: ids.length };
      };
      await store.applyClusterChange({
        upserted: [joined([B1, D1]), joined([B2, D2, P2])], removed: [C(D1), C(D2), C(P2)], merged: [],
      });
      const asked = [C(B2), 'c-missing', C(T1), C(B1), C(D1), C(P3)];
      const many = await store.mentionsOfMany(asked);
      assert.deepEqual([...many.keys()].sort(), [...asked].sort(), 'every id asked has an answer');
      for (const id of asked) assert.deepEqual(many.get(id), await store.mentionsOf(id), id);
      assert.deepEqual(many.get(C(B2))?.map((e) => e.id), [B2, D2, P2], 'storage order within a cluster');
      assert.deepEqual(many.get('c-missing'), []);
      assert.deepEqual(many.get(C(D1)), [], 'a merged-away cluster has no mentions');
      assert.equal((await store.mentionsOfMany([])).size, 0);
      const all = (await store.clusters({}, { sort: 'id', limit: 100 })).map((c) => c.id);
      // many unknown ids first, so that an adapter reading in chunks finds the known ones in a later chunk
      const unknown = Array.from({ length: 1_200 }, (_, i) => `c-none-${i}`);
      const everything = await store.mentionsOfMany([...unknown, ...all, ...all]);
      assert.equal(everything.size, unknown.length + all.length);
      assert.deepEqual([...everything.values()].flat().map((e) => e.id).sort(), [B1, B2, B3, D1, D2, D3, T1, P1, P2, P3].sort(),
        'each stored mention once, under its cluster, even when ids repeat');
      for (const id of all) assert.deepEqual(everything.get(id), await store.mentionsOf(id), id);
      await store.close();
    });

    it('gives the ranks of many events by id at once, as cluster gives them one by one', async () => {
      const { store, clusters } = await clusteredSample(open);
      const { disputed } = linkedSample();
      await store.applyClusterChange({ upserted: [disputed], removed: [], merged: [] });
      const unknown = Array.from({ length: 1_200 }, (_, i) => `c-none-${i}`);
      const stored = [...clusters.map((c) => c.id), disputed.id];
      const asked = [...unknown, C(T1), C(B2), C(T1), 'c-missing', ...stored];
      const many = await store.eventRanksById(asked);
      assert.deepEqual([...many.keys()].sort(), stored.sort(), 'every stored event asked, once; unknown ids left out');
      for (const id of stored) {
        const cluster = await store.cluster(id);
        assert.ok(cluster);
        assert.deepEqual(many.get(id), { id, cameo: cluster.cameo, date: cluster.date, modality: cluster.modality, disputingMentionIds: cluster.disputingMentionIds }, id);
      }
      assert.ok((many.get(disputed.id)?.disputingMentionIds.length ?? 0) > 0, 'a disputed event names its disputing reports');
      assert.equal((await store.eventRanksById([])).size, 0);
      await store.close();
    });

    it('gives the report ranks of many clusters: the mentions of mentionsOfMany, in their order, a few fields each', async () => {
      const { store, clusters } = await clusteredSample(open);
      const joined = clusters.find((c) => c.id === C(B2));
      assert.ok(joined);
      await store.applyClusterChange({
        upserted: [{ ...joined, mentionIds: [B2, D3, P2], mentionCount: 3 }], removed: [C(D3), C(P2)], merged: [],
      });
      const asked = [C(B2), 'c-missing', C(D3), C(B1), C(B2), ...clusters.map((c) => c.id)];
      const [ranks, mentions] = [await store.reportRanksOfMany(asked), await store.mentionsOfMany(asked)];
      assert.deepEqual([...ranks.keys()].sort(), [...mentions.keys()].sort(), 'an answer for every id asked, once');
      for (const [id, reports] of mentions) {
        assert.deepEqual(ranks.get(id), reports.map((r) => ({ id: r.id, cameo: r.cameo, modality: r.modality, date: r.date, itemCount: r.items.length })), id);
      }
      assert.deepEqual(ranks.get(C(B2))?.map((r) => r.id), [B2, D3, P2], 'storage order within a cluster');
      assert.ok([...ranks.values()].flat().some((r) => r.itemCount > 0), 'the sample names items');
      assert.equal((await store.reportRanksOfMany([])).size, 0);
      await store.close();
    });

    it('replaces an article\'s events without deciding anything about their clusters', async () => {
      const { store, clusters } = await clusteredSample(open);
      const drones = sampleEntries().find((e) => e.article.id === 'drones-2020.txt');
      assert.ok(drones);
      await store.putEvents('drones-2020.txt', [drones.events[2]!]);
      assert.equal(await store.clusterOf(D3), null, 'a new row belongs to no cluster until the caller links it');
      assert.deepEqual(await store.cluster(C(D1)), clusters.find((c) => c.id === C(D1)), 'clusters are the caller\'s to settle');
      assert.deepEqual(await store.mentionsOf(C(D1)), []);
      await store.close();
    });

    it('commits the calls of a transaction together, or none of them', async () => {
      const { store, clusters } = await clusteredSample(open);
      const b1 = clusters.find((c) => c.id === C(B1));
      assert.ok(b1);
      const failed = store.transaction(async (tx) => {
        await tx.applyClusterChange({ upserted: [], removed: [C(B1)], merged: [] });
        await tx.putThreads([]);
        assert.equal(await tx.cluster(C(B1)), null, 'a transaction reads its own writes');
        throw new Error('changed my mind');
      });
      await assert.rejects(failed, /changed my mind/);
      assert.deepEqual(await store.cluster(C(B1)), b1, 'rolled back');
      const nested = await store.transaction(async (tx) => {
        await tx.applyClusterChange({ upserted: [], removed: [C(B2)], merged: [] });
        // a failing inner transaction is undone alone
        await assert.rejects(tx.transaction(async (inner) => {
          await inner.applyClusterChange({ upserted: [], removed: [C(B3)], merged: [] });
          throw new Error('inner');
        }), /inner/);
        return 'done';
      });
      assert.equal(nested, 'done');
      assert.equal(await store.cluster(C(B2)), null, 'committed');
      assert.deepEqual((await store.cluster(C(B3)))?.id, C(B3));
      await store.close();
    });

    it('replaces threads and filters them by party, kind, status and period', async () => {
      const { store } = await clusteredSample(open);
      const { threads } = linkedSample();
      await store.putThreads(threads);
      const china = threads.find((t) => t.supplier === 'CHN');
      assert.ok(china);
      assert.deepEqual(await store.thread(china.id), china);
      assert.equal(await store.thread('t-missing'), null);
      const cases: Array<[ThreadFilter, string[]]> = [
        [{}, ['NATO', 'CHN', 'TUR']],
        [{ party: 'tur' }, ['TUR']],
        [{ party: 'IRQ', status: 'fulfilled' }, ['TUR']],
        [{ kind: 'military' }, ['NATO', 'CHN', 'TUR']],
        [{ kind: 'patrol-boat' }, ['TUR']],
        [{ kind: 'economic' }, []],
        [{ since: '2021' }, ['NATO']],
        [{ until: '2019-12' }, ['CHN']],
      ];
      for (const [filter, suppliers] of cases) {
        assert.deepEqual((await store.threads(filter)).map((t) => t.supplier), suppliers, JSON.stringify(filter));
      }
      await assert.rejects(store.threads({ since: 'soon' }), (err: unknown) => err instanceof DyadError && /since "soon"/.test(err.message));
      // with recipients, only the threads to them are replaced; the others stay
      const nato = threads.find((t) => t.supplier === 'NATO');
      assert.ok(nato);
      const elsewhere = { ...nato, id: 't-elsewhere', recipient: 'SYR' };
      await store.putThreads([elsewhere], { recipients: ['SYR'] });
      assert.deepEqual((await store.threads()).map((t) => t.id).sort(), [...threads.map((t) => t.id), 't-elsewhere'].sort());
      const stalled = { ...nato, status: 'stalled' as const };
      await store.putThreads([stalled], { recipients: ['IRQ'] });
      assert.deepEqual((await store.threads()).map((t) => t.id).sort(), [nato.id, 't-elsewhere'].sort());
      assert.deepEqual(await store.thread(nato.id), stalled);
      assert.deepEqual(await store.thread('t-elsewhere'), elsewhere);
      await store.putThreads(threads.filter((t) => t.supplier === 'TUR'));
      assert.deepEqual((await store.threads()).map((t) => t.supplier), ['TUR']);
      await store.close();
    });
  });
}
