import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Clusterer } from '../link/cluster-events.js';
import { sampleEntries, sampleEvents } from '../store/store-fixtures.js';
import { deliveryHappening, sampleContext } from './export-fixtures.js';
import { happeningRecord, leadMention, singleHappening } from './happening.js';
import { defaultKindTree } from '../link/kind-tree.js';

test('a happening speaks through its first report with its code and date, and takes its place from any report', () => {
  const { happening } = deliveryHappening();
  const [courier, post] = happening.mentions;
  assert.equal(happening.cluster.date, '2022-05-04');
  // the Bamako Post report, dated only to the month, comes first here: the lead is still the Sahel Courier's
  const reordered = { ...happening, mentions: [post!, ...happening.mentions.filter((m) => m !== post)] };
  assert.equal(leadMention(reordered), courier);
  const record = happeningRecord(reordered);
  assert.deepEqual([record.id, record.doc, record.date, record.datePrecision, record.status], [happening.cluster.id, courier!.doc, '2022-05-04', 'day', 'delivered']);
  assert.equal(record.location?.name, 'Bamako');
  assert.equal(courier!.location, null);
});

test('an unclustered event is the happening clustering would make of it alone', async () => {
  const context = sampleContext();
  const clusterer = new Clusterer({ kinds: defaultKindTree() });
  for (const { article, meta, events } of sampleEntries()) {
    for (const event of events) clusterer.add({ event, outlet: article.source ?? null, published: article.date ?? null, nearDuplicateOf: meta.nearDuplicateOf ?? null });
  }
  for (const event of sampleEvents()) {
    const single = await singleHappening(event, context);
    assert.deepEqual(single, { cluster: clusterer.cluster(`c-${event.id}`), mentions: [event] });
    assert.deepEqual(happeningRecord(single), { ...event, id: `c-${event.id}`, date: single.cluster.date, datePrecision: single.cluster.datePrecision, dateBasis: single.cluster.dateBasis });
  }
});
