// API edge: events (clusters of reports) → the event as the API gives it, with the report that speaks for it best.
import { strongestOf } from '../export/happening.js';
import type { Cluster } from '../types/link.js';
import type { Store } from '../store/store.js';
import type { EventSummary } from '../types/api.js';

export type { EventSummary };

/**
 * The events with their strongest reports: the ranks of every report (a few columns each) choose each event's lead,
 * and only the leads are read whole — an event reported a hundred times costs one whole report, not a hundred.
 */
export async function summarizeEvents(store: Store, clusters: readonly Cluster[]): Promise<EventSummary[]> {
  const ranks = await store.reportRanksOfMany(clusters.map((c) => c.id));
  const leadIds = new Map(clusters.map((cluster) => [cluster.id, strongestOf(cluster, ranks.get(cluster.id) ?? [], (r) => r)?.id ?? null]));
  const leads = await store.eventsById([...leadIds.values()].filter((id): id is string => id !== null));
  return clusters.map((cluster) => {
    const id = leadIds.get(cluster.id) ?? null;
    return { ...cluster, lead: id === null ? null : leads.get(id) ?? null };
  });
}
