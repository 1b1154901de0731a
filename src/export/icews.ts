// Export: EventRecords → ICEWS-style event table (tab-separated, with ICEWS's header and column order).
//
// Differences from ICEWS, stated rather than hidden: `Event ID` and `Story ID` are Dyad's text ids (the event id
// and the document id), not integers; `Source Sectors`/`Target Sectors` hold Dyad's sector code (GOV, MIL, …),
// not ICEWS's sector names; `Event Date` keeps the event's precision (`2020-05` when only the month is known);
// `Sentence Number` counts from 1 as ICEWS does (Dyad's sentence index + 1). Countries are written as names when
// the export context knows them, else as ISO codes. At the events level a row is one happening (`Event ID` is the
// cluster id, the story and sentence are its lead report's) and four columns follow ICEWS's: Mentions, Stories,
// Independent Sources and Confidence.

import type { EventRecord } from '../types/index.js';
import { articleOf, countryLabel, tsvLine, type AnyIterable, type ExportContext } from './export-context.js';
import { happeningRecord, type Happening } from './happening.js';

/** ICEWS event columns, in order. */
export const ICEWS_COLUMNS: readonly string[] = [
  'Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code', 'Intensity',
  'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher',
  'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude',
];

/** One ICEWS row. */
export async function icewsRow(event: EventRecord, context: ExportContext = {}): Promise<(string | number)[]> {
  const article = await articleOf(context, event);
  const { source, target, location } = event;
  return [
    event.id, event.date ?? '', source.name, source.sector ?? '', countryLabel(context, source.country), event.cameoName, event.cameo, event.goldstein,
    target?.name ?? '', target?.sector ?? '', countryLabel(context, target?.country ?? null), event.doc, event.sentence.index + 1, article?.source ?? '',
    location?.name ?? '', '', '', countryLabel(context, location?.country ?? null), location?.lat ?? '', location?.lon ?? '',
  ];
}

/** The ICEWS table: a header line, then one line per event. */
export async function* icewsEvents(events: AnyIterable<EventRecord>, context: ExportContext = {}): AsyncGenerator<string> {
  yield tsvLine(ICEWS_COLUMNS);
  for await (const event of events) yield tsvLine(await icewsRow(event, context));
}

/** The ICEWS columns of the events level: ICEWS's own, then the happening's report counts. */
export const ICEWS_EVENT_LEVEL_COLUMNS: readonly string[] = [...ICEWS_COLUMNS, 'Mentions', 'Stories', 'Independent Sources', 'Confidence'];

/** The ICEWS table of happenings: a header line, then one line per happening. */
export async function* icewsHappenings(happenings: AnyIterable<Happening>, context: ExportContext = {}): AsyncGenerator<string> {
  yield tsvLine(ICEWS_EVENT_LEVEL_COLUMNS);
  for await (const happening of happenings) {
    const { cluster } = happening;
    const row = await icewsRow(happeningRecord(happening), context);
    yield tsvLine([...row, cluster.mentionCount, cluster.articleCount, cluster.independentSources, cluster.confidence]);
  }
}
