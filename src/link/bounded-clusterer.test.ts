// Tests: a Clusterer with a small capacity drops islands and reads them back from a store, and ends with exactly the clusters of one that holds everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Clusterer, clusterEvents, type StoreRegion } from './cluster-events.js';
import { fixtureMention as m, shuffled } from './link-fixtures.js';
import type { Cluster, ClusterChange, MentionInput } from '../types/link.js';
import { isoOfDay } from '../types/day-number.js';
import { defaultKindTree } from './kind-tree.js';

/** A store as the pipeline keeps one: the mentions written so far and the clusters of every change applied. */
class FakeStore {
  readonly mentions: MentionInput[] = [];
  readonly clusters = new Map<string, Cluster>();
  /** Regions read, and how many stored mentions came back from each. */
  readonly reads: Array<{ region: StoreRegion; found: number }> = [];

  apply(change: ClusterChange): void {
    for (const id of change.removed) this.clusters.delete(id);
    for (const c of change.upserted) this.clusters.set(c.id, c);
  }

  sorted(): Cluster[] {
    return [...this.clusters.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}

/** Stores a batch, reads back what it may relate to (every stored mention offered: the clusterer keeps the region's), adds it, trims. */
function link(clusterer: Clusterer, store: FakeStore, batch: MentionInput[]): ClusterChange {
  store.mentions.push(...batch);
  const ids = new Set(batch.map((x) => x.event.id));
  const stored = store.mentions.filter((x) => !ids.has(x.event.id));
  let todo = clusterer.regionsToRead(batch);
  while (todo.length > 0) {
    const next: StoreRegion[] = [];
    for (const region of todo) {
      const before = clusterer.size.mentions;
      next.push(...clusterer.restore(region, stored));
      store.reads.push({ region, found: clusterer.size.mentions - before });
    }
    todo = next;
  }
  const change = clusterer.addAll(batch);
  store.apply(change);
  clusterer.trim();
  return change;
}

/** Mentions over two years between a few dyads: days, months, years, publication dates only, and a few with no date at all. */
function spreadOverTwoYears(n: number, seed: number): MentionInput[] {
  const codes = ['072', '070', '07', '0232', '023', '1032'];
  const kinds = ['rifle', 'small-arms', 'drone', 'armed-drone', 'tank'];
  const dyads = [['RUS', 'SYR'], ['IRN', 'SYR'], ['USA', 'UKR'], ['CHN', 'IRQ']];
  const start = 18_628; // 2021-01-01
  return Array.from({ length: n }, (_, i) => {
    const pick = <T,>(list: readonly T[], k: number): T => shuffled(list, seed * 10_000 + i * 7 + k)[0] as T;
    const day = start + (shuffled([...Array(730).keys()], seed * 31 + i)[0] as number);
    const iso = isoOfDay(day);
    const form = i % 9;
    const published = form === 8 ? null : isoOfDay(day + (i % 4));
    // form 4: no date of its own, so the publication date, as the coder gives it (basis `publication`); now and then
    // (i = 4) none at all though the article has one: such a report, and its island, are never dropped
    const date = form === 8 || i === 4 ? null : form === 7 ? iso.slice(0, 4) : form >= 5 ? iso.slice(0, 7) : form === 4 ? published : iso;
    const basis = form === 4 && date !== null ? 'publication' as const : undefined;
    const [source, target] = pick(dyads, 1) as string[];
    const items = i % 3 === 0 ? [] : [{ kind: pick(kinds, 2) }];
    return m({ id: `r${String(i).padStart(4, '0')}`, doc: `d${i}`, outlet: `o${i % 5}`, published, source: source as string, target, cameo: pick(codes, 3), date, basis, items });
  });
}

test('with room for 40 mentions, 900 arriving in any order end in the clusters of an unbounded clusterer', () => {
  const all = spreadOverTwoYears(900, 3);
  const expected = clusterEvents(all, { kinds: defaultKindTree() });
  for (const [name, order] of [['shuffled', shuffled(all, 8)], ['by date', [...all].sort((a, b) => ((a.event.date ?? '') < (b.event.date ?? '') ? -1 : 1))]] as const) {
    const clusterer = new Clusterer({ kinds: defaultKindTree(), capacity: 40 });
    const store = new FakeStore();
    let most = 0;
    for (let i = 0; i < order.length; i += 4) {
      link(clusterer, store, order.slice(i, i + 4));
      most = Math.max(most, clusterer.size.mentions);
    }
    assert.deepEqual(store.sorted(), expected, name);
    assert.ok(store.reads.some((r) => r.found > 0), `${name}: dropped mentions were read back`);
    assert.ok(clusterer.size.mentions < all.length / 4, `${name}: ${clusterer.size.mentions} of ${all.length} held at the end`);
    assert.ok(most < all.length / 2, `${name}: at most ${most} held`);
  }
});

test('a late report joins the event it reports, read back after it was dropped, and renames it', () => {
  const clusterer = new Clusterer({ kinds: defaultKindTree(), capacity: 4 });
  const store = new FakeStore();
  link(clusterer, store, [m({ id: 'b-early', doc: 'a1', outlet: 'Reuters', published: '2021-03-03', source: 'CHN', target: 'IRQ', cameo: '072', date: '2021-03-02', items: [{ kind: 'rifle' }] })]);
  // months later, other deliveries fill the memory and the March one is dropped
  for (let i = 0; i < 8; i++) {
    link(clusterer, store, [m({ id: `later-${i}`, doc: `l${i}`, published: `2021-09-1${i}`, source: 'RUS', target: 'SYR', cameo: '072', date: `2021-09-1${i}`, items: [{ kind: 'tank' }] })]);
  }
  assert.equal(clusterer.holds('b-early'), false, 'the March report was dropped from memory');
  assert.equal(store.clusters.has('c-b-early'), true);

  const change = link(clusterer, store, [m({ id: 'a-late', doc: 'a2', outlet: 'AP', published: '2021-10-01', source: 'CHN', target: 'IRQ', cameo: '072', date: '2021-03-02', items: [{ kind: 'rifle' }] })]);
  assert.deepEqual(change.removed, ['c-b-early']);
  assert.deepEqual(change.upserted.map((c) => [c.id, c.mentionIds, c.independentSources]), [['c-a-late', ['a-late', 'b-early'], 2]]);
  assert.deepEqual(store.sorted().map((c) => c.id), clusterEvents(store.mentions, { kinds: defaultKindTree() }).map((c) => c.id));
});
