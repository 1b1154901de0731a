// Export: the events level — one happening (a cluster and its reports) → the record an export row is written from.
//
// A row at the events level takes what clustering decided (code, date, status, terms, counts) from the cluster and
// what a cluster does not keep (actor names, Goldstein, PLOVER type, place, evidence sentence) from its *lead* mention:
// the first report that has the cluster's code, dated as the cluster is when one is. A mention that was never
// clustered (a store ingested with clustering off, or an article coded again since) is a happening of its own.

import { buildCluster } from '../link/build-cluster.js';
import { defaultKindTree } from '../link/kind-tree.js';
import type { Cluster } from '../types/link.js';
import type { EventRecord } from '../types/index.js';
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

/** A mention that belongs to no cluster, as a happening of its own (the cluster clustering would give it alone). */
export async function singleHappening(event: EventRecord, context: ExportContext): Promise<Happening> {
  const article = await articleOf(context, event);
  const mention = { event, outlet: article?.source ?? null, published: article?.date ?? null, nearDuplicateOf: article?.nearDuplicateOf ?? null };
  return { cluster: buildCluster([mention], defaultKindTree()), mentions: [event] };
}

/** Each event as a happening of its own (the mentions level of formats that always write events, such as GDELT). */
export async function* singleHappenings(events: AnyIterable<EventRecord>, context: ExportContext): AsyncGenerator<Happening> {
  for await (const event of events) yield await singleHappening(event, context);
}
