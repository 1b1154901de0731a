// Cross-cutting: a --lexicon folder's equipment.yaml adds an item kind → ingest links reports by the user's kind tree,
// the store records it, and later commands that read the store without the lexicon link by it too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoderSync, type Coder } from '../src/coder/create-coder.js';
import { correctedStore } from '../src/corrections/corrected-store.js';
import { proposeCorrection } from '../src/corrections/propose-correction.js';
import { storeHappenings } from '../src/export/export-store.js';
import { ingestArticles } from '../src/pipeline/ingest-articles.js';
import { recodeArticle } from '../src/pipeline/recode-article.js';
import { storeWriter } from '../src/api/post-articles.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { DyadError } from '../src/types/index.js';
import type { Cluster, Thread } from '../src/types/link.js';

/** Our own reports: Turkey pledges Foo-9 drones to Ukraine; months later two outlets report the delivery, one naming the model, one saying "UAVs". */
const ARTICLES = [
  { id: 'ankara-0301', source: 'Ankara Wire', date: '2024-03-01', text: 'Turkey pledged to supply 12 Foo-9 drones to Ukraine, the defence ministry said on Friday.' },
  { id: 'kyiv-0610', source: 'Kyiv Ledger', date: '2024-06-10', text: 'Turkey delivered 12 Foo-9 drones to Ukraine on Monday, officials said.' },
  { id: 'black-sea-0610', source: 'Black Sea Courier', date: '2024-06-10', text: 'Turkey delivered 12 UAVs to Ukraine on Monday, officials said.' },
];
const LATER = { id: 'danube-0611', source: 'Danube Post', date: '2024-06-11', text: 'Ukraine received 12 UAVs from Turkey on Monday, its army said.' };

const dir = mkdtempSync(join(tmpdir(), 'dyad-kinds-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const userCoder = createCoderSync({ lexiconDirs: ['test/fixtures/lexicon-foo-drone'] });
const plainCoder = createCoderSync();

function jsonl(name: string, articles: readonly object[]): string {
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return path;
}

async function ingest(store: Store, name: string, articles: readonly object[], coder: Coder, warnings: string[] = []): Promise<void> {
  await ingestArticles([jsonl(name, articles)], { store, coder, batchSize: 1, onWarning: (w) => warnings.push(w) });
}

/** A store the user's lexicon coded: the three reports, or those given. */
async function userStore(articles: readonly object[] = ARTICLES): Promise<Store> {
  const store = await openSqliteStore(':memory:');
  await ingest(store, 'user', articles, userCoder);
  return store;
}

/** The pledge of Foo-9 drones and the one delivery report that says "UAVs": the thread is fulfilled only if foo-drone lies under drone. */
const PLEDGE_AND_UAVS = [ARTICLES[0] as object, ARTICLES[2] as object];

const deliveries = async (store: Store): Promise<Cluster[]> => store.clusters({ root: ['07'] }, { sort: 'id', limit: 100 });

test('the two reports of the delivery ("Foo-9 drones", "UAVs") are one event, as the user\'s tree nests foo-drone under drone', async () => {
  const store = await userStore();
  const events = await deliveries(store);
  assert.equal(events.length, 1, JSON.stringify(events.map((c) => [c.id, c.items])));
  assert.equal(events[0]?.mentionCount, 2);
  assert.deepEqual(events[0]?.items.map((i) => [i.kind, i.quantity]), [['foo-drone', 12]], 'the UAVs fold into the narrower Foo-9 drones');
  await store.close();
});

test('the pledge of Foo-9 drones is fulfilled by the delivery of UAVs, in one thread', async () => {
  const store = await userStore(PLEDGE_AND_UAVS);
  const threads = await store.threads({ party: 'UKR' });
  assert.equal(threads.length, 1);
  assert.deepEqual(threads[0]?.steps.map((s) => s.role), ['pledge', 'delivery']);
  assert.equal(threads[0]?.status, 'fulfilled');
  assert.deepEqual(threads[0]?.missing, []);
  await store.close();
});

test('the store records the user\'s kinds, and threads built again for a correction, read without the lexicon, follow them', async () => {
  const store = await userStore();
  assert.deepEqual(await store.lexiconKinds(), [{ kind: 'foo-drone', parent: 'drone', military: true, economic: false }]);
  const view = correctedStore(store);
  const named = (await view.queryEvents({ doc: 'kyiv-0610' })).events[0];
  assert.ok(named);
  // the delivery now stands on the "UAVs" report alone: it fulfils the Foo-9 pledge only if foo-drone lies under drone
  const correction = await proposeCorrection(view, { kind: 'reject', id: named.id }, { by: 'analyst', reason: 'a copy', at: '2026-12-08T02:00:00.000Z' });
  await store.appendCorrections([correction]);
  const thread = (await view.threads({ party: 'UKR' }))[0];
  assert.equal(thread?.status, 'fulfilled', JSON.stringify(thread));
  await store.close();
});

test('an article coded again is summarised into its event by the store\'s tree', async () => {
  const store = await userStore();
  const uavs = (await store.queryEvents({ doc: 'black-sea-0610' })).events;
  await recodeArticle(store, 'black-sea-0610', uavs);
  assert.deepEqual((await deliveries(store)).map((c) => c.items.map((i) => i.kind)), [['foo-drone']]);
  await store.close();
});

test('an export (storeHappenings) summarises a report of no event by the store\'s tree: "Foo-9 drones and other UAVs" are one item', async () => {
  const store = await openSqliteStore(':memory:');
  const both = { id: 'kyiv-both', source: 'Kyiv Ledger', date: '2024-06-10', text: 'Turkey delivered 12 Foo-9 drones and other UAVs to Ukraine on Monday, officials said.' };
  await ingestArticles([jsonl('both', [both])], { store, coder: userCoder, cluster: false });
  assert.deepEqual((await store.queryEvents({})).events[0]?.items.map((i) => i.kind), ['foo-drone', 'drone'], 'the report names both');
  const happenings = [];
  for await (const happening of storeHappenings(store, {})) happenings.push(happening);
  assert.deepEqual(happenings.map((h) => h.cluster.items.map((i) => [i.kind, i.quantity])), [[['foo-drone', 12]]], 'the UAVs fold into the narrower Foo-9 drones');
  await store.close();
});

test('a later ingest without the lexicon links by the store\'s tree and warns that its coder lacks the store\'s kinds', async () => {
  const store = await userStore(PLEDGE_AND_UAVS);
  const warnings: string[] = [];
  await ingest(store, 'later', [LATER], plainCoder, warnings);
  assert.ok(warnings.some((w) => /foo-drone/.test(w) && /lexicon/.test(w)), warnings.join('\n'));
  const thread = (await store.threads({ party: 'UKR' }))[0];
  assert.equal(thread?.status, 'fulfilled', 'the threads rebuilt at the end use the store\'s tree');
  assert.deepEqual(await store.lexiconKinds(), [{ kind: 'foo-drone', parent: 'drone', military: true, economic: false }], 'still recorded');
  await store.close();
});

test('an ingest whose lexicon places a stored kind elsewhere is refused (E500) before anything is stored', async () => {
  const store = await userStore();
  const other = createCoderSync({ lexiconDirs: ['test/fixtures/lexicon-foo-aircraft'] });
  await assert.rejects(ingest(store, 'other', [LATER], other), (err: unknown) =>
    err instanceof DyadError && err.code === 'E500' && /foo-drone/.test(err.message) && /aircraft/.test(err.message) && /drone/.test(err.message));
  assert.equal((await store.stats()).articles, 3);
  await store.close();
});

test('a fresh store coded with Dyad\'s own lexicon records no kinds; one the user\'s lexicon later adds to is recorded', async () => {
  const store = await openSqliteStore(':memory:');
  await ingest(store, 'plain', [LATER], plainCoder);
  assert.deepEqual(await store.lexiconKinds(), []);
  const warnings: string[] = [];
  await ingest(store, 'user-after', ARTICLES, userCoder, warnings);
  assert.deepEqual((await store.lexiconKinds()).map((k) => k.kind), ['foo-drone']);
  assert.ok(warnings.some((w) => /foo-drone/.test(w)), 'the earlier reports were coded without the new kind: said once');
  assert.equal((await store.threads({ party: 'UKR' }))[0]?.status, 'fulfilled');
  await store.close();
});

test('the server\'s writer links posted articles by the store\'s tree', async () => {
  const store = await openSqliteStore(':memory:');
  await ingest(store, 'pledge', ARTICLES.slice(0, 2), userCoder);
  // a server started without --lexicon stores a report of the delivery
  const writer = storeWriter(store, async () => plainCoder);
  await writer.post(JSON.stringify({ ...ARTICLES[2] }), 'application/json');
  const events = await deliveries(store);
  assert.equal(events.length, 1, 'the "UAVs" report joins the Foo-9 delivery');
  assert.equal((await store.threads({ party: 'UKR' }))[0]?.status, 'fulfilled');
  await store.close();
});

function dyad(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('through the CLI: ingest with --lexicon, then commands without it read the store\'s kinds; another lexicon is refused', () => {
  const db = join(dir, 'cli.db');
  const first = dyad(['ingest', jsonl('cli-first', PLEDGE_AND_UAVS), '-q', '--db', db, '--lexicon', 'test/fixtures/lexicon-foo-drone']);
  assert.equal(first.status, 0, first.stderr);
  const threads = (): Thread[] => {
    const run = dyad(['threads', '--db', db, '--party', 'UKR', '--format', 'jsonl']);
    assert.equal(run.status, 0, run.stderr);
    return run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Thread);
  };
  assert.deepEqual(threads().map((t) => t.status), ['fulfilled']);
  const refused = dyad(['ingest', jsonl('cli-other', [LATER]), '-q', '--db', db, '--lexicon', 'test/fixtures/lexicon-foo-aircraft']);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /E500 .*foo-drone \(the store: under drone, military; the lexicon: under aircraft, military\)/);
  const plain = dyad(['ingest', '-q', '--db', db, jsonl('cli-later', [LATER])]);
  assert.equal(plain.status, 0, plain.stderr);
  assert.match(plain.stderr, /dyad: warning: the store was coded with item kinds this lexicon lacks \(foo-drone\)/);
  assert.deepEqual(threads().map((t) => t.status), ['fulfilled'], 'the threads rebuilt without --lexicon follow the store\'s kinds');
});
