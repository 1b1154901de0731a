// Ingest entry point: paths (files, folders, globs, `-`) → a stream of clean Articles and per-input Problems, never a throw.
import { createReadStream, readFileSync, statSync, type ReadStream } from 'node:fs';
import { cleanHtml } from './clean-html.js';
import { declaredCharset, decodeText, looksBinary } from './decode-text.js';
import { detectFormat, formatByName } from './detect-format.js';
import { expandPaths } from './expand-paths.js';
import {
  DEFAULT_MAX_ARTICLE_BYTES, DEFAULT_MAX_FILE_BYTES, errorReason, ingestProblem, problemFromError, type InputResult, type ReadOptions,
} from './input-result.js';
import { collectBytes, formatBytes, limitBytes, openInput } from './open-input.js';
import { readFeed } from './read-feed.js';
import { readJsonl } from './read-jsonl.js';
import { textArticle } from './text-article.js';
import type { Article } from '../types/article.js';

export type { InputResult, ReadOptions } from './input-result.js';

/** Files up to this size are read in one call rather than streamed. */
const READ_WHOLE = 1024 * 1024;
const STREAM_CHUNK = 256 * 1024;

interface Limits {
  date: string | null;
  stdin: NodeJS.ReadableStream | undefined;
  maxArticleBytes: number;
  maxFileBytes: number;
}

/**
 * Reads inputs and yields clean articles as it goes, with a problem (never an exception) for each input or record
 * that cannot be read; the other inputs carry on.
 *
 * Paths: files, folders (recursive, sorted, dot-files skipped), glob patterns, and `-` for standard input.
 * Formats by extension, else sniffed: plain text, HTML, JSON Lines, RSS/Atom, and gzip of any of these.
 * Encodings: UTF-8 (BOM dropped), UTF-16 LE/BE with BOM, Windows-1252/Latin-1 when the bytes are not UTF-8.
 * Size: JSON Lines and feeds stream (one record in memory); a single-article file over `maxArticleBytes` is refused
 * (E106) without being read, and a streamed file stops with E106 past `maxFileBytes`.
 * Ids: the JSONL record's `id` (else `path#line`), the path as given, `path#n` for the n-th feed item.
 * `options.date` gives `article.date` where the input has no date of its own (record, feed or page metadata): it
 * wins over a date read from the article's dateline, stamp lines or byline.
 */
export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<InputResult> {
  const limits: Limits = {
    date: options.date ?? null,
    stdin: options.stdin,
    maxArticleBytes: options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  };
  for await (const entry of expandPaths(paths)) {
    if (entry.kind === 'problem') {
      yield entry.result;
      continue;
    }
    for await (const result of readOne(entry.path, entry.kind === 'stdin', limits)) {
      if (result.kind === 'article' && limits.date && (!result.article.date || isTextDate(result.article.dateBasis))) {
        result.article.date = limits.date;
        result.article.dateBasis = 'publication';
      }
      yield result;
    }
  }
}

/** Reads one file (or stdin); every failure becomes a problem naming it. */
async function* readOne(input: string, isStdin: boolean, limits: Limits): AsyncGenerator<InputResult> {
  let stream: ReadStream | null = null;
  let gzip = false;
  try {
    let raw: AsyncIterable<Buffer>;
    let name = input;
    if (isStdin) {
      name = '';
      raw = bufferChunks(limits.stdin ?? process.stdin);
    } else {
      const byName = formatByName(input);
      if (typeof byName === 'object') {
        yield ingestProblem(byName.code, input, byName.reason);
        return;
      }
      // Synchronous stat and read for small files: each async call costs a thread-pool round trip, and ingest reads
      // one file at a time, so for folders of small articles the waiting, not the reading, would set the pace.
      const size = statSync(input).size;
      const compressed = /\.gz$/i.test(input);
      if (size === 0) {
        yield ingestProblem('E101', input, 'file is empty');
        return;
      }
      if (!compressed && (byName === 'text' || byName === 'html') && size > limits.maxArticleBytes) {
        yield ingestProblem('E106', input, `file is ${formatBytes(size)}, larger than ${formatBytes(limits.maxArticleBytes)} (the limit for one article)`);
        return;
      }
      if (size > limits.maxFileBytes) {
        yield ingestProblem('E106', input, `file is ${formatBytes(size)}, larger than ${formatBytes(limits.maxFileBytes)} (the limit for one file)`);
        return;
      }
      if (size <= READ_WHOLE) {
        raw = once(readFileSync(input));
      } else {
        stream = createReadStream(input, { highWaterMark: STREAM_CHUNK });
        raw = stream as AsyncIterable<Buffer>;
      }
    }
    const opened = await openInput(raw, input);
    gzip = opened.gzip;
    if (opened.head.length === 0) {
      yield ingestProblem('E101', input, gzip ? 'compressed file holds nothing' : 'input is empty');
      return;
    }
    if (looksBinary(opened.head)) {
      yield ingestProblem('E102', input, 'looks binary, not text (NUL bytes or control characters in the first 8 KiB)');
      return;
    }
    const decision = detectFormat(name, opened.head);
    if ('code' in decision) {
      yield ingestProblem(decision.code, input, decision.reason);
      return;
    }
    if (decision.format === 'jsonl') {
      yield* readJsonl(limitBytes(opened.chunks, limits.maxFileBytes, input), input, limits.maxArticleBytes);
    } else if (decision.format === 'feed') {
      yield* readFeed(limitBytes(opened.chunks, limits.maxFileBytes, input), input, limits.maxArticleBytes);
    } else {
      const declared = decision.format === 'html' ? declaredCharset(opened.head) : null;
      const text = decodeText(await collectBytes(opened.chunks, limits.maxArticleBytes, input), input, declared);
      if (decision.format === 'text') {
        yield { kind: 'article', article: textArticle(input, text) };
      } else {
        const page = cleanHtml(text, input);
        const article = {
          id: input, text: page.text, title: page.title, date: page.date, dateBasis: page.dateBasis, url: page.url,
          source: page.source, byline: page.byline, dateline: page.dateline, language: page.language,
        };
        yield page.warnings.length > 0 ? { kind: 'article', article, warnings: page.warnings } : { kind: 'article', article };
      }
    }
  } catch (err) {
    if (isZlibError(err) || (gzip && errorReason(err).includes('unexpected end'))) {
      yield ingestProblem('E109', input, `gzip data is truncated or corrupt: ${errorReason(err)}`);
    } else {
      yield problemFromError(err, input);
    }
  } finally {
    stream?.destroy();
  }
}

/** True for a date ingest read from the article's own words, which a date the caller gives overrides. */
function isTextDate(basis: Article['dateBasis']): boolean {
  return basis === 'dateline' || basis === 'published-line' || basis === 'updated-line' || basis === 'byline';
}

function isZlibError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && String((err as { code: unknown }).code).startsWith('Z_');
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

/** Standard input as Buffers (a stream with an encoding set gives strings). */
async function* bufferChunks(stream: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}
