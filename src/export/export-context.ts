// Export: what every exporter shares — the input (events, sync or async), the article lookup, and field escaping.

import type { KindTree } from '../link/kind-tree.js';
import type { EventRecord } from '../types/index.js';

/** Events from an array, a generator, or a store's paged async iterator. */
export type AnyIterable<T> = Iterable<T> | AsyncIterable<T>;

/** The article fields exports write (outlet, URL, dates). */
export interface ExportArticle {
  id: string;
  url?: string | null;
  /** The outlet. */
  source?: string | null;
  title?: string | null;
  /** Publication date. */
  date?: string | null;
  language?: string | null;
  /** ISO timestamp the article was stored. */
  ingestedAt?: string | null;
  /** Document id of the article this one is a syndicated copy of. */
  nearDuplicateOf?: string | null;
  /** Length of the article text, in characters. */
  textLength?: number | null;
}

/** Lookups an exporter may use; everything is optional and exports degrade to codes and document ids without them. */
export interface ExportContext {
  /** The article an event's `doc` names. */
  article?: (doc: string) => ExportArticle | null | undefined | Promise<ExportArticle | null | undefined>;
  /** A country's name from its ISO 3166 alpha-3 code (`IRQ` → `Iraq`). */
  countryName?: (code: string) => string | null | undefined;
  /** Graph nodes (GEXF): full actor codes (default) or countries. */
  nodes?: 'actor' | 'country';
  /**
   * The kind tree a report that belongs to no event is summarised by, as an event of its own (its items merged):
   * a store's (`recordedKindTree` of its `lexiconKinds`; `exportFromStore` reads it when absent); Dyad's own otherwise.
   */
  kinds?: KindTree;
}

/** The article of an event, or null. */
export async function articleOf(context: ExportContext, event: EventRecord): Promise<ExportArticle | null> {
  return (await context.article?.(event.doc)) ?? null;
}

/** A country name when the context knows it, else the code, else ''. */
export function countryLabel(context: ExportContext, code: string | null): string {
  if (code === null) return '';
  return context.countryName?.(code) ?? code;
}

/** One tab-separated field: tabs and line breaks become spaces (TSV has no quoting). */
export function tsvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[\t\r\n]+/g, ' ');
}

/** One tab-separated line with its newline. */
export function tsvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(tsvField).join('\t')}\n`;
}

/** A code (actor `---MIL`, CAMEO `0231`, ISO dates): capitals, digits, - and _ only — never a formula to guard. */
const CODE = /^[A-Z0-9_-]+$/;

/**
 * True when a text cell needs a `'` before it so that a spreadsheet never runs it as a formula: free text starting
 * with = + - or @. Codes such as `---MIL` are written as they are.
 */
export function needsFormulaGuard(text: string): boolean {
  return /^[=+\-@]/.test(text) && !CODE.test(text);
}

/**
 * One CSV field: RFC 4180 quoting, objects as JSON, and a `'` before free text starting with = + - @ so a spreadsheet
 * never runs it as a formula (`readCsv` takes it off again); codes (`---MIL`) and numbers are never prefixed. Every
 * CSV Dyad writes, exports and CLI tables alike, quotes so.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && needsFormulaGuard(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line with its newline (fields as `csvField` writes them). */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 cannot hold. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Collects an exporter's chunks into one string (tests, small exports). */
export async function collectText(chunks: AnyIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
