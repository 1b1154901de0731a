// Export: the table of export formats — name → file extension, description, and the functions that write it at each level.

import type { EventRecord } from '../types/index.js';
import { csvEvents, csvHappenings } from './csv.js';
import type { AnyIterable, ExportContext } from './export-context.js';
import { gdeltEvents, gdeltMentions } from './gdelt.js';
import { geojsonCollection, geojsonHappenings } from './geojson.js';
import { gexfGraph } from './gexf.js';
import { happeningRecord, singleHappenings, type ExportLevel, type Happening } from './happening.js';
import { icewsEvents, icewsHappenings } from './icews.js';
import { ploverHappeningLines, ploverLines } from './plover.js';
import { sipriCsv, sipriHappenings } from './sipri.js';

export const EXPORT_FORMATS = ['gdelt', 'icews', 'plover', 'sipri', 'gexf', 'geojson', 'csv'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

/** The level every format writes unless told otherwise: happenings, each once, as analysts count events. */
export const DEFAULT_EXPORT_LEVEL: ExportLevel = 'events';

/** How one file of a format is written: from happenings (events level) and from stored events (mentions level). */
export interface ExportWriter {
  events: (happenings: AnyIterable<Happening>, context: ExportContext) => AsyncIterable<string>;
  mentions: (events: AnyIterable<EventRecord>, context: ExportContext) => AsyncIterable<string>;
}

/** One export format. */
export interface Exporter extends ExportWriter {
  name: ExportFormatName;
  /** File extension, without the dot. */
  extension: string;
  description: string;
  /** A second file the format comes with, written from the same input (GDELT's mentions table). */
  companion?: { name: string } & ExportWriter;
}

async function* records(happenings: AnyIterable<Happening>): AsyncGenerator<EventRecord> {
  for await (const happening of happenings) yield happeningRecord(happening);
}

/** Every export format by name. */
export const EXPORTERS: Readonly<Record<ExportFormatName, Exporter>> = {
  gdelt: {
    name: 'gdelt', extension: 'tsv', description: 'GDELT 2.0 event table (tab-separated, no header), with a mentions table',
    // GDELT always has both tables; at the mentions level every report is an event of its own
    events: gdeltEvents, mentions: (events, context) => gdeltEvents(singleHappenings(events, context), context),
    companion: { name: 'mentions', events: gdeltMentions, mentions: (events, context) => gdeltMentions(singleHappenings(events, context), context) },
  },
  icews: { name: 'icews', extension: 'tsv', description: 'ICEWS event columns (tab-separated, with header)', events: icewsHappenings, mentions: icewsEvents },
  plover: { name: 'plover', extension: 'jsonl', description: 'PLOVER JSON Lines records', events: ploverHappeningLines, mentions: ploverLines },
  sipri: {
    name: 'sipri', extension: 'csv', description: 'SIPRI-register-shaped table of assistance (requests, offers, deliveries with items)',
    events: sipriHappenings, mentions: sipriCsv,
  },
  gexf: {
    name: 'gexf', extension: 'gexf', description: 'GEXF 1.3 graph for Gephi: actors and weighted dyads',
    events: (happenings, context) => gexfGraph(records(happenings), context), mentions: gexfGraph,
  },
  geojson: { name: 'geojson', extension: 'geojson', description: 'GeoJSON FeatureCollection of events with a location', events: geojsonHappenings, mentions: geojsonCollection },
  csv: { name: 'csv', extension: 'csv', description: 'flat event table (CSV, with header)', events: csvHappenings, mentions: csvEvents },
};

/** True for a known export format name. */
export function isExportFormat(name: string): name is ExportFormatName {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}
