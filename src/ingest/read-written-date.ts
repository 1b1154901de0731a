// Ingest metadata: a short text ("Updated on Tuesday, March 3, 2020", "KABUL, March 3 (Reuters) -") → the first calendar date written in it.

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
/** Month names capitalised or upper-case as stamps write them ("March", "MARCH", "Mar."); lower-case "may" and "march" are verbs. */
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?`;
const YEAR = String.raw`(?:,?\s+((?:18|19|20|21)\d\d)\b)?`;
/**
 * One pattern, four forms, leftmost wins: ISO "2020-03-03" (1–3), "2020/03/03" (4–6), "March 3[, 2020]" (7–9),
 * "3 March[ 2020]" and "3rd of March" (10–12).
 */
const WRITTEN = new RegExp(
  String.raw`\b(\d{4})-(\d{2})-(\d{2})(?![\d-])|\b(\d{4})/(\d{1,2})/(\d{1,2})\b|\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![:.]\d)${YEAR}|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?![a-z])${YEAR}`,
  'u',
);

/** A calendar date as written: the year is null when the text gives none ("March 3"). Offsets are into the text read. */
export interface WrittenDate {
  y: number | null;
  m: number;
  d: number;
  start: number;
  end: number;
}

/**
 * Reads the first calendar date written in a short text: ISO dates and timestamps, "2020/03/03", "March 3, 2020",
 * "Jan. 5, 2021", "3 March 2020", "3rd of March", with or without the year. Times, weekdays and zones around it are
 * left alone. A day that does not exist (Feb 30; Feb 29 in a year that has none) is no date. Returns null when there is none.
 */
export function readWrittenDate(text: string): WrittenDate | null {
  const m = WRITTEN.exec(text);
  if (m === null) return null;
  let y: string | undefined;
  let mo: number | undefined;
  let d: string | undefined;
  if (m[1] !== undefined) [y, mo, d] = [m[1], Number(m[2]), m[3]];
  else if (m[4] !== undefined) [y, mo, d] = [m[4], Number(m[5]), m[6]];
  else if (m[7] !== undefined) [y, mo, d] = [m[9], monthOf(m[7]), m[8]];
  else [y, mo, d] = [m[12], monthOf(m[11] ?? ''), m[10]];
  const year = y === undefined ? null : Number(y);
  const day = Number(d);
  if (mo === undefined || mo < 1 || mo > 12 || day < 1 || day > daysIn(year ?? 2000, mo)) return null;
  return { y: year, m: mo, d: day, start: m.index, end: m.index + m[0].length };
}

function monthOf(name: string): number | undefined {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

/** Days in a month; a year-less date may be Feb 29. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
