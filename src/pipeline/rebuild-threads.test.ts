// Pipeline tests: threads rebuilt one recipient at a time from the store are the threads built from every stored event at once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createCoderSync } from '../coder/create-coder.js';
import { buildThreads } from '../link/build-threads.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { jsonLines, syndicatedChains } from '../../test/fixtures/syndicated-chains.js';
import { ingestArticles } from './ingest-articles.js';
import { threadClusters } from './mention-linker.js';
import { rebuildThreads } from './rebuild-threads.js';
import { defaultKindTree } from '../link/kind-tree.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-threads-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('threads built recipient by recipient equal those built from every event at once', async () => {
  const input = join(dir, 'chains.jsonl');
  writeFileSync(input, jsonLines(syndicatedChains(30, 4)));
  const store = await openSqliteStore(join(dir, 'store.db'));
  await ingestArticles([input], { store, coder: createCoderSync(), cluster: true });
  const whole = buildThreads(await threadClusters(store), { kinds: defaultKindTree() }).sort((a, b) => (a.id < b.id ? -1 : 1));
  assert.ok(whole.length >= 3, `${whole.length} threads`);
  assert.ok(new Set(whole.map((t) => t.recipient)).size >= 2, 'threads to more than one recipient');
  assert.deepEqual(await rebuildThreads(store, defaultKindTree()), whole);
  await store.close();
});
