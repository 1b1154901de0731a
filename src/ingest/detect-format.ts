// Ingest: an input's name and first bytes → its format (plain text, HTML, JSON Lines, RSS/Atom feed) or why it is not read.
import { extname } from 'node:path';
import type { ErrorCode } from '../types/problem.js';

/** The formats ingest reads. */
export type InputFormat = 'text' | 'html' | 'jsonl' | 'feed';

/** A format, or the problem code and reason for an input that is not one. */
export type FormatDecision = { format: InputFormat } | { code: ErrorCode; reason: string };

const BY_EXTENSION: Record<string, InputFormat> = {
  '.txt': 'text', '.text': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.shtml': 'html', '.mhtml': 'html',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'jsonl',
  '.rss': 'feed', '.atom': 'feed', '.xml': 'feed',
};
/** Extensions of files that are certainly not text articles: refused by name, without reading them. */
const UNSUPPORTED = new Set([
  '.pdf', '.doc', '.docx', '.odt', '.rtf', '.epub', '.xls', '.xlsx', '.ods', '.ppt', '.pptx', '.png', '.jpg', '.jpeg', '.gif', '.webp',
  '.bmp', '.tif', '.tiff', '.ico', '.svg', '.mp3', '.mp4', '.m4a', '.wav', '.ogg', '.webm', '.mov', '.avi', '.mkv', '.zip', '.tar', '.tgz',
  '.bz2', '.xz', '.zst', '.7z', '.rar', '.exe', '.dll', '.so', '.dylib', '.bin', '.db', '.sqlite', '.parquet', '.woff', '.woff2', '.ttf',
]);
const FEED_ROOT = /<(rss|feed|rdf:RDF)[\s>]/;

/** The format a file name promises (a trailing `.gz` is looked through), 'sniff' when it promises none, or a refusal. */
export function formatByName(name: string): InputFormat | 'sniff' | { code: ErrorCode; reason: string } {
  const inner = name.replace(/\.gz$/i, '');
  const ext = extname(inner).toLowerCase();
  if (UNSUPPORTED.has(ext)) return { code: 'E110', reason: `"${ext}" files are not supported (use plain text, HTML, JSON Lines, RSS/Atom, or .gz of these)` };
  return BY_EXTENSION[ext] ?? 'sniff';
}

/**
 * Decides an input's format from its name and its first bytes (ASCII-compatible: UTF-16 already transcoded).
 * Without a telling extension: JSON Lines when the first non-blank character is `{`, an RSS/Atom feed when markup
 * has an `<rss>`, `<feed>` or `<rdf:RDF>` root, HTML for other markup, plain text otherwise.
 */
export function detectFormat(name: string, head: Buffer): FormatDecision {
  const byName = formatByName(name);
  if (typeof byName === 'object') return byName;
  const text = head.toString('latin1');
  const first = /\S/.exec(text)?.[0];
  const isXml = /^\s*<\?xml/.test(text);
  if (byName === 'jsonl' && first === '[') return { code: 'E110', reason: 'a JSON array, not JSON Lines (write one record per line)' };
  if (byName === 'feed' && extname(name.replace(/\.gz$/i, '')).toLowerCase() === '.xml' && !FEED_ROOT.test(text)) {
    return { code: 'E110', reason: 'XML that is not an RSS or Atom feed' };
  }
  if (byName !== 'sniff') return { format: byName };
  if (first === '{') return { format: 'jsonl' };
  if (first === '<') {
    if (FEED_ROOT.test(text)) return { format: 'feed' };
    if (isXml && !/<html[\s>]/i.test(text)) return { code: 'E110', reason: 'XML that is not an RSS or Atom feed' };
    return { format: 'html' };
  }
  return { format: 'text' };
}
