// Tests: clustering written mentions into events — corroboration, hard negatives, bridges, and order independence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Clusterer, clusterEvents } from './cluster-events.js';
import { fixtureMention as m, shuffled, type MentionSpec } from './link-fixtures.js';
import type { Cluster, MentionInput } from '../types/link.js';
import { defaultKindTree } from './kind-tree.js';
import { REL_A_VAGUER, REL_B_VAGUER, REL_CROSS, REL_STRONG, mentionFeatures, relateFeatures, type MentionFeatures } from './mention-features.js';

/** Partition as sorted lists of mention ids, for comparing results. */
function partition(clusters: Cluster[]): string[][] {
  return clusters.map((c) => c.mentionIds).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

const rifles = [{ kind: 'rifle', quantity: 20000 }];

// One happening — China hands Iraq 20,000 rifles on 2 March 2021 — told by Reuters, AP and AFP in their own words on
// different days, and by Gulf Daily as a syndicated copy of the Reuters story: four outlets, three independent sources.
const RIFLE_STORY: MentionSpec[] = [
  { id: 'r1-0', doc: 'reuters-1', outlet: 'Reuters', published: '2021-03-02', source: 'CHN', target: 'IRQ', cameo: '072', date: '2021-03-02', items: rifles,
    text: 'China delivered 20,000 rifles to Iraq on Tuesday, the defence ministry said.' },
  { id: 'a1-0', doc: 'ap-1', outlet: 'AP', published: '2021-03-03', source: 'CHNGOV', target: 'IRQMIL', cameo: '070', date: '2021-03-02', basis: 'relative',
    items: [{ kind: 'rifle', quantity: 20000, text: 'assault rifles' }], text: 'Beijing handed the Iraqi army 20,000 assault rifles on Tuesday.' },
  { id: 'f1-0', doc: 'afp-1', outlet: 'AFP', published: '2021-03-05', source: 'CHN', target: 'IRQ', cameo: '072', date: null,
    items: [{ kind: 'small-arms', quantity: 20000 }], text: 'A shipment of 20,000 Chinese guns has reached Iraq, officials said.' },
  { id: 'g1-0', doc: 'gulf-1', outlet: 'Gulf Daily', published: '2021-03-04', copyOf: 'reuters-1', source: 'CHN', target: 'IRQ', cameo: '072', date: '2021-03-02',
    items: rifles, text: 'China delivered 20,000 rifles to Iraq on Tuesday, the defence ministry said.' },
];

// Two deliveries between the same parties in the same week, of different things, and a vague report that fits both.
const TWO_DELIVERIES: MentionSpec[] = [
  { id: 'jets-1', doc: 'd1', outlet: 'TASS', published: '2021-05-04', source: 'RUS', target: 'SRB', cameo: '072', date: '2021-05-04', items: [{ kind: 'combat-aircraft', quantity: 6, model: 'MiG-29' }] },
  { id: 'jets-2', doc: 'd2', outlet: 'N1', published: '2021-05-05', source: 'RUS', target: 'SRB', cameo: '070', date: '2021-05-04', items: [{ kind: 'combat-aircraft', quantity: 6 }] },
  { id: 'tank-1', doc: 'd3', outlet: 'RIA', published: '2021-05-06', source: 'RUS', target: 'SRB', cameo: '072', date: '2021-05-06', items: [{ kind: 'tank', quantity: 30, model: 'T-72' }] },
  { id: 'tank-2', doc: 'd4', outlet: 'Blic', published: '2021-05-20', source: 'RUSMIL', target: 'SRBMIL', cameo: '072', date: '2021-05', items: [{ kind: 'tank', quantity: 30 }] },
];
const VAGUE: MentionSpec = { id: 'vague-1', doc: 'd5', outlet: 'Politika', published: '2021-05-06', source: 'RUS', target: 'SRB', cameo: '072', date: '2021-05-05' };

test('four outlets, one of them a syndicated copy → one event with three independent sources', () => {
  const [event, ...rest] = clusterEvents(RIFLE_STORY.map(m), { kinds: defaultKindTree() });
  assert.equal(rest.length, 0);
  assert.ok(event);
  assert.equal(event.mentionCount, 4);
  assert.deepEqual(event.outlets, ['AFP', 'AP', 'Gulf Daily', 'Reuters']);
  assert.equal(event.independentSources, 3);
  assert.equal(event.id, 'c-a1-0');
  assert.deepEqual([event.source, event.target, event.cameo], ['CHN', 'IRQ', '072']);
  assert.deepEqual([event.date, event.datePrecision, event.dateBasis], ['2021-03-02', 'day', 'stated']);
  assert.deepEqual([event.firstReport, event.lastReport], ['2021-03-02', '2021-03-05']);
  assert.deepEqual(event.items, [{ kind: 'rifle', model: null, quantity: 20000, unit: null, quantities: [20000], conflict: false, sources: 3 }]);
  assert.equal(event.confidence, 0.875);
  assert.equal(event.ambiguous, false);
});

test('conflicting quantities are kept and flagged; the quantity most sources give is the agreed one', () => {
  const specs = [...RIFLE_STORY, { ...RIFLE_STORY[2] as MentionSpec, id: 'x1-0', doc: 'xinhua-1', outlet: 'Xinhua', items: [{ kind: 'rifle', quantity: 2000 }] }];
  const [event] = clusterEvents(specs.map(m), { kinds: defaultKindTree() });
  assert.deepEqual(event?.items.map((i) => [i.kind, i.quantity, i.quantities, i.conflict]), [['rifle', 20000, [2000, 20000], true]]);
});

test('two different deliveries between the same parties in the same week → two events', () => {
  const clusters = clusterEvents(TWO_DELIVERIES.map(m), { kinds: defaultKindTree() });
  assert.deepEqual(partition(clusters), [['jets-1', 'jets-2'], ['tank-1', 'tank-2']]);
  assert.deepEqual(clusters.map((c) => c.items.map((i) => `${i.kind}:${i.model}:${i.quantity}`)), [['combat-aircraft:MiG-29:6'], ['tank:T-72:30']]);
});

test('a vague report that fits two events joins neither and is flagged; one that fits one event joins it', () => {
  const both = clusterEvents([...TWO_DELIVERIES, VAGUE].map(m), { kinds: defaultKindTree() });
  assert.deepEqual(partition(both), [['jets-1', 'jets-2'], ['tank-1', 'tank-2'], ['vague-1']]);
  assert.deepEqual(both.map((c) => c.ambiguous), [false, false, true]);
  const one = clusterEvents([...TWO_DELIVERIES.slice(2), VAGUE].map(m), { kinds: defaultKindTree() });
  assert.deepEqual(partition(one), [['tank-1', 'tank-2', 'vague-1']]);
});

const table: Array<{ name: string; specs: MentionSpec[]; expected: string[][] }> = [
  {
    name: 'an appeal and a demand for the same help are one request (0232 ~ 1032 ~ 023)',
    specs: [
      { id: 'q1', doc: 'q1', source: 'IRQ', target: 'CHN', cameo: '0232', date: '2019-09-23', items: [{ kind: 'armed-drone' }] },
      { id: 'q2', doc: 'q2', source: 'IRQGOV', target: 'CHN', cameo: '1032', date: '2019-09-24', items: [{ kind: 'drone' }] },
      { id: 'q3', doc: 'q3', source: 'IRQ', target: 'CHNGOV', cameo: '023', date: '2019-09' },
    ],
    expected: [['q1', 'q2', 'q3']],
  },
  {
    name: 'same dyad and root, days apart beyond the window → two events',
    specs: [
      { id: 's1', doc: 's1', source: 'ISR', target: 'SYR', cameo: '195', date: '2020-01-05' },
      { id: 's2', doc: 's2', source: 'ISR', target: 'SYR', cameo: '195', date: '2020-01-13' },
    ],
    expected: [['s1'], ['s2']],
  },
  {
    name: 'economic and military aid requests are different events; the other direction is another dyad',
    specs: [
      { id: 'e1', doc: 'e1', source: 'PAK', target: 'CHN', cameo: '0231', date: '2022-06-01' },
      { id: 'e2', doc: 'e2', source: 'PAK', target: 'CHN', cameo: '0232', date: '2022-06-01' },
      { id: 'e3', doc: 'e3', source: 'CHN', target: 'PAK', cameo: '0232', date: '2022-06-01' },
    ],
    expected: [['e1'], ['e2'], ['e3']],
  },
  {
    name: 'a denial joins the event it denies (as a disputing report); one far off in time does not',
    specs: [
      { id: 'n1', doc: 'n1', source: 'IRN', target: 'RUS', cameo: '072', date: '2022-10-01', items: [{ kind: 'drone' }] },
      { id: 'n2', doc: 'n2', source: 'IRN', target: 'RUS', cameo: '072', date: '2022-10-02', items: [{ kind: 'drone' }], negated: true, modality: 'denied' },
      { id: 'n3', doc: 'n3', source: 'IRN', target: 'RUS', cameo: '072', date: '2022-12-20', items: [{ kind: 'drone' }], negated: true, modality: 'denied' },
    ],
    expected: [['n1', 'n2'], ['n3']],
  },
  {
    name: 'undated reports join by publication date within a week; months and years need the same period',
    specs: [
      { id: 'u1', doc: 'u1', published: '2023-04-01', source: 'USA', target: 'UKR', cameo: '072', items: [{ kind: 'air-defence' }] },
      { id: 'u2', doc: 'u2', published: '2023-04-07', source: 'USA', target: 'UKR', cameo: '072', items: [{ kind: 'air-defence' }] },
      { id: 'u3', doc: 'u3', published: '2023-06-01', source: 'USA', target: 'UKR', cameo: '072', items: [{ kind: 'air-defence' }] },
      { id: 'u4', doc: 'u4', source: 'USA', target: 'UKR', cameo: '072', date: '2023-06', items: [{ kind: 'air-defence' }] },
      { id: 'u5', doc: 'u5', source: 'USA', target: 'UKR', cameo: '072', date: '2023-08', items: [{ kind: 'air-defence' }] },
    ],
    expected: [['u1', 'u2'], ['u3', 'u4'], ['u5']],
  },
];

for (const { name, specs, expected } of table) {
  test(name, () => assert.deepEqual(partition(clusterEvents(specs.map(m), { kinds: defaultKindTree() })), expected));
}

test('a mention that bridges two events merges them, and the change says so', () => {
  const clusterer = new Clusterer({ kinds: defaultKindTree() });
  const delivery = { doc: 'b', source: 'TUR', target: 'IRQ', cameo: '072', date: '2020-09-04' };
  clusterer.add(m({ ...delivery, id: 'b2', items: [{ kind: 'patrol-boat', quantity: 2 }] }));
  clusterer.add(m({ ...delivery, id: 'b3', items: [{ kind: 'armoured-vehicle', quantity: 40 }] }));
  assert.equal(clusterer.size.clusters, 2);
  const change = clusterer.add(m({ ...delivery, id: 'b1', items: [{ kind: 'patrol-boat', quantity: 2 }, { kind: 'armoured-vehicle', quantity: 40 }] }));
  assert.deepEqual(change.upserted.map((c) => [c.id, c.mentionIds]), [['c-b1', ['b1', 'b2', 'b3']]]);
  assert.deepEqual(change.removed, ['c-b2', 'c-b3']);
  assert.deepEqual(change.merged, [{ into: 'c-b1', from: ['c-b2', 'c-b3'] }]);
  assert.equal(clusterer.clusterOf('b3'), 'c-b1');
  assert.deepEqual(clusterer.add(m({ ...delivery, id: 'b1' })), { upserted: [], removed: [], merged: [] });
});

test('near days join; a report dated between two reports a week apart fits both and bridges neither', () => {
  const boats = { source: 'TUR', target: 'IRQ', cameo: '072', items: [{ kind: 'patrol-boat', quantity: 2 }] };
  const near = clusterEvents([{ ...boats, id: 'n1', doc: 'n1', date: '2020-09-01' }, { ...boats, id: 'n2', doc: 'n2', date: '2020-09-03' }].map(m), { kinds: defaultKindTree() });
  assert.deepEqual(partition(near), [['n1', 'n2']]);
  const days = ['2020-09-01', '2020-09-04', '2020-09-07'];
  const apart = clusterEvents(days.map((date, i) => m({ ...boats, id: `w${i}`, doc: `w${i}`, date })), { kinds: defaultKindTree() });
  assert.deepEqual(partition(apart), [['w0'], ['w1'], ['w2']]);
  assert.deepEqual(apart.map((c) => c.ambiguous), [false, true, false]);
});

// The rifle story again, with the ministry's denial reported by two outlets (one of which also carried the delivery)
// and a plain negation by a third: the denials dispute the delivery and never count as its sources.
const DENIALS: MentionSpec[] = [
  { id: 'x1-0', doc: 'xinhua-1', outlet: 'Xinhua', published: '2021-03-03', source: 'CHNGOV', target: 'IRQ', cameo: '072', date: null, negated: true, modality: 'denied',
    items: [{ kind: 'rifle' }], text: 'The Chinese defence ministry denied that it had delivered rifles to Iraq.' },
  { id: 'r2-0', doc: 'reuters-2', outlet: 'Reuters', published: '2021-03-03', source: 'CHN', target: 'IRQ', cameo: '072', date: null, negated: true, modality: 'denied',
    text: 'China denied supplying weapons to Iraq.' },
  { id: 't1-0', doc: 'tass-1', outlet: 'TASS', published: '2021-03-04', source: 'CHN', target: 'IRQ', cameo: '070', date: '2021-03-02', negated: true, modality: 'negated',
    text: 'China did not hand Iraq any weapons on Tuesday.' },
];

test('denials join the event they deny as disputing reports: it is disputed, with the sources on each side', () => {
  const [event, ...rest] = clusterEvents([...RIFLE_STORY, ...DENIALS].map(m), { kinds: defaultKindTree() });
  assert.equal(rest.length, 0);
  assert.ok(event);
  assert.equal(event.id, 'c-a1-0');
  assert.deepEqual([event.modality, event.negated, event.disputed], ['asserted', false, true]);
  assert.deepEqual(event.mentionIds, ['a1-0', 'f1-0', 'g1-0', 'r1-0', 'r2-0', 't1-0', 'x1-0']);
  assert.deepEqual(event.disputingMentionIds, ['r2-0', 't1-0', 'x1-0']);
  // support is counted as without the denials
  const alone = clusterEvents(RIFLE_STORY.map(m), { kinds: defaultKindTree() })[0];
  assert.deepEqual([event.mentionCount, event.articleCount, event.independentSources, event.outlets, event.confidence],
    [alone?.mentionCount, alone?.articleCount, alone?.independentSources, alone?.outlets, alone?.confidence]);
  assert.deepEqual([event.cameo, event.date, event.status, event.items], [alone?.cameo, alone?.date, alone?.status, alone?.items]);
  assert.deepEqual(event.supportingSources, ['AFP', 'AP', 'Gulf Daily', 'Reuters']);
  assert.equal(event.supportingSourceCount, 3);
  assert.deepEqual(event.disputingSources, ['Reuters', 'TASS', 'Xinhua']);
  assert.equal(event.disputingSourceCount, 3);
});

test('an event only denials report is a denied event, counted by its denials, not an asserted one', () => {
  const [event, ...rest] = clusterEvents(DENIALS.map(m), { kinds: defaultKindTree() });
  assert.equal(rest.length, 0);
  assert.deepEqual([event?.modality, event?.negated, event?.disputed, event?.status], ['denied', true, false, null]);
  assert.deepEqual([event?.mentionCount, event?.independentSources, event?.supportingSourceCount, event?.disputingSourceCount], [3, 3, 0, 3]);
  assert.deepEqual([event?.supportingSources, event?.disputingSources], [[], ['Reuters', 'TASS', 'Xinhua']]);
  const [negation] = clusterEvents([DENIALS[2] as MentionSpec].map(m), { kinds: defaultKindTree() });
  assert.deepEqual([negation?.modality, negation?.negated, negation?.disputingMentionIds], ['negated', true, ['t1-0']]);
});

test('with denials among them, the result still does not depend on arrival order', () => {
  const all = [...RIFLE_STORY, ...DENIALS, ...TWO_DELIVERIES, VAGUE].map(m);
  const expected = clusterEvents(all, { kinds: defaultKindTree() });
  assert.equal(expected.filter((c) => c.disputed).length, 1);
  for (const seed of [21, 22, 23, 24]) {
    assert.deepEqual(clusterEvents(shuffled(all, seed), { kinds: defaultKindTree() }), expected, `seed ${seed}`);
    const clusterer = new Clusterer({ kinds: defaultKindTree() });
    const store = new Map<string, Cluster>();
    for (const mention of shuffled(all, seed + 100)) {
      const change = clusterer.add(mention);
      for (const id of change.removed) store.delete(id);
      for (const c of change.upserted) store.set(c.id, c);
    }
    assert.deepEqual([...store.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), expected, `seed ${seed}, one by one`);
  }
});

/** Every written mention of this file, and more of the same stories, under more dyads. */
function everything(): MentionInput[] {
  const specs = [...RIFLE_STORY, ...DENIALS, ...TWO_DELIVERIES, VAGUE, ...table.flatMap((t) => t.specs)];
  const copies = specs.flatMap((s, i) => [1, 2].map((k) => ({ ...s, id: `${s.id}~${k}`, doc: `${s.doc}~${k}`, source: k === 1 ? s.source : 'EGY', date: i % 3 === 0 ? (s.date ?? null) : (s.date?.slice(0, 7) ?? null) })));
  return [...specs, ...copies].map(m);
}

test('the result does not depend on arrival order: shuffled batches and one-by-one additions agree', () => {
  const all = everything();
  const expected = clusterEvents(all, { kinds: defaultKindTree() });
  for (const seed of [1, 2, 3, 4, 5]) {
    const order = shuffled(all, seed);
    assert.deepEqual(clusterEvents(order, { kinds: defaultKindTree() }), expected, `seed ${seed}`);
    // Applying each change to a map, as a store would, ends with the same clusters.
    const clusterer = new Clusterer({ kinds: defaultKindTree() });
    const store = new Map<string, Cluster>();
    for (let i = 0; i < order.length; i += 3) {
      const change = clusterer.addAll(order.slice(i, i + 3));
      for (const id of change.removed) store.delete(id);
      for (const c of change.upserted) store.set(c.id, c);
    }
    assert.deepEqual([...store.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), expected, `seed ${seed}, incremental`);
  }
});

/** The partition straight from the definition: every pair compared, no index, no incremental state. */
function reference(mentions: MentionInput[]): string[][] {
  const tree = defaultKindTree();
  const features = mentions.map((x) => mentionFeatures(x));
  const parent = mentions.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x] as number)));
  const weak: Array<[number, number]> = [];
  for (let i = 0; i < mentions.length; i++) {
    for (let j = i + 1; j < mentions.length; j++) {
      const rel = relateFeatures(features[i] as MentionFeatures, features[j] as MentionFeatures, tree);
      if (rel === REL_STRONG) parent[find(i)] = find(j);
      if (rel === REL_A_VAGUER || rel === REL_CROSS) weak.push([i, j]);
      if (rel === REL_B_VAGUER || rel === REL_CROSS) weak.push([j, i]);
    }
  }
  const out = new Map<number, Set<number>>();
  for (const [a, b] of weak) if (find(a) !== find(b)) out.set(find(a), (out.get(find(a)) ?? new Set()).add(find(b)));
  const linked = (a: number, b: number): boolean => out.get(a)?.has(b) === true || out.get(b)?.has(a) === true;
  const ambiguous = (c: number): boolean => [...(out.get(c) ?? [])].some((a, i, all) => all.slice(i + 1).some((b) => !linked(a, b)));
  const final = mentions.map((_, i) => i);
  const ff = (x: number): number => (final[x] === x ? x : (final[x] = ff(final[x] as number)));
  for (const [c, targets] of out) {
    if (ambiguous(c)) continue;
    for (const t of targets) if (!ambiguous(t)) final[ff(c)] = ff(t);
  }
  const groups = new Map<number, string[]>();
  mentions.forEach((x, i) => groups.set(ff(find(i)), [...(groups.get(ff(find(i))) ?? []), x.event.id]));
  return [...groups.values()].map((ids) => ids.sort()).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

test('incremental clustering equals the partition computed from its definition over all pairs (dense random data)', () => {
  const codes = ['072', '070', '07', '0232', '023', '1032'];
  const kinds = ['rifle', 'small-arms', 'drone', 'armed-drone', 'tank', 'patrol-boat'];
  for (const seed of [11, 12, 13]) {
    const pick = <T,>(list: readonly T[], i: number): T => shuffled(list, seed * 1000 + i)[0] as T;
    const mentions = Array.from({ length: 250 }, (_, i) => {
      const day = 1 + (shuffled([...Array(20).keys()], seed * 7 + i)[0] as number);
      const form = i % 5;
      const date = form === 4 ? null : `2021-07${form === 3 ? '' : `-${String(day).padStart(2, '0')}`}`;
      const items = i % 3 === 0 ? [] : [{ kind: pick(kinds, i) }, ...(i % 7 === 0 ? [{ kind: pick(kinds, i + 1) }] : [])];
      return m({ id: `r${String(i).padStart(3, '0')}`, doc: `d${i}`, published: `2021-07-${String(day + 2).padStart(2, '0')}`, source: i % 2 ? 'RUS' : 'IRN', target: 'SYR', cameo: pick(codes, i), date, items });
    });
    const expected = clusterEvents(shuffled(mentions, seed), { kinds: defaultKindTree() });
    assert.deepEqual(partition(expected), reference(mentions), `seed ${seed}`);
    const clusterer = new Clusterer({ kinds: defaultKindTree() });
    const store = new Map<string, Cluster>();
    for (const mention of shuffled(mentions, seed + 1)) {
      const change = clusterer.add(mention);
      for (const id of change.removed) store.delete(id);
      for (const c of change.upserted) store.set(c.id, c);
    }
    assert.deepEqual([...store.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), expected, `seed ${seed}, one by one`);
  }
});
