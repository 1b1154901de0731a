// API tests: one CSV for both routes — GET /api/events?format=csv and GET /api/export?as=csv write the columns and
// rows of src/export/csv.ts, at the events level and at the level of reports.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CSV_COLUMNS, CSV_EVENT_LEVEL_COLUMNS, readCsvEvents } from '../export/csv.js';
import { readCsv } from '../export/read-table.js';
import { useLinkedSampleApp } from './api-fixtures.js';

const api = useLinkedSampleApp();

async function csvOf(path: string): Promise<string> {
  const res = await api.app.request(path);
  const text = await res.text();
  assert.equal(res.status, 200, text.slice(0, 200));
  return text;
}

const header = (csv: string): string => csv.slice(0, csv.indexOf('\n'));
/** The data lines, in a fixed order, so two routes that sort differently compare. */
const lines = (csv: string): string[] => csv.trimEnd().split('\n').slice(1).sort();

describe('CSV downloads', () => {
  it('give the same columns and rows at the events level from /api/events and /api/export', async () => {
    // the events level is the default of both routes
    const events = await csvOf('/api/events?format=csv&limit=10000');
    const exported = await csvOf('/api/export?as=csv');
    assert.equal(header(events), CSV_EVENT_LEVEL_COLUMNS.join(','));
    assert.equal(header(exported), header(events));
    assert.deepEqual(lines(events), lines(exported));
    assert.equal(readCsv(events).length, 10, 'ten events: the delivery reported twice is one');
  });

  it('give every report with the full report columns, readable back, from /api/events?level=reports', async () => {
    const reports = await csvOf('/api/events?level=reports&format=csv&limit=10000');
    assert.equal(header(reports), CSV_COLUMNS.join(','));
    const json = await csvOf('/api/events?level=reports&format=jsonl&limit=10000');
    assert.deepEqual(readCsvEvents(reports), json.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown));
  });

  it('filter as the JSON answers do', async () => {
    const events = readCsv(await csvOf('/api/events?format=csv&source=TUR'));
    const exported = readCsv(await csvOf('/api/export?as=csv&source=TUR'));
    assert.deepEqual(events.map((r) => r.id), exported.map((r) => r.id));
    assert.ok(events.length > 0 && events.every((r) => r.source_code?.startsWith('TUR')), JSON.stringify(events));
  });
});
