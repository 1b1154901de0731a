// Export: EventRecords → GDELT 2.0 event table and mentions table (tab-separated, no header, GDELT's column order).
//
// Where Dyad differs from GDELT, it says so rather than inventing: geography country codes are ISO 3166 alpha-3
// (GDELT uses FIPS 10-4); actor geography is empty (Dyad places the event, not the actors); AvgTone, Confidence
// and document tone are empty (not measured); each stored event is one mention, so NumMentions/NumSources/
// NumArticles are 1 until events are clustered (issue 5). A date known only to the month or year is written as its
// first day (SQLDATE has no precision field). GLOBALEVENTID is a 52-bit number derived from the Dyad id; the
// mentions file's Extras column carries the Dyad id itself, so every row traces back to its sentence.

import { createHash } from 'node:crypto';
import type { EventRecord } from '../types/index.js';
import { articleOf, tsvLine, type AnyIterable, type ExportContext } from './export-context.js';

const ACTOR = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'];
const GEO = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

/** The 61 columns of the GDELT 2.0 event table, in order. */
export const GDELT_EVENT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR.map((c) => `Actor1${c}`), ...ACTOR.map((c) => `Actor2${c}`),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...GEO.map((c) => `Actor1Geo_${c}`), ...GEO.map((c) => `Actor2Geo_${c}`), ...GEO.map((c) => `ActionGeo_${c}`),
  'DATEADDED', 'SOURCEURL',
];

/** The 16 columns of the GDELT 2.0 mentions table, in order. */
export const GDELT_MENTION_COLUMNS: readonly string[] = [
  'GLOBALEVENTID', 'EventTimeDate', 'MentionTimeDate', 'MentionType', 'MentionSourceName', 'MentionIdentifier',
  'SentenceID', 'Actor1CharOffset', 'Actor2CharOffset', 'ActionCharOffset', 'InRawText', 'Confidence',
  'MentionDocLen', 'MentionDocTone', 'MentionDocTranslationInfo', 'Extras',
];

/** A stable numeric GLOBALEVENTID for a Dyad event id (52 bits of its SHA-1, exact in a double). */
export function gdeltEventId(id: string): number {
  return Number.parseInt(createHash('sha1').update(id).digest('hex').slice(0, 13), 16);
}

/** `2020-05` → `20200501`; null → ''. */
function sqlDate(date: string | null | undefined): string {
  if (!date) return '';
  const [y = '', m = '01', d = '01'] = date.slice(0, 10).split('-');
  return `${y}${m}${d}`;
}

/** Year plus the fraction of the year gone by that day, as GDELT writes it (`2019.1973`). */
function fractionDate(yyyymmdd: string): string {
  if (yyyymmdd === '') return '';
  const y = Number(yyyymmdd.slice(0, 4));
  const day = (Date.UTC(y, Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
  return (y + day / 365).toFixed(4);
}

/** An ISO timestamp → `YYYYMMDDHHMMSS`. */
function timestamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const digits = iso.replace(/\D/g, '');
  return digits.length >= 8 ? digits.slice(0, 14).padEnd(14, '0') : '';
}

function actorFields(actor: EventRecord['source'] | null): string[] {
  if (actor === null) return ACTOR.map(() => '');
  // An actor without a state (NATO, an NGO, an armed group) is a "known group" in GDELT's terms.
  return [actor.code, actor.name, actor.country ?? '', actor.country === null ? actor.code : '', '', '', '', actor.sector ?? '', '', ''];
}

function actionGeo(location: EventRecord['location']): (string | number)[] {
  if (location === null) return GEO.map(() => '');
  const point = location.lat !== null && location.lon !== null;
  // 4 = world city when a point is known, 1 = country otherwise (GDELT's ActionGeo_Type codes).
  const type = point ? 4 : location.country !== null ? 1 : '';
  return [type, location.name, location.country ?? '', '', '', location.lat ?? '', location.lon ?? '', location.geonamesId ?? ''];
}

/** One row of the event table. */
export async function gdeltEventRow(event: EventRecord, context: ExportContext = {}): Promise<(string | number)[]> {
  const article = await articleOf(context, event);
  const date = sqlDate(event.date);
  return [
    gdeltEventId(event.id), date, date.slice(0, 6), date.slice(0, 4), fractionDate(date),
    ...actorFields(event.source), ...actorFields(event.target),
    event.sentence.index === 0 ? 1 : 0, event.cameo, event.cameo.slice(0, 3), event.root, event.quad, event.goldstein,
    1, 1, 1, '',
    ...GEO.map(() => ''), ...GEO.map(() => ''), ...actionGeo(event.location),
    timestamp(article?.ingestedAt), article?.url ?? event.doc,
  ];
}

/** One row of the mentions table. */
export async function gdeltMentionRow(event: EventRecord, context: ExportContext = {}): Promise<(string | number)[]> {
  const article = await articleOf(context, event);
  return [
    gdeltEventId(event.id), timestamp(article?.ingestedAt), timestamp(article?.date ?? null), 1, article?.source ?? '',
    article?.url ?? event.doc, event.sentence.index + 1, event.source.start, event.target?.start ?? -1, event.trigger.start,
    1, '', '', '', '', event.id,
  ];
}

/** The GDELT 2.0 event table, one line per event. */
export async function* gdeltEvents(events: AnyIterable<EventRecord>, context: ExportContext = {}): AsyncGenerator<string> {
  for await (const event of events) yield tsvLine(await gdeltEventRow(event, context));
}

/** The GDELT 2.0 mentions table, one line per event (each Dyad event is one mention). */
export async function* gdeltMentions(events: AnyIterable<EventRecord>, context: ExportContext = {}): AsyncGenerator<string> {
  for await (const event of events) yield tsvLine(await gdeltMentionRow(event, context));
}
