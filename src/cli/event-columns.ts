// CLI edge: the columns an event shows in a table or a CSV file.
import type { EventRecord } from '../types/index.js';
import type { Column } from './format-output.js';

function itemsText(e: EventRecord): string {
  return e.items.map((i) => `${i.quantity ?? i.max ?? ''}${i.approx ? '~' : ''} ${i.model ?? i.kind}`.trim()).join('; ');
}

/** Columns for a terminal table: short and readable. */
export const EVENT_TABLE_COLUMNS: Column<EventRecord>[] = [
  { header: 'doc', value: (e) => e.doc, maxWidth: 28 },
  { header: 's', value: (e) => e.sentence.index },
  { header: 'date', value: (e) => e.date },
  { header: 'source', value: (e) => e.source.code },
  { header: 'target', value: (e) => e.target?.code ?? '' },
  { header: 'cameo', value: (e) => e.cameo },
  { header: 'event', value: (e) => e.cameoName, maxWidth: 32 },
  { header: 'modality', value: (e) => e.modality },
  { header: 'status', value: (e) => e.status ?? '' },
  { header: 'items', value: itemsText, maxWidth: 30 },
  { header: 'evidence', value: (e) => e.sentence.text, maxWidth: 60 },
];

/** Columns for CSV: flat, complete enough for a spreadsheet. */
export const EVENT_CSV_COLUMNS: Column<EventRecord>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'doc', value: (e) => e.doc },
  { header: 'sentence_index', value: (e) => e.sentence.index },
  { header: 'date', value: (e) => e.date },
  { header: 'date_precision', value: (e) => e.datePrecision },
  { header: 'source_code', value: (e) => e.source.code },
  { header: 'source_country', value: (e) => e.source.country },
  { header: 'source_name', value: (e) => e.source.name },
  { header: 'source_text', value: (e) => e.source.text },
  { header: 'target_code', value: (e) => e.target?.code },
  { header: 'target_country', value: (e) => e.target?.country },
  { header: 'target_name', value: (e) => e.target?.name },
  { header: 'target_text', value: (e) => e.target?.text },
  { header: 'cameo', value: (e) => e.cameo },
  { header: 'cameo_name', value: (e) => e.cameoName },
  { header: 'root', value: (e) => e.root },
  { header: 'quad', value: (e) => e.quad },
  { header: 'goldstein', value: (e) => e.goldstein },
  { header: 'plover_type', value: (e) => e.plover.type },
  { header: 'plover_mode', value: (e) => e.plover.mode },
  { header: 'plover_context', value: (e) => e.plover.context },
  { header: 'trigger', value: (e) => e.trigger.text },
  { header: 'negated', value: (e) => e.negated },
  { header: 'modality', value: (e) => e.modality },
  { header: 'status', value: (e) => e.status },
  { header: 'items', value: itemsText },
  { header: 'terms', value: (e) => e.terms },
  { header: 'attribution', value: (e) => e.attribution?.text },
  { header: 'location', value: (e) => e.location?.name },
  { header: 'sentence', value: (e) => e.sentence.text },
];
