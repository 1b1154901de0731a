// Ingest types: what reading inputs yields (an article or a problem) and the options it takes.
import type { Article } from '../types/article.js';
import { DyadError, type ErrorCode, type Problem } from '../types/problem.js';

/**
 * One item out of `readInputs`: a clean article, or a problem with one input or record. An article may come with
 * warnings ("path:3: record \"w1\": \"date\" \"yesterday\" is not a date …"): something of it was dropped, not all.
 */
export type InputResult = { kind: 'article'; article: Article; warnings?: string[] } | { kind: 'problem'; problem: Problem };

/** Options for `readInputs`. */
export interface ReadOptions {
  /** Publication date (ISO) for articles whose input carries none (`--date`). */
  date?: string | null;
  /** Where `-` reads from; defaults to `process.stdin`. */
  stdin?: NodeJS.ReadableStream;
  /** Largest single article (plain text, HTML, a JSONL line, a feed item) in bytes; default 5 MiB. */
  maxArticleBytes?: number;
  /** Largest streamed file (JSON Lines, feed; decompressed size for `.gz`) in bytes; default 1 GiB. */
  maxFileBytes?: number;
}

/** Default largest single article: 5 MiB. */
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/** Default largest streamed file: 1 GiB. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** Builds an ingest problem whose message names the input (and line): `path:7: reason`. */
export function ingestProblem(code: ErrorCode, input: string, reason: string, line?: number): InputResult {
  const where = line !== undefined ? `${input}:${line}` : input;
  const problem: Problem = { code, message: `${where}: ${reason}`, input, stage: 'ingest' };
  if (line !== undefined) problem.line = line;
  return { kind: 'problem', problem };
}

/** Turns a thrown error into a problem: a DyadError keeps its code; anything else is E100 with its message only (never a stack). */
export function problemFromError(err: unknown, input: string, fallback: ErrorCode = 'E100', line?: number): InputResult {
  if (err instanceof DyadError) {
    const reason = err.message.slice(err.message.indexOf(': ') + 2);
    return ingestProblem(err.code, err.input, reason, err.line);
  }
  return ingestProblem(fallback, input, errorReason(err), line);
}

/** A short, stack-free reason for a system or library error. */
export function errorReason(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    EMFILE: 'too many open files',
    ELOOP: 'too many symbolic links',
    Z_BUF_ERROR: 'the compressed data ends early',
    Z_DATA_ERROR: 'the compressed data is damaged',
  };
  if (known[code]) return known[code];
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0] ?? 'unknown error';
}
