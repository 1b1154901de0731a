import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleEvents } from '../store/store-fixtures.js';
import { collectText } from './export-context.js';
import { sampleContext } from './export-fixtures.js';
import { ICEWS_COLUMNS, icewsEvents } from './icews.js';
import { readTsv } from './read-table.js';

test('the ICEWS table has ICEWS headers and reads back to the events written', async () => {
  const events = sampleEvents();
  const text = await collectText(icewsEvents(events, sampleContext()));
  assert.equal(text.split('\n')[0], ICEWS_COLUMNS.join('\t'));
  const rows = readTsv(text);
  assert.equal(rows.length, events.length);
  const names: Record<string, string> = { IRQ: 'Iraq', CHN: 'China', TUR: 'Turkey' };
  for (const [i, event] of events.entries()) {
    const row = rows[i]!;
    assert.deepEqual(
      [row['Event ID'], row['Event Date'], row['Source Name'], row['Source Sectors'], row['Source Country'], row['Event Text'], row['CAMEO Code'], Number(row.Intensity)],
      [event.id, event.date ?? '', event.source.name, event.source.sector ?? '', names[event.source.country ?? ''] ?? '', event.cameoName, event.cameo, event.goldstein]);
    assert.deepEqual([row['Target Name'], row['Target Country'], row['Story ID'], Number(row['Sentence Number'])],
      [event.target?.name ?? '', names[event.target?.country ?? ''] ?? '', event.doc, event.sentence.index + 1]);
    assert.deepEqual([row.City, row.Latitude, row.Longitude], [event.location?.name ?? '', String(event.location?.lat ?? ''), String(event.location?.lon ?? '')]);
  }
  assert.equal(rows[0]!.Publisher, 'Tigris Wire');
  assert.equal(rows[2]!.Country, 'China');
});

test('without country names ICEWS falls back to ISO codes', async () => {
  const [row] = readTsv(await collectText(icewsEvents(sampleEvents().slice(0, 1))));
  assert.deepEqual([row!['Source Country'], row!['Target Country'], row!.Publisher], ['IRQ', 'CHN', '']);
});
