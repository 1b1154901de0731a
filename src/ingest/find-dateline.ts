// Ingest metadata: clean article text → the dateline at its start ("BAGHDAD, May 14 (Reuters) -") and the agency it names.

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const PLACE = String.raw`[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}`;
const REGION = String.raw`(?:,\s*[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,2})`;
/** A month and day, either order, with an optional year: "May 14", "Jan. 5, 2021", "3 March 2020". */
const DAY = String.raw`(?:${MONTH}\s+\d{1,2}|\d{1,2}\s+${MONTH})(?:,?\s*\d{4})?`;
const DATE = String.raw`(?:,?\s*${DAY}\.?)`;
const AGENCY = String.raw`(?:\s*\(([A-Z][A-Za-z.&' -]{0,40})\)|\s*/([A-Z][A-Za-z.&' -]{0,30})/)`;
const SEPARATOR = String.raw`(?:\s*(?:-{1,2}|–|—|:)(?=\s)|(?<=/)\.?(?=\s))`;
/** A date after the dash, closed by another: "WASHINGTON (AP) — Jan. 5, 2021 —". */
const LATE_DATE = String.raw`(?:\s*${DAY}\s*(?:-{1,2}|–|—)(?=\s))?`;
const DATELINE = new RegExp(`^(${PLACE})(${REGION})?(${DATE})?${AGENCY}?${SEPARATOR}${LATE_DATE}`, 'u');
/** No place, the date first, an agency required: "March 3, 2020 (Reuters) -". */
const DATE_FIRST = new RegExp(`^${DAY}${AGENCY}${SEPARATOR}`, 'u');
/** A place in ordinary case, as Russian and Central Asian agencies write it, with a date required: "Tashkent. May 14.", "Kabul, March 3 (Reuters) -". */
const MIXED_PLACE = String.raw`[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}`;
const MIXED = new RegExp(`^${MIXED_PLACE}(?:\\.\\s*${DAY}\\.(?=\\s)|(?:,\\s*${MIXED_PLACE})?,\\s*${DAY}${AGENCY}${SEPARATOR})`, 'u');

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
 * "MOSCOW, March 3. /TASS/.", "WASHINGTON (AP) — Jan. 5, 2021 —"); also a date and agency with no place
 * ("March 3, 2020 (Reuters) -") and an ordinary-case place with a date ("Tashkent. May 14."). The dateline stays in
 * the text; this only reports it.
 */
export function findDateline(text: string): Dateline | null {
  const head = text.slice(0, 160);
  const match = DATELINE.exec(head);
  if (!match) {
    const other = DATE_FIRST.exec(head) ?? MIXED.exec(head);
    return other === null ? null : { dateline: other[0].trim(), agency: (other[1] ?? other[2] ?? '').trim() || null };
  }
  const place = match[1] as string;
  const agency = (match[4] ?? match[5] ?? '').trim() || null;
  const hasMore = match[2] !== undefined || match[3] !== undefined || agency !== null;
  if (!hasMore && (place.replace(/[^A-Z]/g, '').length < 4 || NOT_PLACES.has(place))) return null;
  if (NOT_PLACES.has(place.split(/\s+/)[0] as string) && !hasMore) return null;
  return { dateline: match[0].trim(), agency };
}
