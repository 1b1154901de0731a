import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleEvents } from '../store/store-fixtures.js';
import { collectText } from './export-context.js';
import { deliveryHappening, sampleContext } from './export-fixtures.js';
import { ICEWS_COLUMNS, ICEWS_EVENT_LEVEL_COLUMNS, icewsEvents, icewsHappenings } from './icews.js';
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

test('at the events level an ICEWS row is one happening, with its mentions, stories and independent sources after ICEWS\'s columns', async () => {
  const { happening, context } = deliveryHappening();
  const text = await collectText(icewsHappenings([happening], context));
  assert.equal(text.split('\n')[0], ICEWS_EVENT_LEVEL_COLUMNS.join('\t'));
  const rows = readTsv(text);
  assert.equal(rows.length, 1);
  const row = rows[0]!;
  assert.deepEqual([row['Event ID'], row['Event Date'], row['Source Country'], row['Target Country'], row['CAMEO Code'], row['Story ID'], row.Publisher],
    [happening.cluster.id, '2022-05-04', 'Russia', 'Mali', '072', 'sahel-courier', 'Sahel Courier']);
  assert.deepEqual([row.Mentions, row.Stories, row['Independent Sources'], row.Confidence, row.City], ['4', '4', '3', '0.875', 'Bamako']);
});
