// Tests: incremental thread updates (ThreadIndex) give, after every change, the threads a full rebuild gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildThreads } from './build-threads.js';
import { Clusterer } from './cluster-events.js';
import { fixtureMention, type MentionSpec } from './link-fixtures.js';
import type { Thread } from '../types/link.js';
import { ThreadIndex } from './thread-index.js';
import { seededRandom } from '../parse/hash.js';

const ROOTS = ['02', '03', '05', '06', '07', '10', '12', '16'];
const PARTIES = ['IRQ', 'CHN', 'TUR', 'NATO', 'USA', 'SYR', 'IRQGOV', 'CHNMIL'];
const CODES = ['0232', '0233', '033', '0332', '057', '061', '072', '070', '1032', '1222', '120', '166', '010', '190'];
const ITEMS = ['rifle', 'armed-drone', 'drone', 'patrol-boat', 'food', 'tent'];

/** Random help-shaped mentions over a few years, the odd one negated, dateless or a bare month. */
function randomSpecs(n: number, seed: number): MentionSpec[] {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const year = 2019 + Math.floor(rand() * 3);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    const shape = rand();
    const date = shape < 0.1 ? null : shape < 0.2 ? `${year}-${month}` : `${year}-${month}-${day}`;
    const source = pick(PARTIES);
    let target: string | null = pick(PARTIES);
    if (rand() < 0.05) target = null;
    return {
      id: `m${String(i).padStart(4, '0')}`, doc: `d${i}`, outlet: `Outlet ${Math.floor(rand() * 5)}`, published: `${year}-${month}-${day}`,
      source, target, cameo: pick(CODES), date, negated: rand() < 0.05,
      items: rand() < 0.6 ? [{ kind: pick(ITEMS), quantity: rand() < 0.5 ? 10 * Math.floor(1 + rand() * 5) : null }] : [],
    };
  });
}

/** Applies an update to the stored threads as the store does. */
function applyTo(stored: Thread[], update: ReturnType<ThreadIndex['update']>): Thread[] {
  if (update.kind === 'none') return stored;
  if (update.kind === 'all') return update.threads;
  const replaced = new Set(update.recipients);
  return [...stored.filter((t) => !replaced.has(t.recipient)), ...update.threads].sort((a, b) => (a.id < b.id ? -1 : 1));
}

test('after each batch, the threads updated from the change alone equal a full rebuild', () => {
  for (const seed of [1, 2, 3]) {
    const specs = randomSpecs(240, seed);
    const clusterer = new Clusterer();
    const index = new ThreadIndex(ROOTS);
    let stored: Thread[] = [];
    let partial = 0;
    for (let start = 0; start < specs.length; start += 3) {
      const change = clusterer.addAll(specs.slice(start, start + 3).map(fixtureMention));
      const update = index.update(change);
      if (update.kind === 'recipients') partial++;
      stored = applyTo(stored, update);
      assert.deepEqual(stored, buildThreads(clusterer.clusters().filter((c) => ROOTS.includes(c.root))), `seed ${seed}, after mention ${start}`);
    }
    assert.ok(partial > 10, `most updates touch only some threads (seed ${seed}: ${partial})`);
  }
});

test('seeded with stored events, it gives every thread; a change with no thread step touches none', () => {
  const clusterer = new Clusterer();
  clusterer.addAll(randomSpecs(120, 9).map(fixtureMention));
  const clusters = clusterer.clusters();
  const index = new ThreadIndex(ROOTS, clusters);
  assert.deepEqual(index.all(), buildThreads(clusters.filter((c) => ROOTS.includes(c.root))));
  const attack = clusterer.addAll([fixtureMention({ id: 'z-attack', doc: 'z', source: 'SYR', target: 'TUR', cameo: '190', date: '2020-05-05' })]);
  assert.deepEqual(index.update(attack), { kind: 'none' });
});

test('a newer date moves "now": every thread is given again, with stalled ones as a full rebuild says', () => {
  const clusterer = new Clusterer();
  const index = new ThreadIndex(ROOTS);
  index.update(clusterer.addAll([fixtureMention({ id: 'a-ask', doc: 'a', source: 'IRQ', target: 'CHN', cameo: '0232', date: '2019-01-10', items: [{ kind: 'rifle' }] })]));
  const later = index.update(clusterer.addAll([fixtureMention({ id: 'b-ask', doc: 'b', source: 'SYR', target: 'USA', cameo: '0232', date: '2022-01-10', items: [{ kind: 'food' }] })]));
  assert.equal(later.kind, 'all');
  assert.deepEqual(later.kind === 'all' ? later.threads.map((t) => [t.recipient, t.status]) : [], [['IRQ', 'stalled'], ['SYR', 'open']]);
});
