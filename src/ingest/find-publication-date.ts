// Ingest metadata: the head of an article (dateline, "Published/Updated …" lines, a dated byline) → its publication date and where it came from.
import type { PublicationBasis } from '../types/event.js';
import { findDateline } from './find-dateline.js';
import { readWrittenDate, type WrittenDate } from './read-written-date.js';

/** The publication bases read from the article's own words. */
export type TextDateBasis = Extract<PublicationBasis, 'dateline' | 'published-line' | 'updated-line' | 'byline'>;

/** A publication date found in the article: ISO day, where it came from, and the words that gave it. */
export interface FoundDate {
  date: string;
  basis: TextDateBasis;
  text: string;
}

/** What an article says about its own date. */
export interface DateEvidence {
  /** The article as read — before clutter lines are dropped, where the caller has that (stamps are clutter to the coder). Only its head is read. */
  text: string;
  /** The dateline as recorded, when known; else the head is searched for one. */
  dateline?: string | null;
  /** The byline as recorded ("Jane Doe | March 3, 2020"), when known. */
  byline?: string | null;
}

/** Only the head of a text is read: stamps and datelines stand at the top, and this runs for every article. */
const HEAD_CHARS = 1500;
const HEAD_LINES = 10;
/** A stamp line is short; a longer line is a sentence of the article. */
const MAX_STAMP = 160;
/** A line that is only a date is short. */
const MAX_BARE = 60;
/** A stamp's date follows its keyword closely ("Updated 10:15 GMT, 3 March 2020"). */
const NEAR = 40;
/** Words other than keywords, dates and times a stamp line may hold ("| By Jane Doe"). */
const MAX_OTHER_WORDS = 4;
const DAY_MS = 86400000;

const STAMP_START = /^(?:(?:first|last|originally)\s+)?(?:published|posted|released|issued|updated|modified|edited|dated?)\b/i;
const STAMP_WORD = /\b(?:(?:first|last|originally)\s+)?(published|posted|released|issued|updated|modified|edited|dated?)\b(?:\s+(?:on|at))?/gi;
const UPDATED_WORD = /^(?:updated|modified|edited)$/i;
/** A byline line: "By" and a capitalised name, not a month, weekday or number ("By March 3, Russia had …" is a sentence). */
const BYLINE_LINE = /^[Bb][Yy]\s+(?!(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|The|Then|Now|Early|Late|Mid|End)\b)[A-Z\u00c0-\u024f]/;
const SENTENCE_END = /[.!?]["”’]?$/;
const FILLER = /^(?:on|at|and|by|am|pm|a\.m\.?|p\.m\.?|the|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?|\d{1,2}(?:[:.h]\d{2}(?:[:.]\d{2})?)?(?:am|pm)?|(?:utc|gmt)(?:[+-]\d{1,2}(?::?\d{2})?)?|z)$/i;
const ZONE = /^[A-Z]{2,5}$/;

interface Stamps {
  published: FoundDate | null;
  updated: FoundDate | null;
  byline: FoundDate | null;
  /** The first of them, whichever kind: a year-less dateline takes its year from it. */
  first: { day: WrittenDate & { y: number }; basis: TextDateBasis } | null;
}

/**
 * Finds an article's publication date in its own words, for articles given none. Evidence, strongest first:
 * 1. `dateline` — "KABUL, March 3, 2020 (Reuters) -", "WASHINGTON (AP) — Jan. 5, 2021 —", "March 3, 2020 (Reuters) -".
 *    A dateline without a year ("KABUL, March 3 (Reuters) -") takes it from another date at the head of the page (a
 *    Published/Updated line or a dated byline): the latest year that puts the dateline on or before that date. With
 *    no such date it gives no date at all — a year is never guessed, and never taken from the body's sentences;
 * 2. `published-line` — "Published: …", "Posted on …", "First published …", or a line that is only a date;
 * 3. `updated-line` — "Updated on …", "Updated: …", "Last modified …";
 * 4. `byline` — a dated byline ("By Jane Doe | March 3, 2020"), as a line of the head or as recorded.
 * Only the first lines of the text are read, and only lines that are stamps as a whole: a sentence that mentions a date
 * is about an event, not about the article. A date after tomorrow (of `options.now`, default the clock) is refused
 * and the next evidence taken. Returns null when the article says nothing usable.
 */
export function findPublicationDate(evidence: DateEvidence, options: { now?: Date } = {}): FoundDate | null {
  const latest = isoDay(new Date((options.now ?? new Date()).getTime() + DAY_MS));
  const stamps: Stamps = { published: null, updated: null, byline: null, first: null };
  const take = (kind: 'published' | 'updated' | 'byline', day: WrittenDate | null, text: string): void => {
    if (day === null || day.y === null || stamps[kind] !== null) return;
    const found: FoundDate = { date: iso(day.y, day.m, day.d), basis: kind === 'byline' ? 'byline' : `${kind}-line`, text };
    if (found.date > latest) return;
    stamps[kind] = found;
    stamps.first ??= { day: { ...day, y: day.y }, basis: found.basis };
  };
  let dateline = evidence.dateline ?? null;
  let searching = dateline === null;
  for (const line of headLines(evidence.text)) {
    if (line.length <= MAX_STAMP && STAMP_START.test(line)) {
      readStamp(line, take);
    } else if (line.length <= MAX_STAMP && BYLINE_LINE.test(line) && !SENTENCE_END.test(line)) {
      take('byline', readWrittenDate(line), line);
    } else if (line.length <= MAX_BARE && isBareDate(line)) {
      take('published', readWrittenDate(line), line);
    } else if (searching) {
      dateline = findDateline(line)?.dateline ?? null;
      // the dateline opens the first paragraph of prose: past it, no line is a dateline
      if (dateline !== null || line.length > 100) searching = false;
    }
  }
  if (evidence.byline) take('byline', readWrittenDate(evidence.byline), evidence.byline);
  const fromDateline = dateline === null ? null : datelineDate(dateline, stamps, latest);
  return fromDateline ?? stamps.published ?? stamps.updated ?? stamps.byline;
}

/** The date a dateline gives: its own year, else the year of the head's first stamp; null when neither, or when it lies ahead. */
function datelineDate(dateline: string, stamps: Stamps, latest: string): FoundDate | null {
  const day = readWrittenDate(dateline);
  if (day === null) return null;
  let year = day.y;
  if (year === null) {
    const stamp = stamps.first?.day;
    if (stamp === undefined) return null;
    year = iso(stamp.y, day.m, day.d) <= iso(stamp.y, stamp.m, stamp.d) ? stamp.y : stamp.y - 1;
    // Feb 29 of a dateline exists only in some years
    if (readWrittenDate(iso(year, day.m, day.d)) === null) return null;
  }
  const date = iso(year, day.m, day.d);
  return date > latest ? null : { date, basis: 'dateline', text: dateline };
}

/** Reads each keyword's date on a stamp line ("Published 3 March 2020 | Updated 5 March 2020"), unless the line reads as prose. */
function readStamp(line: string, take: (kind: 'published' | 'updated', day: WrittenDate | null, text: string) => void): void {
  const keywords = [...line.matchAll(STAMP_WORD)];
  const found: Array<{ kind: 'published' | 'updated'; day: WrittenDate }> = [];
  let rest = line;
  for (let i = 0; i < keywords.length; i++) {
    const keyword = keywords[i] as RegExpMatchArray;
    const from = (keyword.index ?? 0) + keyword[0].length;
    const to = keywords[i + 1]?.index ?? line.length;
    const day = readWrittenDate(line.slice(from, to));
    rest = rest.slice(0, keyword.index) + ' '.repeat(keyword[0].length) + rest.slice(from);
    if (day === null || day.start > NEAR) continue;
    rest = rest.slice(0, from + day.start) + ' '.repeat(day.end - day.start) + rest.slice(from + day.end);
    found.push({ kind: UPDATED_WORD.test(keyword[1] ?? '') ? 'updated' : 'published', day });
  }
  if (otherWords(rest) > MAX_OTHER_WORDS) return;
  for (const { kind, day } of found) take(kind, day, line);
}

/** True for a line that is a date and nothing else but times, weekdays and zones ("Tuesday, 14 October 2018 | 10:15 GMT"). */
function isBareDate(line: string): boolean {
  const day = readWrittenDate(line);
  if (day === null || day.y === null) return false;
  return otherWords(line.slice(0, day.start) + ' ' + line.slice(day.end)) === 0;
}

/** Words of a stamp line that are not times, weekdays, zones or linking words. */
function otherWords(text: string): number {
  let n = 0;
  for (const token of text.split(/[\s,|·•()[\]–—/-]+/)) {
    if (token !== '' && /[\p{L}\d]/u.test(token) && !FILLER.test(token) && !ZONE.test(token)) n++;
  }
  return n;
}

/** The first lines of a text, trimmed, blank lines skipped. */
function headLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.slice(0, HEAD_CHARS).split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    lines.push(line);
    if (lines.length === HEAD_LINES) break;
  }
  return lines;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
