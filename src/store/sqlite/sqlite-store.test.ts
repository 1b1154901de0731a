import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { DyadError } from '../../types/index.js';
import { normalizeEventFilter } from '../event-filter.js';
import type { DyadRow, EventFilter, EventSort } from '../store.js';
import type { Cluster } from '../../types/link.js';
import { FILTER_CASES, storeContract } from '../store-contract.js';
import { sampleEntries } from '../store-fixtures.js';
import { parseDaySpan } from '../../types/day-number.js';
import { CLUSTER_OF_MENTION } from './cluster-store.js';
import { dyadSummaryQuery } from './dyad-summary.js';
import { selectEvents } from './event-row.js';
import { MIGRATIONS } from './migrations.js';
import { openDatabase } from './open-database.js';
import { SqliteStore, openSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-store-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshPath = (): string => join(dir, `store-${++files}.db`);

storeContract('sqlite in memory', () => openSqliteStore(':memory:'));
storeContract('sqlite file', () => openSqliteStore(freshPath()));

function isStoreError(path: string, pattern: RegExp): (err: unknown) => boolean {
  return (err) => err instanceof DyadError && err.code === 'E600' && err.input === path && err.message.includes(path) && pattern.test(err.message);
}

test('a new file gets the whole schema; reopening keeps the data and migrates nothing twice', async () => {
  const path = freshPath();
  writeFileSync(path, ''); // an empty file is a new database
  const store = await openSqliteStore(path);
  for (const entry of sampleEntries()) await store.putArticle(entry.article, entry.meta, entry.events);
  await store.close();
  const again = await openSqliteStore(path, { mustExist: true });
  assert.deepEqual([(await again.stats()).events, (await again.stats()).schemaVersion], [10, MIGRATIONS.length]);
  await again.close();
  const raw = new Database(path, { readonly: true });
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal((raw.prepare('SELECT count(*) AS n FROM schema_version').get() as { n: number }).n, MIGRATIONS.length);
  raw.close();
});

test('a later migration applies to an existing store without touching its data (the issue-5 path)', async () => {
  const path = freshPath();
  const store = await openSqliteStore(path);
  for (const entry of sampleEntries()) await store.putArticle(entry.article, entry.meta, entry.events);
  await store.close();
  const next = [...MIGRATIONS, {
    version: MIGRATIONS.length + 1,
    name: 'test: a later schema',
    sql: `CREATE TABLE test_stories (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, events INTEGER NOT NULL);
          ALTER TABLE events ADD COLUMN story INTEGER REFERENCES test_stories(seq);`,
  }];
  const upgraded = new SqliteStore(openDatabase(path, {}, next), path);
  assert.equal((await upgraded.stats()).schemaVersion, MIGRATIONS.length + 1);
  const events = (await upgraded.queryEvents({ source: ['CHN'] }, { limit: 100 })).events;
  assert.equal(events.length, 4);
  assert.equal(Object.hasOwn(events[0]!, 'story'), false);
  await upgraded.close();
  assert.throws(() => openDatabase(path), isStoreError(path, new RegExp(`newer Dyad \\(schema version ${MIGRATIONS.length + 1}`)));
});

test('migration 11 leaves an older store with no recorded item kinds (it was linked with Dyad\'s own), its data untouched', async () => {
  const path = freshPath();
  const older = new SqliteStore(openDatabase(path, {}, MIGRATIONS.filter((m) => m.version < 11)), path);
  for (const entry of sampleEntries()) await older.putArticle(entry.article, entry.meta, entry.events);
  await older.close();
  const store = await openSqliteStore(path);
  assert.deepEqual([(await store.stats()).events, await store.lexiconKinds()], [10, []]);
  await store.putLexiconKinds([{ kind: 'foo-drone', parent: 'drone', military: true, economic: false }]);
  assert.equal((await store.lexiconKinds()).length, 1);
  await store.close();
});

test('migration 6 gives the clusters of an older store their sides; a denied one stays denied', async () => {
  const path = freshPath();
  const db = openDatabase(path, {}, MIGRATIONS.filter((m) => m.version <= 5));
  const old = new SqliteStore(db, path);
  const entries = sampleEntries();
  for (const entry of entries) await old.putArticle(entry.article, entry.meta, entry.events);
  const [asserted, denied] = entries.flatMap((e) => e.events).filter((e) => e.doc === entries[1]?.article.id);
  assert.ok(asserted && denied);
  db.prepare("UPDATE events SET negated = 1, modality = 'denied' WHERE id = ?").run(denied.id);
  const insert = db.prepare(`INSERT INTO event_clusters (id, source, target, cameo, root, negated, date, date_precision, date_basis,
    first_reported, last_reported, mentions, articles, sources, confidence, ambiguous, status, terms, outlets, items, mention_ids)
    VALUES (?, 'CHN', NULL, '010', '01', ?, NULL, 'unknown', 'unknown', NULL, NULL, 1, 1, 1, 0.5, 0, NULL, NULL, '[]', '[]', ?)`);
  for (const [event, negated] of [[asserted, 0], [denied, 1]] as const) {
    insert.run(`c-${event.id}`, negated, JSON.stringify([event.id]));
    db.prepare('UPDATE events SET cluster = ? WHERE id = ?').run(`c-${event.id}`, event.id);
  }
  await old.close();
  const store = await openSqliteStore(path);
  const outlet = entries[1]?.article.source;
  const sides = (c: Cluster | null): unknown[] => [c?.modality, c?.negated, c?.disputed, c?.supportingSources, c?.disputingSources,
    c?.supportingSourceCount, c?.disputingSourceCount, c?.disputingMentionIds];
  assert.deepEqual(sides(await store.cluster(`c-${asserted.id}`)), ['asserted', false, false, [outlet], [], 1, 0, []]);
  assert.deepEqual(sides(await store.cluster(`c-${denied.id}`)), ['denied', true, false, [], [outlet], 0, 1, [denied.id]]);
  await store.close();
});

test('migration 7 gives stored events, clusters and threads their first and last day; period filters then answer as before', async () => {
  const path = freshPath();
  const db = openDatabase(path, {}, MIGRATIONS.filter((m) => m.version <= 6));
  const old = new SqliteStore(db, path);
  for (const entry of sampleEntries()) await old.putArticle(entry.article, entry.meta, entry.events);
  db.prepare(`INSERT INTO threads (id, supplier, recipient, context, status, kinds, missing, opened, last_step)
    VALUES ('t', 'CHN', 'IRQ', 'military', 'open', '[]', '[]', '2019-03', '2020')`).run();
  await old.close();
  const store = await openSqliteStore(path);
  const fresh = await openSqliteStore(':memory:');
  for (const entry of sampleEntries()) await fresh.putArticle(entry.article, entry.meta, entry.events);
  for (const [title, filter] of FILTER_CASES.filter(([, f]) => f.since !== undefined || f.until !== undefined)) {
    const ids = async (s: SqliteStore): Promise<string[]> => (await s.queryEvents(filter, { limit: 100 })).events.map((e) => e.id);
    assert.deepEqual(await ids(store), await ids(fresh), title);
  }
  const raw = new Database(path, { readonly: true });
  const days = raw.prepare('SELECT DISTINCT date, first_day, last_day FROM events WHERE date IS NOT NULL').all() as Array<{ date: string; first_day: number; last_day: number }>;
  const thread = raw.prepare("SELECT first_day, last_day FROM threads WHERE id = 't'").get();
  raw.close();
  assert.ok(new Set(days.map((d) => d.date.length)).size === 3, 'years, months and days are stored');
  for (const d of days) assert.deepEqual([d.first_day, d.last_day], [parseDaySpan(d.date)?.first, parseDaySpan(d.date)?.last], d.date);
  assert.deepEqual(thread, { first_day: 17956, last_day: 18627 }, 'from the first day of March 2019 to the last of 2020');
  assert.deepEqual((await store.threads({ since: '2020-12' })).map((t) => t.id), ['t'], 'a thread meets a period its span reaches');
  assert.deepEqual((await store.threads({ until: '2019-02' })).map((t) => t.id), []);
  await store.close();
  await fresh.close();
});

test('a bulk load trades durability for speed only when asked', () => {
  const kept = openDatabase(freshPath());
  const bulk = openDatabase(freshPath(), { bulkLoad: true });
  assert.deepEqual([kept.pragma('synchronous', { simple: true }), kept.pragma('cache_size', { simple: true })], [1, -65536]);
  assert.deepEqual([bulk.pragma('synchronous', { simple: true }), bulk.pragma('cache_size', { simple: true })], [0, -1048576]);
  kept.close();
  bulk.close();
});

test('a file that is not a Dyad store is refused by path and left byte for byte as it was', async () => {
  const cases: Array<[string, Buffer, RegExp]> = [
    ['notes.db', Buffer.from('These are my notes, not a database.\n'.repeat(10)), /not an SQLite database/],
    ['torn.db', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0x5a)]), /corrupt|not a usable/],
  ];
  for (const [name, bytes, pattern] of cases) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    await assert.rejects(openSqliteStore(path), isStoreError(path, pattern), name);
    assert.deepEqual(readFileSync(path), bytes, name);
  }
  const other = join(dir, 'other-app.db');
  const raw = new Database(other);
  raw.exec('CREATE TABLE recipes (name TEXT)');
  raw.close();
  const before = readFileSync(other);
  await assert.rejects(openSqliteStore(other), isStoreError(other, /not a Dyad store/));
  assert.deepEqual(readFileSync(other), before);
  await assert.rejects(openSqliteStore(dir), isStoreError(dir, /is a directory/));
  const missing = join(dir, 'missing.db');
  await assert.rejects(openSqliteStore(missing, { mustExist: true }), isStoreError(missing, /no database here/));
  assert.equal(existsSync(missing), false);
});

test('a reader sees each committed article while a writer keeps writing (WAL)', async () => {
  const path = freshPath();
  const writer = await openSqliteStore(path);
  const reader = await openSqliteStore(path, { mustExist: true });
  const [first, second] = sampleEntries();
  await writer.putArticle(first!.article, first!.meta, first!.events);
  assert.equal(await reader.countEvents({}), 3);
  await writer.putArticle(second!.article, second!.meta, second!.events);
  assert.equal(await reader.countEvents({}), 6);
  await reader.close();
  await writer.close();
});

/** Filters the query commands use most; each must start from an index, never a full scan of events. */
const PLAN_CASES: Array<[string, EventFilter, EventSort]> = [
  ['dyad and dates', { source: ['CHN'], target: ['IRQ'], since: '2019-01', until: '2020-12' }, 'ingested'],
  ['dyad, newest first', { source: ['CHN'], target: ['IRQ'] }, '-date'],
  ['source', { source: ['CHNGOV'] }, 'ingested'],
  ['target', { target: ['IRQ'] }, 'ingested'],
  ['either side', { actor: ['TUR'] }, 'ingested'],
  ['code prefix', { code: ['02*'] }, 'ingested'],
  ['exact codes', { code: ['0232', '0332'] }, 'ingested'],
  ['root and quad', { root: ['07'], quad: [2] }, 'ingested'],
  ['dates', { since: '2020-01', until: '2020-06' }, 'date'],
  ['status', { status: ['delivered'] }, 'ingested'],
  ['text', { text: 'helicopters' }, 'ingested'],
  ['item', { item: 'helicopter' }, 'ingested'],
  ['doc', { doc: 'drones-2020.txt' }, 'ingested'],
];

test('common filters use an index, not a full scan (EXPLAIN QUERY PLAN)', async () => {
  const store = await openSqliteStore(':memory:');
  for (const entry of sampleEntries()) await store.putArticle(entry.article, entry.meta, entry.events);
  for (const [title, filter, sort] of PLAN_CASES) {
    const plan = store.explain(filter, { sort });
    // `page` is the materialised page of at most `limit` rowids: scanning it is the point.
    const scans = plan.filter((line) => (/^SCAN \w+$/.test(line) && line !== 'SCAN page') || /^SCAN (e|ev|i) /.test(line));
    assert.deepEqual(scans, [], `${title}: ${plan.join(' | ')}`);
    assert.ok(plan.some((line) => /^SEARCH e USING/.test(line) || /^MULTI-INDEX OR/.test(line)), `${title}: ${plan.join(' | ')}`);
  }
  const newest = store.explain({}, { sort: '-date', limit: 20 });
  assert.ok(newest.some((line) => /^SCAN e USING (COVERING )?INDEX events_date/.test(line)), `newest first walks the date index: ${newest.join(' | ')}`);
  const quad = store.explain({ quad: [4] }, { sort: '-date', limit: 20 });
  assert.ok(quad.some((line) => /^SCAN e USING (COVERING )?INDEX events_date/.test(line)), `a quad (a quarter of all events) is filtered on the date walk: ${quad.join(' | ')}`);
  // Migration 3: the actor, code and date filters of a page are tested on index entries, never on events rows.
  const combined = store.explain({ actor: ['RUS'], code: ['19*'], since: '2015' }, { sort: '-date' });
  const searches = combined.filter((line) => /^SEARCH e USING/.test(line) && !/INTEGER PRIMARY KEY/.test(line));
  assert.ok(searches.length > 0 && searches.every((line) => /COVERING INDEX/.test(line)), `actor + code + since: ${combined.join(' | ')}`);
  const oldest = store.explain({}, { sort: 'date', limit: 20 });
  assert.ok(oldest.some((line) => /^SCAN e USING (COVERING )?INDEX events_date/.test(line)), `oldest first too: ${oldest.join(' | ')}`);
  await store.close();
});

test('an event by id and the cluster of a mention are index seeks (EXPLAIN QUERY PLAN)', async () => {
  const path = freshPath();
  const store = await openSqliteStore(path);
  for (const entry of sampleEntries()) await store.putArticle(entry.article, entry.meta, entry.events);
  await store.close();
  const raw = new Database(path, { readonly: true });
  const plan = (sql: string, ...params: unknown[]): string[] =>
    (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
  const byId = plan(selectEvents('WHERE e.id = ?', 'e.seq'), 'x', 1, 0);
  assert.ok(byId.some((line) => /^SEARCH e USING (COVERING )?INDEX sqlite_autoindex_events_1 \(id=\?\)/.test(line)), byId.join(' | '));
  assert.deepEqual(byId.filter((line) => /^SCAN e\b/.test(line)), [], byId.join(' | '));
  const cluster = plan(CLUSTER_OF_MENTION, 'x');
  assert.deepEqual(cluster.filter((line) => /^SCAN/.test(line)), [], cluster.join(' | '));
  raw.close();
});

test('a page by date read from a window of the date index is the page the ordinary query gives', async () => {
  // A window of 2 dated events: most pages are first tried from the window, many fall back.
  const path = freshPath();
  const seed = await openSqliteStore(path);
  for (const entry of sampleEntries()) await seed.putArticle(entry.article, entry.meta, entry.events);
  await seed.close();
  const windowed = new SqliteStore(openDatabase(path), path, { dateWindow: 2 });
  const plain = new SqliteStore(openDatabase(path), path, { dateWindow: 1_000_000 });
  const pages = async (store: SqliteStore, filter: EventFilter, sort: EventSort, limit: number): Promise<string[][]> => {
    const out: string[][] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<SqliteStore['queryEvents']>> = await store.queryEvents(filter, { sort, limit, cursor });
      out.push(page.events.map((e) => e.id));
      cursor = page.next;
    } while (cursor !== null);
    return out;
  };
  let tried = 0;
  for (const [title, filter] of FILTER_CASES) {
    for (const sort of ['date', '-date'] as const) {
      for (const limit of [1, 2, 3, 100]) {
        assert.deepEqual(await pages(windowed, filter, sort, limit), await pages(plain, filter, sort, limit), `${title}, ${sort}, limit ${limit}`);
      }
      assert.deepEqual((await windowed.queryEvents(filter, { sort, limit: 2, offset: 1 })).events, (await plain.queryEvents(filter, { sort, limit: 2, offset: 1 })).events, `${title}, offset`);
      if (windowed.explain(filter, { sort, limit: 1 }, { window: true }).length > 0) tried++;
    }
  }
  assert.ok(tried > 20, `the window was tried (${tried} times)`);
  // A cursor from a page of another filter (a client's mistake) must not let rows outside the period in.
  for (const sort of ['date', '-date'] as const) {
    const cursors = (await pages(plain, {}, sort, 1)).map((_, i) => i);
    let cursor: string | null = null;
    for (const _ of cursors) {
      for (const period of [{ until: '2020-05' }, { since: '2020' }, { since: '2019-03-14', until: '2020-06' }] as EventFilter[]) {
        const a = await windowed.queryEvents(period, { sort, limit: 1, cursor });
        const b = await plain.queryEvents(period, { sort, limit: 1, cursor });
        assert.deepEqual(a.events.map((e) => e.id), b.events.map((e) => e.id), `${sort} ${JSON.stringify(period)} after ${cursor}`);
      }
      cursor = (await plain.queryEvents({}, { sort, limit: 1, cursor })).next;
      if (cursor === null) break;
    }
  }
  assert.deepEqual(plain.explain({ source: ['CHN'] }, { sort: '-date', limit: 1 }, { window: true }), [], 'no window when the store holds fewer dated events');
  const plan = windowed.explain({ source: ['CHN'] }, { sort: '-date', limit: 1 }, { window: true });
  assert.ok(plan.some((line) => /^SEARCH e USING COVERING INDEX events_date \(date>\?\)/.test(line)), plan.join(' | '));
  assert.deepEqual(windowed.explain({ doc: 'boats-2020.txt' }, { sort: '-date' }, { window: true }), [], 'one article: no window');
  await windowed.close();
  await plain.close();
});

test('dyads from the month counts are the dyads summed from the events, before and after events are replaced', async () => {
  const path = freshPath();
  const seed = await openSqliteStore(path);
  for (const entry of sampleEntries()) await seed.putArticle(entry.article, entry.meta, entry.events);
  await seed.close();
  const summed = new SqliteStore(openDatabase(path), path);
  const plain = new SqliteStore(openDatabase(path), path, { dyadSummary: false });
  const raw = new Database(path, { readonly: true });
  const prepare = (sql: string) => raw.prepare(sql);
  const filters: EventFilter[] = [
    {}, { source: ['CHN'] }, { target: ['IRQ'] }, { actor: ['TUR'] }, { actor: ['nato'] }, { source: ['CHN', 'TUR'], target: ['IRQ'] },
    { quad: [1] }, { quad: [2, 4] }, { since: '2020' }, { since: '2020-06' }, { until: '2020-05' }, { since: '2019-03', until: '2021' },
    { source: ['IRQ'], quad: [1], since: '2019' },
    // answered from the events: a code that is not a whole country, a day bound, a CAMEO code
    { source: ['CHNGOV'] }, { since: '2020-05-26' }, { code: ['02*'] }, { item: 'rifle' },
  ];
  const rounded = (rows: DyadRow[]) => rows.map((r) => ({ ...r, goldsteinMean: Math.round(r.goldsteinMean * 1e9) / 1e9 }));
  const compare = async (when: string): Promise<number> => {
    let fromCounts = 0;
    for (const filter of filters) {
      for (const by of ['month', 'year', 'week'] as const) {
        const expected = rounded(await plain.dyads(filter, { by }));
        assert.deepEqual(rounded(await summed.dyads(filter, { by })), expected, `${when}: ${JSON.stringify(filter)} by ${by}`);
        assert.deepEqual(rounded(await summed.dyads(filter, { by, limit: 2 })), expected.slice(0, 2), `${when}: limit`);
        if (dyadSummaryQuery(prepare, normalizeEventFilter(filter), by, 'country') !== null) fromCounts++;
      }
      assert.deepEqual(await summed.dyads(filter, { level: 'actor' }), await plain.dyads(filter, { level: 'actor' }));
    }
    return fromCounts;
  };
  assert.equal(await compare('as written'), 13 * 2, 'country filters, quads and month bounds are answered from the counts');
  const drones = sampleEntries()[1]!;
  await summed.putEvents('drones-2020.txt', [drones.events[2]!, { ...drones.events[0]!, date: '2019-11-02', quad: 4, goldstein: -9 }]);
  await compare('after re-coding an article');
  raw.close();
  await summed.close();
  await plain.close();
});

test('an ingest killed at any moment leaves whole articles only', { timeout: 60_000 }, async () => {
  const path = freshPath();
  const storeModule = fileURLToPath(new URL('./sqlite-store.ts', import.meta.url));
  const fixtures = fileURLToPath(new URL('../store-fixtures.ts', import.meta.url));
  // The child writes many copies of the sample articles, one transaction each, until it is killed.
  const script = `
    const { openSqliteStore } = await import(${JSON.stringify(storeModule)});
    const { sampleEntries } = await import(${JSON.stringify(fixtures)});
    const store = await openSqliteStore(${JSON.stringify(path)});
    for (let n = 0; ; n++) {
      for (const { article, meta, events } of sampleEntries()) {
        const id = article.id + '#' + n;
        await store.putArticle({ ...article, id }, { hash: meta.hash + '#' + n, sentences: meta.sentences },
          events.map((e) => ({ ...e, id: e.id + '#' + n, doc: id })));
      }
      if (n === 0) process.stdout.write('ready\\n');
    }`;
  // Killed twice, at different moments; the second run starts over and skips what the first stored.
  for (const wait of [50 + Math.floor(Math.random() * 200), 200 + Math.floor(Math.random() * 300)]) {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, wait));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const store = await openSqliteStore(path, { mustExist: true });
    const stats = await store.stats();
    assert.ok(stats.articles > 0, 'the child wrote something before it was killed');
    const perArticle = new Map(sampleEntries().map((e) => [e.article.id, e.events.length]));
    for await (const event of store.iterateEvents({}, { pageSize: 5000 })) assert.ok(perArticle.has(event.doc.split('#')[0]!));
    // Every stored article has exactly its events: none half-written, none without its article.
    let expected = 0;
    for (const [id, count] of perArticle) {
      for (let n = 0; ; n++) {
        if ((await store.getArticle(`${id}#${n}`)) === null) break;
        assert.equal(await store.countEvents({ doc: `${id}#${n}` }), count);
        expected += count;
      }
    }
    assert.equal(stats.events, expected);
    await store.close();
    const raw = new Database(path, { readonly: true });
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
    raw.close();
  }
});
