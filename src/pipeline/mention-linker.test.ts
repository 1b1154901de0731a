// Pipeline tests: a linker opened on a store of unlinked reports links them as clustering all of them does, with room for a few reports only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterEvents } from '../link/cluster-events.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { sampleEntries } from '../store/store-fixtures.js';
import type { StoredMention } from '../store/store.js';
import { MentionLinker } from './mention-linker.js';
import { defaultKindTree } from '../link/kind-tree.js';

test('links stored reports, one without an event date among them, as clustering them all does, holding 2 in memory', async () => {
  for (const capacity of [2, Infinity]) {
    const store = await openSqliteStore(':memory:');
    await store.putArticles(sampleEntries());
    const mentions: StoredMention[] = [];
    for await (const mention of store.iterateMentions()) mentions.push(mention);
    assert.ok(mentions.some((m) => m.event.date === null && m.published !== null), 'a report placed by its publication date alone');
    await MentionLinker.open(store, { kinds: defaultKindTree(), capacity });
    const linked: StoredMention[] = [];
    for await (const mention of store.iterateMentions()) linked.push(mention);
    assert.deepEqual(linked.filter((m) => m.cluster === null).map((m) => m.event.id), [], `capacity ${capacity}: every report linked`);
    assert.deepEqual(await store.clusters({}, { sort: 'id', limit: 100 }), clusterEvents(mentions, { kinds: defaultKindTree() }), `capacity ${capacity}`);
    await store.close();
  }
});
