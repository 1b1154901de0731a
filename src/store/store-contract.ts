// Store tests: the contract every Store adapter passes — registers node:test cases given a factory of empty stores.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DyadError } from '../types/index.js';
import type { EventRecord } from '../types/index.js';
import type { EventFilter, EventSort, Store } from './store.js';
import { sampleEntries, sampleEvents } from './store-fixtures.js';
import { clusterContract } from './cluster-contract.js';
import { linkedSample } from './linked-sample.js';
import { lshKeyNumbers } from '../ingest/near-duplicate.js';

/** Short names of the sample events, for readable expectations. */
const ID = {
  B1: 'baghdad-2019.txt:0:1', B2: 'baghdad-2019.txt:1:2', B3: 'baghdad-2019.txt:2:3',
  D1: 'drones-2020.txt:0:1', D2: 'drones-2020.txt:1:2', D3: 'drones-2020.txt:2:3',
  T1: 'boats-2020.txt:0:1',
  P1: 'protest-2021.txt:0:1', P2: 'protest-2021.txt:1:2', P3: 'protest-2021.txt:2:3',
} as const;
type Short = keyof typeof ID;
const ids = (...names: Short[]): string[] => names.map((n) => ID[n]);
const sorted = (values: string[]): string[] => [...values].sort();

/** Every filter field, alone and combined, with the events it must return. */
export const FILTER_CASES: Array<[string, EventFilter, Short[]]> = [
  ['source country prefix', { source: ['CHN'] }, ['B2', 'B3', 'D2', 'D3']],
  ['source full code', { source: ['CHNGOV'] }, ['B2', 'B3', 'D2']],
  ['target', { target: ['IRQ'] }, ['B2', 'B3', 'D3', 'T1', 'P3']],
  ['source and target', { source: ['CHN'], target: ['IRQ'] }, ['B2', 'B3', 'D3']],
  ['either side', { actor: ['TUR'] }, ['T1', 'P1']],
  ['actor without country, lower case', { actor: ['nato'] }, ['P3']],
  ['several sources', { source: ['TUR', 'NATO'] }, ['T1', 'P3']],
  ['code prefix', { code: ['02*'] }, ['B1', 'D1']],
  ['exact code', { code: ['0332'] }, ['B2', 'P3']],
  ['several code prefixes', { code: ['07*', '14*'] }, ['D3', 'T1', 'P1', 'P2']],
  ['root', { root: ['07'] }, ['D3', 'T1']],
  ['quad', { quad: [4] }, ['P1', 'P2']],
  ['since a year', { since: '2020' }, ['D1', 'D2', 'D3', 'T1', 'P1', 'P3']],
  ['since a month leaves coarser dates out', { since: '2020-06' }, ['D2', 'P1', 'P3']],
  ['until a year', { until: '2019' }, ['B1', 'B2', 'B3']],
  ['until a month leaves coarser dates out', { until: '2020-05' }, ['B1', 'B2', 'B3', 'D1', 'D3']],
  ['since and until', { since: '2019-01', until: '2020-12' }, ['B1', 'B2', 'B3', 'D1', 'D2', 'D3', 'T1']],
  ['a whole year as days', { since: '2020-01-01', until: '2020-12-31' }, ['D1', 'D2', 'D3', 'T1']],
  ['one day', { since: '2020-05-26', until: '2020-05-26' }, ['D3']],
  ['text', { text: 'rifles' }, ['B1', 'D3']],
  ['text, all words', { text: 'Beijing READY' }, ['B2']],
  ['item kind', { item: 'rifle' }, ['B1', 'D3']],
  ['item plural and kind part', { item: 'drones' }, ['B1', 'D1']],
  ['item phrase', { item: 'patrol boat' }, ['T1']],
  ['status', { status: ['delivered'] }, ['D3', 'T1']],
  ['several statuses', { status: ['requested', 'pledged'] }, ['B1', 'D1', 'P3']],
  ['modality', { modality: ['reported'] }, ['B2', 'P3']],
  ['doc', { doc: 'boats-2020.txt' }, ['T1']],
  ['unknown doc', { doc: 'no-such.txt' }, []],
  ['all together', { source: ['CHN'], target: ['IRQ'], code: ['07*'], since: '2020-01', status: ['delivered'], item: 'rifle', text: 'delivered' }, ['D3']],
  ['empty lists mean any', { source: [], code: [] }, ['B1', 'B2', 'B3', 'D1', 'D2', 'D3', 'T1', 'P1', 'P2', 'P3']],
];

/** Full orders of the sample events under each sort. */
export const SORT_CASES: Array<[EventSort, Short[]]> = [
  ['ingested', ['B1', 'B2', 'B3', 'D1', 'D2', 'D3', 'T1', 'P1', 'P2', 'P3']],
  ['date', ['B1', 'B2', 'B3', 'T1', 'D1', 'D3', 'D2', 'P3', 'P1', 'P2']],
  ['-date', ['P1', 'P3', 'D2', 'D3', 'D1', 'T1', 'B3', 'B2', 'B1', 'P2']],
  ['goldstein', ['P1', 'P2', 'D2', 'B3', 'B1', 'D1', 'B2', 'P3', 'D3', 'T1']],
  ['-goldstein', ['T1', 'D3', 'P3', 'B2', 'D1', 'B1', 'B3', 'D2', 'P2', 'P1']],
];

async function filled(open: () => Promise<Store>): Promise<Store> {
  const store = await open();
  for (const entry of sampleEntries()) await store.putArticle(entry.article, entry.meta, entry.events);
  return store;
}

async function rejectsWith(promise: Promise<unknown>, pattern: RegExp, code: 'E600' | 'E602' = 'E600'): Promise<void> {
  await assert.rejects(promise, (err: unknown) => err instanceof DyadError && err.code === code && pattern.test(err.message));
}

async function allIds(store: Store, filter: EventFilter, sort: EventSort = 'ingested'): Promise<string[]> {
  return (await store.queryEvents(filter, { sort, limit: 1000 })).events.map((e) => e.id);
}

/**
 * Registers the Store contract for one adapter. `open` gives a new, empty store each call; `skip` maps a test
 * name to the reason an adapter cannot pass it (reported as a skip, never silently dropped).
 */
export function storeContract(name: string, open: () => Promise<Store>, skip: Record<string, string> = {}): void {
  const it = (title: string, fn: () => Promise<void>): void => {
    void test(title, { skip: skip[title] ?? false }, fn);
  };

  void describe(`Store contract: ${name}`, () => {
    it('stores articles and gives every event back as it was written', async () => {
      const store = await filled(open);
      const byId = new Map(sampleEvents().map((e) => [e.id, e]));
      const back = (await store.queryEvents({}, { limit: 100 })).events;
      assert.equal(back.length, byId.size);
      for (const event of back) assert.deepEqual(event, byId.get(event.id));
      const article = await store.getArticle('baghdad-2019.txt');
      const written = sampleEntries()[0];
      assert.ok(article !== null && written !== undefined);
      assert.deepEqual({ ...article, ingestedAt: 'x' }, { ...written.article, hash: 'h-baghdad-2019', nearDuplicateOf: null, simhash: '0f0f0f0f0f0f0f0f', ingestedAt: 'x' });
      assert.equal((await store.getArticle('syndicated-2019.txt'))?.nearDuplicateOf, 'baghdad-2019.txt');
      assert.equal(await store.getArticle('missing'), null);
      await store.close();
    });

    it('gives the text of every stored article, copies included, in storage order', async () => {
      const store = await filled(open);
      const texts = [];
      for await (const article of store.iterateTexts({ pageSize: 2 })) texts.push(article);
      assert.deepEqual(texts, sampleEntries().map((e) => ({ id: e.article.id, text: e.article.text })));
      await store.close();
    });

    it('keeps how far each queue stream is stored, committed with the transaction that stores its articles', async () => {
      const store = await open();
      assert.equal(await store.queuePosition('NEWS'), 0);
      const [entry] = sampleEntries();
      assert.ok(entry);
      await assert.rejects(store.transaction(async (tx) => {
        await tx.putArticle(entry.article, entry.meta, entry.events);
        await tx.setQueuePosition('NEWS', 7);
        throw new Error('killed');
      }), /killed/);
      assert.deepEqual([await store.queuePosition('NEWS'), await store.hasArticle(entry.meta.hash)], [0, false], 'neither');
      await store.transaction(async (tx) => {
        await tx.putArticle(entry.article, entry.meta, entry.events);
        await tx.setQueuePosition('NEWS', 7);
      });
      assert.deepEqual([await store.queuePosition('NEWS'), await store.queuePosition('OTHER'), await store.hasArticle(entry.meta.hash)], [7, 0, true]);
      await rejectsWith(store.setQueuePosition('NEWS', -1), /seq|-1/, 'E602');
      await store.close();
    });

    it('records the item kinds a user\'s lexicon added, replacing what it recorded, committed with its transaction', async () => {
      const store = await open();
      assert.deepEqual(await store.lexiconKinds(), [], 'none in a new store: Dyad\'s own kinds');
      const foo = { kind: 'foo-drone', parent: 'drone', military: true, economic: false };
      const grant = { kind: 'grant', parent: null, military: false, economic: true };
      await store.putLexiconKinds([foo, grant]);
      assert.deepEqual(await store.lexiconKinds(), [foo, grant], 'by kind');
      await assert.rejects(store.transaction(async (tx) => {
        await tx.putLexiconKinds([grant]);
        throw new Error('killed');
      }), /killed/);
      assert.deepEqual(await store.lexiconKinds(), [foo, grant], 'a rolled-back transaction records nothing');
      await store.putLexiconKinds([grant]);
      assert.deepEqual(await store.lexiconKinds(), [grant]);
      await rejectsWith(store.putLexiconKinds([grant, grant]), /twice/, 'E602');
      await rejectsWith(store.putLexiconKinds([{ ...foo, kind: '' }]), /kind/, 'E602');
      await rejectsWith(store.putLexiconKinds([{ ...foo, military: 'yes' as unknown as boolean }]), /military/, 'E602');
      assert.deepEqual(await store.lexiconKinds(), [grant], 'a refused call changes nothing');
      await store.putLexiconKinds([]);
      assert.deepEqual(await store.lexiconKinds(), []);
      await store.close();
    });

    it('is idempotent on the content hash', async () => {
      const store = await open();
      const [entry] = sampleEntries();
      assert.ok(entry);
      assert.deepEqual(await store.putArticle(entry.article, entry.meta, entry.events), { new: true, id: entry.article.id, events: 3 });
      assert.deepEqual(await store.putArticle(entry.article, entry.meta, entry.events), { new: false, id: entry.article.id, events: 0 });
      const renamed = { ...entry.article, id: 'same-text-other-name.txt' };
      assert.deepEqual(await store.putArticle(renamed, entry.meta, []), { new: false, id: entry.article.id, events: 0 });
      assert.equal(await store.hasArticle(entry.meta.hash), true);
      assert.equal(await store.hasArticle('h-unknown'), false);
      const stats = await store.stats();
      assert.deepEqual([stats.articles, stats.events, stats.items], [1, 3, 3]);
      await store.close();
    });

    it('writes nothing of an article when any part of it fails', async () => {
      const store = await open();
      const [entry, second] = sampleEntries();
      assert.ok(entry && second);
      const foreign: EventRecord = { ...second.events[0]!, id: 'foreign' };
      await rejectsWith(store.putArticle(entry.article, entry.meta, [...entry.events, foreign]), /belongs to document "drones-2020.txt"/);
      const twice = [...entry.events, { ...entry.events[0]!, sentence: { ...entry.events[0]!.sentence } }];
      await rejectsWith(store.putArticle(entry.article, entry.meta, twice), /already stored/);
      assert.equal(await store.hasArticle(entry.meta.hash), false);
      await rejectsWith(store.putArticles([second, { ...entry, events: [...entry.events, foreign] }]), /belongs to document/);
      assert.equal(await store.hasArticle(second.meta.hash), false);
      const stats = await store.stats();
      assert.deepEqual([stats.articles, stats.sentences, stats.events, stats.items, stats.actors], [0, 0, 0, 0, 0]);
      assert.deepEqual(await store.searchSentences('rifles'), []);
      await store.close();
    });

    it('refuses a document id reused for other content, and a link to an unknown original', async () => {
      const store = await filled(open);
      const [entry] = sampleEntries();
      assert.ok(entry);
      await rejectsWith(store.putArticle({ ...entry.article, text: 'Other words.' }, { hash: 'h-other' }), /already stored with different content/);
      await rejectsWith(store.putArticle({ id: 'copy.txt', text: 'A copy.' }, { hash: 'h-copy', nearDuplicateOf: 'nowhere.txt' }), /nowhere\.txt/);
      await rejectsWith(store.putArticle({ id: 'bad-hash.txt', text: 'Words.' }, { hash: 'h-bad', simhash: 'xyz' }), /SimHash/, 'E602');
      assert.equal((await store.stats()).articles, 5);
      await store.close();
    });

    it('stores many articles in one batch, duplicates included', async () => {
      const store = await open();
      const entries = sampleEntries();
      const results = await store.putArticles([...entries, entries[0]!]);
      assert.deepEqual(results.map((r) => r.new), [true, true, true, true, true, false]);
      assert.equal(await store.countEvents({}), 10);
      await store.close();
    });

    it('filters events by every field', async () => {
      const store = await filled(open);
      for (const [title, filter, expected] of FILTER_CASES) {
        assert.deepEqual(sorted(await allIds(store, filter)), sorted(ids(...expected)), title);
        assert.equal(await store.countEvents(filter), expected.length, `count: ${title}`);
      }
      await store.close();
    });

    it('refuses malformed filters and options by name, with E602', async () => {
      const store = await filled(open);
      const bad: Array<[EventFilter, RegExp]> = [
        [{ since: '2019-13' }, /since "2019-13"/], [{ until: '19' }, /until "19"/], [{ code: ['2x'] }, /code "2x"/],
        [{ quad: [5] }, /quad "5"/], [{ status: ['shipped'] }, /status "shipped"/], [{ since: '2021', until: '2020' }, /after until/],
        [{ text: '!!' }, /no words/], [{ source: ['CHN GOV'] }, /source "CHN GOV"/],
      ];
      for (const [filter, pattern] of bad) await rejectsWith(store.queryEvents(filter), pattern, 'E602');
      await rejectsWith(store.queryEvents({}, { sort: 'size' as EventSort }), /sort/, 'E602');
      await rejectsWith(store.queryEvents({}, { limit: 0 }), /limit|"0"/, 'E602');
      await rejectsWith(store.queryEvents({}, { cursor: 'garbage' }), /cursor/, 'E602');
      await store.close();
    });

    it('sorts, pages by offset, and pages by cursor through the whole result', async () => {
      const store = await filled(open);
      for (const [sort, expected] of SORT_CASES) {
        assert.deepEqual(await allIds(store, {}, sort), ids(...expected), `sort ${sort}`);
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: Awaited<ReturnType<Store['queryEvents']>> = await store.queryEvents({}, { sort, limit: 3, cursor });
          seen.push(...page.events.map((e) => e.id));
          cursor = page.next;
          pages++;
        } while (cursor !== null);
        assert.deepEqual(seen, ids(...expected), `cursor paging, sort ${sort}`);
        assert.equal(pages, 4);
        const streamed: string[] = [];
        for await (const event of store.iterateEvents({}, { sort, pageSize: 4 })) streamed.push(event.id);
        assert.deepEqual(streamed, ids(...expected), `iterate, sort ${sort}`);
      }
      const page = await store.queryEvents({}, { limit: 2, offset: 3 });
      assert.deepEqual(page.events.map((e) => e.id), ids('D1', 'D2'));
      const last = await store.queryEvents({}, { limit: 2, offset: 8 });
      assert.equal(last.next, null);
      await rejectsWith(store.queryEvents({}, { sort: 'date', cursor: (await store.queryEvents({}, { limit: 1 })).next }), /made for sort "ingested"/, 'E602');
      await store.close();
    });

    it('counts actors, unfiltered and filtered', async () => {
      const store = await filled(open);
      const all = await store.actors({});
      assert.deepEqual(all[0], { code: 'CHN', name: 'China', country: 'CHN', sector: null, asSource: 1, asTarget: 2, total: 3 });
      assert.equal(all.length, 12);
      assert.equal(all.reduce((n, a) => n + a.total, 0), 10 + 8);
      assert.deepEqual(await store.actors({ source: ['TUR'] }), [
        { code: 'IRQMIL', name: 'Iraqi navy', country: 'IRQ', sector: 'MIL', asSource: 0, asTarget: 1, total: 1 },
        { code: 'TUR', name: 'Turkey', country: 'TUR', sector: null, asSource: 1, asTarget: 0, total: 1 },
      ]);
      assert.equal((await store.actors({}, { limit: 2 })).length, 2);
      await store.close();
    });

    it('gives dyads by month, week, year and actor', async () => {
      const store = await filled(open);
      const months = await store.dyads({}, { by: 'month' });
      const row = (r: { source: string; target: string; period: string | null; count: number }): string => `${r.source}>${r.target}@${r.period}:${r.count}`;
      assert.deepEqual(months.map(row), ['CHN>IRQ@2019-03:2', 'IRQ>CHN@2019-03:1', 'TUR>IRQ@2020:1', 'CHN>IRQ@2020-05:1', 'IRQ>CHN@2020-05:1', 'IRQ>TUR@2021-01:1', 'NATO>IRQ@2021-01:1']);
      const first = months[0]!;
      assert.ok(Math.abs(first.goldsteinMean - 3.1) < 1e-9);
      assert.deepEqual(first.quadShares, [1, 0, 0, 0]);
      assert.deepEqual((await store.dyads({ source: ['CHN'] }, { by: 'year' })).map(row), ['CHN>IRQ@2019:2', 'CHN>IRQ@2020:1']);
      assert.deepEqual((await store.dyads({ target: ['CHN'] }, { by: 'week' })).map(row), ['IRQ>CHN@2019-W11:1', 'IRQ>CHN@2020-05:1']);
      assert.deepEqual((await store.dyads({ source: ['CHN'] }, { by: 'day', level: 'actor' })).map(row), ['CHNGOV>IRQGOV@2019-03-14:2', 'CHN>IRQMIL@2020-05-26:1']);
      await store.close();
    });

    it('searches sentences, including ones without events', async () => {
      const store = await filled(open);
      const hits = await store.searchSentences('assault rifles');
      assert.deepEqual(hits, [{ doc: 'baghdad-2019.txt', index: 0, start: 0, end: 88, text: sampleEvents()[0]!.sentence.text, events: ids('B1') }]);
      const quiet = await store.searchSentences('follow');
      assert.deepEqual(quiet.map((h) => [h.doc, h.index, h.events]), [['boats-2020.txt', 1, []]]);
      assert.deepEqual(await store.searchSentences('helicopter'), []);
      await store.close();
    });

    it('finds near-duplicate candidates by SimHash', async () => {
      const store = await filled(open);
      assert.deepEqual(await store.similarArticles('0f0f0f0f0f0f0f0f'), [
        { id: 'baghdad-2019.txt', simhash: '0f0f0f0f0f0f0f0f', distance: 0 },
        { id: 'syndicated-2019.txt', simhash: '0f0f0f0f0f0f0f0e', distance: 1 },
      ]);
      assert.deepEqual((await store.similarArticles('ffff000000000007', 3)).map((a) => [a.id, a.distance]), [['drones-2020.txt', 3]]);
      assert.deepEqual(await store.similarArticles('ffff00000000000f', 3), []);
      await store.close();
    });

    it('keeps the near-duplicate index: signatures and LSH keys, found by key in storage order, page by page', async () => {
      const store = await filled(open);
      // the samples were written without signatures: they are listed to be signed, in storage order
      const unsigned = [];
      for await (const article of store.unsignedArticles({ pageSize: 2 })) unsigned.push(article);
      assert.deepEqual(unsigned.map((a) => a.id), sampleEntries().map((e) => e.article.id));
      const sigOf = (seed: number): Uint32Array => Uint32Array.from({ length: 128 }, (_, i) => (seed * 7919 + i * 104_729) >>> 0);
      for (const [i, article] of unsigned.entries()) await store.putSignature(article.position, sigOf(i % 2));
      const none = [];
      for await (const article of store.unsignedArticles()) none.push(article);
      assert.deepEqual(none, []);
      // a new article with its signature is indexed as it is written
      await store.putArticle({ id: 'late.txt', text: 'A late copy.' }, { hash: 'h-late', signature: sigOf(0) });
      const keys = lshKeyNumbers(sigOf(0));
      const positions = unsigned.map((a) => a.position);
      const evens = positions.filter((_, i) => i % 2 === 0);
      const firstPage = await store.nearKeyMatches([[keys[0]!, 0]], 2);
      assert.deepEqual(firstPage.map((m) => m.position), evens.slice(0, 2));
      const rest = await store.nearKeyMatches([[keys[0]!, firstPage[1]!.position]], 100);
      assert.equal(rest.length, evens.length - 2 + 1, 'the rest, the late article last');
      assert.ok(rest.every((m, i) => m.key === keys[0] && (i === 0 || m.position > rest[i - 1]!.position)));
      const both = await store.nearKeyMatches([[keys[0]!, 0], [lshKeyNumbers(sigOf(1))[0]!, 0]], 1);
      assert.deepEqual(both.map((m) => m.position).sort((a, b) => a - b), positions.slice(0, 2));
      const late = rest[rest.length - 1]!.position;
      const found = await store.nearSignatures([positions[1]!, late, 999_999]);
      assert.deepEqual(found.map((f) => f.id).sort(), [unsigned[1]!.id, 'late.txt'].sort());
      assert.deepEqual(found.find((f) => f.id === 'late.txt')?.signature, sigOf(0));
      await rejectsWith(store.nearKeyMatches([[keys[0]!, 0]], 0), /limit/, 'E602');
      await rejectsWith(store.nearKeyMatches([[2 ** 40, 0]], 1), /key/, 'E602');
      await store.close();
    });

    it('replaces the events of an article in one go', async () => {
      const store = await filled(open);
      const drones = sampleEntries()[1]!;
      assert.equal(await store.putEvents('drones-2020.txt', [drones.events[2]!]), 1);
      assert.deepEqual(sorted(await allIds(store, { doc: 'drones-2020.txt' })), ids('D3'));
      const chinaGov = (await store.actors({})).find((a) => a.code === 'CHNGOV' && a.name === 'Chinese government');
      assert.equal(chinaGov?.asSource, 1);
      await rejectsWith(store.putEvents('nowhere.txt', []), /no article/);
      await rejectsWith(store.putEvents('drones-2020.txt', [sampleEvents()[0]!]), /belongs to document/);
      assert.equal(await store.countEvents({ doc: 'drones-2020.txt' }), 1);
      await store.close();
    });

    it('reports its contents', async () => {
      const store = await filled(open);
      const stats = await store.stats();
      assert.deepEqual({ ...stats, schemaVersion: 0 }, {
        schemaVersion: 0, articles: 5, nearDuplicates: 1, sentences: 11, events: 10, items: 7, actors: 12, firstDate: '2019-03-12', lastDate: '2021-01-10',
      });
      assert.ok(stats.schemaVersion >= 1);
      await store.close();
    });

    it('looks one event up by id, and article citations by ids', async () => {
      const store = await filled(open);
      for (const event of sampleEvents()) assert.deepEqual(await store.getEvent(event.id), event);
      assert.equal(await store.getEvent('missing'), null);
      assert.equal(await store.getEvent(''), null);
      const unknown = Array.from({ length: 1_200 }, (_, i) => `missing-${i}`);
      const asked = [...unknown, ...sampleEvents().map((e) => e.id).reverse(), sampleEvents()[0]!.id];
      const byId = await store.eventsById(asked);
      assert.deepEqual([...byId.keys()].sort(), sampleEvents().map((e) => e.id).sort(), 'every stored event asked, once; unknown ids left out');
      for (const event of sampleEvents()) assert.deepEqual(byId.get(event.id), event, `eventsById answers ${event.id} as getEvent does`);
      assert.equal((await store.eventsById([])).size, 0);
      const refs = await store.articleRefs(['syndicated-2019.txt', 'missing', 'boats-2020.txt', 'syndicated-2019.txt']);
      assert.deepEqual(refs, [
        { id: 'syndicated-2019.txt', title: 'Iraq seeks Chinese arms (copy)', date: '2019-03-15', url: null, source: 'Desert Daily', nearDuplicateOf: 'baghdad-2019.txt' },
        { id: 'boats-2020.txt', title: 'Turkish boats for Iraq', date: '2020-09-01', url: null, source: 'Anatolia Notes', nearDuplicateOf: null },
      ]);
      assert.deepEqual(await store.articleRefs([]), []);
      const many = Array.from({ length: 450 }, (_, i) => (i % 3 === 0 ? 'drones-2020.txt' : `nothing-${i}`));
      assert.deepEqual((await store.articleRefs(many)).map((r) => r.id), ['drones-2020.txt']);
      await store.close();
    });

    it('gives the cluster a mention belongs to', async () => {
      const store = await filled(open);
      assert.equal(await store.clusterOf(ID.D3), null, 'not clustered yet');
      await store.applyClusterChange({ upserted: linkedSample().clusters, removed: [], merged: [] });
      for (const id of Object.values(ID)) {
        const cluster = await store.clusterOf(id);
        assert.ok(cluster !== null && cluster.mentionIds.includes(id), id);
        assert.deepEqual(cluster, await store.cluster(cluster.id));
        assert.ok((await store.mentionsOf(cluster.id)).some((e) => e.id === id));
      }
      assert.equal(await store.clusterOf('missing'), null);
      await store.close();
    });

    it('pages threads and counts them under a filter', async () => {
      const store = await filled(open);
      const { clusters, threads } = linkedSample();
      await store.applyClusterChange({ upserted: clusters, removed: [], merged: [] });
      await store.putThreads(threads);
      const all = await store.threads();
      assert.ok(all.length >= 3, `threads: ${all.length}`);
      assert.equal(await store.countThreads(), all.length);
      assert.deepEqual(await store.threads({}, { limit: 2 }), all.slice(0, 2));
      assert.deepEqual(await store.threads({}, { limit: 2, offset: 1 }), all.slice(1, 3));
      assert.deepEqual(await store.threads({}, { offset: all.length }), []);
      for (const filter of [{ party: 'IRQ' }, { party: 'TUR' }, { status: 'fulfilled' }, { since: '2021' }, { kind: 'economic' }]) {
        assert.equal(await store.countThreads(filter), (await store.threads(filter)).length, JSON.stringify(filter));
      }
      await rejectsWith(store.countThreads({ status: 'done' }), /status "done"/, 'E602');
      await rejectsWith(store.threads({}, { limit: 0 }), /limit|"0"/, 'E602');
      await store.close();
    });

    it('refuses calls after close', async () => {
      const store = await open();
      await store.close();
      await rejectsWith(store.countEvents({}), /closed/);
      await store.close();
    });
  });
  clusterContract(name, open, skip);
}
