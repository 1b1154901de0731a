// Store (SQLite): EventRecord ↔ table rows — the insert parameters of an event and its items, and a selected row → EventRecord.

import { parseDaySpan } from '../../types/day-number.js';
import type { Attribution, DateBasis, DatePrecision, EventRecord, Item, Location, Modality, Status, Terms } from '../../types/index.js';

/** Inserts one event; named parameters from `eventParams`. */
export const INSERT_EVENT = `INSERT INTO events (id, article, sentence,
  source_code, source_country, source_name, source_text, source_sector, source_start, source_end,
  target_code, target_country, target_name, target_text, target_sector, target_start, target_end,
  cameo, cameo_name, root, quad, goldstein, plover_type, plover_mode, plover_context,
  trigger_text, trigger_start, trigger_end, date, date_precision, date_basis,
  negated, modality, status, terms, attribution, location, first_day, last_day)
VALUES (@id, @article, @sentence,
  @source_code, @source_country, @source_name, @source_text, @source_sector, @source_start, @source_end,
  @target_code, @target_country, @target_name, @target_text, @target_sector, @target_start, @target_end,
  @cameo, @cameo_name, @root, @quad, @goldstein, @plover_type, @plover_mode, @plover_context,
  @trigger_text, @trigger_start, @trigger_end, @date, @date_precision, @date_basis,
  @negated, @modality, @status, @terms, @attribution, @location, @first_day, @last_day)`;

/** `INSERT_EVENT` for a store still at schema 6 or older, without the day columns (only tests of migrations write one). */
export const INSERT_EVENT_V6 = INSERT_EVENT.replace(', first_day, last_day)', ')').replace(', @first_day, @last_day)', ')');

export const INSERT_ITEM = `INSERT INTO event_items (event, ord, text, kind, model, quantity, max, approx, unit, start, "end")
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * An event query in two steps: `page` picks the rowids (filter, order, limit — on the events table and its
 * indexes alone), then only those rows are joined to their article, sentence and items. Joining before the
 * limit would build every matching row in full only to throw most away. CROSS JOIN fixes the join order
 * (SQLite never reorders it), so the page drives the joins instead of a scan of events in sort order. `hint` is
 * an `INDEXED BY` clause for the page (a fixed text of the adapter's, never user input).
 */
export function selectEvents(where: string, order: string, hint = ''): string {
  return `WITH page AS MATERIALIZED (SELECT e.seq FROM events e ${hint} ${where} ORDER BY ${order} LIMIT ? OFFSET ?)
SELECT e.*, a.id AS doc, s.start AS sentence_start, s."end" AS sentence_end, s.text AS sentence_text,
  (SELECT json_group_array(json_array(i.text, i.kind, i.model, i.quantity, i.max, i.approx, i.unit, i.start, i."end") ORDER BY i.ord)
     FROM event_items i WHERE i.event = e.seq) AS items
FROM page
CROSS JOIN events e ON e.seq = page.seq
CROSS JOIN articles a ON a.seq = e.article
CROSS JOIN sentences s ON s.article = e.article AND s.idx = e.sentence
ORDER BY ${order}`;
}

/** A row as `selectEvents` returns it. */
export interface EventRow {
  seq: number;
  id: string;
  doc: string;
  sentence: number;
  sentence_start: number;
  sentence_end: number;
  sentence_text: string;
  source_code: string;
  source_country: string | null;
  source_name: string;
  source_text: string;
  source_sector: string | null;
  source_start: number;
  source_end: number;
  target_code: string | null;
  target_country: string | null;
  target_name: string | null;
  target_text: string | null;
  target_sector: string | null;
  target_start: number | null;
  target_end: number | null;
  cameo: string;
  cameo_name: string;
  root: string;
  quad: number;
  goldstein: number;
  plover_type: string;
  plover_mode: string | null;
  plover_context: string | null;
  trigger_text: string;
  trigger_start: number;
  trigger_end: number;
  date: string | null;
  date_precision: string;
  date_basis: string;
  negated: number;
  modality: string;
  status: string | null;
  terms: string | null;
  attribution: string | null;
  location: string | null;
  items: string | null;
}

/** Named insert parameters of one event of the article stored as `article` (its rowid). */
export function eventParams(event: EventRecord, article: number): Record<string, string | number | null> {
  const { source, target } = event;
  const days = parseDaySpan(event.date);
  return {
    id: event.id,
    article,
    sentence: event.sentence.index,
    source_code: source.code,
    source_country: source.country,
    source_name: source.name,
    source_text: source.text,
    source_sector: source.sector,
    source_start: source.start,
    source_end: source.end,
    target_code: target?.code ?? null,
    target_country: target?.country ?? null,
    target_name: target?.name ?? null,
    target_text: target?.text ?? null,
    target_sector: target?.sector ?? null,
    target_start: target?.start ?? null,
    target_end: target?.end ?? null,
    cameo: event.cameo,
    cameo_name: event.cameoName,
    root: event.root,
    quad: event.quad,
    goldstein: event.goldstein,
    plover_type: event.plover.type,
    plover_mode: event.plover.mode,
    plover_context: event.plover.context,
    trigger_text: event.trigger.text,
    trigger_start: event.trigger.start,
    trigger_end: event.trigger.end,
    date: event.date,
    date_precision: event.datePrecision,
    date_basis: event.dateBasis,
    negated: event.negated ? 1 : 0,
    modality: event.modality,
    status: event.status,
    terms: event.terms,
    attribution: event.attribution === null ? null : JSON.stringify(event.attribution),
    location: event.location === null ? null : JSON.stringify(event.location),
    first_day: days?.first ?? null,
    last_day: days?.last ?? null,
  };
}

/** Positional insert parameters of one item (after the event rowid). */
export function itemParams(item: Item, event: number, ord: number): (string | number | null)[] {
  return [event, ord, item.text, item.kind, item.model, item.quantity, item.max ?? null, item.approx ? 1 : 0, item.unit, item.start, item.end];
}

type ItemTuple = [string, string, string | null, number | null, number | null, number, string | null, number, number];

function parseItems(json: string | null): Item[] {
  if (json === null) return [];
  return (JSON.parse(json) as ItemTuple[]).map(([text, kind, model, quantity, max, approx, unit, start, end]) => ({
    text, kind, model, quantity, max, approx: approx === 1, unit, start, end,
  }));
}

/**
 * A selected row → the public EventRecord. Items always carry `max` (null when not stated) and `approx`
 * (false when not stated), so records read back have one shape whatever the coder left out.
 */
export function rowToEvent(row: EventRow): EventRecord {
  return {
    id: row.id,
    doc: row.doc,
    sentence: { index: row.sentence, text: row.sentence_text, start: row.sentence_start, end: row.sentence_end },
    source: {
      code: row.source_code, country: row.source_country, name: row.source_name, text: row.source_text,
      sector: row.source_sector, start: row.source_start, end: row.source_end,
    },
    target: row.target_code === null ? null : {
      code: row.target_code, country: row.target_country, name: row.target_name ?? '', text: row.target_text ?? '',
      sector: row.target_sector, start: row.target_start ?? 0, end: row.target_end ?? 0,
    },
    cameo: row.cameo,
    cameoName: row.cameo_name,
    root: row.root,
    quad: row.quad as EventRecord['quad'],
    goldstein: row.goldstein,
    plover: { type: row.plover_type, mode: row.plover_mode, context: row.plover_context },
    trigger: { text: row.trigger_text, start: row.trigger_start, end: row.trigger_end },
    date: row.date,
    datePrecision: row.date_precision as DatePrecision,
    dateBasis: row.date_basis as DateBasis,
    negated: row.negated === 1,
    modality: row.modality as Modality,
    status: row.status as Status,
    items: parseItems(row.items),
    terms: row.terms as Terms | null,
    attribution: row.attribution === null ? null : (JSON.parse(row.attribution) as Attribution),
    location: row.location === null ? null : (JSON.parse(row.location) as Location),
  };
}
