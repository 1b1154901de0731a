// API edge: what every route reads — the store, the write token, the coder (made on first use) and the exporters.
import type { Coder } from '../coder/create-coder.js';
import type { ArticleCoder } from '../pipeline/article-coder.js';
import type { EventFilter, Store } from '../store/store.js';
import type { EventRecord } from '../types/index.js';
import type { ArticleWriter } from './post-articles.js';

/** Export formats of `GET /api/export` (the formats of `dyad export --as`). */
export const EXPORT_FORMATS = ['gdelt', 'icews', 'plover', 'sipri', 'gexf', 'geojson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One export: the file's content type and name, and its text in pieces (streamed as they come). */
export interface ExportOutput {
  contentType: string;
  filename: string;
  chunks: AsyncIterable<string>;
}

/** What an export is asked for: the format, the events, and the format's options. */
export interface ExportRequest {
  format: ExportFormat;
  events: AsyncIterable<EventRecord>;
  filter: EventFilter;
  /** The format's second file instead of its first (GDELT's mentions table). */
  companion: boolean;
  /** One row per event (its reports merged) or per report as coded. */
  level: 'events' | 'reports';
  /** Graph nodes (GEXF): full actor codes or countries. */
  nodes: 'actor' | 'country';
}

/** Writes the events of a request in one format (default: src/export/ through storeExporter). */
export type Exporter = (request: ExportRequest) => ExportOutput | Promise<ExportOutput>;

export interface ApiContext {
  /** The store as queries see it: with the analysts' corrections applied. */
  store: Store;
  /** Where a route that writes through `store` (posted articles) reads what it shows; absent: `store`. */
  reads?: Store;
  /** The bearer token that allows writing; null: writing is off. */
  token: string | null;
  /** The coder for posted articles, made once on first use (an ArticleCoder codes off the request thread). */
  coder: () => Promise<Coder | ArticleCoder>;
  /** The writer of posted articles, made once on first use (a workerWriter reads, codes, stores and links off the request thread). */
  writer: () => ArticleWriter;
  exporter: Exporter | null;
  /** Where unexpected errors are reported (never to the client). */
  log: (line: string) => void;
}
