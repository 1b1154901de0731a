// API edge: the body of POST /api/articles (JSON article, array, JSON Lines, plain text or HTML) → articles and problems.
import { cleanHtml } from '../ingest/clean-html.js';
import { contentHash } from '../ingest/content-hash.js';
import { jsonlRecord } from '../ingest/read-jsonl.js';
import { textArticle } from '../ingest/text-article.js';
import type { Article, Problem } from '../types/index.js';
import { DyadError } from '../types/index.js';

/** The name posted records go by in problems and default ids. */
const INPUT = 'request';

/** Most records one request may carry. */
export const MAX_POSTED_RECORDS = 5_000;

export interface PostedArticles {
  articles: Article[];
  problems: Problem[];
  /** What reading dropped, one line each naming the record (a date that is no calendar date). */
  warnings: string[];
}

/** An id for an article posted without one: from its content, so the same text posted twice has the same id. */
function contentId(text: string): string {
  return `api-${contentHash(text).slice(0, 16)}`;
}

function problem(err: unknown, line?: number): Problem {
  const code = err instanceof DyadError ? err.code : 'E105';
  const message = err instanceof DyadError ? err.message.replace(/^E\d{3} [^:]*: /, '') : 'record could not be read';
  return { code, message: `${INPUT}${line === undefined ? '' : `:${line}`}: ${message}`, input: INPUT, stage: 'ingest', ...(line === undefined ? {} : { line }) };
}

/** The JSON records of a body: one object, an array of objects, or JSON Lines (one record a line; null when not JSON). */
function records(body: string): { line: number; text: string }[] {
  const trimmed = body.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      const data: unknown = JSON.parse(trimmed);
      const list = Array.isArray(data) ? data : [data];
      return list.map((record, i) => ({ line: i + 1, text: JSON.stringify(record) ?? 'null' }));
    } catch {
      // not one JSON value: read it as JSON Lines below
    }
  }
  return body.split(/\r?\n/).map((text, i) => ({ line: i + 1, text })).filter((r) => r.text.trim() !== '');
}

/**
 * Reads a posted body. JSON — one article object `{id?, text, title?, date?, url?, source?}`, an array of them, or
 * JSON Lines, read exactly as `dyad ingest` reads a JSON Lines record — when the media type says JSON or the body
 * opens with `{` or `[` (clients often label JSON text/plain); `text/html` is one saved page; anything else one
 * plain-text article. Articles without an id get one from their content.
 */
export function readPostedArticles(body: string, contentType: string): PostedArticles {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const json = /json/.test(type) || /^\s*[[{]/.test(body);
  try {
    if (!json && type !== 'text/html') return { articles: [textArticle(contentId(body), body)], problems: [], warnings: [] };
    if (type === 'text/html') {
      const page = cleanHtml(body, INPUT);
      const { text, title, date, dateBasis, url, source, byline, dateline, language } = page;
      return { articles: [{ id: contentId(text), text, title, date, dateBasis, url, source, byline, dateline, language }], problems: [], warnings: page.warnings };
    }
  } catch (err) {
    return { articles: [], problems: [problem(err)], warnings: [] };
  }
  const articles: Article[] = [];
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const list = records(body);
  if (list.length > MAX_POSTED_RECORDS) {
    return { articles: [], problems: [problem(new DyadError('E106', INPUT, `more than ${MAX_POSTED_RECORDS} records in one request`))], warnings };
  }
  for (const { line, text } of list) {
    const result = jsonlRecord(text, INPUT, line);
    if (result.kind === 'problem') problems.push(result.problem);
    else {
      warnings.push(...(result.warnings ?? []));
      const article = result.article;
      if (article.id === `${INPUT}#${line}`) article.id = contentId(article.text);
      articles.push(article);
    }
  }
  return { articles, problems, warnings };
}
