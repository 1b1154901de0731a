// Export: the events level — one happening (a cluster and its reports) → the record an export row is written from.
//
// A row at the events level takes what clustering decided (code, date, status, terms, counts) from the cluster and
// what a cluster does not keep (actor names, Goldstein, PLOVER type, place, evidence sentence) from its *lead* mention:
// the first report that has the cluster's code, dated as the cluster is when one is. A mention that was never
// clustered (a store ingested with clustering off, or an article coded again since) is a happening of its own.

import { buildCluster } from '../link/build-cluster.js';
import { defaultKindTree } from '../link/kind-tree.js';
import type { Cluster } from '../types/link.js';
import type { EventRank, EventRecord, ReportRank } from '../types/index.js';
import { articleOf, type AnyIterable, type ExportContext } from './export-context.js';

/** Which rows an export writes: one per happening (reports merged) or one per report as coded. */
export type ExportLevel = 'events' | 'mentions';
export const EXPORT_LEVELS: readonly ExportLevel[] = ['events', 'mentions'];

/** One happening as exports write it. */
export interface Happening {
  cluster: Cluster;
  /** Its reports in storage order: the first is the first report found. Never empty. */
  mentions: EventRecord[];
}

/** The reports that speak for the happening: those that support it, or all of them when none does (a denied event). */
export function ownMentions(happening: Happening): EventRecord[] {
  const { cluster, mentions } = happening;
  if (cluster.disputingMentionIds.length === 0 || cluster.modality !== 'asserted') return mentions;
  const disputing = new Set(cluster.disputingMentionIds);
  const own = mentions.filter((m) => !disputing.has(m.id));
  return own.length > 0 ? own : mentions;
}

/**
 * The mention that speaks for the happening: the first of its own reports (never a denial of an event others
 * report) with the cluster's code, preferably also with its date.
 */
export function leadMention(happening: Happening): EventRecord {
  const { cluster } = happening;
  const mentions = ownMentions(happening);
  const coded = mentions.filter((m) => m.cameo === cluster.cameo);
  return coded.find((m) => m.date === cluster.date) ?? coded[0] ?? (mentions[0] as EventRecord);
}

/** How firmly a report puts its event, firmest first. */
const FIRMNESS: Record<EventRecord['modality'], number> = {
  asserted: 0, reported: 1, intended: 2, conditional: 3, possible: 4, negated: 5, denied: 6,
};

/** An event's rank: what of it choosing its strongest report looks at. */
export function eventRank(cluster: Cluster): EventRank {
  return { id: cluster.id, cameo: cluster.cameo, date: cluster.date, modality: cluster.modality, disputingMentionIds: cluster.disputingMentionIds };
}

/** A report's rank: what choosing the strongest report looks at. */
export function reportRank(report: EventRecord): ReportRank {
  return { id: report.id, cameo: report.cameo, modality: report.modality, date: report.date, itemCount: report.items.length };
}

/**
 * The report that speaks for an event best — the one a view opens first: one of its own reports (never a denial of
 * an event others report) with the event's code, put most firmly (asserted before reported or hedged), with the
 * event's date, naming the most items; ties go to the first stored. Null for an event with no stored report. Takes
 * reports whole or as their ranks (`Store.reportRanksOfMany`), with `rank` saying how to read one.
 */
export function strongestOf<R>(cluster: Cluster | EventRank, reports: readonly R[], rank: (report: R) => ReportRank): R | null {
  if (reports.length === 0) return null;
  const disputing = cluster.disputingMentionIds.length > 0 && cluster.modality === 'asserted' ? new Set(cluster.disputingMentionIds) : null;
  const supporting = disputing === null ? reports : reports.filter((r) => !disputing.has(rank(r).id));
  // as ownMentions: the reports that support the event, or all of them when none does
  const own = supporting.length > 0 ? supporting : reports;
  const score = (r: ReportRank): number[] => [r.cameo === cluster.cameo ? 0 : 1, FIRMNESS[r.modality], r.date === cluster.date ? 0 : 1, -r.itemCount];
  let best = own[0] as R;
  let bestScore = score(rank(best));
  for (const report of own.slice(1)) {
    const s = score(rank(report));
    const i = s.findIndex((v, k) => v !== bestScore[k]);
    if (i >= 0 && (s[i] as number) < (bestScore[i] as number)) {
      best = report;
      bestScore = s;
    }
  }
  return best;
}

/** The strongest of an event's reports read whole (see strongestOf). */
export function strongestReport(cluster: Cluster, reports: readonly EventRecord[]): EventRecord | null {
  return strongestOf(cluster, reports, reportRank);
}

/**
 * The happening as one EventRecord: the lead mention with the cluster's id, date, status and terms, and a place
 * from the first report that has one when the lead has none. Its items are the lead's; the merged ones are the cluster's.
 */
export function happeningRecord(happening: Happening): EventRecord {
  const { cluster, mentions } = happening;
  const lead = leadMention(happening);
  return {
    ...lead,
    id: cluster.id,
    date: cluster.date,
    datePrecision: cluster.datePrecision,
    dateBasis: cluster.dateBasis,
    status: cluster.status,
    terms: cluster.terms,
    location: lead.location ?? mentions.find((m) => m.location !== null)?.location ?? null,
  };
}

/**
 * A mention that belongs to no cluster, as a happening of its own (the cluster clustering would give it alone, by the
 * context's kind tree: events from a store are summarised by the store's).
 */
export async function singleHappening(event: EventRecord, context: ExportContext): Promise<Happening> {
  const article = await articleOf(context, event);
  const mention = { event, outlet: article?.source ?? null, published: article?.date ?? null, nearDuplicateOf: article?.nearDuplicateOf ?? null };
  return { cluster: buildCluster([mention], context.kinds ?? defaultKindTree()), mentions: [event] };
}

/** Each event as a happening of its own (the mentions level of formats that always write events, such as GDELT). */
export async function* singleHappenings(events: AnyIterable<EventRecord>, context: ExportContext): AsyncGenerator<Happening> {
  for await (const event of events) yield await singleHappening(event, context);
}
