// Link stage: sets of day numbers as sorted, disjoint, closed intervals — what a bounded clusterer knows of the store, per group.

/**
 * Closed day intervals kept sorted and disjoint in one flat array (`[first0, last0, first1, last1, …]`); touching or
 * overlapping intervals merge, so a set built by a run in date order stays one interval.
 */
export class DayRanges {
  private spans: number[] = [];

  /** True when no day is in the set. */
  get empty(): boolean {
    return this.spans.length === 0;
  }

  /** Adds every day of `[first, last]`. */
  add(first: number, last: number): void {
    const out: number[] = [];
    let a = first;
    let b = last;
    let placed = false;
    for (let i = 0; i < this.spans.length; i += 2) {
      const f = this.spans[i] as number;
      const l = this.spans[i + 1] as number;
      if (l + 1 < a) out.push(f, l);
      else if (b + 1 < f) {
        if (!placed) out.push(a, b);
        placed = true;
        out.push(f, l);
      } else {
        a = Math.min(a, f);
        b = Math.max(b, l);
      }
    }
    if (!placed) out.push(a, b);
    this.spans = out;
  }

  /** Removes every day of `[first, last]`. */
  remove(first: number, last: number): void {
    const out: number[] = [];
    for (let i = 0; i < this.spans.length; i += 2) {
      const f = this.spans[i] as number;
      const l = this.spans[i + 1] as number;
      if (l < first || f > last) {
        out.push(f, l);
        continue;
      }
      if (f < first) out.push(f, first - 1);
      if (l > last) out.push(last + 1, l);
    }
    this.spans = out;
  }

  /** True when some day of `[first, last]` is in the set. */
  overlaps(first: number, last: number): boolean {
    for (let i = 0; i < this.spans.length; i += 2) {
      if ((this.spans[i] as number) <= last && (this.spans[i + 1] as number) >= first) return true;
    }
    return false;
  }

  /** True when every day of `[first, last]` is in the set (one interval holds it: they never touch). */
  covers(first: number, last: number): boolean {
    for (let i = 0; i < this.spans.length; i += 2) {
      if ((this.spans[i] as number) <= first && (this.spans[i + 1] as number) >= last) return true;
    }
    return false;
  }
}
