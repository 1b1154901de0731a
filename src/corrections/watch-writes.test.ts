// Corrections tests: a watched store calls back after each writing call, and only then.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { sampleEntries } from '../store/store-fixtures.js';
import { watchWrites } from './watch-writes.js';

test('calls back after writes (also failed ones), never after reads, and keeps the store\'s own fields', async () => {
  const store = await openSqliteStore(':memory:');
  let writes = 0;
  const watched = watchWrites(store, () => { writes++; });
  const [entry] = sampleEntries();
  assert.ok(entry !== undefined);
  await watched.putArticle(entry.article, entry.meta, entry.events);
  assert.equal(writes, 1);
  assert.equal(await watched.countEvents({}), 3);
  assert.equal(watched.location, store.location);
  assert.equal(writes, 1);
  await assert.rejects(watched.putEvents('no-such-article', []));
  assert.equal(writes, 2);
  await watched.transaction(async (tx) => tx.putThreads([]));
  assert.equal(writes, 3);
  await store.close();
});
