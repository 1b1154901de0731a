// Export: a Store and a filter → the happenings (events level) or stored events (mentions level) they select, and
// one file of a format written from them — the one function the CLI's `dyad export` and the API's export route share.

import type { Cluster, EventRecord } from '../types/index.js';
import type { EventFilter, Store } from '../store/store.js';
import type { AnyIterable, ExportContext } from './export-context.js';
import { DEFAULT_EXPORT_LEVEL, EXPORTERS, type ExportFormatName } from './exporters.js';
import { recordedKindTree } from '../link/kind-tree.js';
import { singleHappening, type ExportLevel, type Happening } from './happening.js';

/** Clusters per query: the largest page a store gives, since each page sorts all the matching clusters again. */
const PAGE = 10_000;
/** Clusters whose mentions are read in one `mentionsOfMany` call (a query per cluster was most of an export's time). */
const MENTIONS_PAGE = 500;

/**
 * The stored events that belong to no cluster: `all` (the store was never clustered), or their ids (an ingest with
 * clustering off, or articles coded again since the last clustering). When the clusters hold every stored event,
 * the set is empty and the events were not read one by one.
 */
async function unclustered(store: Store): Promise<'all' | Set<string>> {
  const clusters = await store.countClusters({});
  if (clusters === 0) return 'all';
  let members = 0;
  for (let offset = 0; offset < clusters; offset += PAGE) {
    const page = await store.clusters({}, { sort: 'id', limit: PAGE, offset });
    for (const cluster of page) members += cluster.mentionIds.length;
    if (page.length < PAGE) break;
  }
  const ids = new Set<string>();
  if (members === await store.countEvents({})) return ids;
  for await (const mention of store.iterateMentions()) if (mention.cluster === null) ids.add(mention.event.id);
  return ids;
}

/**
 * Clusters (in the order given) → happenings, each with all its reports read from the store, `MENTIONS_PAGE` clusters
 * at a time; a cluster left with no report is skipped. For any listing of clusters that is written as happenings.
 */
export async function* withMentions(store: Store, clusters: AnyIterable<Cluster>): AsyncGenerator<Happening> {
  let batch: Cluster[] = [];
  const flush = async function* (): AsyncGenerator<Happening> {
    const mentionsOf = await store.mentionsOfMany(batch.map((c) => c.id));
    for (const cluster of batch) {
      const mentions = mentionsOf.get(cluster.id) ?? [];
      if (mentions.length > 0) yield { cluster, mentions };
    }
    batch = [];
  };
  for await (const cluster of clusters) {
    batch.push(cluster);
    if (batch.length >= MENTIONS_PAGE) yield* flush();
  }
  if (batch.length > 0) yield* flush();
}

/** The stored clusters matching a filter, by date, a page at a time. */
async function* storedClusters(store: Store, filter: EventFilter): AsyncGenerator<Cluster> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.clusters(filter, { sort: 'date', limit: PAGE, offset });
    yield* page;
    if (page.length < PAGE) return;
  }
}

/** The stored clusters matching a filter, by date, each with all its reports (a cluster left with none is skipped). */
function clusteredHappenings(store: Store, filter: EventFilter): AsyncGenerator<Happening> {
  return withMentions(store, storedClusters(store, filter));
}

/** The unclustered events matching a filter, by date, each a happening of its own. */
async function* unclusteredHappenings(store: Store, filter: EventFilter, ids: 'all' | Set<string>, context: ExportContext): AsyncGenerator<Happening> {
  if (ids !== 'all' && ids.size === 0) return;
  for await (const event of store.iterateEvents(filter, { sort: 'date' })) {
    if (ids === 'all' || ids.has(event.id)) yield await singleHappening(event, context);
  }
}

/** Sort key of a happening: its date (undated last), then its id — the order `store.clusters` gives with sort `date`. */
function before(a: Happening, b: Happening): boolean {
  const x = a.cluster.date;
  const y = b.cluster.date;
  if (x !== y) return y === null || (x !== null && x < y);
  return a.cluster.id < b.cluster.id;
}

/**
 * The happenings a filter selects, by date: the stored clusters that match it (as `Store.clusters` matches: the
 * cluster's own code, date and status, the other fields through its mentions), each with every report of it, and
 * each matching event that belongs to no cluster as a happening of its own.
 */
export async function* storeHappenings(store: Store, filter: EventFilter, context: ExportContext = {}): AsyncGenerator<Happening> {
  const ids = await unclustered(store);
  // a report of no event is summarised as one by the kinds the store's reports are linked by
  if (context.kinds === undefined) context = { ...context, kinds: recordedKindTree(await store.lexiconKinds()) };
  const clustered = ids === 'all' ? null : clusteredHappenings(store, filter);
  const single = unclusteredHappenings(store, filter, ids, context);
  const next = async (rows: AsyncGenerator<Happening> | null): Promise<Happening | undefined> => {
    const result = await rows?.next();
    return result === undefined || result.done === true ? undefined : result.value;
  };
  // two streams in the same order, merged
  let a = await next(clustered);
  let b = await next(single);
  while (a !== undefined || b !== undefined) {
    if (a !== undefined && (b === undefined || before(a, b))) {
      yield a;
      a = await next(clustered);
    } else if (b !== undefined) {
      yield b;
      b = await next(single);
    }
  }
}

/** One file of an export from a store. */
export interface StoreExport {
  format: ExportFormatName;
  filter: EventFilter;
  /** `events` (default): one row per happening; `mentions`: one row per stored event, as coded. */
  level?: ExportLevel;
  /** The format's second file (GDELT's mentions table) instead of its first. */
  companion?: boolean;
  /** Called once for each happening (or event) written. */
  onRow?: () => void;
}

/** Writes one file of an export from the store; throws a RangeError for a companion the format does not have. */
export function exportFromStore(store: Store, request: StoreExport, context: ExportContext): AsyncIterable<string> {
  const exporter = EXPORTERS[request.format];
  const writer = request.companion === true ? exporter.companion : exporter;
  if (writer === undefined) throw new RangeError(`the ${request.format} export has one file only`);
  const counted = async function* <T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
    for await (const row of rows) {
      request.onRow?.();
      yield row;
    }
  };
  const level = request.level ?? DEFAULT_EXPORT_LEVEL;
  return (async function* (): AsyncGenerator<string> {
    // GDELT's reports level writes each report as an event of its own, summarised by the store's kinds too
    const full = context.kinds !== undefined ? context : { ...context, kinds: recordedKindTree(await store.lexiconKinds()) };
    yield* level === 'events'
      ? writer.events(counted(storeHappenings(store, request.filter, full)), full)
      : writer.mentions(counted<EventRecord>(store.iterateEvents(request.filter)), full);
  })();
}
