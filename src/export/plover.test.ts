import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleEvents } from '../store/store-fixtures.js';
import { collectText } from './export-context.js';
import { deliveryHappening, disputedHappening, sampleContext } from './export-fixtures.js';
import { ploverHappeningLines, ploverLines, readPlover, type PloverCluster, type PloverRecord } from './plover.js';

test('PLOVER JSON Lines read back to exactly the events written', async () => {
  const events = sampleEvents();
  const text = await collectText(ploverLines(events, sampleContext()));
  assert.equal(text.split('\n').filter(Boolean).length, events.length);
  assert.deepEqual(readPlover(text), events);
});

test('PLOVER records use the manual’s field names and shapes', async () => {
  const records = (await collectText(ploverLines(sampleEvents(), sampleContext()))).trim().split('\n').map((l) => JSON.parse(l) as PloverRecord);
  for (const record of records) {
    for (const field of ['id', 'date', 'actor', 'event'] as const) assert.ok(field in record, field);
    assert.ok(Array.isArray(record.event) && Array.isArray(record.mode) && Array.isArray(record.context) && Array.isArray(record.recipient));
    assert.ok([1, 2, 3, 4].includes(record.quad_code));
  }
  const offer = records[1]!;
  assert.deepEqual(offer.actor[0] && { code: offer.actor[0].code, sector: offer.actor[0].sector, entity_text: offer.actor[0].entity_text, identifier_text: offer.actor[0].identifier_text },
    { code: 'CHN', sector: 'GOV', entity_text: 'Wang Yi', identifier_text: 'Wang Yi' });
  assert.deepEqual([offer.event, offer.context, offer.text_info.sequence], [['AGREE'], ['military'], 1]);
  assert.deepEqual(offer.cite_info, { citation: 'baghdad-2019.txt', url: 'https://news.example/iraq-china', title: 'Iraq seeks Chinese arms', publication: 'Tigris Wire', language: 'en' });
  assert.deepEqual(records[2]!.event_loc, { extracted_place: 'Beijing', resolved_place: 'Beijing', geonameid: 1816670, lat: 39.9042, lon: 116.4074, country_code: 'CHN' });
  assert.deepEqual([records[4]!.recipient, records[9]!.actor[0]?.code], [[], 'NATO']);
});

test('at the events level a PLOVER record is one happening, its reports in dyad_cluster', async () => {
  const { happening, context } = deliveryHappening();
  const { cluster } = happening;
  const lines = (await collectText(ploverHappeningLines([happening], context))).trim().split('\n');
  assert.equal(lines.length, 1);
  const record = JSON.parse(lines[0]!) as PloverRecord & { dyad_cluster: PloverCluster };
  assert.deepEqual([record.id, record.date, record.actor[0]?.code, record.recipient[0]?.code, record.cite_info.publication, record.event_loc?.resolved_place],
    [cluster.id, '2022-05-04', 'RUS', 'MLI', 'Sahel Courier', 'Bamako']);
  assert.deepEqual(record.dyad_cluster, {
    mentions: 4, articles: 4, sources: 3, outlets: cluster.outlets, confidence: 0.875, ambiguous: cluster.ambiguous,
    first_report: '2022-05-05', last_report: '2022-05-07', items: cluster.items, mention_ids: cluster.mentionIds,
    modality: 'asserted', disputed: false, supporting_sources: cluster.outlets, disputing_sources: [], disputing_mention_ids: [],
  });
});

test('a disputed happening in PLOVER: the lead is a supporting report, dyad_cluster names both sides', async () => {
  const { happening, context } = disputedHappening();
  const record = JSON.parse(await collectText(ploverHappeningLines([happening], context))) as PloverRecord & { dyad_cluster: PloverCluster };
  assert.equal(record.cite_info.publication, 'Sahel Courier');
  assert.deepEqual([record.dyad_cluster.mentions, record.dyad_cluster.modality, record.dyad_cluster.disputed], [4, 'asserted', true]);
  assert.deepEqual([record.dyad_cluster.disputing_sources, record.dyad_cluster.disputing_mention_ids], [['Kremlin Feed'], ['kremlin-feed:0:1']]);
});
