// Tests: the store contract's linked sample (src/store/linked-sample.json) is what the linker makes of the sample
// articles, so the store is tested with real clusters and threads without importing the linker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildThreads } from '../src/link/build-threads.js';
import { Clusterer, clusterEvents } from '../src/link/cluster-events.js';
import { fixtureMention } from '../src/link/link-fixtures.js';
import { sampleEntries } from '../src/store/store-fixtures.js';
import type { LinkedSample } from '../src/store/linked-sample.js';
import type { MentionInput } from '../src/types/index.js';
import { defaultKindTree } from '../src/link/kind-tree.js';

const GOLDEN = fileURLToPath(new URL('../src/store/linked-sample.json', import.meta.url));

/** Links the sample articles' events (each a cluster of its own) and two written disputes, as the linker does today. */
function linkSample(): LinkedSample {
  const mentions: MentionInput[] = sampleEntries().flatMap(({ article, meta, events }) => events.map((event) => (
    { event, outlet: article.source ?? null, published: article.date ?? null, nearDuplicateOf: meta.nearDuplicateOf ?? null })));
  const clusterer = new Clusterer({ kinds: defaultKindTree() });
  clusterer.addAll(mentions);
  const clusters = clusterer.clusters();
  const delivery = { source: 'CHN', target: 'IRQ', cameo: '072', date: '2021-03-02' };
  const [disputed] = clusterEvents([
    fixtureMention({ ...delivery, id: 'dx-1', doc: 'dx-1', outlet: 'Reuters' }),
    fixtureMention({ ...delivery, id: 'dx-2', doc: 'dx-2', outlet: 'AP' }),
    fixtureMention({ ...delivery, id: 'dx-3', doc: 'dx-3', outlet: null, negated: true, modality: 'denied' }),
  ], { kinds: defaultKindTree() });
  const [denied] = clusterEvents([fixtureMention({ ...delivery, id: 'dy-1', doc: 'dy-1', outlet: 'TASS', date: '2021-06-01', negated: true, modality: 'denied' })], { kinds: defaultKindTree() });
  assert.ok(disputed && denied);
  return { clusters, threads: buildThreads(clusters, { kinds: defaultKindTree() }), disputed, denied };
}

test('the linked sample the store contract reads is what the linker makes of the sample articles', () => {
  const made = linkSample();
  const text = `${JSON.stringify(made, null, 1)}\n`;
  const stored = readFileSync(GOLDEN, 'utf8');
  if (stored !== text) {
    const changed = GOLDEN.replace(/\.json$/, '-changed.json');
    writeFileSync(changed, text);
    assert.fail(`the linker now links the sample differently: see ${changed}, and rename it to linked-sample.json if that is right`);
  }
  assert.ok(made.clusters.length === sampleEntries().flatMap((e) => e.events).length, 'each sample event a cluster of its own');
  assert.equal(made.disputed.disputed, true);
  assert.equal(made.denied.modality, 'denied');
});
