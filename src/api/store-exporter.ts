// API edge: the export formats of src/export/ over a store — a format and events in, a named, typed download out.
import type { ExportContext } from '../export/export-context.js';
import { articleLookup, countryNames } from '../export/store-lookups.js';
import { EXPORTERS } from '../export/exporters.js';
import { exportFromStore } from '../export/export-store.js';
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

/** The exporter the server uses: every format of `dyad export`, with article and country lookups from the store. */
export function storeExporter(store: Store): Exporter {
  return async (request: ExportRequest): Promise<ExportOutput> => {
    const exporter = EXPORTERS[request.format];
    const names = await countryNames(store);
    const context: ExportContext = { article: articleLookup(store), countryName: (code) => names.get(code) };
    const contentType = TYPES[exporter.extension] ?? 'application/octet-stream';
    // src/export/ still calls the reports level by its old name.
    const level = request.level === 'reports' ? 'mentions' as const : 'events' as const;
    if (request.companion) {
      if (exporter.companion === undefined) throw new ApiError(400, 'bad_request', `parameter "file": the ${request.format} export has one file only`);
      return { contentType, filename: `dyad-${request.format}-${exporter.companion.name}.${exporter.extension}`,
        chunks: exportFromStore(store, { format: request.format, filter: request.filter, level, companion: true }, context) };
    }
    const chunks = exportFromStore(store, { format: request.format, filter: request.filter, level }, { ...context, nodes: request.nodes });
    return { contentType, filename: `dyad-${request.format}.${exporter.extension}`, chunks };
  };
}
