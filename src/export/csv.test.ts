import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleEvents } from '../store/store-fixtures.js';
import type { EventRecord } from '../types/index.js';
import { collectText } from './export-context.js';
import { sampleContext } from './export-fixtures.js';
import { CSV_COLUMNS, csvEvents, readCsvEvents } from './csv.js';
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
