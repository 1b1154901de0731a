// Types: ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, timestamps) ↔ day numbers, so date windows are integer sums.

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). Pure arithmetic: no Date objects in hot loops. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number as `[year, month 1–12, day]`. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Month index (`year * 12 + month − 1`) of a day number. */
export function monthOfDay(days: number): number {
  const [y, m] = civilFromDays(days);
  return y * 12 + m - 1;
}

/** `YYYY-MM-DD` of a day number. */
export function isoOfDay(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A parsed date: its precision, the first and last day it covers, and the month index of its first day. */
export interface DaySpan {
  precision: 'day' | 'month' | 'year';
  first: number;
  last: number;
  /** `year * 12 + month − 1` of the first day. */
  month: number;
}

/** The number written by `length` ASCII digits from `at`, or -1. */
function digits(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a timestamp (read to the day); null for anything else. No regex: hot path. */
export function parseDaySpan(date: string | null | undefined): DaySpan | null {
  if (!date || date.length < 4) return null;
  const year = digits(date, 0, 4);
  if (year < 0) return null;
  if (date.length < 7 || date.charCodeAt(4) !== 45) {
    return date.length === 4 ? { precision: 'year', first: daysFromCivil(year, 1, 1), last: daysFromCivil(year, 12, 31), month: year * 12 } : null;
  }
  const month = digits(date, 5, 2);
  if (month < 1 || month > 12) return null;
  const index = year * 12 + month - 1;
  if (date.length < 10 || date.charCodeAt(7) !== 45) {
    if (date.length !== 7) return null;
    const first = daysFromCivil(year, month, 1);
    return { precision: 'month', first, last: daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1, month: index };
  }
  const day = digits(date, 8, 2);
  if (day < 1 || day > 31) return null;
  const n = daysFromCivil(year, month, day);
  return { precision: 'day', first: n, last: n, month: index };
}

/** Day number of the first day a date covers (`2019` → 2019-01-01), or null. */
export function firstDay(date: string | null | undefined): number | null {
  return parseDaySpan(date)?.first ?? null;
}
