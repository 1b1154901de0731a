// Cross-cutting: the bundled samples ingested with the real coder, corrected, then ingested again in another order into a
// new store and the corrections file imported — the corrected events are the same, because corrections key on report ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCoderSync } from '../src/index.js';
import { ingestArticles } from '../src/pipeline/ingest-articles.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { correctedStore } from '../src/corrections/corrected-store.js';
import { proposeCorrection } from '../src/corrections/propose-correction.js';
import { correctionsFromJsonl, correctionsToJsonl } from '../src/corrections/corrections-file.js';
import { threadsAsOf } from '../src/corrections/corrected-threads.js';
import { buildThreads } from '../src/link/build-threads.js';
import type { Thread } from '../src/types/link.js';
import { THREAD_ROOTS } from '../src/link/thread-steps.js';
import { defaultKindTree } from '../src/link/kind-tree.js';

const SAMPLES = 'samples/articles';
const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SAMPLES, f));
const coder = createCoderSync();

async function ingested(paths: string[]): Promise<Store> {
  const store = await openSqliteStore(':memory:');
  await ingestArticles(paths, { store, coder, batchSize: 3, date: '2020-01-01' });
  return store;
}

test('corrections survive a re-ingest in another order: same report ids, same corrected events', async () => {
  const first = await ingested(files);
  const view = correctedStore(first);
  const clusters = await first.clusters({}, { sort: 'id', limit: 1000 });
  assert.ok(clusters.length >= 6, 'the samples make events');
  const [rejected, edited, a, b] = clusters as [typeof clusters[number], typeof clusters[number], typeof clusters[number], typeof clusters[number]];
  const meta = (n: number): { by: string; reason: string; at: string } => ({ by: 'ana', reason: 'test', at: `2026-12-07T12:00:0${n}.000Z` });
  const corrections = [
    await proposeCorrection(view, { kind: 'reject', id: rejected.id }, meta(1)),
    await proposeCorrection(view, { kind: 'edit', id: edited.id, set: { source: { code: 'GRC', name: 'Greece' }, status: 'refused' } }, meta(2)),
    await proposeCorrection(view, { kind: 'merge', ids: [a.id, b.id] }, meta(3)),
  ];
  await first.appendCorrections(corrections);
  const file = correctionsToJsonl(await first.corrections());

  const again = await ingested([...files].reverse());
  assert.deepEqual((await again.clusters({}, { sort: 'id', limit: 1000 })).map((c) => c.mentionIds), clusters.map((c) => c.mentionIds),
    'the re-ingest gives the same reports and events');
  assert.equal(await again.appendCorrections(correctionsFromJsonl(file, 'corrections.jsonl')), 3);
  const [x, y] = [correctedStore(first), correctedStore(again)];
  const after = await y.clusters({}, { sort: 'id', limit: 1000 });
  assert.deepEqual(after, await x.clusters({}, { sort: 'id', limit: 1000 }));
  assert.equal(after.length, clusters.length - 2, 'one rejected, two merged into one');
  assert.equal(after.some((c) => c.id === rejected.id), false);
  assert.deepEqual([(await y.cluster(edited.id))?.source, (await y.cluster(edited.id))?.status], ['GRC', 'refused']);
  assert.deepEqual((await y.cluster(a.id))?.mentionIds, [...a.mentionIds, ...b.mentionIds].sort());
  assert.equal(await y.countEvents({}), (await again.countEvents({})) - rejected.mentionIds.length);
  await first.close();
  await again.close();
});

test('the threads as corrected are those every corrected event gives, though only the touched parties\' are built again', async () => {
  const store = await ingested(files);
  const view = correctedStore(store);
  const threads = await store.threads();
  assert.ok(threads.length >= 4, 'the samples make threads');
  const asOf = threadsAsOf(await store.clusters({ root: [...THREAD_ROOTS] }, { sort: 'id', limit: 1000 }));
  const everything = async (): Promise<Thread[]> => buildThreads(await view.clusters({ root: [...THREAD_ROOTS] }, { sort: 'id', limit: 1000 }), { kinds: defaultKindTree(), ...(asOf === null ? {} : { asOf }) })
    .sort((a, b) => (a.lastStep === b.lastStep ? (a.id < b.id ? -1 : 1) : a.lastStep === null ? 1 : b.lastStep === null ? -1 : a.lastStep > b.lastStep ? -1 : 1));
  assert.deepEqual(await view.threads(), threads, 'no corrections: the stored threads');
  const steps = threads.flatMap((t) => t.steps.map((step) => step.cluster));
  let n = 0;
  const at = (): { by: string; at: string } => ({ by: 'ana', at: `2026-12-07T12:00:${String(n++).padStart(2, '0')}.000Z` });
  await store.appendCorrections([await proposeCorrection(view, { kind: 'reject', id: steps[0] as string }, at())]);
  assert.deepEqual(await view.threads(), await everything());
  await store.appendCorrections([await proposeCorrection(view, { kind: 'edit', id: steps[1] as string, set: { source: { code: 'GRC' }, status: 'delivered' } }, at())]);
  assert.deepEqual(await view.threads(), await everything());
  await store.appendCorrections([await proposeCorrection(view, { kind: 'edit', id: steps[steps.length - 1] as string, set: { cameo: '0234', target: { code: 'MLI' } } }, at())]);
  const after = await view.threads();
  assert.deepEqual(after, await everything());
  assert.notDeepEqual(after, threads);
  await store.close();
});
