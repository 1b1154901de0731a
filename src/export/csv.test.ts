import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleEvents } from '../store/store-fixtures.js';
import type { EventRecord } from '../types/index.js';
import { collectText } from './export-context.js';
import { deliveryHappening, disputedHappening, sampleContext } from './export-fixtures.js';
import { CSV_COLUMNS, CSV_EVENT_LEVEL_COLUMNS, csvEvents, csvHappenings, readCsvEvents } from './csv.js';
import { readCsv } from './read-table.js';

test('the flat CSV reads back to exactly the events written', async () => {
  const events = sampleEvents();
  const text = await collectText(csvEvents(events, sampleContext()));
  assert.deepEqual(readCsvEvents(text), events);
  const rows = readCsv(text);
  assert.deepEqual(Object.keys(rows[0]!), [...CSV_COLUMNS]);
  assert.deepEqual([rows[0]!.url, rows[0]!.outlet], ['https://news.example/iraq-china', 'Tigris Wire']);
});

test('awkward text survives the CSV round trip: commas, quotes, line breaks, formula-like cells', async () => {
  const base = sampleEvents()[0]!;
  const tricky: EventRecord = {
    ...base,
    id: 'tricky,"one"',
    sentence: { ...base.sentence, text: '=SUM(A1) said "he",\nthen -left' },
    source: { ...base.source, code: '---GOV', name: '+Unknown, government', country: null, sector: 'GOV' },
    trigger: { ...base.trigger, text: '@asked' },
    goldstein: -10,
  };
  assert.deepEqual(readCsvEvents(await collectText(csvEvents([tricky]))), [tricky]);
});

test('at the events level a CSV row is one happening: the event columns, then its reports counted and merged', async () => {
  const { happening, context } = deliveryHappening();
  const { cluster } = happening;
  const text = await collectText(csvHappenings([happening], context));
  const rows = readCsv(text);
  assert.equal(rows.length, 1);
  const row = rows[0]!;
  assert.deepEqual(Object.keys(row), [...CSV_EVENT_LEVEL_COLUMNS]);
  assert.deepEqual([row.id, row.doc, row.date, row.cameo, row.source_code, row.target_code, row.status], [cluster.id, 'sahel-courier', '2022-05-04', '072', 'RUS', 'MLI', 'delivered']);
  assert.deepEqual([row.mentions, row.articles, row.sources, row.confidence], ['4', '4', '3', '0.875']);
  assert.deepEqual(JSON.parse(row.outlets!), ['Bamako Post', 'Desert Ledger', 'Sahel Courier', 'Wire Echo']);
  assert.deepEqual(JSON.parse(row.merged_items!), cluster.items);
  assert.deepEqual(JSON.parse(row.mention_ids!), cluster.mentionIds);
  assert.deepEqual(cluster.items.map((i) => [i.kind, i.quantity, i.quantities, i.conflict]), [['attack-helicopter', 4, [4, 5], true]]);
  assert.equal(JSON.parse(row.location!).name, 'Bamako');
  assert.deepEqual([row.url, row.outlet], ['https://courier.example/mi-35', 'Sahel Courier']);
});

test('a disputed happening: counts of its supporting reports, its lead never the denial, both sides named', async () => {
  const { happening, context } = disputedHappening();
  const { cluster } = happening;
  const [row] = readCsv(await collectText(csvHappenings([happening], context)));
  assert.ok(row);
  assert.deepEqual([row.doc, row.modality, row.negated, row.status], ['sahel-courier', 'asserted', 'false', 'delivered']);
  assert.deepEqual([row.mentions, row.articles, row.sources, row.confidence], ['4', '4', '3', '0.875']);
  assert.deepEqual(JSON.parse(row.mention_ids!), cluster.mentionIds);
  assert.deepEqual([row.disputed, row.disputing_source_count], ['true', '1']);
  assert.deepEqual(JSON.parse(row.supporting_sources!), ['Bamako Post', 'Desert Ledger', 'Sahel Courier', 'Wire Echo']);
  assert.deepEqual(JSON.parse(row.disputing_sources!), ['Kremlin Feed']);
  assert.deepEqual(JSON.parse(row.disputing_mention_ids!), ['kremlin-feed:0:1']);
});
