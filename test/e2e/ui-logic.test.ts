// UI tests without a browser: the pure parts of the web UI — URL state, evidence highlighting, timeline sums, network layout.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DyadRow } from '../../src/store/store.js';
import { sampleEvents } from '../../src/store/store-fixtures.js';
import { clusterEvents } from '../../src/link/cluster-events.js';
import { fixtureMention } from '../../src/link/link-fixtures.js';
import { disputeRows } from '../../ui/src/dispute-rows.js';
import { eventSpans, highlightRuns } from '../../ui/src/highlight.js';
import { layoutNetwork } from '../../ui/src/layout-network.js';
import { filterQuery, readState, writeState } from '../../ui/src/state.js';
import { threadQuery } from '../../ui/src/thread-query.js';
import { fillPeriods, pairSeries, quadTimeline, topPairs } from '../../ui/src/timeline-data.js';
import { defaultKindTree } from '../../src/link/kind-tree.js';

const row = (source: string, target: string, period: string | null, count: number, quadShares: DyadRow['quadShares'] = [1, 0, 0, 0]): DyadRow =>
  ({ source, target, period, count, goldsteinMean: 0, quadShares });

describe('URL state', () => {
  const cases: [string, ReturnType<typeof readState>][] = [
    ['', { view: 'timeline', filters: {}, settings: {} }],
    ['?view=network&source=CHN&level=actor', { view: 'network', filters: { source: 'CHN' }, settings: { level: 'actor' } }],
    ['?view=nope&quad=1,2&junk=1&text=%20', { view: 'timeline', filters: { quad: '1,2' }, settings: {} }],
    ['?view=event&id=a%3Ab&doc=x.txt', { view: 'event', filters: { doc: 'x.txt' }, settings: { id: 'a:b' } }],
  ];
  for (const [search, expected] of cases) {
    it(`reads "${search}"`, () => assert.deepEqual(readState(search), expected));
  }
  it('writes what it reads, and filters become API parameters', () => {
    const state = readState('?view=map&until=2020&source=IRQ&place=33.32,44.37');
    assert.equal(writeState(state), '?view=map&source=IRQ&until=2020&place=33.32%2C44.37');
    assert.deepEqual(readState(writeState(state)), state);
    assert.equal(filterQuery(state.filters, { limit: 5, cursor: undefined }).toString(), 'source=IRQ&until=2020&limit=5');
  });
});

describe('highlightRuns', () => {
  it('marks source, trigger, target and items of a sample event in its sentence', () => {
    const event = sampleEvents().find((e) => e.cameo === '072' && e.source.code === 'TUR');
    assert.ok(event);
    const runs = highlightRuns(event.sentence.text, event.sentence.start, eventSpans(event));
    assert.deepEqual(runs.filter((r) => r.kind !== null).map((r) => [r.kind, r.text]),
      [['source', 'Turkey'], ['trigger', 'handed'], ['item', 'two patrol boats'], ['target', 'Iraqi navy'], ['location', 'Basra']]);
    assert.equal(runs.map((r) => r.text).join(''), event.sentence.text);
  });
  it('gives overlaps to the higher kind and clips spans outside the text', () => {
    const runs = highlightRuns('officials said NATO pledged', 100, [
      { start: 100, end: 114, kind: 'attribution' }, { start: 105, end: 109, kind: 'trigger' }, { start: 90, end: 102, kind: 'source' }, { start: 200, end: 210, kind: 'item' },
    ]);
    assert.deepEqual(runs, [
      { text: 'of', kind: 'source' }, { text: 'fic', kind: 'attribution' }, { text: 'ials', kind: 'trigger' },
      { text: ' said', kind: 'attribution' }, { text: ' NATO pledged', kind: null },
    ]);
  });
});

describe('timeline data', () => {
  it('fills the periods between the first and the last', () => {
    assert.deepEqual(fillPeriods(['2019-11', '2020-02'], 'month'), ['2019-11', '2019-12', '2020-01', '2020-02']);
    assert.deepEqual(fillPeriods(['2021', '2019'], 'year'), ['2019', '2020', '2021']);
    assert.deepEqual(fillPeriods(['2020-02-28', '2020-03-01'], 'day'), ['2020-02-28', '2020-02-29', '2020-03-01']);
    assert.deepEqual(fillPeriods(['2020-W09', '2020-W02'], 'week'), ['2020-W02', '2020-W09']);
    assert.deepEqual(fillPeriods([], 'month'), []);
  });
  it('sums quad classes per period, counting undated and coarser dates apart', () => {
    const rows = [row('A', 'B', '2020-01', 4, [0.5, 0.5, 0, 0]), row('B', 'A', '2020-03', 1, [0, 0, 0, 1]), row('A', 'B', '2020', 2), row('A', 'B', null, 3)];
    const { periods, undated, coarser } = quadTimeline(rows, 'month');
    assert.deepEqual(periods.map((p) => [p.period, p.quads, p.total]), [['2020-01', [2, 2, 0, 0], 4], ['2020-02', [0, 0, 0, 0], 0], ['2020-03', [0, 0, 0, 1], 1]]);
    assert.equal(undated, 3);
    assert.equal(coarser, 2);
    assert.deepEqual(topPairs(rows, 1), [{ source: 'A', target: 'B', count: 9 }]);
    assert.deepEqual(pairSeries(rows, ['2020-01', '2020-02', '2020-03'], 'A', 'B'),
      [{ period: '2020-01', forward: 4, backward: 0 }, { period: '2020-02', forward: 0, backward: 0 }, { period: '2020-03', forward: 0, backward: 1 }]);
  });
});

describe('layoutNetwork', () => {
  const nodes = ['IRQ', 'CHN', 'TUR', 'NATO', 'RUS', 'UKR'].map((id, i) => ({ id, count: 10 - i }));
  const edges = [{ source: 'CHN', target: 'IRQ', count: 5 }, { source: 'TUR', target: 'IRQ', count: 2 }, { source: 'NATO', target: 'IRQ', count: 1 }, { source: 'RUS', target: 'UKR', count: 1 }];
  it('is deterministic, inside the box, and keeps nodes apart', () => {
    const a = layoutNetwork(nodes, edges, 960, 560, 60);
    assert.deepEqual(a, layoutNetwork(nodes, edges, 960, 560, 60));
    const points = [...a.values()];
    for (const p of points) assert.ok(p.x >= 60 && p.x <= 900 && p.y >= 60 && p.y <= 500, JSON.stringify(p));
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const d = Math.hypot((points[i]?.x ?? 0) - (points[j]?.x ?? 0), (points[i]?.y ?? 0) - (points[j]?.y ?? 0));
        assert.ok(d > 40, `nodes ${i} and ${j} are ${d.toFixed(1)} px apart`);
      }
    }
  });
  it('centres a single node', () => {
    assert.deepEqual(layoutNetwork([{ id: 'A', count: 1 }], [], 100, 80), new Map([['A', { x: 50, y: 40 }]]));
  });
});

describe('threadQuery', () => {
  const cases: [string, string, string[]][] = [
    ['?view=threads', 'limit=50', []],
    ['?view=threads&actor=irq,chn&source=TUR', 'party=IRQ&limit=50', ['source']],
    ['?view=threads&target=IRQ&item=Patrol%20Boat&since=2020&until=2021-06&outcome=fulfilled', 'party=IRQ&kind=patrol-boat&since=2020&until=2021-06&status=fulfilled&limit=50', []],
    ['?view=threads&item=Mi-35!&code=07*&quad=2&text=aid', 'limit=50', ['item', 'code', 'quad', 'text']],
  ];
  for (const [search, params, ignored] of cases) {
    it(`reads "${search}"`, () => {
      const query = threadQuery(readState(search), { limit: 50, offset: 0 });
      assert.equal(query.params.toString(), params);
      assert.deepEqual(query.ignored, ignored);
    });
  }
  it('pages by offset', () => {
    assert.equal(threadQuery(readState('?view=threads'), { limit: 10, offset: 20 }).params.toString(), 'limit=10&offset=20');
  });
});

describe('disputeRows', () => {
  const delivery = { source: 'CHN', target: 'IRQ', cameo: '072', date: '2021-03-02' };
  const denial = { ...delivery, id: 'd', doc: 'd', outlet: '<b>Xinhua</b>', negated: true, modality: 'denied' as const };
  it('names both sides of a disputed event', () => {
    const [c] = clusterEvents([fixtureMention({ ...delivery, id: 'a', doc: 'a', outlet: 'Reuters' }), fixtureMention({ ...delivery, id: 'b', doc: 'b', outlet: 'AP' }), fixtureMention(denial)], { kinds: defaultKindTree() });
    assert.ok(c);
    assert.deepEqual(disputeRows(c), [
      ['Disputed', 'yes — 1 report denies it or says it did not happen'],
      ['Supported by', 'AP, Reuters (2 independent sources)'],
      // the text goes into a text node as it is: markup in an outlet name is shown, never parsed
      ['Disputed by', '<b>Xinhua</b> (1 independent source)'],
    ]);
  });
  it('names who denies an event no report supports, and nothing for an undisputed one', () => {
    const [denied] = clusterEvents([fixtureMention(denial)], { kinds: defaultKindTree() });
    assert.deepEqual(denied && disputeRows(denied), [['Denied by', '<b>Xinhua</b> (1 independent source)']]);
    const [asserted] = clusterEvents([fixtureMention({ ...delivery, id: 'a', doc: 'a', outlet: 'Reuters' })], { kinds: defaultKindTree() });
    assert.deepEqual(asserted && disputeRows(asserted), []);
  });
});
