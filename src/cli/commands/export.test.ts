import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sampleEvents } from '../../store/store-fixtures.js';
import { readCsvEvents } from '../../export/csv.js';
import { GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, gdeltEventId } from '../../export/gdelt.js';
import { readPlover } from '../../export/plover.js';
import { readCsv, readTsv } from '../../export/read-table.js';
import { buildCluster } from '../../link/build-cluster.js';
import { Clusterer } from '../../link/cluster-events.js';
import { defaultKindTree } from '../../link/kind-tree.js';
import type { MentionInput } from '../../types/link.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { runCommand, sampleStore } from './command-harness.js';
import { eventsCommand } from './events.js';
import { companionPath, exportCommand } from './export.js';

const { dir, db } = sampleStore('dyad-cli-export-');
const clustered = sampleStore('dyad-cli-export-clustered-');
const B1 = 'baghdad-2019.txt:0:1', D1 = 'drones-2020.txt:0:1';

const run = (args: string[]): ReturnType<typeof runCommand> => runCommand(exportCommand, db, args);

test('every format exports the stored events, and the round-trip formats read back to them', async () => {
  const events = sampleEvents();
  const plover = await run(['--as', 'plover', '--level', 'mentions']);
  assert.deepEqual(readPlover(plover.out), events);
  assert.deepEqual(readCsvEvents((await run(['--as', 'csv', '--level', 'reports'])).out), events);
  const icews = readTsv((await run(['--as', 'icews', '--source', 'TUR'])).out);
  assert.deepEqual([icews.length, icews[0]!['Source Country'], icews[0]!['Target Country'], icews[0]!.Publisher], [1, 'Turkey', 'Iraq', 'Anatolia Notes']);
  const sipri = readCsv((await run(['--as', 'sipri', '--status', 'delivered'])).out);
  // happenings come by date: Turkey's delivery is dated only to 2020, so it sorts before China's of 2020-05-26
  assert.deepEqual(sipri.map((r) => `${r.Supplier}>${r.Recipient}:${r.Number} ${r.Kind}`), ['Turkey>Iraq:2 patrol-boat', 'China>Iraq:20000 rifle']);
  const geo = JSON.parse((await run(['--as', 'geojson'])).out) as { features: unknown[] };
  assert.equal(geo.features.length, 4);
  const gexf = (await run(['--as', 'gexf', '--nodes', 'country'])).out;
  assert.match(gexf, /<node id="IRQ" label="Iraq">/);
});

test('gdelt writes the events table and, beside it, the mentions table', async () => {
  const out = join(dir, 'gdelt', 'events.tsv');
  const missingDir = await run(['--as', 'gdelt', '--out', out]);
  assert.equal(missingDir.code, 2);
  assert.match(missingDir.errors[0]!, /^dyad export: E700 .*events\.tsv: cannot write the file/);
  const io = await run(['--as', 'gdelt', '--out', join(dir, 'events.tsv'), '--code', '07*']);
  assert.deepEqual([io.code, io.errors], [0, [`dyad export: 2 events → ${join(dir, 'events.tsv')}, mentions → ${join(dir, 'events.mentions.tsv')}`]]);
  const rows = readTsv(readFileSync(join(dir, 'events.tsv'), 'utf8'), GDELT_EVENT_COLUMNS);
  const mentions = readTsv(readFileSync(join(dir, 'events.mentions.tsv'), 'utf8'), GDELT_MENTION_COLUMNS);
  const delivered = sampleEvents().filter((e) => e.root === '07').sort((a, b) => (a.date! < b.date! ? -1 : 1));
  // never clustered: each event is a happening of its own
  assert.deepEqual(rows.map((r) => Number(r.GLOBALEVENTID)), delivered.map((e) => gdeltEventId(`c-${e.id}`)));
  assert.deepEqual(mentions.map((r) => r.Extras), delivered.map((e) => e.id));
  assert.deepEqual(rows.map((r) => r.SOURCEURL), ['boats-2020.txt', 'https://news.example/drones']);
  assert.equal(rows[0]!.DATEADDED?.length, 14);
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp')), []);
  const piped = await run(['--as', 'gdelt']);
  assert.equal(piped.out.trim().split('\n').length, 10);
  assert.match(piped.errors[0]!, /mentions table was not written/);
});

test('export usage errors exit with code 2 and leave no file', async () => {
  const cases: Array<[string[], RegExp]> = [
    [[], /E700 required option '--as <format>' not specified/],
    [['--as', 'xlsx'], /E700 option '--as <format>' argument 'xlsx' is invalid/],
    [['--as', 'csv', '--since', '2020-02-30'], /E700 --since: "2020-02-30" is not a date/],
    [['--as', 'csv', '--level', 'stories'], /E700 option '--level <level>' argument 'stories' is invalid/],
    [['--as', 'gexf', '--nodes', 'planet'], /E700 option '--nodes <nodes>' argument 'planet' is invalid/],
  ];
  for (const [args, pattern] of cases) {
    const io = await run([...args, '--out', join(dir, 'never.csv')]);
    assert.deepEqual([io.code, io.errors.length], [2, 1], args.join(' '));
    assert.match(io.errors[0]!, pattern);
  }
  assert.equal(existsSync(join(dir, 'never.csv')), false);
});

test('the companion file sits beside the main one', () => {
  assert.equal(companionPath('out/events.tsv', 'mentions'), join('out', 'events.mentions.tsv'));
  assert.equal(companionPath('events', 'mentions'), 'events.mentions');
});

/** Clusters the second store, with Iraq's request of 2019 (B1) and its renewal (D1) made one happening; returns its id. */
async function clusterSecondStore(): Promise<string> {
  const store = await openSqliteStore(clustered.db);
  const mentions: MentionInput[] = [];
  for await (const mention of store.iterateMentions()) mentions.push(mention);
  await store.applyClusterChange(new Clusterer({ kinds: defaultKindTree() }).addAll(mentions));
  const merged = buildCluster(mentions.filter((m) => [B1, D1].includes(m.event.id)), defaultKindTree());
  await store.applyClusterChange({ upserted: [merged], removed: [`c-${D1}`], merged: [] });
  await store.close();
  return merged.id;
}

test('exports write events by default, reports with --level reports (or its old name mentions); gdelt mentions point at their event', async () => {
  const merged = await clusterSecondStore();
  const runOn = (args: string[]): ReturnType<typeof runCommand> => runCommand(exportCommand, clustered.db, args);
  const csv = readCsv((await runOn(['--as', 'csv'])).out);
  assert.equal(csv.length, 9);
  assert.deepEqual(csv.find((r) => r.id === merged)?.mention_ids, JSON.stringify([B1, D1]));
  assert.equal(readCsv((await runOn(['--as', 'csv', '--level', 'mentions'])).out).length, 10);
  // `dyad events --format csv` writes the same CSV as `dyad export --as csv`, at both levels (rows in another order)
  const sorted = (text: string): string[] => text.trimEnd().split('\n').sort();
  for (const level of ['events', 'reports']) {
    const listed = await runCommand(eventsCommand, clustered.db, ['--level', level, '--limit', '0', '--format', 'csv']);
    assert.deepEqual(sorted(listed.out), sorted((await runOn(['--as', 'csv', '--level', level])).out), level);
  }

  const out = join(clustered.dir, 'gdelt.tsv');
  const io = await runOn(['--as', 'gdelt', '--out', out]);
  assert.deepEqual(io.errors, [`dyad export: 9 events → ${out}, mentions → ${join(clustered.dir, 'gdelt.mentions.tsv')}`]);
  const events = readTsv(readFileSync(out, 'utf8'), GDELT_EVENT_COLUMNS);
  const mentions = readTsv(readFileSync(join(clustered.dir, 'gdelt.mentions.tsv'), 'utf8'), GDELT_MENTION_COLUMNS);
  assert.deepEqual([events.length, mentions.length], [9, 10]);
  const id = String(gdeltEventId(merged));
  assert.deepEqual(events.filter((r) => r.GLOBALEVENTID === id).map((r) => [r.NumMentions, r.NumArticles, r.NumSources]), [['2', '2', '2']]);
  assert.deepEqual(mentions.filter((r) => r.GLOBALEVENTID === id).map((r) => r.Extras), [B1, D1]);
  const ids = new Set(events.map((r) => r.GLOBALEVENTID));
  assert.ok(mentions.every((r) => ids.has(r.GLOBALEVENTID)), 'every mention points at an event of the file');

  const raw = await runOn(['--as', 'gdelt', '--level', 'reports', '--out', join(clustered.dir, 'raw.tsv')]);
  assert.match(raw.errors[0]!, /^dyad export: 10 reports → /);
  assert.equal(readTsv(readFileSync(join(clustered.dir, 'raw.tsv'), 'utf8'), GDELT_EVENT_COLUMNS).length, 10);
});
