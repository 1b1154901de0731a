// API edge: stored reports → the same reports each with its article's citation fields, looked up in one go.
import type { Store } from '../store/store.js';
import type { Mention, Report } from '../types/api.js';
import type { EventRecord } from '../types/index.js';

/** The reports with their articles' citation fields (one store lookup for all the articles). */
export async function withArticles(store: Store, reports: readonly EventRecord[]): Promise<Report[]> {
  const refs = new Map((await store.articleRefs(reports.map((e) => e.doc))).map((r) => [r.id, r]));
  return reports.map((report) => ({ report, article: refs.get(report.doc) ?? null }));
}

/** The reports of a cluster in the deprecated shape of GET /api/clusters/:id; an unknown id gives an empty list. */
export async function clusterMentions(store: Store, clusterId: string): Promise<Mention[]> {
  return (await withArticles(store, await store.mentionsOf(clusterId))).map(({ report, article }) => ({ event: report, article }));
}
