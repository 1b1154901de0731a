// Ingest cleaning: raw article text (plain text, or text taken from HTML) → clean paragraphs separated by blank lines.
import { junkLine } from './junk-line.js';

/** A line ending like this closes a sentence, so the next line starts a new paragraph rather than continuing a wrapped one. */
const SENTENCE_END = /[.!?…:;"”’»)\]]$/u;
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
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g, '')
    .replace(/[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** A line that reads as a sentence of the article rather than a headline in a list of links. */
function looksLikeProse(line: string): boolean {
  return line.length >= 150 || (line.length >= 60 && /[.!?"”]$/.test(line));
}
