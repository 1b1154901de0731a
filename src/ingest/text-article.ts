// Ingest plain text: decoded text of one article → Article (title line apart, body cleaned line by line, byline and dateline read).
import type { Article } from '../types/article.js';
import { DyadError } from '../types/problem.js';
import { cleanLines, normaliseText } from './clean-lines.js';
import { findDateline } from './find-dateline.js';
import { findPublicationDate } from './find-publication-date.js';
import { junkLine } from './junk-line.js';
import { takeByline } from './take-byline.js';

/** A first line longer than this is the lede, not a headline. */
const MAX_TITLE = 300;

/**
 * Turns plain text into an article. The first non-empty line that is not clutter is the title, and `text` is the
 * cleaned body WITHOUT the title line (so event offsets point into the body; the title is kept apart in `title`).
 * Exceptions, where the text is all body and `title` is null: the first line is over 300 characters, the first line
 * opens with a dateline ("BAGHDAD, May 14 (Reuters) - …"), or nothing but that line remains.
 * A leading "By …" line becomes the byline; a dateline stays in the text and is recorded; its agency is the source.
 * The publication date is read from the dateline, a "Published/Updated …" line or a dated byline (findPublicationDate).
 * Throws DyadError E101 when nothing is left after cleaning.
 */
export function textArticle(id: string, raw: string): Article {
  const normalised = normaliseText(raw);
  const lines = normalised.split('\n');
  let first = 0;
  while (first < lines.length && (lines[first] === '' || junkLine(lines[first] as string) !== null)) first++;
  const candidate = lines[first] ?? '';
  const bodyLines = lines.slice(first + 1);
  let title: string | null = candidate;
  let text = '';
  if (candidate.length > MAX_TITLE || findDateline(candidate) !== null) title = null;
  else text = cleanLines(bodyLines.join('\n'));
  if (title === null || text === '') {
    title = null;
    text = cleanLines(lines.slice(first).join('\n'));
  }
  const taken = takeByline(text);
  text = taken.text;
  if (text === '') throw new DyadError('E101', id, 'no article text left after cleaning');
  const dateline = findDateline(text);
  // read from the text before cleaning: "Published …"/"Updated …" lines are clutter that cleaning drops
  const found = findPublicationDate({ text: normalised, dateline: dateline?.dateline ?? null, byline: taken.byline });
  return {
    id,
    text,
    title,
    date: found?.date ?? null,
    dateBasis: found?.basis ?? null,
    url: null,
    source: dateline?.agency ?? null,
    byline: taken.byline,
    dateline: dateline?.dateline ?? null,
    language: null,
  };
}
