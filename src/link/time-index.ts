// Link stage: reps by (group, time bucket) → the reps of a group whose dates could fit a new rep's.
import { monthOfDay } from '../types/day-number.js';
import { DATE_FINE, DATE_MONTH, DATE_YEAR, type MentionFeatures } from './mention-features.js';

/**
 * Buckets are keyed by one number: `group * SPAN + OFFSET + bucket`, where `bucket` is a day number, a month index or
 * a year (all within ±OFFSET), so one Map per bucket kind serves every group: no per-group objects, which mattered
 * (tens of thousands of dyad groups). Exact up to 2^53 / SPAN ≈ 2 billion groups.
 */
const SPAN = 4_194_304;
const OFFSET = 2_097_152;

function put(map: Map<number, number[]>, key: number, rep: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [rep]);
  else list.push(rep);
}

function pushAll(out: number[], list: number[] | undefined): void {
  if (list !== undefined) for (let i = 0; i < list.length; i++) out.push(list[i] as number);
}

/**
 * Reps (numbers) filed by group and date: fine dates (days) by runs of `reach + 1` days, by month and by year; month dates by month and year;
 * year dates by year; undated ones by group. A lookup reads a handful of buckets, never the whole group.
 */
export class TimeIndex {
  private readonly groups = new Map<string, number>();
  private readonly fineByDay = new Map<number, number[]>();
  private readonly fineByMonth = new Map<number, number[]>();
  private readonly fineByYear = new Map<number, number[]>();
  private readonly monthByMonth = new Map<number, number[]>();
  private readonly monthByYear = new Map<number, number[]>();
  private readonly yearByYear = new Map<number, number[]>();
  private readonly none = new Map<number, number[]>();

  /** @param reach the widest date window in days (fine dates further apart never fit). */
  /** Width in days of the buckets of fine dates: a lookup reads two or three of them. */
  private readonly width: number;

  constructor(private readonly reach: number) {
    this.width = reach + 1;
  }

  /** The number of a group key, given on first sight. */
  group(key: string): number {
    let n = this.groups.get(key);
    if (n === undefined) this.groups.set(key, (n = this.groups.size));
    return n;
  }

  /** Files a rep of group `g` under its date. */
  add(g: number, f: MentionFeatures, rep: number): void {
    const base = g * SPAN + OFFSET;
    if (f.dateClass === DATE_FINE) {
      put(this.fineByDay, base + Math.floor(f.first / this.width), rep);
      put(this.fineByMonth, base + f.month, rep);
      put(this.fineByYear, base + f.year, rep);
    } else if (f.dateClass === DATE_MONTH) {
      put(this.monthByMonth, base + f.month, rep);
      put(this.monthByYear, base + f.year, rep);
    } else if (f.dateClass === DATE_YEAR) {
      put(this.yearByYear, base + f.year, rep);
    } else {
      put(this.none, g, rep);
    }
  }

  /** Pushes onto `out` every rep of group `g` whose date could fit `f`'s: a superset, `relateFeatures` decides. Each once. */
  candidates(g: number, f: MentionFeatures, out: number[]): void {
    const base = g * SPAN + OFFSET;
    const reach = this.reach;
    if (f.dateClass === DATE_FINE) {
      const w1 = Math.floor((f.first + reach) / this.width);
      for (let w = Math.floor((f.first - reach) / this.width); w <= w1; w++) pushAll(out, this.fineByDay.get(base + w));
      const m0 = monthOfDay(f.first - reach);
      const m1 = monthOfDay(f.first + reach);
      for (let m = m0; m <= m1; m++) pushAll(out, this.monthByMonth.get(base + m));
      for (let y = Math.floor(m0 / 12); y <= Math.floor(m1 / 12); y++) pushAll(out, this.yearByYear.get(base + y));
    } else if (f.dateClass === DATE_MONTH) {
      // An undated mention's publication day may lie up to `reach` days outside the month.
      for (let m = f.month - 1; m <= f.month + 1; m++) pushAll(out, this.fineByMonth.get(base + m));
      pushAll(out, this.monthByMonth.get(base + f.month));
      pushAll(out, this.yearByYear.get(base + f.year));
    } else if (f.dateClass === DATE_YEAR) {
      for (let y = f.year - 1; y <= f.year + 1; y++) pushAll(out, this.fineByYear.get(base + y));
      pushAll(out, this.monthByYear.get(base + f.year));
      pushAll(out, this.yearByYear.get(base + f.year));
    } else {
      pushAll(out, this.none.get(g));
    }
  }
}
