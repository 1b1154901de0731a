// Export: EventRecords ↔ a flat CSV of events, one line each (items, attribution and location as JSON cells); and the
// events level: one line per happening, the same columns (from `happeningRecord`) followed by the cluster's own.

import type { ActorRef, EventRecord } from '../types/index.js';
import { articleOf, csvRow, type AnyIterable, type ExportContext } from './export-context.js';
import { happeningRecord, type Happening } from './happening.js';
import { readCsv } from './read-table.js';

const ACTOR = ['code', 'country', 'name', 'text', 'sector', 'start', 'end'] as const;

/** The flat event columns, in order. `url` and `outlet` come from the article when the context knows it. */
export const CSV_COLUMNS: readonly string[] = [
  'id', 'doc', 'date', 'date_precision', 'date_basis',
  ...ACTOR.map((c) => `source_${c}`), ...ACTOR.map((c) => `target_${c}`),
  'cameo', 'cameo_name', 'root', 'quad', 'goldstein', 'plover_type', 'plover_mode', 'plover_context',
  'trigger_text', 'trigger_start', 'trigger_end', 'negated', 'modality', 'status', 'terms',
  'sentence_index', 'sentence_start', 'sentence_end', 'sentence_text', 'items', 'attribution', 'location', 'url', 'outlet',
];

function actorCells(actor: ActorRef | null): unknown[] {
  return ACTOR.map((c) => actor?.[c] ?? null);
}

/** One event as its CSV cells. */
export async function csvCells(event: EventRecord, context: ExportContext = {}): Promise<unknown[]> {
  const article = await articleOf(context, event);
  return [
    event.id, event.doc, event.date, event.datePrecision, event.dateBasis,
    ...actorCells(event.source), ...actorCells(event.target),
    event.cameo, event.cameoName, event.root, event.quad, event.goldstein, event.plover.type, event.plover.mode, event.plover.context,
    event.trigger.text, event.trigger.start, event.trigger.end, event.negated, event.modality, event.status, event.terms,
    event.sentence.index, event.sentence.start, event.sentence.end, event.sentence.text,
    event.items, event.attribution, event.location, article?.url ?? null, article?.source ?? null,
  ];
}

/** The events as CSV: a header line, then one line per event. */
export async function* csvEvents(events: AnyIterable<EventRecord>, context: ExportContext = {}): AsyncGenerator<string> {
  yield csvRow(CSV_COLUMNS);
  for await (const event of events) yield csvRow(await csvCells(event, context));
}

/**
 * The columns of the events level: the event columns (id = the cluster id; sentence, trigger, items, url and outlet
 * of the lead report), then the number of reports, distinct articles and independent sources, the outlets, the
 * confidence, whether the cluster holds vague reports that would fit another happening, the first and last report
 * dates, the items merged over all reports (JSON, conflicting quantities flagged) and the ids of the reports (JSON);
 * then whether reports dispute it (deny it or say it did not happen), the sources on each side (JSON), the number
 * of independent disputing sources and the ids of the disputing reports (JSON). The counts are of the reports that
 * support the happening (of its denials, for a happening only denials report: its `modality` column says `denied`).
 */
export const CSV_EVENT_LEVEL_COLUMNS: readonly string[] = [
  ...CSV_COLUMNS, 'mentions', 'articles', 'sources', 'outlets', 'confidence', 'ambiguous', 'first_report', 'last_report',
  'merged_items', 'mention_ids', 'disputed', 'supporting_sources', 'disputing_sources', 'disputing_source_count', 'disputing_mention_ids',
];

/** The happenings as CSV: a header line, then one line per happening. */
export async function* csvHappenings(happenings: AnyIterable<Happening>, context: ExportContext = {}): AsyncGenerator<string> {
  yield csvRow(CSV_EVENT_LEVEL_COLUMNS);
  for await (const happening of happenings) {
    const { cluster: c } = happening;
    yield csvRow([
      ...(await csvCells(happeningRecord(happening), context)),
      c.mentionCount, c.articleCount, c.independentSources, c.outlets, c.confidence, c.ambiguous, c.firstReport, c.lastReport,
      c.items, c.mentionIds, c.disputed, c.supportingSources, c.disputingSources, c.disputingSourceCount, c.disputingMentionIds,
    ]);
  }
}

const text = (value: string | undefined): string => value ?? '';
const orNull = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);
const num = (value: string | undefined): number => Number(value);
const json = <T>(value: string | undefined): T | null => (value === undefined || value === '' ? null : (JSON.parse(value) as T));

function actorOf(row: Record<string, string>, side: 'source' | 'target'): ActorRef {
  return {
    code: text(row[`${side}_code`]), country: orNull(row[`${side}_country`]), name: text(row[`${side}_name`]), text: text(row[`${side}_text`]),
    sector: orNull(row[`${side}_sector`]), start: num(row[`${side}_start`]), end: num(row[`${side}_end`]),
  };
}

/** Event CSV written by `csvEvents` → the EventRecords (an empty cell reads as null where a field may be null). */
export function readCsvEvents(csv: string): EventRecord[] {
  return readCsv(csv).map((row) => ({
    id: text(row.id),
    doc: text(row.doc),
    sentence: { index: num(row.sentence_index), text: text(row.sentence_text), start: num(row.sentence_start), end: num(row.sentence_end) },
    source: actorOf(row, 'source'),
    target: orNull(row.target_code) === null ? null : actorOf(row, 'target'),
    cameo: text(row.cameo),
    cameoName: text(row.cameo_name),
    root: text(row.root),
    quad: num(row.quad) as EventRecord['quad'],
    goldstein: num(row.goldstein),
    plover: { type: text(row.plover_type), mode: orNull(row.plover_mode), context: orNull(row.plover_context) },
    trigger: { text: text(row.trigger_text), start: num(row.trigger_start), end: num(row.trigger_end) },
    date: orNull(row.date),
    datePrecision: text(row.date_precision) as EventRecord['datePrecision'],
    dateBasis: text(row.date_basis) as EventRecord['dateBasis'],
    negated: row.negated === 'true',
    modality: text(row.modality) as EventRecord['modality'],
    status: orNull(row.status) as EventRecord['status'],
    items: json<EventRecord['items']>(row.items) ?? [],
    terms: orNull(row.terms) as EventRecord['terms'],
    attribution: json<EventRecord['attribution']>(row.attribution),
    location: json<EventRecord['location']>(row.location),
  }));
}
