// Corrections: a Store → the same Store as queries should see it, with the analysts' corrections applied to every read.
//
// This is the one place events are read with corrections: the CLI's query commands, the API and every export read
// through it, so that each inherits them. Writes and what a linker reads (mentions to seed it, texts, marks, locks)
// pass through untouched: linking works on the reports as coded, and corrections apply on top, whatever the
// clustering made of them. Nothing is edited in place: the corrected records exist only in the answers.
//
// How: the log is small next to the store. The reports it names, and the events holding them, are read and corrected
// in memory (`loadCorrectedView`); a query runs on the store as before, its rows of those reports or events are
// replaced by their corrected versions, and corrected ones that now match are merged in by the query's order. With no
// correction in effect every call is the store's own. Offset paging then reads the rows before the page (deep pages
// cost more while corrections are in effect); a cursor is an offset (`k:N`).

import type { Correction, EventRank, EventRecord, ReportRank } from '../types/index.js';
import { eventRank, reportRank } from '../export/happening.js';
import type { Cluster, Thread } from '../types/link.js';
import { normalizeEventFilter, type NormalizedFilter } from '../store/event-filter.js';
import { argumentError } from '../store/argument-error.js';
import { CLUSTER_ORDER, EVENT_ORDER, mergeSorted, PAGE, pageLimit, pageOffset, window } from './query-order.js';
import type {
  ActorCount, ClusterQueryOptions, ClusterSort, DyadOptions, DyadRow, EventFilter, EventPage, EventSort, QueryOptions, Store,
  StoreStats, ThreadFilter, ThreadQueryOptions,
} from '../store/store.js';
import { loadCorrectedView, type CorrectedView } from './corrected-view.js';
import { clusterMatches, reportMatches } from './match-filter.js';
import { adjustActors, adjustDyads } from './adjust-summaries.js';
import { correctedThreads, threadMatches, threadsAsOf } from './corrected-threads.js';
import { THREAD_ROOTS } from '../link/thread-steps.js';

/** A Store that reads with corrections applied; see the module comment. */
export class CorrectedStore implements Store {
  #cache: { key: string; view: CorrectedView | null } | null = null;
  #generation = 0;

  constructor(readonly inner: Store) {}

  get location(): string {
    return this.inner.location;
  }

  /** Writes through this object or (told by `invalidate`) another one, corrections aside. */
  #rawGeneration = 0;

  /** Forgets what was read: the next query reads the log and the touched reports again. Call it after writing through another object. */
  invalidate(): void {
    this.#generation++;
    this.#rawGeneration++;
  }

  /** The view of the current log, read again when the log, the store (another process wrote) or this object's writes changed it. */
  async view(): Promise<CorrectedView | null> {
    const log = await this.inner.corrections();
    if (log.length === 0) return null;
    const key = `${this.#generation}|${await this.inner.changeMark()}|${log.length}|${log[log.length - 1]?.id ?? ''}`;
    if (this.#cache?.key !== key) this.#cache = { key, view: await loadCorrectedView(this.inner, log) };
    return this.#cache.view;
  }

  // ---- writes and what linking reads: the store's own ----

  acquireWriter: Store['acquireWriter'] = (options) => this.inner.acquireWriter(options);
  changeMark: Store['changeMark'] = () => this.inner.changeMark();
  queuePosition: Store['queuePosition'] = (stream) => this.inner.queuePosition(stream);
  setQueuePosition: Store['setQueuePosition'] = async (stream, seq) => this.#wrote(await this.inner.setQueuePosition(stream, seq));
  putArticle: Store['putArticle'] = async (article, meta, events) => this.#wrote(await this.inner.putArticle(article, meta, events));
  putArticles: Store['putArticles'] = async (entries) => this.#wrote(await this.inner.putArticles(entries));
  putEvents: Store['putEvents'] = async (articleId, events) => this.#wrote(await this.inner.putEvents(articleId, events));
  transaction: Store['transaction'] = async (fn) => this.#wrote(await this.inner.transaction(fn));
  hasArticle: Store['hasArticle'] = (hash) => this.inner.hasArticle(hash);
  iterateTexts: Store['iterateTexts'] = (options) => this.inner.iterateTexts(options);
  getArticle: Store['getArticle'] = (id) => this.inner.getArticle(id);
  articleRefs: Store['articleRefs'] = (ids) => this.inner.articleRefs(ids);
  similarArticles: Store['similarArticles'] = (simhash, maxDistance) => this.inner.similarArticles(simhash, maxDistance);
  searchSentences: Store['searchSentences'] = (text, options) => this.inner.searchSentences(text, options);
  iterateMentions: Store['iterateMentions'] = (options) => this.inner.iterateMentions(options);
  applyClusterChange: Store['applyClusterChange'] = async (change) => this.#wrote(await this.inner.applyClusterChange(change));
  putThreads: Store['putThreads'] = async (threads, options) => this.#wrote(await this.inner.putThreads(threads, options));
  nearKeyMatches: Store['nearKeyMatches'] = (cursors, limit) => this.inner.nearKeyMatches(cursors, limit);
  nearSignatures: Store['nearSignatures'] = (positions) => this.inner.nearSignatures(positions);
  unsignedArticles: Store['unsignedArticles'] = (options) => this.inner.unsignedArticles(options);
  putSignature: Store['putSignature'] = async (position, sig) => this.#wrote(await this.inner.putSignature(position, sig));
  corrections: Store['corrections'] = () => this.inner.corrections();
  lexiconKinds: Store['lexiconKinds'] = () => this.inner.lexiconKinds();
  putLexiconKinds: Store['putLexiconKinds'] = async (kinds) => this.#wrote(await this.inner.putLexiconKinds(kinds));
  close: Store['close'] = () => this.inner.close();

  async appendCorrections(corrections: readonly Correction[]): Promise<number> {
    const added = await this.inner.appendCorrections(corrections);
    this.#generation++;
    return added;
  }

  #wrote<T>(result: T): T {
    this.invalidate();
    return result;
  }

  // ---- the reports (mentions) level ----

  async getEvent(id: string): Promise<EventRecord | null> {
    const view = await this.view();
    if (view === null || !view.changed.has(id)) return this.inner.getEvent(id);
    return view.corrected.reports.get(id) ?? null;
  }

  async eventsById(ids: readonly string[]): Promise<Map<string, EventRecord>> {
    const view = await this.view();
    if (view === null) return this.inner.eventsById(ids);
    const out = await this.inner.eventsById(ids.filter((id) => !view.changed.has(id)));
    for (const id of ids) {
      const corrected = view.changed.has(id) ? view.corrected.reports.get(id) : undefined;
      if (corrected !== undefined) out.set(id, corrected);
    }
    return out;
  }

  /** Every report matching a filter, as corrected, in the order of `sort`. */
  async *#reports(view: CorrectedView, filter: EventFilter, normalized: NormalizedFilter, sort: EventSort, pageSize?: number): AsyncGenerator<EventRecord> {
    const rows = this.inner.iterateEvents(filter, { sort, pageSize });
    const matching = [...view.changed].map((id) => view.corrected.reports.get(id)).filter((e): e is EventRecord => e !== undefined && reportMatches(e, normalized));
    if (sort === 'ingested') {
      // storage order: a corrected report keeps its place; one that matches only as corrected comes after the others
      const placed = new Set<string>();
      const corrected = new Map(matching.map((e) => [e.id, e]));
      for await (const event of rows) {
        if (!view.changed.has(event.id)) yield event;
        else if (corrected.has(event.id)) {
          placed.add(event.id);
          yield corrected.get(event.id) as EventRecord;
        }
      }
      for (const event of matching) if (!placed.has(event.id)) yield event;
      return;
    }
    const compare = EVENT_ORDER[sort];
    const unchanged = async function* (): AsyncGenerator<EventRecord> {
      for await (const event of rows) if (!view.changed.has(event.id)) yield event;
    };
    yield* mergeSorted(unchanged(), matching.sort(compare), compare);
  }

  async queryEvents(filter: EventFilter, options: QueryOptions = {}): Promise<EventPage> {
    const view = await this.view();
    const cursor = options.cursor ?? null;
    const offsetCursor = cursor === null ? null : /^k:(\d{1,12})$/.exec(cursor);
    if (view === null) {
      // a page cursor made while corrections were in effect (all since undone) is an offset still
      return this.inner.queryEvents(filter, offsetCursor ? { ...options, cursor: null, offset: Number(offsetCursor[1]) } : options);
    }
    const normalized = normalizeEventFilter(filter);
    if (cursor !== null && offsetCursor === null) {
      // a store's own cursor, made before the first correction: its page, with the corrections applied to its rows
      const page = await this.inner.queryEvents(filter, options);
      const events = page.events.flatMap((e) => {
        if (!view.changed.has(e.id)) return [e];
        const corrected = view.corrected.reports.get(e.id);
        return corrected !== undefined && reportMatches(corrected, normalized) ? [corrected] : [];
      });
      return { events, next: page.next };
    }
    const limit = pageLimit(options.limit, 100);
    const offset = offsetCursor !== null ? Number(offsetCursor[1]) : pageOffset(options.offset);
    // the store's pages sized to hold the window and the rows a correction may take out of it: one query, mostly
    const pageSize = Math.min(PAGE, offset + limit + view.changed.size + 1);
    const page = await window(this.#reports(view, filter, normalized, options.sort ?? 'ingested', pageSize), offset, limit);
    return { events: page.rows, next: page.more ? `k:${offset + limit}` : null };
  }

  async *iterateEvents(filter: EventFilter, options: { sort?: EventSort; pageSize?: number } = {}): AsyncGenerator<EventRecord> {
    const view = await this.view();
    if (view === null) yield* this.inner.iterateEvents(filter, options);
    else yield* this.#reports(view, filter, normalizeEventFilter(filter), options.sort ?? 'ingested', options.pageSize);
  }

  async countEvents(filter: EventFilter): Promise<number> {
    const view = await this.view();
    const stored = await this.inner.countEvents(filter);
    if (view === null) return stored;
    const normalized = normalizeEventFilter(filter);
    let count = stored;
    for (const id of view.changed) {
      const before = view.original.get(id);
      const after = view.corrected.reports.get(id);
      if (before !== undefined && reportMatches(before, normalized)) count--;
      if (after !== undefined && reportMatches(after, normalized)) count++;
    }
    return Math.max(0, count);
  }

  /** Pairs of (report as stored, report as corrected) of the changed reports. */
  #changedPairs(view: CorrectedView): Array<[EventRecord | undefined, EventRecord | undefined]> {
    return [...view.changed].map((id) => [view.original.get(id), view.corrected.reports.get(id)]);
  }

  async actors(filter: EventFilter, options: { limit?: number } = {}): Promise<ActorCount[]> {
    const view = await this.view();
    if (view === null) return this.inner.actors(filter, options);
    const limit = options.limit ?? 100;
    // every actor the store counts, so that one a correction lifts into the first `limit` is among them
    const stored = await this.inner.actors(filter, { limit: Math.max(limit, 1_000_000) });
    return adjustActors(stored, this.#changedPairs(view), normalizeEventFilter(filter)).slice(0, limit);
  }

  async dyads(filter: EventFilter, options: DyadOptions = {}): Promise<DyadRow[]> {
    const view = await this.view();
    if (view === null) return this.inner.dyads(filter, options);
    const limit = options.limit ?? 10_000;
    const stored = await this.inner.dyads(filter, { ...options, limit: Math.max(limit, 1_000_000) });
    return adjustDyads(stored, this.#changedPairs(view), normalizeEventFilter(filter), options).slice(0, limit);
  }

  async stats(): Promise<StoreStats> {
    const [stats, view] = await Promise.all([this.inner.stats(), this.view()]);
    if (view === null) return stats;
    return { ...stats, events: stats.events - view.corrected.rejected.size };
  }

  // ---- the events (clusters) level ----

  /** The corrected events that match a filter, in the order of `sort`. */
  #matchingClusters(view: CorrectedView, normalized: NormalizedFilter, sort: ClusterSort): Cluster[] {
    return view.corrected.clusters
      .filter((c) => clusterMatches(c, view.membersOf.get(c.id) ?? [], normalized))
      .sort(CLUSTER_ORDER[sort]);
  }

  /** Every event matching a filter, as corrected, in the order of `sort`. */
  async *#clusters(view: CorrectedView, filter: EventFilter, normalized: NormalizedFilter, sort: ClusterSort, firstPage = PAGE): AsyncGenerator<Cluster> {
    const inner = this.inner;
    const stored = async function* (): AsyncGenerator<Cluster> {
      // a first page the size the caller needs, then the largest pages a store gives
      for (let offset = 0, size = Math.min(firstPage, PAGE); ; offset += size, size = PAGE) {
        const page = await inner.clusters(filter, { sort, limit: size, offset });
        for (const cluster of page) if (!view.corrected.replaced.has(cluster.id)) yield cluster;
        if (page.length < size) return;
      }
    };
    yield* mergeSorted(stored(), this.#matchingClusters(view, normalized, sort), CLUSTER_ORDER[sort]);
  }

  async clusters(filter: EventFilter, options: ClusterQueryOptions = {}): Promise<Cluster[]> {
    const view = await this.view();
    if (view === null) return this.inner.clusters(filter, options);
    const sort = options.sort ?? 'date';
    if (!Object.hasOwn(CLUSTER_ORDER, sort)) throw argumentError('sort', `"${sort}" is not one of ${Object.keys(CLUSTER_ORDER).join(', ')}`);
    const normalized = normalizeEventFilter(filter);
    const offset = pageOffset(options.offset);
    const limit = pageLimit(options.limit, 100);
    const page = await window(this.#clusters(view, filter, normalized, sort, offset + limit + view.corrected.replaced.size + 1), offset, limit);
    return page.rows;
  }

  async countClusters(filter: EventFilter): Promise<number> {
    const view = await this.view();
    const stored = await this.inner.countClusters(filter);
    if (view === null) return stored;
    const normalized = normalizeEventFilter(filter);
    const replaced = view.originalClusters.filter(({ cluster, reports }) => clusterMatches(cluster, reports, normalized)).length;
    return Math.max(0, stored - replaced + this.#matchingClusters(view, normalized, 'id').length);
  }

  /**
   * The corrected event an id names: a corrected event's own id, or — for an id a correction retired (an event merged
   * into another, or renamed because its first report moved) — the event now holding the report it was named after
   * (an event id is `c-` + its smallest report id).
   */
  async cluster(id: string): Promise<Cluster | null> {
    const view = await this.view();
    if (view === null) return this.inner.cluster(id);
    const own = view.corrected.clusters.find((c) => c.id === id);
    if (own !== undefined) return own;
    if (!view.corrected.replaced.has(id)) return this.inner.cluster(id);
    const holder = view.corrected.clusterOf.get(id.slice(2));
    return holder === undefined ? null : view.corrected.clusters.find((c) => c.id === holder) ?? null;
  }

  async eventRanksById(ids: readonly string[]): Promise<Map<string, EventRank>> {
    const view = await this.view();
    if (view === null) return this.inner.eventRanksById(ids);
    const asked = [...new Set(ids)];
    const corrected = new Map(view.corrected.clusters.map((c) => [c.id, c]));
    const out = await this.inner.eventRanksById(asked.filter((id) => !corrected.has(id) && !view.corrected.replaced.has(id)));
    for (const id of asked) {
      // as `cluster` answers: a corrected event's own id, or the event now holding a retired id's report
      const holder = view.corrected.replaced.has(id) ? view.corrected.clusterOf.get(id.slice(2)) : undefined;
      const cluster = corrected.get(id) ?? (holder === undefined ? undefined : corrected.get(holder));
      if (cluster !== undefined) out.set(id, eventRank(cluster));
    }
    return out;
  }

  async clusterOf(mentionId: string): Promise<Cluster | null> {
    const view = await this.view();
    if (view === null || !view.original.has(mentionId)) return this.inner.clusterOf(mentionId);
    const holder = view.corrected.clusterOf.get(mentionId);
    return holder === undefined ? null : view.corrected.clusters.find((c) => c.id === holder) ?? null;
  }

  async mentionsOf(clusterId: string): Promise<EventRecord[]> {
    return (await this.mentionsOfMany([clusterId])).get(clusterId) ?? [];
  }

  async mentionsOfMany(clusterIds: readonly string[]): Promise<Map<string, EventRecord[]>> {
    const view = await this.view();
    if (view === null) return this.inner.mentionsOfMany(clusterIds);
    const asked = [...new Set(clusterIds)];
    const out = await this.inner.mentionsOfMany(asked.filter((id) => !view.membersOf.has(id) && !view.corrected.replaced.has(id)));
    for (const id of asked) if (view.membersOf.has(id) || view.corrected.replaced.has(id)) out.set(id, view.membersOf.get(id) ?? []);
    return out;
  }

  async reportRanksOfMany(clusterIds: readonly string[]): Promise<Map<string, ReportRank[]>> {
    const view = await this.view();
    if (view === null) return this.inner.reportRanksOfMany(clusterIds);
    const asked = [...new Set(clusterIds)];
    const out = await this.inner.reportRanksOfMany(asked.filter((id) => !view.membersOf.has(id) && !view.corrected.replaced.has(id)));
    for (const id of asked) if (view.membersOf.has(id) || view.corrected.replaced.has(id)) out.set(id, (view.membersOf.get(id) ?? []).map(reportRank));
    return out;
  }

  // ---- threads: those of the parties corrections touched built again from the corrected events ----

  #asOfCache: { key: string; asOf: Promise<string | null> } | null = null;

  /** The day the linker judged stalls at: the last day of the thread events as stored (read again when the store changes). */
  async #asOf(): Promise<string | null> {
    const key = `${this.#rawGeneration}|${await this.inner.changeMark()}`;
    if (this.#asOfCache?.key !== key) {
      const inner = this.inner;
      this.#asOfCache = {
        key,
        asOf: (async () => {
          const clusters: Cluster[] = [];
          for (let offset = 0; ; offset += PAGE) {
            const page = await inner.clusters({ root: [...THREAD_ROOTS] }, { sort: 'id', limit: PAGE, offset });
            clusters.push(...page);
            if (page.length < PAGE) break;
          }
          return threadsAsOf(clusters);
        })(),
      };
    }
    return this.#asOfCache.asOf;
  }

  async #threads(view: CorrectedView | null): Promise<Thread[] | null> {
    if (view === null) return null;
    const events = async (filter: EventFilter): Promise<Cluster[]> => {
      const out: Cluster[] = [];
      for await (const cluster of this.#clusters(view, filter, normalizeEventFilter(filter), 'id')) out.push(cluster);
      return out;
    };
    return correctedThreads(view, { stored: () => this.inner.threads(), events, asOf: () => this.#asOf() });
  }

  async threads(filter: ThreadFilter = {}, options: ThreadQueryOptions = {}): Promise<Thread[]> {
    const all = await this.#threads(await this.view());
    if (all === null) return this.inner.threads(filter, options);
    const matching = all.filter((t) => threadMatches(t, filter));
    const offset = pageOffset(options.offset);
    return options.limit === undefined ? matching.slice(offset) : matching.slice(offset, offset + options.limit);
  }

  async countThreads(filter: ThreadFilter = {}): Promise<number> {
    const all = await this.#threads(await this.view());
    return all === null ? this.inner.countThreads(filter) : all.filter((t) => threadMatches(t, filter)).length;
  }

  async thread(id: string): Promise<Thread | null> {
    const all = await this.#threads(await this.view());
    return all === null ? this.inner.thread(id) : all.find((t) => t.id === id) ?? null;
  }
}

/** The store as queries see it: `store` with the correction log it holds applied to every read. */
export function correctedStore(store: Store): CorrectedStore {
  return store instanceof CorrectedStore ? store : new CorrectedStore(store);
}
