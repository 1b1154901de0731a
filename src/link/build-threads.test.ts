// Tests: assistance threads from written events — the multi-year Iraq–China story, each status, related third parties, order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildThreads, type ThreadOptions } from './build-threads.js';
import { clusterEvents } from './cluster-events.js';
import { defaultKindTree } from './kind-tree.js';
import { fixtureMention as m, shuffled, type MentionSpec } from './link-fixtures.js';
import type { Thread } from '../types/link.js';

// 2019: Iraq asks China for armed drones, artillery and rifles (two outlets) → China says it is ready to help →
// 2020: Iraq asks again, for free drones → Beijing insists on commercial terms → Turkey delivers two patrol boats →
// 2021: China delivers 20,000 rifles (two outlets).
const STORY: MentionSpec[] = [
  { id: 'ask19-r', doc: 'reuters-19', outlet: 'Reuters', published: '2019-09-23', source: 'IRQ', target: 'CHN', cameo: '0232', date: '2019-09-22',
    items: [{ kind: 'armed-drone' }, { kind: 'artillery' }, { kind: 'rifle' }], text: 'Iraq asked China on Sunday for armed drones, artillery and rifles.' },
  { id: 'ask19-a', doc: 'ap-19', outlet: 'AP', published: '2019-09-24', source: 'IRQGOV', target: 'CHNGOV', cameo: '0232', date: '2019-09-22',
    items: [{ kind: 'armed-drone' }, { kind: 'artillery' }], text: 'Baghdad has sought Chinese attack drones and howitzers, officials said.' },
  { id: 'ready19', doc: 'xinhua-19', outlet: 'Xinhua', published: '2019-09-25', source: 'CHNGOV', target: 'IRQ', cameo: '033', date: '2019-09-25', status: 'offered',
    text: 'China is ready to help Iraq, the foreign ministry said.' },
  { id: 'ask20', doc: 'rudaw-20', outlet: 'Rudaw', published: '2020-06-11', source: 'IRQ', target: 'CHN', cameo: '0232', date: '2020-06-10', terms: 'free',
    items: [{ kind: 'drone' }], text: 'Iraq again asked China to provide drones free of charge.' },
  { id: 'terms20', doc: 'scmp-20', outlet: 'SCMP', published: '2020-07-03', source: 'CHN', target: 'IRQ', cameo: '1032', date: '2020-07-02', terms: 'commercial',
    text: 'Beijing insisted that any drones be sold to Baghdad on commercial terms.' },
  { id: 'boats20', doc: 'aa-20', outlet: 'Anadolu', published: '2020-09-10', source: 'TUR', target: 'IRQ', cameo: '072', date: '2020-09-10',
    items: [{ kind: 'patrol-boat', quantity: 2 }], text: 'Turkey delivered two patrol boats to the Iraqi navy.' },
  { id: 'rifles21-r', doc: 'reuters-21', outlet: 'Reuters', published: '2021-02-16', source: 'CHN', target: 'IRQ', cameo: '072', date: '2021-02-15',
    items: [{ kind: 'rifle', quantity: 20000 }], text: 'China delivered 20,000 rifles to Iraq on Monday.' },
  { id: 'rifles21-k', doc: 'kurdistan24-21', outlet: 'Kurdistan24', published: '2021-02-17', source: 'CHNMIL', target: 'IRQMIL', cameo: '070', date: '2021-02-15',
    items: [{ kind: 'rifle', quantity: 20000 }], text: 'A Chinese shipment of 20,000 assault rifles reached the Iraqi army.' },
];

const OWN = { kinds: defaultKindTree() };

function threadsOf(specs: MentionSpec[], options: Omit<ThreadOptions, 'kinds'> = {}): Thread[] {
  return buildThreads(clusterEvents(specs.map(m), OWN), { ...OWN, ...options });
}

test('the multi-year Iraq–China thread: steps in order, each with evidence, partly fulfilled, Turkey related', () => {
  const threads = threadsOf(STORY);
  const china = threads.find((t) => t.supplier === 'CHN');
  assert.ok(china);
  assert.deepEqual([china.recipient, china.context, china.status], ['IRQ', 'military', 'partly-fulfilled']);
  assert.deepEqual(china.steps.map((s) => [s.order, s.role, s.actor, s.date]), [
    [0, 'request', 'recipient', '2019-09-22'],
    [1, 'offer', 'supplier', '2019-09-25'],
    [2, 'request', 'recipient', '2020-06-10'],
    [3, 'condition', 'supplier', '2020-07-02'],
    [4, 'delivery', 'supplier', '2021-02-15'],
  ]);
  assert.deepEqual(china.steps.map((s) => s.evidence), [['ask19-a', 'ask19-r'], ['ready19'], ['ask20'], ['terms20'], ['rifles21-k', 'rifles21-r']]);
  assert.deepEqual(china.steps[3]?.terms, 'commercial');
  assert.deepEqual(china.missing, ['armed-drone', 'artillery', 'drone']);
  assert.deepEqual([china.opened, china.lastStep], ['2019-09-22', '2021-02-15']);
  assert.deepEqual(china.related.map((r) => [r.supplier, r.role, r.date, r.evidence, r.overlap]), [['TUR', 'delivery', '2020-09-10', ['boats20'], []]]);
  const turkey = threads.find((t) => t.supplier === 'TUR');
  assert.deepEqual([turkey?.status, turkey?.related], ['fulfilled', []]);
  assert.deepEqual(china.related[0]?.thread, turkey?.id);
  assert.equal(threads.length, 2);
});

test('a third party delivering a kind that was asked for shows the overlap', () => {
  const ask = { ...STORY[0] as MentionSpec, items: [{ kind: 'armed-drone' }, { kind: 'patrol-boat' }] };
  const [china] = threadsOf([ask, STORY[5] as MentionSpec]).filter((t) => t.supplier === 'CHN');
  assert.deepEqual(china?.related.map((r) => r.overlap), [['patrol-boat']]);
  assert.equal(china?.status, 'open');
});

const ask = (id: string, date: string, items: MentionSpec['items'] = [{ kind: 'attack-helicopter', quantity: 4 }]): MentionSpec =>
  ({ id, doc: id, source: 'MLI', target: 'RUS', cameo: '0232', date, items });
const give = (id: string, date: string, cameo: string, items: MentionSpec['items'] = []): MentionSpec =>
  ({ id, doc: id, source: 'RUS', target: 'MLI', cameo, date, items });

const statuses: Array<{ name: string; specs: MentionSpec[]; asOf?: string; expected: Array<[string, string[]]> }> = [
  { name: 'only a request, recent → open', specs: [ask('a', '2021-03-01')], expected: [['open', ['request']]] },
  { name: 'a request and 19 months of silence → stalled', specs: [ask('a', '2021-03-01')], asOf: '2022-10-01', expected: [['stalled', ['request']]] },
  {
    name: 'a request then a refusal → refused',
    specs: [ask('a', '2021-03-01'), give('b', '2021-04-01', '1222')],
    expected: [['refused', ['request', 'refusal']]],
  },
  {
    name: 'asked again after a refusal → open',
    specs: [ask('a', '2021-03-01'), give('b', '2021-04-01', '1222'), ask('c', '2021-05-01')],
    expected: [['open', ['request', 'refusal', 'request']]],
  },
  {
    name: 'everything asked delivered, in full → fulfilled',
    specs: [ask('a', '2021-03-01'), give('b', '2021-04-01', '0332', [{ kind: 'attack-helicopter', quantity: 4 }]), give('c', '2021-09-01', '072', [{ kind: 'attack-helicopter', quantity: 4, model: 'Mi-35' }])],
    expected: [['fulfilled', ['request', 'pledge', 'delivery']]],
  },
  {
    name: 'fewer delivered than asked → partly fulfilled',
    specs: [ask('a', '2021-03-01'), give('b', '2021-09-01', '072', [{ kind: 'attack-helicopter', quantity: 2 }])],
    expected: [['partly-fulfilled', ['request', 'delivery']]],
  },
  {
    name: 'the same pair asking again after more than three years → two threads',
    specs: [ask('a', '2014-03-01'), ask('b', '2019-03-01')],
    asOf: '2019-06-01',
    expected: [['stalled', ['request']], ['open', ['request']]],
  },
  {
    name: 'humanitarian aid is another thread than military aid between the same parties',
    specs: [ask('a', '2021-03-01'), give('b', '2021-03-20', '073', [{ kind: 'food', quantity: 500, unit: 'tonnes' }])],
    expected: [['open', ['request']], ['fulfilled', ['delivery']]],
  },
];

for (const { name, specs, asOf, expected } of statuses) {
  test(name, () => {
    const threads = threadsOf(specs, asOf === undefined ? {} : { asOf });
    assert.deepEqual(threads.map((t) => [t.status, t.steps.map((s) => s.role)]), expected);
  });
}

test('events that are no help, or negated, make no thread', () => {
  const specs: MentionSpec[] = [
    { id: 'x1', doc: 'x1', source: 'MLI', target: 'FRA', cameo: '111', date: '2021-03-01' },
    { id: 'x2', doc: 'x2', source: 'RUS', target: 'MLI', cameo: '072', date: '2021-03-01', negated: true, items: [{ kind: 'tank' }] },
    { id: 'x3', doc: 'x3', source: 'MLI', target: 'RUS', cameo: '020', date: '2021-03-01' },
  ];
  assert.deepEqual(threadsOf(specs), []);
});

test('threads do not depend on the order of mentions or of clusters', () => {
  const all = [...STORY, ...statuses.flatMap((s, i) => s.specs.map((x) => ({ ...x, id: `${x.id}-${i}`, doc: `${x.doc}-${i}`, source: i % 2 ? x.source : x.source.replace('MLI', 'NER'), target: i % 2 ? x.target : x.target?.replace('MLI', 'NER') })))];
  const expected = threadsOf(all, { asOf: '2022-01-01' });
  assert.ok(expected.length >= 4, `${expected.length} threads`);
  for (const seed of [1, 2, 3, 4]) {
    const clusters = clusterEvents(shuffled(all, seed).map(m), OWN);
    assert.deepEqual(buildThreads(shuffled(clusters, seed + 10), { ...OWN, asOf: '2022-01-01' }), expected, `seed ${seed}`);
  }
});
