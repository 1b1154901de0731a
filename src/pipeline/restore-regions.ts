// Pipeline: regions a bounded Clusterer names → their stored mentions read back into it, until every island they join is whole.
import type { Clusterer, StoreRegion } from '../link/cluster-events.js';
import { groupSides } from '../link/mention-features.js';
import { filterProblem } from '../store/event-filter.js';
import type { EventFilter, Store } from '../store/store.js';
import { isoOfDay } from '../types/day-number.js';
import type { EventRecord } from '../types/index.js';
import { storedMentions } from './stored-mentions.js';

const PAGE = 1000;

/**
 * A filter that finds every stored event of a region, and others (the clusterer skips them): the sides by their first
 * three letters (a side is a country, a code, or a country and sector, and an actor's code starts with its side's
 * first three letters), the code family's roots, and for dated regions the whole years the days fall in (a date of
 * one precision read at a coarser one still lies in its year; the store's filter keeps dates wholly inside).
 */
export function regionFilter(region: StoreRegion): EventFilter {
  const { source, target, family } = groupSides(region.group);
  const filter: EventFilter = { root: family === '02' ? ['02', '10'] : [family] };
  const side = (key: string): string[] | undefined => {
    const prefix = key.slice(0, 3).toUpperCase();
    return filterProblem({ source: [prefix] }) === null ? [prefix] : undefined;
  };
  const sourceSide = side(source);
  if (sourceSide !== undefined) filter.source = sourceSide;
  const targetSide = target === null ? undefined : side(target);
  if (targetSide !== undefined) filter.target = targetSide;
  if (region.dated) {
    const year = (day: number): string => String(Math.min(9999, Math.max(1, Number(isoOfDay(day).slice(0, 4))))).padStart(4, '0');
    filter.since = year(region.first);
    filter.until = year(region.last);
  }
  return filter;
}

/**
 * Reads the regions from the store into the clusterer, then the regions the mentions read reach in turn, until none
 * is left: every island they belong to is then whole in memory. Mentions in `exclude` (a batch about to be added,
 * already stored) are not read. Returns how many stored events were read.
 */
export async function restoreRegions(store: Store, clusterer: Clusterer, regions: StoreRegion[], exclude: ReadonlySet<string>): Promise<number> {
  let read = 0;
  let todo = regions;
  while (todo.length > 0) {
    const next: StoreRegion[] = [];
    for (const region of todo) {
      let page: EventRecord[] = [];
      const flush = async (): Promise<void> => {
        const mentions = await storedMentions(store, page.filter((event) => !exclude.has(event.id)));
        next.push(...clusterer.restore(region, mentions));
        read += page.length;
        page = [];
      };
      for await (const event of store.iterateEvents(regionFilter(region), { pageSize: PAGE })) {
        page.push(event);
        if (page.length >= PAGE) await flush();
      }
      await flush();
    }
    todo = next;
  }
  return read;
}
