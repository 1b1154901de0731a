// API edge: events (clusters of reports) → the event as the API gives it, with the report that speaks for it best.
import { strongestReport } from '../export/happening.js';
import type { Cluster } from '../types/link.js';
import type { Store } from '../store/store.js';
import type { EventSummary } from '../types/api.js';

export type { EventSummary };

/** The events with their strongest reports (one store lookup for all their reports). */
export async function summarizeEvents(store: Store, clusters: readonly Cluster[]): Promise<EventSummary[]> {
  const reports = await store.mentionsOfMany(clusters.map((c) => c.id));
  return clusters.map((cluster) => ({ ...cluster, lead: strongestReport(cluster, reports.get(cluster.id) ?? []) }));
}
