// Export: happenings → GDELT 2.0 event table (one row per happening) and mentions table (one row per report, pointing
// at its happening's GLOBALEVENTID); tab-separated, no header, GDELT's column order.
//
// Where Dyad differs from GDELT, it says so rather than inventing: geography country codes are ISO 3166 alpha-3
// (GDELT uses FIPS 10-4); actor geography is empty (Dyad places the event, not the actors); AvgTone and document
// tone are empty (not measured). A date known only to the month or year is written as its first day (SQLDATE has no
// precision field). GLOBALEVENTID is a 52-bit number derived from the cluster id (`c-` + its smallest mention id: the
// same reports give the same number); the mentions file's Extras column carries the Dyad mention id, so every row
// traces back to its sentence. NumMentions / NumArticles / NumSources are the cluster's reports, distinct articles
// and independent sources (syndicated copies and one outlet's articles count once). DATEADDED and SOURCEURL are those
// of the first report stored, as GDELT's are of the first report it found. A mention's Confidence is the
// happening's (50 for one source, 75 for two, 88 for three…), not GDELT's per-article extraction confidence, which
// Dyad does not measure; MentionTimeDate is the article's publication date when known (else when it was stored).
// The mentions level writes every report as a happening of its own (NumMentions 1), as GDELT itself does before
// anyone deduplicates.

import { createHash } from 'node:crypto';
import type { EventRecord } from '../types/index.js';
import { articleOf, tsvLine, type AnyIterable, type ExportContext } from './export-context.js';
import { happeningRecord, ownMentions, type Happening } from './happening.js';

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

/** A stable numeric GLOBALEVENTID for a Dyad cluster (or event) id (52 bits of its SHA-1, exact in a double). */
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

/** One row of the event table: the happening's code, date, counts; actors and place of its lead mention. */
export async function gdeltEventRow(happening: Happening, context: ExportContext = {}): Promise<(string | number)[]> {
  const { cluster } = happening;
  const event = happeningRecord(happening);
  // the first report stored that speaks for the happening (a denial of it is no source of it)
  const first = ownMentions(happening)[0] as EventRecord;
  const article = await articleOf(context, first);
  const date = sqlDate(cluster.date);
  return [
    gdeltEventId(cluster.id), date, date.slice(0, 6), date.slice(0, 4), fractionDate(date),
    ...actorFields(event.source), ...actorFields(event.target),
    first.sentence.index === 0 ? 1 : 0, cluster.cameo, cluster.cameo.slice(0, 3), cluster.root, event.quad, event.goldstein,
    cluster.mentionCount, cluster.independentSources, cluster.articleCount, '',
    ...GEO.map(() => ''), ...GEO.map(() => ''), ...actionGeo(event.location),
    timestamp(article?.ingestedAt), article?.url ?? first.doc,
  ];
}

/** The outlet, else the host of the URL (GDELT names web sources by domain). */
function sourceName(url: string | null | undefined, outlet: string | null | undefined): string {
  if (outlet) return outlet;
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/** The mentions-table rows of one happening, one per report. */
export async function gdeltMentionRows(happening: Happening, context: ExportContext = {}): Promise<(string | number)[][]> {
  const { cluster, mentions } = happening;
  const id = gdeltEventId(cluster.id);
  const added = timestamp((await articleOf(context, mentions[0] as EventRecord))?.ingestedAt);
  const confidence = Math.round(cluster.confidence * 100);
  const rows: (string | number)[][] = [];
  for (const event of mentions) {
    const article = await articleOf(context, event);
    const url = article?.url ?? null;
    rows.push([
      // MentionType 1 = WEB (the identifier is a URL), 2 = CITATIONONLY (a textual citation: here the document id)
      id, added, timestamp(article?.date ?? article?.ingestedAt ?? null), url === null ? 2 : 1, sourceName(url, article?.source),
      url ?? event.doc, event.sentence.index + 1, event.source.start, event.target?.start ?? -1, event.trigger.start,
      1, confidence, article?.textLength ?? '', '', '', event.id,
    ]);
  }
  return rows;
}

/** The GDELT 2.0 event table, one line per happening. */
export async function* gdeltEvents(happenings: AnyIterable<Happening>, context: ExportContext = {}): AsyncGenerator<string> {
  for await (const happening of happenings) yield tsvLine(await gdeltEventRow(happening, context));
}

/** The GDELT 2.0 mentions table, one line per report of each happening. */
export async function* gdeltMentions(happenings: AnyIterable<Happening>, context: ExportContext = {}): AsyncGenerator<string> {
  for await (const happening of happenings) for (const row of await gdeltMentionRows(happening, context)) yield tsvLine(row);
}
