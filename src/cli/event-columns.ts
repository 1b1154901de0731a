// CLI edge: the columns an event shows in a terminal table (CSV has the columns of src/export/csv.ts).
import type { EventRecord } from '../types/index.js';
import type { Column } from './format-output.js';

function itemsText(e: EventRecord): string {
  return e.items.map((i) => `${i.quantity ?? i.max ?? ''}${i.approx ? '~' : ''} ${i.model ?? i.kind}`.trim()).join('; ');
}

/** Where a clause ends: , ; : dashes, brackets, and the " - " of a dateline ("BAGHDAD (Reuters) - …"). */
const CLAUSE_BREAK = /[,;:()—–]| - /g;

/**
 * The clause of a sentence that holds the event: from the clause break before its source (or trigger, whichever
 * comes first) to the break after its target (or trigger), so a table shows what happened rather than the
 * dateline at the head of the sentence. "…" marks text left out on either side.
 */
export function triggerClause(event: EventRecord): string {
  const { text, start } = event.sentence;
  const inSentence = (offset: number | undefined): number | null =>
    offset === undefined || offset < start || offset > start + text.length ? null : offset - start;
  const trigger = event.trigger.start - start;
  const from = Math.min(trigger, inSentence(event.source.start) ?? trigger);
  const to = Math.max(event.trigger.end - start, inSentence(event.target?.end) ?? 0);
  let clauseStart = 0;
  let clauseEnd = text.length;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const at = m.index;
    if (at + m[0].length <= from) clauseStart = at + m[0].length;
    else if (at >= to) {
      clauseEnd = at;
      break;
    }
  }
  const clause = text.slice(clauseStart, clauseEnd).trim();
  return `${clauseStart > 0 ? '…' : ''}${clause}${clauseEnd < text.length && !/^[.!?"”’']*$/.test(text.slice(clauseEnd).trim()) ? '…' : ''}`;
}

/** Columns for a terminal table: short and readable. */
export const EVENT_TABLE_COLUMNS: Column<EventRecord>[] = [
  { header: 'doc', value: (e) => e.doc, maxWidth: 28, minWidth: 14 },
  { header: 's', value: (e) => e.sentence.index },
  { header: 'date', value: (e) => e.date },
  { header: 'source', value: (e) => e.source.code, maxWidth: 12, minWidth: 9 },
  { header: 'target', value: (e) => e.target?.code ?? '', maxWidth: 12, minWidth: 9 },
  { header: 'cameo', value: (e) => e.cameo },
  { header: 'event', value: (e) => e.cameoName, maxWidth: 32, dropOrder: 3 },
  { header: 'modality', value: (e) => e.modality, dropOrder: 1 },
  { header: 'status', value: (e) => e.status ?? '', maxWidth: 12, minWidth: 9 },
  { header: 'items', value: itemsText, maxWidth: 30, dropOrder: 2 },
  { header: 'evidence', value: triggerClause, maxWidth: 80, minWidth: 30 },
];
