// NLP: a sentence and its article's publication date → the event's date (wraps chrono-node).
import * as en from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node';
import type { DateBasis, DatePrecision, PublicationBasis } from '../types/index.js';

/** An event's date as one sentence gives it. */
export interface EventDate {
  /** ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or null. */
  date: string | null;
  precision: DatePrecision;
  basis: DateBasis;
  /** The words that gave the date, or null when the date is the publication date or unknown. */
  text: string | null;
  /** True when the words name a span or a bound, not the date itself ("last week", "in 2012-13", "before June 2020"). */
  approx?: boolean;
}

const MONTH_NAMES = 'jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?';
/** A cheap test that a sentence may hold a date at all: chrono runs only when it passes. */
const CUE = new RegExp(`\\b(?:${MONTH_NAMES}|mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\b|\\b(?:yesterday|today|tonight|tomorrow|ago|week|weekend|month|year|morning|afternoon|evening)\\b|\\b(?:1[89]|20)\\d\\d\\b|\\d{1,2}/\\d{1,2}/\\d{2,4}`, 'i');
/** Years chrono leaves alone: "in 2012", "since 2014", "in 2012-13", "mid-2015". */
const YEAR = /\b(in|since|during|by|until|till|through|throughout|from|before|after|around|of|early|mid|late|end of|start of|beginning of)[- ](?:the (?:year |summer |spring |autumn |winter |fall )?)?((?:1[89]|20)\d\d)(?:\s*(?:[-–/]|to)\s*((?:1[89]|20)?\d\d))?\b(?!\s*(?:%|percent|people|troops|soldiers|tanks|rifles|helicopters))/gi;
/** "early May", "mid-March", "late June" (chrono misses the first). */
const PART_MONTH = new RegExp(`\\b(early|mid|late)[- ](${MONTH_NAMES})\\b(?:\\s+((?:1[89]|20)\\d\\d))?`, 'gi');
const FUTURE = /\b(?:will|shall|'ll|is (?:due|set|scheduled|expected|going|to be)|are (?:due|set|scheduled|expected|going|to be)|plans? to|planned for|intends? to|next|upcoming|tomorrow|coming)\b/i;
const BOUND = /\b(?:before|by|until|till|after|since|no later than|not before)\s+(?:the\s+)?$/i;
const MONTH_INDEX: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m?: number, d?: number): string => `${y}${m !== undefined ? `-${pad(m)}` : ''}${d !== undefined ? `-${pad(d)}` : ''}`;
const utc = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d);

/** Reads an ISO date or timestamp ("2019-03-08", "2019-03-08T10:00:00Z", "2019-03", "2019"). */
function readIso(text: string | null | undefined): { y: number; m?: number; d?: number } | null {
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text ?? '');
  if (m === null) return null;
  return { y: Number(m[1]), ...(m[2] !== undefined ? { m: Number(m[2]) } : {}), ...(m[3] !== undefined ? { d: Number(m[3]) } : {}) };
}

interface Candidate { index: number; text: string; y?: number; m?: number; d?: number; weekday?: number; relative: boolean; kind: 'day' | 'week' | 'month' | 'year'; approx: boolean }

/** A chrono result as a candidate; `offset` is where the text chrono was given starts in the sentence. */
function fromChrono(r: ParsedResult, sentence: string, offset = 0): Candidate | null {
  const index = r.index + offset;
  const c = r.start;
  const text = r.text.replace(/[\s,.;:]+$/, '');
  const lower = text.toLowerCase();
  if (/^(now|in \d+ \w+)$/.test(lower) || /^(?:sec|min|hr)s?$/.test(lower)) return null;
  const known = (k: 'year' | 'month' | 'day' | 'weekday'): number | undefined => (c.isCertain(k) ? c.get(k) ?? undefined : undefined);
  const y = known('year');
  const m = known('month');
  const d = known('day');
  const weekday = known('weekday');
  const relative = /\b(yesterday|today|tonight|tomorrow|ago|last|next|this|past|previous|coming|earlier|later|before|after|morning|afternoon|evening|night|weekend|week|month|year)\b/.test(lower);
  if (y === undefined && m === undefined && d === undefined && weekday === undefined && !relative) return null;
  const kind = /\bweek/.test(lower) ? 'week' : /\bmonth\b/.test(lower) ? 'month' : /\byear\b/.test(lower) ? 'year' : 'day';
  const approx = kind === 'week' || BOUND.test(sentence.slice(Math.max(0, index - 20), index));
  if (relative) {
    // chrono has already counted from the reference date: keep its day, month or year
    const day = c.get('day') ?? undefined;
    const month = c.get('month') ?? undefined;
    const year = c.get('year') ?? undefined;
    return { index, text, y: year, m: kind === 'year' ? undefined : month, d: kind === 'day' || kind === 'week' ? day : undefined, weekday, relative: true, kind, approx };
  }
  return { index, text, y, m, d, weekday, relative: false, kind: 'day', approx };
}

/** Words chrono is needed for (month and day names capitalised: "may" is a verb); a bare year is read by our own patterns. */
const CHRONO_CUE = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b|\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|ago|weekend|(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Cc]oming|[Pp]ast|[Ee]arlier|[Ll]ater) (?:\w+ )?(?:weeks?|months?|years?|days|morning|afternoon|evening|night))\b|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}/;

const CHRONO_CUES = new RegExp(CHRONO_CUE.source, 'g');
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const BARE_WEEKDAY = /\b(?:on\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;

/**
 * chrono's casual English parser without what event dates never need — times of day ("at 5 pm", "this morning"),
 * "within"/"later" spans, time zones — which is a third of its work on news sentences.
 */
const DROPPED_PARSERS = new Set(['ENTimeExpressionParser', 'ENCasualTimeParser', 'ENTimeUnitWithinFormatParser', 'ENTimeUnitLaterFormatParser', 'ENEndOfCurrentMonthParser']);
const DROPPED_REFINERS = new Set(['ExtractTimezoneOffsetRefiner', 'ExtractTimezoneAbbrRefiner', 'ENMergeDateTimeRefiner']);
const parser = en.casual.clone();
parser.parsers = parser.parsers.filter((p) => !DROPPED_PARSERS.has(p.constructor.name));
parser.refiners = parser.refiners.filter((r) => !DROPPED_REFINERS.has(r.constructor.name));

/** Characters of context chrono gets on each side of a date word ("three days ago", "on the 3rd of March, 2019"). */
const WINDOW = 40;

/**
 * chrono's dates in a sentence, parsing only the stretches around its date words: each of chrono's parsers scans
 * the whole text it is given, so a window a third of the sentence costs a third. Windows start and end at spaces
 * and merge when they overlap; results are put back at their place in the sentence.
 */
function chronoCandidates(sentence: string, ref: Date): Candidate[] {
  const out: Candidate[] = [];
  let from = -1;
  let to = -1;
  const flush = (): void => {
    if (from < 0) return;
    const window = sentence.slice(from, to);
    for (const r of parser.parse(window, { instant: ref, timezone: 'UTC' })) {
      const c = fromChrono(r, sentence, from);
      if (c !== null) out.push(c);
    }
  };
  CHRONO_CUES.lastIndex = 0;
  for (let m = CHRONO_CUES.exec(sentence); m !== null; m = CHRONO_CUES.exec(sentence)) {
    let start = Math.max(0, m.index - WINDOW);
    if (start > 0) { const space = sentence.indexOf(' ', start); start = space < 0 || space > m.index ? m.index : space + 1; }
    let end = Math.min(sentence.length, m.index + m[0].length + WINDOW);
    if (end < sentence.length) { const space = sentence.lastIndexOf(' ', end); end = space < m.index + m[0].length ? m.index + m[0].length : space; }
    if (from >= 0 && start <= to) to = Math.max(to, end);
    else { flush(); from = start; to = end; }
  }
  flush();
  return out;
}

/** The last sentence's candidates: the events of one sentence ask for its dates one after another. */
let memo: { sentence: string; ref: number; out: Candidate[] } | null = null;

function candidates(sentence: string, ref: Date): Candidate[] {
  if (memo !== null && memo.sentence === sentence && memo.ref === ref.getTime()) return memo.out;
  const out: Candidate[] = [];
  const cues = CHRONO_CUE.test(sentence) ? [...sentence.matchAll(CHRONO_CUES)].map((m) => m[0]) : [];
  if (cues.length > 0 && cues.every((cue) => WEEKDAYS.includes(cue))) {
    // the commonest case in wire copy, "on Tuesday" alone: what chrono would give, without running its thirty parsers
    for (const m of sentence.matchAll(BARE_WEEKDAY)) {
      if (/\b(?:last|this|next|past|previous|coming)\s+$/i.test(sentence.slice(Math.max(0, (m.index ?? 0) - 12), m.index))) {
        out.length = 0;
        out.push(...chronoCandidates(sentence, ref));
        break;
      }
      const index = m.index ?? 0;
      const approx = BOUND.test(sentence.slice(Math.max(0, index - 20), index));
      out.push({ index, text: m[0], weekday: WEEKDAYS.indexOf(m[1] ?? ''), relative: false, kind: 'day', approx });
    }
  } else if (cues.length > 0) {
    out.push(...chronoCandidates(sentence, ref));
  }
  const free = (index: number, end: number): boolean => !out.some((c) => index < c.index + c.text.length && end > c.index);
  for (const re of [PART_MONTH, YEAR]) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
      const text = m[0].slice((m[1] ?? '').length + 1).trim();
      const index = m.index + m[0].length - text.length;
      if (re === PART_MONTH) {
        const month = MONTH_INDEX[(m[2] ?? '').slice(0, 3).toLowerCase()];
        const within = out.findIndex((c) => c.index >= m!.index && c.index < m!.index + m![0].length);
        if (within >= 0) out.splice(within, 1);
        out.push({ index: m.index, text: m[0], y: m[3] !== undefined ? Number(m[3]) : undefined, m: month, relative: false, kind: 'month', approx: true });
      } else if (free(index, index + text.length)) {
        const span = m[3] !== undefined;
        out.push({ index, text, y: Number(m[2]), relative: false, kind: 'year', approx: span || /^(before|by|until|till|after|since)$/i.test(m[1] ?? '') });
      }
    }
  }
  out.sort((a, b) => a.index - b.index);
  memo = { sentence, ref: ref.getTime(), out };
  return out;
}

/** Turns a candidate into a date, putting an unstated year, month or week into the past (or the future when asked). */
function resolve(c: Candidate, pub: { y: number; m?: number; d?: number } | null, future: boolean): EventDate {
  const text = c.text;
  const approx = c.approx ? { approx: true } : {};
  if (c.relative) {
    if (pub === null || c.y === undefined) return { date: null, precision: 'unknown', basis: 'unknown', text };
    const precision: DatePrecision = c.d !== undefined ? 'day' : c.m !== undefined ? 'month' : 'year';
    return { date: iso(c.y, c.m, precision === 'day' ? c.d : undefined), precision, basis: 'relative', text, ...approx };
  }
  if (c.y !== undefined) {
    const precision: DatePrecision = c.m === undefined ? 'year' : c.d === undefined ? 'month' : 'day';
    return { date: iso(c.y, c.m, c.d), precision, basis: 'stated', text, ...approx };
  }
  // no year: take it from the publication date
  if (pub === null || pub.m === undefined) return { date: null, precision: 'unknown', basis: 'unknown', text };
  const pubDay = utc(pub.y, pub.m, pub.d ?? 28);
  if (c.m !== undefined) {
    let y = pub.y;
    const at = (year: number): number => utc(year, c.m ?? 1, c.d ?? 1);
    if (!future && at(y) > pubDay) y--;
    if (future && (c.d !== undefined ? at(y) < pubDay : (c.m ?? 0) < pub.m)) y++;
    return { date: iso(y, c.m, c.d), precision: c.d === undefined ? 'month' : 'day', basis: 'relative', text, ...approx };
  }
  if (c.weekday !== undefined && pub.d !== undefined) {
    const pubWeekday = new Date(pubDay).getUTCDay();
    const strict = /\b(last|past|previous)\b/i.test(text);
    let shift = future ? (c.weekday - pubWeekday + 7) % 7 : -((pubWeekday - c.weekday + 7) % 7);
    if (shift === 0 && (future || strict)) shift = future ? 7 : -7;
    if (/\bnext\b/i.test(text) && shift <= 0) shift += 7;
    const day = new Date(pubDay + shift * 86400000);
    return { date: iso(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()), precision: 'day', basis: 'relative', text, ...approx };
  }
  return { date: null, precision: 'unknown', basis: 'unknown', text };
}

function publication(pub: { y: number; m?: number; d?: number } | null, basis: PublicationBasis): EventDate {
  if (pub === null) return { date: null, precision: 'unknown', basis: 'unknown', text: null };
  const precision: DatePrecision = pub.d !== undefined ? 'day' : pub.m !== undefined ? 'month' : 'year';
  return { date: iso(pub.y, pub.m, pub.d), precision, basis, text: null };
}

/**
 * The event date a sentence gives, resolved against the publication date `pubDate` (ISO day or timestamp):
 * - a full date ("on March 3, 2019", "in 2012", "in March 2018") → `stated`, at its precision (day, month, year);
 * - a date that needs the publication date ("yesterday", "last week", "on Thursday", "in May", "Feb. 9") → `relative`:
 *   weekdays, months and days without a year go into the past — the latest such day on or before publication —
 *   unless `options.future` is true or the sentence is plainly about the future ("will", "next", "is due to");
 * - spans and bounds ("last week", "in 2012-13", "early May", "before June 2020") keep their date and say `approx: true`;
 * - no date in the sentence → the publication date with its basis (`options.basis`: where the article's date came
 *   from, default `publication`) and its own precision;
 *   no publication date either, or a relative date with nothing to count from → `{date: null, precision: 'unknown', basis: 'unknown'}`.
 * `options.near` (an offset in the sentence, e.g. the trigger's) picks the closest of several dates; else the first.
 */
export function resolveEventDate(sentenceText: string, pubDate: string | null, options: { future?: boolean; near?: number; basis?: PublicationBasis } = {}): EventDate {
  const pub = readIso(pubDate);
  const basis = options.basis ?? 'publication';
  if (!CUE.test(sentenceText)) return publication(pub, basis);
  const ref = pub !== null ? new Date(utc(pub.y, pub.m ?? 7, pub.d ?? 1) + 12 * 3600000) : new Date(Date.UTC(2000, 0, 1, 12));
  const found = candidates(sentenceText, ref);
  if (found.length === 0) return publication(pub, basis);
  let best = found[0] as Candidate;
  if (options.near !== undefined) {
    const near = options.near;
    const dist = (c: Candidate): number => Math.min(Math.abs(c.index - near), Math.abs(c.index + c.text.length - near));
    for (const c of found) if (dist(c) < dist(best)) best = c;
  }
  const future = options.future ?? FUTURE.test(sentenceText);
  return resolve(best, pub, future);
}
