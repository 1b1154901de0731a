// Coder stage: EventRecord + its sentence → the same record with items, terms, date, place (the details of issue 3).
import { findItems } from '../details/items.js';
import { findLocations } from '../details/locations.js';
import { findTerms } from '../details/terms.js';
import { findPublicationDate, resolveEventDate } from '../nlp/dates.js';
import type { Article, EventRecord, Item } from '../types/index.js';

/** Codes whose events are about help given, asked, promised, refused or cut: items and terms are looked for there only. */
const ASSISTANCE = /^(02|03|05|06|07|08|10|12|16)/;

/** The publication date to count relative dates from: metadata, else the dateline or a date line in the text. */
export function publicationDate(article: Article): { date: string | null; precision: EventRecord['datePrecision'] } {
  const pub = findPublicationDate(article);
  return { date: pub.date, precision: pub.precision };
}

/**
 * Adds the details to the events of one sentence (all share the sentence, so each extractor runs once per range).
 * `mentionSpans` are the sentence's actor spans: a capital that stands for a government is no place.
 */
export function addDetails(events: EventRecord[], pubDate: string | null, mentionSpans: Array<{ start: number; end: number }>): void {
  const first = events[0];
  if (first === undefined) return;
  const { text, start } = first.sentence;
  const onlyEvent = events.length === 1;
  let locations: ReturnType<typeof findLocations> | null = null;
  let sentenceItems: Item[] | null = null;
  for (const e of events) {
    if (ASSISTANCE.test(e.cameo)) {
      // items usually follow the trigger ("handed Iraq 20,000 rifles"); in a passive or a noun phrase they may precede it
      sentenceItems ??= findItems(text, start);
      const after = sentenceItems.filter((i) => i.start >= e.trigger.start);
      e.items = after.length === 0 && onlyEvent ? sentenceItems : after;
      if (ASSISTANCE.test(e.cameo)) e.terms = findTerms(text, start, onlyEvent ? undefined : { start: e.trigger.start, end: first.sentence.end });
    }
    const date = resolveEventDate(text, pubDate, { future: e.modality === 'intended', near: e.trigger.start - start });
    e.date = date.date;
    e.datePrecision = date.precision;
    e.dateBasis = date.basis;
    locations ??= findLocations(text, start, {
      countries: [...new Set(events.flatMap((x) => [x.source.country, x.target?.country ?? null]).filter((c): c is string => c !== null))],
      actorSpans: mentionSpans,
    });
    e.location = locations[0] ?? null;
  }
}
