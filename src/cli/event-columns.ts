// CLI edge: the columns an event shows in a terminal table (CSV has the columns of src/export/csv.ts).
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
