// API edge: the export formats of src/export/ over a store — a format and events in, a named, typed download out.
import type { ExportArticle, ExportContext } from '../export/export-context.js';
import { EXPORTERS } from '../export/exporters.js';
import { gexfGraph } from '../export/gexf.js';
import type { Store } from '../store/store.js';
import type { ExportOutput, ExportRequest, Exporter } from './api-context.js';
import { ApiError } from './api-error.js';

const TYPES: Record<string, string> = {
  tsv: 'text/tab-separated-values; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

/** Article metadata by document id, remembered for the length of one export (an article's events come together). */
function articleLookup(store: Store): (doc: string) => Promise<ExportArticle | null> {
  const cache = new Map<string, ExportArticle | null>();
  return async (doc) => {
    const known = cache.get(doc);
    if (known !== undefined) return known;
    if (cache.size >= 10_000) cache.clear();
    const a = await store.getArticle(doc);
    const info = a === null ? null : { id: a.id, url: a.url, source: a.source, title: a.title, date: a.date, language: a.language, ingestedAt: a.ingestedAt };
    cache.set(doc, info);
    return info;
  };
}

/** Country names from the store's country-level actors (code = country: IRQ → Iraq). */
async function countryNames(store: Store): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const actor of await store.actors({}, { limit: 100_000 })) {
    if (actor.country !== null && actor.code === actor.country && !names.has(actor.code)) names.set(actor.code, actor.name);
  }
  return names;
}

/** The exporter the server uses: every format of `dyad export`, with article and country lookups from the store. */
export function storeExporter(store: Store): Exporter {
  return async (request: ExportRequest): Promise<ExportOutput> => {
    const exporter = EXPORTERS[request.format];
    const names = await countryNames(store);
    const context: ExportContext = { article: articleLookup(store), countryName: (code) => names.get(code) };
    const contentType = TYPES[exporter.extension] ?? 'application/octet-stream';
    if (request.companion) {
      if (exporter.companion === undefined) throw new ApiError(400, 'bad_request', `parameter "file": the ${request.format} export has one file only`);
      return { contentType, filename: `dyad-${request.format}-${exporter.companion.name}.${exporter.extension}`, chunks: exporter.companion.write(request.events, context) };
    }
    const chunks = request.format === 'gexf' ? gexfGraph(request.events, { ...context, level: request.level }) : exporter.write(request.events, context);
    return { contentType, filename: `dyad-${request.format}.${exporter.extension}`, chunks };
  };
}
