// Link stage: reps of one (dyad, code family) group by time bucket → the reps whose dates could fit a new rep's.
import { monthOfDay } from './day-number.js';
import { DATE_FINE, DATE_MONTH, DATE_YEAR, type MentionFeatures } from './mention-features.js';

function put(map: Map<number, number[]>, key: number, rep: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [rep]);
  else list.push(rep);
}

function pushAll(out: number[], list: number[] | undefined): void {
  if (list !== undefined) for (let i = 0; i < list.length; i++) out.push(list[i] as number);
}

/**
 * Reps (numbers) of one group, filed by their date: fine dates (days) by day, month and year; month dates by month
 * and year; year dates by year. A lookup reads a handful of buckets, never the whole group.
 */
export class TimeIndex {
  private readonly fineByDay = new Map<number, number[]>();
  private readonly fineByMonth = new Map<number, number[]>();
  private readonly fineByYear = new Map<number, number[]>();
  private readonly monthByMonth = new Map<number, number[]>();
  private readonly monthByYear = new Map<number, number[]>();
  private readonly yearByYear = new Map<number, number[]>();
  private readonly none: number[] = [];

  /** @param reach the widest date window in days (fine dates further apart never fit). */
  constructor(private readonly reach: number) {}

  /** Files a rep under its date. */
  add(f: MentionFeatures, rep: number): void {
    if (f.dateClass === DATE_FINE) {
      put(this.fineByDay, f.first, rep);
      put(this.fineByMonth, f.month, rep);
      put(this.fineByYear, f.year, rep);
    } else if (f.dateClass === DATE_MONTH) {
      put(this.monthByMonth, f.month, rep);
      put(this.monthByYear, f.year, rep);
    } else if (f.dateClass === DATE_YEAR) {
      put(this.yearByYear, f.year, rep);
    } else {
      this.none.push(rep);
    }
  }

  /** Pushes onto `out` every rep whose date could fit `f`'s: a superset, `relateFeatures` decides. Each rep once. */
  candidates(f: MentionFeatures, out: number[]): void {
    const reach = this.reach;
    if (f.dateClass === DATE_FINE) {
      for (let d = f.first - reach; d <= f.first + reach; d++) pushAll(out, this.fineByDay.get(d));
      const m0 = monthOfDay(f.first - reach);
      const m1 = monthOfDay(f.first + reach);
      for (let m = m0; m <= m1; m++) pushAll(out, this.monthByMonth.get(m));
      for (let y = Math.floor(m0 / 12); y <= Math.floor(m1 / 12); y++) pushAll(out, this.yearByYear.get(y));
    } else if (f.dateClass === DATE_MONTH) {
      // An undated mention's publication day may lie up to `reach` days outside the month.
      for (let m = f.month - 1; m <= f.month + 1; m++) pushAll(out, this.fineByMonth.get(m));
      pushAll(out, this.monthByMonth.get(f.month));
      pushAll(out, this.yearByYear.get(f.year));
    } else if (f.dateClass === DATE_YEAR) {
      for (let y = f.year - 1; y <= f.year + 1; y++) pushAll(out, this.fineByYear.get(y));
      pushAll(out, this.monthByYear.get(f.year));
      pushAll(out, this.yearByYear.get(f.year));
    } else {
      pushAll(out, this.none);
    }
  }
}
