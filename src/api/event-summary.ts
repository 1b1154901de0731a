// API edge: events (clusters of reports) → the event as the API gives it, with the report that speaks for it best.
import { ownMentions } from '../export/happening.js';
import type { Cluster } from '../link/link-types.js';
import type { Store } from '../store/store.js';
import type { EventRecord } from '../types/index.js';

/** An event as the API gives it: the merged record and its strongest report (null when none is stored any more). */
export interface EventSummary extends Cluster {
  lead: EventRecord | null;
}

/** How firmly a report puts its event, firmest first. */
const FIRMNESS: Record<EventRecord['modality'], number> = {
  asserted: 0, reported: 1, intended: 2, conditional: 3, possible: 4, negated: 5, denied: 6,
};

/**
 * The report that speaks for an event best: one of its own reports (never a denial of an event others report) with
 * the event's code, put most firmly (asserted before reported or hedged), with the event's date, naming the most
 * items; ties go to the first stored. Null for an event with no stored report.
 */
export function strongestReport(cluster: Cluster, reports: readonly EventRecord[]): EventRecord | null {
  if (reports.length === 0) return null;
  const own = ownMentions({ cluster, mentions: [...reports] });
  const score = (r: EventRecord): number[] => [r.cameo === cluster.cameo ? 0 : 1, FIRMNESS[r.modality], r.date === cluster.date ? 0 : 1, -r.items.length];
  let best = own[0] as EventRecord;
  let bestScore = score(best);
  for (const report of own.slice(1)) {
    const s = score(report);
    const i = s.findIndex((v, k) => v !== bestScore[k]);
    if (i >= 0 && (s[i] as number) < (bestScore[i] as number)) {
      best = report;
      bestScore = s;
    }
  }
  return best;
}

/** The events with their strongest reports (one store lookup for all their reports). */
export async function summarizeEvents(store: Store, clusters: readonly Cluster[]): Promise<EventSummary[]> {
  const reports = await store.mentionsOfMany(clusters.map((c) => c.id));
  return clusters.map((cluster) => ({ ...cluster, lead: strongestReport(cluster, reports.get(cluster.id) ?? []) }));
}
