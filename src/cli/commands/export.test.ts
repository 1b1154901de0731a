import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sampleEvents } from '../../store/store-fixtures.js';
import { readCsvEvents } from '../../export/csv.js';
import { GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, gdeltEventId } from '../../export/gdelt.js';
import { readPlover } from '../../export/plover.js';
import { readCsv, readTsv } from '../../export/read-table.js';
import { runCommand, sampleStore } from './command-harness.js';
import { companionPath, exportCommand } from './export.js';

const { dir, db } = sampleStore('dyad-cli-export-');

const run = (args: string[]): ReturnType<typeof runCommand> => runCommand(exportCommand, db, args);

test('every format exports the stored events, and the round-trip formats read back to them', async () => {
  const events = sampleEvents();
  const plover = await run(['--as', 'plover']);
  assert.deepEqual(readPlover(plover.out), events);
  assert.deepEqual(readCsvEvents((await run(['--as', 'csv'])).out), events);
  const icews = readTsv((await run(['--as', 'icews', '--source', 'TUR'])).out);
  assert.deepEqual([icews.length, icews[0]!['Source Country'], icews[0]!['Target Country'], icews[0]!.Publisher], [1, 'Turkey', 'Iraq', 'Anatolia Notes']);
  const sipri = readCsv((await run(['--as', 'sipri', '--status', 'delivered'])).out);
  assert.deepEqual(sipri.map((r) => `${r.Supplier}>${r.Recipient}:${r.Number} ${r.Kind}`), ['China>Iraq:20000 rifle', 'Turkey>Iraq:2 patrol-boat']);
  const geo = JSON.parse((await run(['--as', 'geojson'])).out) as { features: unknown[] };
  assert.equal(geo.features.length, 4);
  const gexf = (await run(['--as', 'gexf', '--level', 'country'])).out;
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
  const delivered = sampleEvents().filter((e) => e.root === '07');
  assert.deepEqual(rows.map((r) => Number(r.GLOBALEVENTID)), delivered.map((e) => gdeltEventId(e.id)));
  assert.deepEqual(mentions.map((r) => r.Extras), delivered.map((e) => e.id));
  assert.deepEqual(rows.map((r) => r.SOURCEURL), ['https://news.example/drones', 'boats-2020.txt']);
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
