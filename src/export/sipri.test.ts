import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleEvents } from '../store/store-fixtures.js';
import { collectText } from './export-context.js';
import { deliveryHappening, sampleContext } from './export-fixtures.js';
import { readCsv } from './read-table.js';
import { SIPRI_COLUMNS, SIPRI_EVENT_LEVEL_COLUMNS, isAssistance, sipriCsv, sipriHappenings } from './sipri.js';

test('the SIPRI table lists each item of each request, offer and delivery, supplier first', async () => {
  const text = await collectText(sipriCsv(sampleEvents(), sampleContext()));
  const rows = readCsv(text);
  assert.deepEqual(Object.keys(rows[0] ?? {}), [...SIPRI_COLUMNS]);
  const brief = rows.map((r) => [r.Supplier, r.Recipient, r.Kind, r.Number, r.Status, r.Terms, r.Year].join('|'));
  assert.deepEqual(brief, [
    'China|Iraq|armed-drone||requested||2019',
    'China|Iraq|artillery||requested||2019',
    'China|Iraq|rifle|20000|requested||2019',
    'China|Iraq|drone||requested|free|2020',
    'China|Iraq|rifle|20000|delivered||2020',
    'Turkey|Iraq|patrol-boat|2|delivered||2020',
    'NATO|Iraq|trainer||pledged||2021',
  ]);
  const nato = rows[6]!;
  assert.deepEqual([nato['Number max'], nato.Approximate, nato['Supplier code'], nato['Recipient code'], nato.Source], ['500', 'true', 'NATO', 'IRQMIL', 'Tigris Wire']);
  assert.equal(rows[0]!.Evidence, sampleEvents()[0]!.sentence.text);
  const events = new Map(sampleEvents().map((e) => [e.id, e]));
  for (const row of rows) assert.ok(isAssistance(events.get(row['Event ID']!)!), row['Event ID']);
});

test('events without items or outside roots 02, 03, 07 are not assistance', () => {
  const [request, offer, meeting] = sampleEvents();
  assert.deepEqual([isAssistance(request!), isAssistance(offer!), isAssistance(meeting!)], [true, false, false]);
  assert.equal(isAssistance({ ...meeting!, items: request!.items }), false);
});

test('at the events level a SIPRI row is one item of one happening, with the number the sources agree on', async () => {
  const { happening, context } = deliveryHappening();
  const rows = readCsv(await collectText(sipriHappenings([happening], context)));
  assert.deepEqual(Object.keys(rows[0] ?? {}), [...SIPRI_EVENT_LEVEL_COLUMNS]);
  assert.deepEqual(rows.map((r) => [r.Supplier, r.Recipient, r.Item, r.Kind, r.Model, r.Number, r.Status, r.Date, r['Event ID']]),
    [['Russia', 'Mali', 'four Mi-35 attack helicopters', 'attack-helicopter', 'Mi-35', '4', 'delivered', '2022-05-04', happening.cluster.id]]);
  assert.deepEqual([rows[0]!.Reports, rows[0]!.Sources, rows[0]!['Numbers reported']], ['4', '3', '4; 5']);
});
