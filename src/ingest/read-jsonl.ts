// Ingest JSON Lines: a byte stream of records {"id","text","title"?,"date"?,"url"?,"source"?} → one article or problem per line.
import type { Article } from '../types/article.js';
import { DyadError } from '../types/problem.js';
import { cleanHtml } from './clean-html.js';
import { decodeLine } from './decode-text.js';
import { findDateline } from './find-dateline.js';
import { findPublicationDate } from './find-publication-date.js';
import { ingestProblem, type InputResult } from './input-result.js';
import { normaliseDate } from './normalise-date.js';
import { formatBytes } from './open-input.js';
import { splitLines } from './split-lines.js';

/**
 * Reads JSON Lines one line at a time (a file of any size streams). Blank lines are skipped; a line that is not JSON
 * is E104, a record without a usable `text` is E105, a line over `maxLineBytes` is E106 — each naming the file and
 * line — and the other lines still yield. Each line is decoded on its own (UTF-8, else Windows-1252).
 */
export async function* readJsonl(chunks: AsyncIterable<Buffer>, input: string, maxLineBytes: number): AsyncGenerator<InputResult> {
  for await (const { line, bytes } of splitLines(chunks, maxLineBytes)) {
    if (bytes === null) {
      yield ingestProblem('E106', input, `record is larger than ${formatBytes(maxLineBytes)} (the limit for one article)`, line);
      continue;
    }
    const text = decodeLine(bytes);
    if (text.trim() === '') continue;
    yield jsonlRecord(text, input, line);
  }
}

/**
 * Turns one JSON Lines record into an article. `text` is kept exactly as given, so offsets match the caller's own
 * string; a record may give `html` instead, which is cleaned like a page. `id` is the record's `id` (string or
 * number), else `path#line`. `date` is normalised to ISO when it is a calendar date we read, else dropped with a
 * warning naming the record ("yesterday", 12345, 2024-02-30); a record without
 * one takes the page's metadata date (for `html`), else the date its dateline, stamp lines or byline give.
 */
export function jsonlRecord(line: string, input: string, lineNo: number): InputResult {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : 'parse error';
    return ingestProblem('E104', input, `not valid JSON (${shorten(reason ?? '', 120)})`, lineNo);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return ingestProblem('E105', input, `record is ${Array.isArray(data) ? 'an array' : typeof data === 'object' ? 'null' : `a ${typeof data}`}, not an object with "text"`, lineNo);
  }
  const record = data as Record<string, unknown>;
  const rawId = record['id'];
  const id = typeof rawId === 'string' && rawId.trim() !== '' ? rawId : typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : `${input}#${lineNo}`;
  const which = id === `${input}#${lineNo}` ? 'record' : `record "${shorten(id, 80)}"`;
  const warnings: string[] = [];
  const rawDate = record['date'];
  const date = normaliseDate(str(rawDate));
  if (date === null && rawDate !== undefined && rawDate !== null && !(typeof rawDate === 'string' && rawDate.trim() === '')) {
    const shown = shorten(typeof rawDate === 'string' ? JSON.stringify(rawDate) : JSON.stringify(rawDate) ?? String(rawDate), 60);
    warnings.push(`${input}:${lineNo}: ${which}: "date" ${shown} is not a calendar date; dropped (the date comes from the text or --date)`);
  }
  const article: Article = {
    id,
    text: '',
    title: str(record['title']),
    date,
    dateBasis: null,
    url: str(record['url']),
    source: str(record['source']),
    byline: str(record['byline']),
    dateline: null,
    language: str(record['language']),
  };
  const text = record['text'];
  const html = record['html'];
  if (typeof text === 'string' && text.trim() !== '') {
    article.text = text;
  } else if (typeof html === 'string' && html.trim() !== '') {
    try {
      const page = cleanHtml(html, id);
      warnings.push(...page.warnings);
      article.text = page.text;
      article.title ??= page.title;
      if (article.date === null && page.date !== null) [article.date, article.dateBasis] = [page.date, page.dateBasis];
      article.url ??= page.url;
      article.source ??= page.source;
      article.byline ??= page.byline;
      article.language ??= page.language;
    } catch (err) {
      // a page too big or slow to clean keeps its own code (E111); any other failure means no usable body
      if (err instanceof DyadError && err.code !== 'E107') return ingestProblem(err.code, input, `${which}: "html": ${err.message.slice(err.message.indexOf(': ') + 2)}`, lineNo);
      const reason = err instanceof DyadError ? '"html" has no article body' : '"html" could not be read';
      return ingestProblem('E105', input, `${which}: ${reason}`, lineNo);
    }
  } else {
    const what = text === undefined ? 'has no "text" field'
      : typeof text !== 'string' ? `has a "text" that is ${text === null ? 'null' : Array.isArray(text) ? 'an array' : `a ${typeof text}`}, not a string`
        : 'has an empty "text"';
    return ingestProblem('E105', input, `${which} ${what}`, lineNo);
  }
  const dateline = findDateline(article.text);
  article.dateline = dateline?.dateline ?? null;
  if (article.date !== null) article.dateBasis ??= 'publication';
  else {
    const found = findPublicationDate({ text: article.text, dateline: article.dateline, byline: article.byline ?? null });
    if (found !== null) [article.date, article.dateBasis] = [found.date, found.basis];
  }
  return warnings.length > 0 ? { kind: 'article', article, warnings } : { kind: 'article', article };
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
