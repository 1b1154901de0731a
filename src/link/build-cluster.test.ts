// Tests: the record of a one-mention cluster (the fast path every new mention takes) is the general record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleEntries } from '../store/store-fixtures.js';
import { buildCluster, buildClusterGeneral } from './build-cluster.js';
import { defaultKindTree } from './kind-tree.js';
import { fixtureMention, type MentionSpec } from './link-fixtures.js';
import type { MentionInput } from '../types/link.js';

const BASE: MentionSpec = { id: 'm-1', doc: 'd-1', outlet: 'Tigris Wire', published: '2021-03-04', source: 'CHNGOV', target: 'IRQ', cameo: '072', date: '2021-03-02' };

/** One field changed at a time: dates of every precision and basis, odd outlets and publication dates, items that fold. */
const VARIANTS: Array<Partial<MentionSpec>> = [
  {},
  { date: null },
  { date: '2021-03', basis: 'stated' },
  { date: '2021', precision: 'year' },
  { date: '2021-03-04', basis: 'publication' },
  { date: '2021-03-02', basis: 'relative' },
  { date: 'soon' },
  { outlet: '  Gulf Ledger  ' },
  { outlet: '   ' },
  { outlet: null, published: null },
  { published: '2021-03' },
  { published: '2021-03-04T10:20:30Z' },
  { target: null, cameo: '0332', status: 'pledged', terms: 'free' },
  { source: 'NATO', negated: true, modality: 'negated' },
  { negated: true, modality: 'denied', outlet: null },
  { items: [{ kind: 'rifle', quantity: 20000 }, { kind: 'small-arms', quantity: 20000 }] },
  { items: [{ kind: 'drone' }, { kind: 'armed-drone', model: 'Wing Loong' }, { kind: 'artillery', quantity: 4, unit: 'battery' }] },
  { items: [{ kind: 'drone' }, { kind: 'armed-drone' }, { kind: 'attack-helicopter' }] },
];

test('the record of one mention is the one the general path gives', () => {
  const tree = defaultKindTree();
  const mentions: MentionInput[] = VARIANTS.map((v, i) => fixtureMention({ ...BASE, id: `m-${i}`, ...v }));
  for (const { article, meta, events } of sampleEntries()) {
    for (const event of events) mentions.push({ event, outlet: article.source ?? null, published: article.date ?? null, nearDuplicateOf: meta.nearDuplicateOf ?? null });
  }
  for (const mention of mentions) {
    for (const ambiguous of [false, true]) {
      assert.deepEqual(buildCluster([mention], tree, ambiguous), buildClusterGeneral([mention], tree, ambiguous), `${mention.event.id} ${ambiguous}`);
    }
  }
});
