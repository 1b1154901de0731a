// Link stage: (group, days) regions → whether every stored mention there is held in memory, for a clusterer that drops state and reads it back.
import { DayRanges } from './day-ranges.js';

/**
 * What a bounded `Clusterer` knows: a region (a group and a closed day range, or a group's undated mentions) is
 * *known* when every mention of the store whose date overlaps it is held in memory. A clusterer opened on an empty
 * store knows everything, and forgets the days of what it drops; one opened on a store holding mentions knows
 * nothing, and learns what it reads back. Either way the exceptions to the default are kept per group as day
 * ranges, which merge: their size follows what is held in memory and how scattered in time the dropped state is,
 * not how much was read.
 */
export class KnownRegions {
  /** Per group: the days whose knowledge differs from the default (unknown days, or known ones). */
  private readonly exceptions = new Map<string, DayRanges>();
  /** Groups whose undated mentions differ from the default. */
  private readonly undatedExceptions = new Set<string>();

  /** @param everywhere true when every stored mention is held (an empty store): only what is dropped is unknown. */
  constructor(private readonly everywhere: boolean) {}

  /** True when every stored mention of `group` dated within `[first, last]` is held. */
  knowsDays(group: string, first: number, last: number): boolean {
    const days = this.exceptions.get(group);
    if (this.everywhere) return days === undefined || !days.overlaps(first, last);
    return days !== undefined && days.covers(first, last);
  }

  /** True when every stored undated mention of `group` is held. */
  knowsUndated(group: string): boolean {
    return this.undatedExceptions.has(group) !== this.everywhere;
  }

  /** Every stored mention of `group` dated within `[first, last]` is now held. */
  learnDays(group: string, first: number, last: number): void {
    if (this.everywhere) this.exceptionsOf(group).remove(first, last);
    else this.exceptionsOf(group).add(first, last);
    this.prune(group);
  }

  /** Every stored undated mention of `group` is now held. */
  learnUndated(group: string): void {
    if (this.everywhere) this.undatedExceptions.delete(group);
    else this.undatedExceptions.add(group);
  }

  /** Mentions of `group` dated within `[first, last]` were dropped from memory. */
  forgetDays(group: string, first: number, last: number): void {
    if (this.everywhere) this.exceptionsOf(group).add(first, last);
    else this.exceptionsOf(group).remove(first, last);
    this.prune(group);
  }

  private exceptionsOf(group: string): DayRanges {
    let days = this.exceptions.get(group);
    if (days === undefined) this.exceptions.set(group, (days = new DayRanges()));
    return days;
  }

  private prune(group: string): void {
    if (this.exceptions.get(group)?.empty === true) this.exceptions.delete(group);
  }
}
