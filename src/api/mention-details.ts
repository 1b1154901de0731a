// API edge: stored events (mentions) → the same events each with its article's citation fields, looked up in one go.
import type { ArticleRef, Store } from '../store/store.js';
import type { EventRecord } from '../types/index.js';

/** An article's citation fields as the API gives them: the store's own reference. */
export type ArticleRefAnswer = ArticleRef;

/** One report of an event: the coded sentence and the article it came from (null when the article is gone). */
export interface MentionAnswer {
  event: EventRecord;
  article: ArticleRefAnswer | null;
}

/** The events with their articles' citation fields (one store lookup for all the articles). */
export async function withArticles(store: Store, events: readonly EventRecord[]): Promise<MentionAnswer[]> {
  const refs = new Map((await store.articleRefs(events.map((e) => e.doc))).map((r) => [r.id, r]));
  return events.map((event) => ({ event, article: refs.get(event.doc) ?? null }));
}

/** The mentions of a cluster with their articles; a cluster with no stored mentions left gives an empty list. */
export async function clusterMentions(store: Store, clusterId: string): Promise<MentionAnswer[]> {
  return withArticles(store, await store.mentionsOf(clusterId));
}
