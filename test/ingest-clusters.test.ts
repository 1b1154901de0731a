// Cross-cutting: written articles → ingest (real coder) → events (clusters) and threads in the store, the same whatever the ingest order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoderSync } from '../src/index.js';
import { ingestArticles } from '../src/pipeline/ingest-articles.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Cluster, Thread } from '../src/types/link.js';
import { DELIVERY_2021, HELICOPTERS_RECEIVED, HELICOPTERS_RETOLD, PATROL_BOATS_MOZAMBIQUE, READY_2019, REQUEST_2019, REQUEST_2020, TERMS_2020, TURKISH_BOATS_2020, VEHICLES_MOZAMBIQUE } from './fixtures/linking-stories.js';

interface Written { id: string; source: string; date: string; text: string }

// the first report is longer here than in the shared stories: the syndicated copy must stay near-identical with its credit line
const HELICOPTERS = 'Russia delivered four Mi-35 attack helicopters to Mali on May 4, 2022. The aircraft landed at the air base near Bamako. '
  + 'Malian officers inspected the machines on the tarmac before a short ceremony with the defence minister.';

/** Our own articles: one happening told by three outlets plus a syndicated copy, two deliveries in one month, a multi-year thread. */
const ARTICLES: Written[] = [
  { id: 'sahel-courier-0505', source: 'Sahel Courier', date: '2022-05-05', text: HELICOPTERS },
  { id: 'bamako-post-0506', source: 'Bamako Post', date: '2022-05-06',
    text: HELICOPTERS_RETOLD },
  { id: 'desert-ledger-0507', source: 'Desert Ledger', date: '2022-05-07',
    text: HELICOPTERS_RECEIVED },
  // a syndicated copy: the same text under another outlet's name, a credit line added
  { id: 'wire-echo-0505', source: 'Wire Echo', date: '2022-05-05', text: `${HELICOPTERS} (Distributed by Wire Echo.)` },
  { id: 'indian-ocean-0406', source: 'Indian Ocean Daily', date: '2022-04-06',
    text: PATROL_BOATS_MOZAMBIQUE },
  { id: 'indian-ocean-0427', source: 'Indian Ocean Daily', date: '2022-04-27',
    text: VEHICLES_MOZAMBIQUE },
  { id: 'baghdad-times-2019', source: 'Baghdad Times', date: '2019-09-23',
    text: REQUEST_2019 },
  { id: 'east-asia-wire-2019', source: 'East Asia Wire', date: '2019-09-26',
    text: READY_2019 },
  { id: 'baghdad-times-2020', source: 'Baghdad Times', date: '2020-06-11',
    text: REQUEST_2020 },
  { id: 'gulf-observer-2020', source: 'Gulf Observer', date: '2020-07-03',
    text: TERMS_2020 },
  { id: 'anatolia-notes-2020', source: 'Anatolia Notes', date: '2020-09-11',
    text: TURKISH_BOATS_2020 },
  { id: 'baghdad-times-2021', source: 'Baghdad Times', date: '2021-03-04',
    text: DELIVERY_2021 },
];

const dir = mkdtempSync(join(tmpdir(), 'dyad-clusters-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const coder = createCoderSync();

/** Ingests the articles in the given order, two per batch (so clustering runs incrementally), into a fresh store. */
async function ingestInOrder(name: string, order: readonly Written[]): Promise<{ clusters: Cluster[]; threads: Thread[] }> {
  const input = join(dir, `${name}.jsonl`);
  writeFileSync(input, order.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const store = await openSqliteStore(':memory:');
  try {
    const summary = await ingestArticles([input], { store, coder, batchSize: 2 });
    assert.equal(summary.nearDuplicates, 1, `${name}: the syndicated copy is linked`);
    const clusters = await store.clusters({}, { sort: 'id', limit: 1000 });
    assert.equal(summary.clusters, clusters.length);
    return { clusters, threads: await store.threads() };
  } finally {
    await store.close();
  }
}

/**
 * What must not depend on the order. Whichever of the original and its syndicated copy arrives first is the one
 * coded, so the copy's document id and outlet stand in for the original's; everything else is compared exactly.
 */
function comparable(result: { clusters: Cluster[]; threads: Thread[] }): unknown {
  let text = JSON.stringify(result).replaceAll('"Wire Echo"', '"Sahel Courier"');
  for (const [copy, original] of COPY_IDS) text = text.replaceAll(copy, original);
  // A cluster is named after its smallest mention id. Which of an original and its copy is the cluster's member
  // depends on which came first, so name each cluster again from its members once copy ids are put back.
  const parsed = JSON.parse(text) as { clusters: Array<{ id: string; mentionIds: string[] }> };
  for (const c of parsed.clusters) {
    const renamed = `c-${[...c.mentionIds].sort()[0] ?? ''}`;
    if (renamed !== c.id) text = text.replaceAll(c.id, renamed);
  }
  // lists of mention ids (in clusters and thread steps) follow id order, which putting copy ids back can change
  const sortIdLists = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(sortIdLists);
      return items.every((v) => typeof v === 'string' && /^[0-9a-f]{16}$/.test(v)) ? [...(items as string[])].sort() : items;
    }
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortIdLists(v)]));
    return value;
  };
  const out = sortIdLists(JSON.parse(text)) as { clusters: Array<{ id: string }>; threads: unknown[] };
  out.clusters.sort((a, b) => a.id.localeCompare(b.id));
  return out;
}

/** Mention ids of the syndicated copy → those of its original (ids are derived from the document id). */
const COPY_IDS: Array<[string, string]> = (() => {
  const [original, copy] = ['sahel-courier-0505', 'wire-echo-0505'].map((id) => ARTICLES.find((a) => a.id === id) as Written);
  const originalIds = coder.codeArticle({ ...original!, title: null }).map((e) => e.id);
  return coder.codeArticle({ ...copy!, title: null }).map((e, i) => [e.id, originalIds[i] as string]);
})();

const byId = new Map(ARTICLES.map((a, i) => [a.id, i]));
const ORDERS: Array<[string, Written[]]> = [
  ['as written', ARTICLES],
  ['reversed (the copy before its original)', [...ARTICLES].reverse()],
  ['interleaved', [...ARTICLES].sort((a, b) => ((byId.get(a.id) ?? 0) % 3) - ((byId.get(b.id) ?? 0) % 3) || a.id.localeCompare(b.id))],
];

test('ingest clusters reports into events and builds threads, whatever the order of the articles', async () => {
  const results = [];
  for (const [name, order] of ORDERS) results.push([name, await ingestInOrder(name.replace(/\W+/g, '-'), order)] as const);
  const [first, ...rest] = results;
  assert.ok(first);
  assert.ok(COPY_IDS.length > 0);
  for (const [name, result] of rest) assert.deepEqual(comparable(result), comparable(first[1]), `${name} gives the same events and threads`);

  const { clusters, threads } = first[1];
  // one happening, three independent sources (the syndicated copy adds none)
  const helicopters = clusters.filter((c) => c.source === 'RUS' && c.target === 'MLI');
  assert.equal(helicopters.length, 1, JSON.stringify(helicopters.map((c) => [c.cameo, c.date])));
  assert.deepEqual(
    [helicopters[0]?.cameo, helicopters[0]?.date, helicopters[0]?.mentionCount, helicopters[0]?.independentSources, helicopters[0]?.firstReport, helicopters[0]?.lastReport],
    ['072', '2022-05-04', 3, 3, '2022-05-05', '2022-05-07'],
  );
  assert.deepEqual(helicopters[0]?.items.map((i) => [i.kind, i.quantity, i.conflict]), [['attack-helicopter', 4, false]]);
  // two deliveries between the same parties in the same month stay two events
  const india = clusters.filter((c) => c.source === 'IND' && c.target === 'MOZ');
  assert.deepEqual(india.map((c) => [c.cameo, c.date, c.items.map((i) => i.kind)]).sort(), [
    ['072', '2022-04-05', ['patrol-boat']], ['072', '2022-04-26', ['armoured-vehicle']],
  ]);
  // the Iraq–China thread, in order, with its status and Turkey's boats as related
  const china = threads.find((t) => t.supplier === 'CHN' && t.recipient === 'IRQ');
  assert.ok(china, JSON.stringify(threads.map((t) => [t.supplier, t.recipient])));
  assert.deepEqual(china.steps.map((s) => [s.order, s.role, s.date]), [
    [0, 'request', '2019-09-22'], [1, 'offer', '2019-09-25'], [2, 'request', '2020-06-10'], [3, 'condition', '2020-07-02'], [4, 'delivery', '2021-03-03'],
  ]);
  assert.equal(china.status, 'partly-fulfilled');
  assert.deepEqual([china.context, china.opened, china.lastStep], ['military', '2019-09-22', '2021-03-03']);
  assert.ok(china.steps.every((s) => s.evidence.length > 0));
  assert.deepEqual(china.related.map((r) => [r.supplier, r.role, r.date]), [['TUR', 'delivery', '2020-09-10']]);
  assert.equal(threads.find((t) => t.supplier === 'TUR')?.status, 'fulfilled');
});

test('ingesting again adds nothing and keeps the events; a run without clustering leaves them alone', async () => {
  const input = join(dir, 'again.jsonl');
  writeFileSync(input, ARTICLES.slice(0, 6).map((a) => JSON.stringify(a)).join('\n') + '\n');
  const path = join(dir, 'again.db');
  let store = await openSqliteStore(path);
  const first = await ingestArticles([input], { store, coder, cluster: false });
  assert.deepEqual([first.clusters, first.threads, await store.countClusters({})], [null, null, 0]);
  await store.close();
  // the next run finds mentions without clusters and clusters them
  store = await openSqliteStore(path);
  const second = await ingestArticles([input], { store, coder });
  assert.equal(second.new, 0);
  const clusters = await store.clusters({}, { sort: 'id' });
  assert.equal(second.clusters, clusters.length);
  assert.equal(clusters.filter((c) => c.source === 'IND').length, 2);
  await store.close();
  store = await openSqliteStore(path);
  await ingestArticles([input], { store, coder });
  assert.deepEqual(await store.clusters({}, { sort: 'id' }), clusters);
  await store.close();
});
