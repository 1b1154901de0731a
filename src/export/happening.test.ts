import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Clusterer } from '../link/cluster-events.js';
import { sampleEntries, sampleEvents } from '../store/store-fixtures.js';
import { deliveryHappening, sampleContext } from './export-fixtures.js';
import { happeningRecord, leadMention, reportRank, singleHappening, strongestOf, strongestReport } from './happening.js';
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

test('the strongest report: own code, then firmness, then the event\'s date, then most items, then the first stored; the same from ranks', () => {
  const { happening } = deliveryHappening();
  const cluster = { ...happening.cluster, cameo: '073', date: '2022-05-04', modality: 'asserted' as const, disputingMentionIds: [] };
  const base = happening.mentions[0]!;
  const report = (id: string, set: Partial<typeof base>): typeof base => ({ ...base, ...set, id });
  const item = base.items[0] ?? { text: 'rifles', kind: 'rifle', model: null, quantity: null, max: null, approx: false, unit: null, start: 0, end: 6 };
  const cases: Array<[string, typeof base[], string | null]> = [
    ['no report', [], null],
    ['the event\'s code first', [report('a', { cameo: '074' }), report('b', { cameo: '073', modality: 'possible', date: null })], 'b'],
    ['asserted before reported', [report('a', { cameo: '073', modality: 'reported' }), report('b', { cameo: '073', modality: 'asserted', date: null })], 'b'],
    ['the event\'s date', [report('a', { cameo: '073', modality: 'asserted', date: '2022-05' }), report('b', { cameo: '073', modality: 'asserted', date: '2022-05-04' })], 'b'],
    ['most items', [report('a', { cameo: '073', modality: 'asserted', date: '2022-05-04', items: [] }), report('b', { cameo: '073', modality: 'asserted', date: '2022-05-04', items: [item] })], 'b'],
    ['ties to the first stored', [report('a', { cameo: '073', modality: 'asserted', items: [] }), report('b', { cameo: '073', modality: 'asserted', items: [] })], 'a'],
  ];
  for (const [title, reports, expected] of cases) {
    assert.equal(strongestReport(cluster, reports)?.id ?? null, expected, title);
    assert.equal(strongestOf(cluster, reports.map(reportRank), (r) => r)?.id ?? null, expected, `${title}, from ranks`);
  }
  // a denial of an event others report never speaks for it; when only denials report it, they do
  const denial = report('a', { cameo: '073', modality: 'denied', items: [item, item] });
  const support = report('b', { cameo: '073', modality: 'reported' });
  const disputed = { ...cluster, disputingMentionIds: ['a'] };
  assert.equal(strongestOf(disputed, [denial, support].map(reportRank), (r) => r)?.id, 'b');
  assert.equal(strongestOf(disputed, [denial].map(reportRank), (r) => r)?.id, 'a');
  assert.equal(strongestOf({ ...disputed, modality: 'denied' }, [report('a', { cameo: '073', modality: 'asserted' }), support].map(reportRank), (r) => r)?.id, 'a', 'an event only denials report: every report is its own');
});
