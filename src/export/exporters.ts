// Export: the table of export formats — name → file extension, description, and the function that writes it.

import type { EventRecord } from '../types/index.js';
import { csvEvents } from './csv.js';
import type { AnyIterable, ExportContext } from './export-context.js';
import { gdeltEvents, gdeltMentions } from './gdelt.js';
import { geojsonCollection } from './geojson.js';
import { gexfGraph } from './gexf.js';
import { icewsEvents } from './icews.js';
import { ploverLines } from './plover.js';
import { sipriCsv } from './sipri.js';

export const EXPORT_FORMATS = ['gdelt', 'icews', 'plover', 'sipri', 'gexf', 'geojson', 'csv'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

type Write = (events: AnyIterable<EventRecord>, context: ExportContext) => AsyncIterable<string>;

/** One export format. */
export interface Exporter {
  name: ExportFormatName;
  /** File extension, without the dot. */
  extension: string;
  description: string;
  write: Write;
  /** A second file the format comes with, written from the same events (GDELT's mentions table). */
  companion?: { name: string; write: Write };
}

/** Every export format by name. */
export const EXPORTERS: Readonly<Record<ExportFormatName, Exporter>> = {
  gdelt: {
    name: 'gdelt', extension: 'tsv', description: 'GDELT 2.0 event table (tab-separated, no header), with a mentions table',
    write: gdeltEvents, companion: { name: 'mentions', write: gdeltMentions },
  },
  icews: { name: 'icews', extension: 'tsv', description: 'ICEWS event columns (tab-separated, with header)', write: icewsEvents },
  plover: { name: 'plover', extension: 'jsonl', description: 'PLOVER JSON Lines records', write: ploverLines },
  sipri: { name: 'sipri', extension: 'csv', description: 'SIPRI-register-shaped table of assistance (requests, offers, deliveries with items)', write: sipriCsv },
  gexf: { name: 'gexf', extension: 'gexf', description: 'GEXF 1.3 graph for Gephi: actors and weighted dyads', write: (events, context) => gexfGraph(events, context) },
  geojson: { name: 'geojson', extension: 'geojson', description: 'GeoJSON FeatureCollection of events with a location', write: geojsonCollection },
  csv: { name: 'csv', extension: 'csv', description: 'flat event table (CSV, with header)', write: csvEvents },
};

/** True for a known export format name. */
export function isExportFormat(name: string): name is ExportFormatName {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}
