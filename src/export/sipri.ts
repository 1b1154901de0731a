// Export: EventRecords → a SIPRI-register-shaped CSV of assistance: who supplies what to whom, how many, on what terms.
//
// Rows come from events with items and CAMEO root 02 (appeals: the *target* is the would-be supplier), 03 (intent
// to cooperate or give aid: offers and pledges) or 07 (aid provided). One row per item. When an event carries no
// status, the root gives it: 02 requested, 03 offered, 07 delivered. Parties are written as country names when
// the context knows them (else ISO codes); actors without a country (NATO, an NGO) keep their own name. At the
// events level a row is one item of one happening, as reports agree on it (the quantity most independent sources
// give), followed by the happening's number of reports, the independent sources that report the item, and every
// number reported for it.

import type { ActorRef, EventRecord, Item } from '../types/index.js';
import type { ClusterItem } from '../types/link.js';
import { articleOf, csvRow, type AnyIterable, type ExportContext } from './export-context.js';
import { happeningRecord, type Happening } from './happening.js';

/** SIPRI-shaped columns, in order. */
export const SIPRI_COLUMNS: readonly string[] = [
  'Supplier', 'Recipient', 'Item', 'Kind', 'Model', 'Number', 'Number max', 'Approximate', 'Unit', 'Terms', 'Status',
  'Year', 'Date', 'Source', 'URL', 'Supplier code', 'Recipient code', 'CAMEO', 'Event ID', 'Document', 'Evidence',
];

const ROOTS: Record<string, NonNullable<EventRecord['status']>> = { '02': 'requested', '03': 'offered', '07': 'delivered' };

/** Whether an event belongs in the register: items, and a request, offer or provision of aid. */
export function isAssistance(event: EventRecord): boolean {
  return event.items.length > 0 && Object.hasOwn(ROOTS, event.root);
}

function party(actor: ActorRef | null, context: ExportContext): string {
  if (actor === null) return '';
  if (actor.country === null) return actor.name;
  return context.countryName?.(actor.country) ?? actor.country;
}

/** The register rows of one event (none when it is not assistance). */
export async function sipriRows(event: EventRecord, context: ExportContext = {}): Promise<(string | number | boolean | null)[][]> {
  if (!isAssistance(event)) return [];
  const article = await articleOf(context, event);
  const appeal = event.root === '02';
  const supplier = appeal ? event.target : event.source;
  const recipient = appeal ? event.source : event.target;
  return event.items.map((item: Item) => [
    party(supplier, context), party(recipient, context), item.text, item.kind, item.model, item.quantity, item.max ?? null,
    item.approx ?? false, item.unit, event.terms, event.status ?? ROOTS[event.root] ?? null,
    event.date?.slice(0, 4) ?? null, event.date, article?.source ?? null, article?.url ?? null,
    supplier?.code ?? null, recipient?.code ?? null, event.cameo, event.id, event.doc, event.sentence.text,
  ]);
}

/** The register as CSV: a header line, then one line per item of each assistance event. */
export async function* sipriCsv(events: AnyIterable<EventRecord>, context: ExportContext = {}): AsyncGenerator<string> {
  yield csvRow(SIPRI_COLUMNS);
  for await (const event of events) {
    for (const row of await sipriRows(event, context)) yield csvRow(row);
  }
}

/** The register columns of the events level: SIPRI-shaped ones, then the reports behind each row. */
export const SIPRI_EVENT_LEVEL_COLUMNS: readonly string[] = [...SIPRI_COLUMNS, 'Reports', 'Sources', 'Numbers reported'];

/** The register rows of one happening: one per merged item, when the happening is assistance. */
export async function sipriHappeningRows(happening: Happening, context: ExportContext = {}): Promise<(string | number | boolean | null)[][]> {
  const { cluster } = happening;
  const event = happeningRecord(happening);
  if (cluster.items.length === 0 || !Object.hasOwn(ROOTS, cluster.root)) return [];
  const article = await articleOf(context, event);
  const appeal = cluster.root === '02';
  const supplier = appeal ? event.target : event.source;
  const recipient = appeal ? event.source : event.target;
  const reported = happening.mentions.flatMap((m) => m.items);
  // the wording of the item: a report of this kind giving the agreed number, else any report of this kind
  const wording = (item: ClusterItem): Item | undefined =>
    reported.find((i) => i.kind === item.kind && (i.quantity ?? i.max) === item.quantity) ?? reported.find((i) => i.kind === item.kind);
  return cluster.items.map((item) => {
    const words = wording(item);
    // "up to 500" keeps its bound and approximation when the agreed number is the one those words give
    const agreed = words !== undefined && (words.quantity ?? words.max) === item.quantity ? words : undefined;
    return [
      party(supplier, context), party(recipient, context), words?.text ?? item.kind, item.kind, item.model,
      agreed === undefined ? item.quantity : agreed.quantity, agreed?.max ?? null, agreed?.approx ?? false, item.unit,
      cluster.terms, cluster.status ?? ROOTS[cluster.root] ?? null, cluster.date?.slice(0, 4) ?? null, cluster.date,
      article?.source ?? null, article?.url ?? null, supplier?.code ?? null, recipient?.code ?? null, cluster.cameo, cluster.id,
      event.doc, event.sentence.text, cluster.mentionCount, item.sources, item.quantities.join('; '),
    ];
  });
}

/** The register of happenings as CSV: a header line, then one line per item of each assistance happening. */
export async function* sipriHappenings(happenings: AnyIterable<Happening>, context: ExportContext = {}): AsyncGenerator<string> {
  yield csvRow(SIPRI_EVENT_LEVEL_COLUMNS);
  for await (const happening of happenings) {
    for (const row of await sipriHappeningRows(happening, context)) yield csvRow(row);
  }
}
