// Ingest metadata: clean article text → the dateline at its start ("BAGHDAD, May 14 (Reuters) -") and the agency it names.

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const PLACE = String.raw`[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}`;
const REGION = String.raw`(?:,\s*[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,2})`;
const DATE = String.raw`(?:,?\s*${MONTH}\s+\d{1,2}(?:,\s*\d{4})?\.?)`;
const AGENCY = String.raw`(?:\s*\(([A-Z][A-Za-z.&' -]{0,40})\)|\s*/([A-Z][A-Za-z.&' -]{0,30})/)`;
const SEPARATOR = String.raw`(?:\s*(?:-{1,2}|–|—|:)(?=\s)|(?<=/)\.?(?=\s))`;
const DATELINE = new RegExp(`^(${PLACE})(${REGION})?(${DATE})?${AGENCY}?${SEPARATOR}`, 'u');

/** Acronyms that open sentences ("NATO - the alliance …") without being datelines. */
const NOT_PLACES = new Set(['NATO', 'UN', 'EU', 'US', 'USA', 'UK', 'IAEA', 'OPEC', 'ASEAN', 'BRICS', 'CSTO', 'WHO', 'IMF', 'UPDATE', 'BREAKING', 'EXCLUSIVE', 'ANALYSIS', 'OPINION', 'FACTBOX', 'EXPLAINER']);

/** A dateline found at the start of a text: as written (trimmed), and the news agency in it, if any. */
export interface Dateline {
  dateline: string;
  agency: string | null;
}

/**
 * Finds the dateline that opens a wire report: an upper-case place, optionally a region or country, a date and
 * an agency in brackets or slashes, then a dash ("BAGHDAD, May 14 (Reuters) -", "KYIV, Ukraine (AP) —",
 * "MOSCOW, March 3. /TASS/."). The dateline stays in the text; this only reports it.
 */
export function findDateline(text: string): Dateline | null {
  const head = text.slice(0, 160);
  const match = DATELINE.exec(head);
  if (!match) return null;
  const place = match[1] as string;
  const agency = (match[4] ?? match[5] ?? '').trim() || null;
  const hasMore = match[2] !== undefined || match[3] !== undefined || agency !== null;
  if (!hasMore && (place.replace(/[^A-Z]/g, '').length < 4 || NOT_PLACES.has(place))) return null;
  if (NOT_PLACES.has(place.split(/\s+/)[0] as string) && !hasMore) return null;
  return { dateline: match[0].trim(), agency };
}
