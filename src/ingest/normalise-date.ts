// Ingest metadata: a date as a page or feed writes it → ISO 8601 ("2024-05-14" or "2024-05-14T10:32:00+03:00"), local time kept.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const ZONES: Record<string, string> = {
  z: 'Z', ut: 'Z', utc: 'Z', gmt: 'Z', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00',
  mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00', bst: '+01:00', cet: '+01:00', cest: '+02:00', msk: '+03:00',
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_MONTH = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UT|UTC|GMT|[+-]\d{4}|[+-]\d{2}:\d{2}|[A-Z]{3,4})?)?/i;
const MONTH_DAY = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;

/**
 * Normalises a date string to ISO 8601. Accepts ISO dates and timestamps (kept as written, with "+0300" written
 * "+03:00"), "2024/05/14", "20240514", RFC 2822 ("Tue, 14 May 2024 10:32:00 +0300", as in RSS) and written dates
 * ("May 14, 2024", "14 May 2024"). The local date and offset are kept, never shifted to UTC, since the date an
 * event was reported is the local one. Returns null when the string is not a date it knows.
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  let m = ISO.exec(text);
  if (m) {
    const date = ymd(m[1], m[2], m[3]);
    if (date === null || m[4] === undefined) return date;
    return `${date}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone(m[7])}`;
  }
  m = SLASHED.exec(text) ?? COMPACT.exec(text);
  if (m) return ymd(m[1], m[2], m[3]);
  m = DAY_MONTH.exec(text);
  if (m) {
    const date = ymd(m[3], monthNumber(m[2]), m[1]);
    if (date === null || m[4] === undefined) return date;
    return `${date}T${(m[4] as string).padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}${zone(m[7])}`;
  }
  m = MONTH_DAY.exec(text);
  if (m) return ymd(m[3], monthNumber(m[1]), m[2]);
  return null;
}

function monthNumber(name: string | undefined): string | undefined {
  const n = name === undefined ? undefined : MONTHS[name.slice(0, 3).toLowerCase()];
  return n === undefined ? undefined : String(n);
}

function ymd(y: string | undefined, mo: string | number | undefined, d: string | undefined): string | null {
  if (y === undefined || mo === undefined || d === undefined) return null;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function zone(raw: string | undefined): string {
  if (raw === undefined) return '';
  const known = ZONES[raw.toLowerCase()];
  if (known !== undefined) return known;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(raw);
  return m ? `${m[1]}${m[2]}:${m[3]}` : '';
}
