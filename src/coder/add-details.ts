// Coder stage: EventRecord + its sentence → the same record with items, terms, date, place (the details of issue 3).
import { findItems } from '../details/items.js';
import type { DetailsLexicon } from '../lexicon/compiled.js';
import { findLocations } from '../details/locations.js';
import { findTerms } from '../details/terms.js';
import { findDateline } from '../ingest/find-dateline.js';
import { findPublicationDate } from '../ingest/find-publication-date.js';
import { resolveEventDate } from '../nlp/dates.js';
import type { Article, EventRecord, Item, PublicationBasis } from '../types/index.js';

/** Codes whose events are about help given, asked, promised, refused or cut: items and terms are looked for there only. */
const ASSISTANCE = /^(02|03|05|06|07|08|10|12|16)/;

/** An article's publication date (ISO day) and where it came from; the date is null when none is known. */
export interface PublicationDate {
  date: string | null;
  basis: PublicationBasis;
}

/**
 * The publication date to count relative dates from: the article's own `date` (with its `dateBasis`), else — for an
 * article that did not come through ingest — the date its dateline, stamp lines or byline give.
 */
export function publicationDate(article: Article): PublicationDate {
  if (article.date) return { date: article.date.slice(0, 10), basis: article.dateBasis ?? 'publication' };
  const found = findPublicationDate({ text: article.text, dateline: article.dateline ?? null, byline: article.byline ?? null });
  return found === null ? { date: null, basis: 'publication' } : { date: found.date, basis: found.basis };
}

/**
 * Where the dateline that opens an article's text ends (0 when none): its date is the publication date, never a date
 * the first sentence states.
 */
export function datelineEnd(article: Article): number {
  const dateline = article.dateline ?? findDateline(article.text.slice(0, 200))?.dateline;
  return dateline && article.text.startsWith(dateline) ? dateline.length : 0;
}

/**
 * Adds the details to the events of one sentence (all share the sentence, so each extractor runs once per range).
 * `mentionSpans` are the sentence's actor spans: a capital that stands for a government is no place. `skip` is the
 * end of the article's dateline (see datelineEnd): event dates are not read before it. `lexicon`: the coder's equipment,
 * word lists and terms.
 */
export function addDetails(events: EventRecord[], pub: PublicationDate, mentionSpans: Array<{ start: number; end: number }>, skip: number, lexicon: DetailsLexicon): void {
  const first = events[0];
  if (first === undefined) return;
  const { text, start } = first.sentence;
  // the dateline blanked, not cut, so offsets into the sentence still hold
  const dateText = skip > start ? ' '.repeat(Math.min(skip - start, text.length)) + text.slice(skip - start) : text;
  const onlyEvent = events.length === 1;
  let locations: ReturnType<typeof findLocations> | null = null;
  let sentenceItems: Item[] | null = null;
  for (const e of events) {
    if (ASSISTANCE.test(e.cameo)) {
      // items usually follow the trigger ("handed Iraq 20,000 rifles"); in a passive or a noun phrase they may precede it
      sentenceItems ??= findItems(text, start, undefined, lexicon);
      // the actor doing the giving or cutting is no item of it ("Polish troops withdrew": not troops given)
      const own = sentenceItems.filter((i) => !(i.start < e.source.end && e.source.start < i.end));
      const after = own.filter((i) => i.start >= e.trigger.start);
      e.items = after.length === 0 && onlyEvent ? own : after;
      if (ASSISTANCE.test(e.cameo)) e.terms = findTerms(text, start, onlyEvent ? undefined : { start: e.trigger.start, end: first.sentence.end }, lexicon.terms);
    }
    const date = resolveEventDate(dateText, pub.date, { future: e.modality === 'intended', near: e.trigger.start - start, basis: pub.basis });
    e.date = date.date;
    e.datePrecision = date.precision;
    e.dateBasis = date.basis;
    locations ??= findLocations(text, start, {
      countries: [...new Set(events.flatMap((x) => [x.source.country, x.target?.country ?? null]).filter((c): c is string => c !== null))],
      actorSpans: mentionSpans,
    }, undefined, lexicon.wordLists);
    e.location = locations[0] ?? null;
  }
}
