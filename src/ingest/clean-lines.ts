// Ingest cleaning: raw article text (plain text, or text taken from HTML) → clean paragraphs separated by blank lines.
import { junkLine } from './junk-line.js';

/** A line ending like this closes a sentence, so the next line starts a new paragraph rather than continuing a wrapped one. */
const SENTENCE_END = /[.!?…:;"”’»)\]]$/u;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const ODD_CHARS = /[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
const ODD_CHARS_ALL = new RegExp(ODD_CHARS.source, 'g');
/** A run of spaces that is not a single plain space: two or more spaces, or any tab or other space character. */
const WIDE_SPACE = / *[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000][\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*| {2,}/;
const WIDE_SPACE_ALL = new RegExp(WIDE_SPACE.source, 'g');
const EDGE_SPACE = / \n|\n /;
const EDGE_SPACE_ALL = / ?\n ?/g;
/** Prose needed before a "Comments" heading is taken as the start of a comment section (and the rest dropped). */
const BODY_BEFORE_COMMENTS = 200;

/**
 * Cleans article text line by line, the news-specific part of cleaning shared by plain text and HTML:
 * normalises whitespace and line endings, drops clutter lines (share buttons, captions and photo credits,
 * stray timestamps, "Read more"/"Related" blocks, comment prompts and comment sections, pagination,
 * author bios and credit trailers, newsletter and cookie notices, site chrome), unwraps hard-wrapped lines,
 * and returns paragraphs joined by "\n\n" so that sentence splitting sees paragraph ends.
 *
 * Paragraphs: blank lines separate paragraphs; inside a block, a line that does not end a sentence is joined
 * to the next with a space (hard wrapping), and a line that does end one starts a new paragraph. Text without
 * any blank line is taken as one paragraph per line.
 */
export function cleanLines(text: string): string {
  const lines = normaliseText(text).split('\n');
  const blocks = lines.some((line) => line === '');
  const paragraphs: string[] = [];
  let current = '';
  let inRelated = false;
  let prose = 0;
  const flush = (): void => {
    if (current !== '') {
      if (paragraphs[paragraphs.length - 1] !== current) paragraphs.push(current);
      prose += current.length;
      current = '';
    }
  };
  for (const line of lines) {
    if (line === '') {
      flush();
      continue;
    }
    const kind = junkLine(line);
    if (kind === 'comments-heading' && prose + current.length >= BODY_BEFORE_COMMENTS) break;
    if (kind === 'related-heading') inRelated = true;
    if (kind !== null) continue;
    if (inRelated) {
      if (!looksLikeProse(line)) continue;
      inRelated = false;
    }
    if (!blocks || SENTENCE_END.test(current)) flush();
    current = current === '' ? line : `${current} ${line}`;
  }
  flush();
  return paragraphs.join('\n\n');
}

/**
 * Normalises raw text without changing its words: one line ending (\n), no control or zero-width characters,
 * runs of spaces, tabs and no-break spaces as one space, lines trimmed.
 */
export function normaliseText(text: string): string {
  // Each pass is guarded by a cheap test: most texts need only one or two of them.
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (ODD_CHARS.test(out)) out = out.replace(ODD_CHARS_ALL, '');
  if (WIDE_SPACE.test(out)) out = out.replace(WIDE_SPACE_ALL, ' ');
  if (EDGE_SPACE.test(out)) out = out.replace(EDGE_SPACE_ALL, '\n');
  return out.trim();
}

/** A line that reads as a sentence of the article rather than a headline in a list of links. */
function looksLikeProse(line: string): boolean {
  return line.length >= 150 || (line.length >= 60 && /[.!?"”]$/.test(line));
}
