// API edge: stored events (mentions) → the same events each with its article's citation fields, looked up in one go.
import type { Store } from '../store/store.js';
import type { Mention } from '../types/api.js';
import type { EventRecord } from '../types/index.js';

/** The events with their articles' citation fields (one store lookup for all the articles). */
export async function withArticles(store: Store, events: readonly EventRecord[]): Promise<Mention[]> {
  const refs = new Map((await store.articleRefs(events.map((e) => e.doc))).map((r) => [r.id, r]));
  return events.map((event) => ({ event, article: refs.get(event.doc) ?? null }));
}

/** The mentions of a cluster with their articles; a cluster with no stored mentions left gives an empty list. */
export async function clusterMentions(store: Store, clusterId: string): Promise<Mention[]> {
  return withArticles(store, await store.mentionsOf(clusterId));
}
