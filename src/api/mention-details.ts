// API edge: stored reports → the same reports each with its article's citation fields, looked up in one go.
import type { ArticleRef, Store } from '../store/store.js';
import type { EventRecord } from '../types/index.js';

/** An article's citation fields as the API gives them: the store's own reference. */
export type ArticleRefAnswer = ArticleRef;

/** One report of an event: the coded sentence and the article it came from (null when the article is gone). */
export interface ReportAnswer {
  report: EventRecord;
  article: ArticleRefAnswer | null;
}

/** A report as the deprecated GET /api/clusters/:id gives it (`event` there is the report). */
export interface MentionAnswer {
  event: EventRecord;
  article: ArticleRefAnswer | null;
}

/** The reports with their articles' citation fields (one store lookup for all the articles). */
export async function withArticles(store: Store, reports: readonly EventRecord[]): Promise<ReportAnswer[]> {
  const refs = new Map((await store.articleRefs(reports.map((e) => e.doc))).map((r) => [r.id, r]));
  return reports.map((report) => ({ report, article: refs.get(report.doc) ?? null }));
}

/** The reports of a cluster in the deprecated shape of GET /api/clusters/:id; an unknown id gives an empty list. */
export async function clusterMentions(store: Store, clusterId: string): Promise<MentionAnswer[]> {
  return (await withArticles(store, await store.mentionsOf(clusterId))).map(({ report, article }) => ({ event: report, article }));
}
