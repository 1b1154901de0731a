// Store (SQLite): clusters and threads ↔ rows — a ClusterChange or a set of threads in, filtered clusters and threads out.

import { parseDaySpan } from '../../types/day-number.js';
import { argumentError } from '../argument-error.js';
import type { DateBasis, DatePrecision, EventRank, EventRecord, Modality, ReportRank, Status, Terms } from '../../types/index.js';
import type { Cluster, ClusterChange, ClusterItem, ClusterModality, RelatedStep, Thread, ThreadStep } from '../../types/link.js';
import { threadTerms } from '../thread-filter.js';
import type { NormalizedFilter } from '../event-filter.js';
import type { ClusterQueryOptions, ClusterSort, ThreadFilter } from '../store.js';
import { eventWhere, periodTerms, whereClause, type SqlPart, type SqlValue } from './event-query.js';
import { isWholeSide } from './dyad-summary.js';
import type { Statement } from './open-database.js';
import { rowToEvent, selectEvents, type EventRow } from './event-row.js';

/** Prepares (and caches) a statement for SQL text. */
export type Prepare = (sql: string) => Statement;

const TOP = '\uffff';

/** A row of `event_clusters`. */
export interface ClusterRow {
  id: string; source: string; target: string | null; cameo: string; root: string; negated: number;
  date: string | null; date_precision: string; date_basis: string; first_reported: string | null; last_reported: string | null;
  mentions: number; articles: number; sources: number; confidence: number; ambiguous: number;
  status: string | null; terms: string | null; outlets: string; items: string; mention_ids: string;
  modality: string; disputed: number; disputing_ids: string; supporting_sources: string; disputing_sources: string;
  supporting_count: number; disputing_count: number;
}

export const CLUSTER_COLUMNS = `c.id, c.source, c.target, c.cameo, c.root, c.negated, c.date, c.date_precision, c.date_basis,
  c.first_reported, c.last_reported, c.mentions, c.articles, c.sources, c.confidence, c.ambiguous, c.status, c.terms,
  c.outlets, c.items, c.mention_ids, c.modality, c.disputed, c.disputing_ids, c.supporting_sources, c.disputing_sources,
  c.supporting_count, c.disputing_count`;

const UPSERT_CLUSTER = `INSERT INTO event_clusters (id, source, target, cameo, root, negated, date, date_precision, date_basis,
  first_reported, last_reported, mentions, articles, sources, confidence, ambiguous, status, terms, outlets, items, mention_ids,
  modality, disputed, disputing_ids, supporting_sources, disputing_sources, supporting_count, disputing_count, first_day, last_day)
VALUES (@id, @source, @target, @cameo, @root, @negated, @date, @date_precision, @date_basis,
  @first_reported, @last_reported, @mentions, @articles, @sources, @confidence, @ambiguous, @status, @terms, @outlets, @items, @mention_ids,
  @modality, @disputed, @disputing_ids, @supporting_sources, @disputing_sources, @supporting_count, @disputing_count, @first_day, @last_day)
ON CONFLICT (id) DO UPDATE SET source = excluded.source, target = excluded.target, cameo = excluded.cameo, root = excluded.root,
  negated = excluded.negated, date = excluded.date, date_precision = excluded.date_precision, date_basis = excluded.date_basis,
  first_reported = excluded.first_reported, last_reported = excluded.last_reported, mentions = excluded.mentions,
  articles = excluded.articles, sources = excluded.sources, confidence = excluded.confidence, ambiguous = excluded.ambiguous,
  status = excluded.status, terms = excluded.terms, outlets = excluded.outlets, items = excluded.items, mention_ids = excluded.mention_ids,
  modality = excluded.modality, disputed = excluded.disputed, disputing_ids = excluded.disputing_ids,
  supporting_sources = excluded.supporting_sources, disputing_sources = excluded.disputing_sources,
  supporting_count = excluded.supporting_count, disputing_count = excluded.disputing_count,
  first_day = excluded.first_day, last_day = excluded.last_day`;

/** The named row values of a cluster (shared with the PostgreSQL adapter). */
export function clusterParams(c: Cluster): Record<string, SqlValue> {
  return {
    id: c.id, source: c.source, target: c.target, cameo: c.cameo, root: c.root, negated: c.negated ? 1 : 0,
    date: c.date, date_precision: c.datePrecision, date_basis: c.dateBasis, first_reported: c.firstReport, last_reported: c.lastReport,
    mentions: c.mentionCount, articles: c.articleCount, sources: c.independentSources, confidence: c.confidence,
    ambiguous: c.ambiguous ? 1 : 0, status: c.status, terms: c.terms, outlets: JSON.stringify(c.outlets),
    items: JSON.stringify(c.items), mention_ids: JSON.stringify(c.mentionIds),
    modality: c.modality, disputed: c.disputed ? 1 : 0, disputing_ids: JSON.stringify(c.disputingMentionIds),
    supporting_sources: JSON.stringify(c.supportingSources), disputing_sources: JSON.stringify(c.disputingSources),
    supporting_count: c.supportingSourceCount, disputing_count: c.disputingSourceCount,
    first_day: parseDaySpan(c.date)?.first ?? null, last_day: parseDaySpan(c.date)?.last ?? null,
  };
}

/** A cluster row → the Cluster (shared with the PostgreSQL adapter). */
export function rowToCluster(r: ClusterRow): Cluster {
  return {
    id: r.id, source: r.source, target: r.target, cameo: r.cameo, root: r.root, negated: r.negated === 1,
    modality: r.modality as ClusterModality, disputed: r.disputed === 1,
    mentionIds: JSON.parse(r.mention_ids) as string[], disputingMentionIds: JSON.parse(r.disputing_ids) as string[],
    mentionCount: r.mentions, articleCount: r.articles,
    outlets: JSON.parse(r.outlets) as string[], independentSources: r.sources,
    supportingSources: JSON.parse(r.supporting_sources) as string[], disputingSources: JSON.parse(r.disputing_sources) as string[],
    supportingSourceCount: r.supporting_count, disputingSourceCount: r.disputing_count, firstReport: r.first_reported, lastReport: r.last_reported,
    date: r.date, datePrecision: r.date_precision as DatePrecision, dateBasis: r.date_basis as DateBasis,
    status: r.status as Status, terms: r.terms as Terms | null, items: JSON.parse(r.items) as ClusterItem[],
    confidence: r.confidence, ambiguous: r.ambiguous === 1,
  };
}

/** Writes a cluster change (inside the caller's transaction): removals first, then upserts and their mentions' links. */
export function writeClusterChange(prepare: Prepare, change: ClusterChange): void {
  const unlink = prepare('UPDATE events SET cluster = NULL WHERE cluster = ?');
  const remove = prepare('DELETE FROM event_clusters WHERE id = ?');
  const upsert = prepare(UPSERT_CLUSTER);
  // Only rows whose link changes are written; each id is one seek on the unique index.
  const link = prepare('UPDATE events SET cluster = ? WHERE id = ? AND cluster IS NOT ?');
  for (const id of change.removed) {
    unlink.run(id);
    remove.run(id);
  }
  for (const cluster of change.upserted) {
    upsert.run(clusterParams(cluster));
    for (const mention of cluster.mentionIds) link.run(cluster.id, mention, cluster.id);
  }
}

/** The filter fields a cluster answers itself (its best code, date and status); the rest go to its mentions. */
function clusterOwn(filter: NormalizedFilter): SqlPart {
  const params: SqlValue[] = [];
  const terms: string[] = [];
  const codes: string[] = [];
  if (filter.codes.length > 0) {
    params.push(...filter.codes);
    codes.push(`c.cameo IN (${filter.codes.map(() => '?').join(', ')})`);
  }
  for (const prefix of [...filter.codePrefixes, ...filter.root]) {
    params.push(prefix, prefix + TOP);
    codes.push('(c.cameo >= ? AND c.cameo < ?)');
  }
  if (codes.length > 0) terms.push(`(${codes.join(' OR ')})`);
  const period = periodTerms('c', filter);
  if (period.sql !== '') {
    params.push(...period.params);
    terms.push(period.sql);
  }
  if (filter.status.length > 0) {
    params.push(...filter.status);
    terms.push(`c.status IN (${filter.status.map(() => '?').join(', ')})`);
  }
  return { sql: terms.join('\n  AND '), params };
}

/**
 * Actor filters a cluster answers itself: the mentions of a cluster share its sides (`coalesce(country, code)`), so
 * a value that selects exactly one side (`isWholeSide`: a country code, or a code without a country) is tested on
 * `c.source`/`c.target` (indexed with the date), not by finding every mention of the actor first.
 */
function clusterSides(filter: NormalizedFilter, whole: (value: string) => boolean): { part: SqlPart; rest: NormalizedFilter } {
  const terms: string[] = [];
  const params: SqlValue[] = [];
  const rest = { ...filter };
  const list = (column: string, values: string[]): string => {
    params.push(...values);
    return `${column} IN (${values.map(() => '?').join(', ')})`;
  };
  if (filter.source.length > 0 && filter.source.every(whole)) {
    terms.push(list('c.source', filter.source));
    rest.source = [];
  }
  if (filter.target.length > 0 && filter.target.every(whole)) {
    terms.push(list('c.target', filter.target));
    rest.target = [];
  }
  if (filter.actor.length > 0 && filter.actor.every(whole)) {
    const source = list('c.source', filter.actor);
    terms.push(`(${source} OR ${list('c.target', filter.actor)})`);
    rest.actor = [];
  }
  return { part: { sql: terms.join(' AND '), params }, rest };
}

/** The WHERE clause over `event_clusters c` for a normalised filter (`whole`: see clusterSides; absent, every actor goes through the mentions). */
export function clusterWhere(filter: NormalizedFilter, whole: (value: string) => boolean = () => false): SqlPart {
  const { part: sides, rest } = clusterSides(filter, whole);
  const mentionPart: NormalizedFilter = { ...rest, codes: [], codePrefixes: [], root: [], since: null, until: null, status: [] };
  const mentions = eventWhere(mentionPart);
  const viaMentions: SqlPart = mentions.sql === ''
    ? { sql: '', params: [] }
    : { sql: `c.id IN (SELECT e.cluster FROM events e WHERE e.cluster IS NOT NULL AND ${mentions.sql})`, params: mentions.params };
  return whereClause(clusterOwn(filter), sides, viaMentions);
}

const CLUSTER_SORTS: Record<ClusterSort, string> = {
  date: 'c.date NULLS LAST, c.id',
  '-date': 'c.date DESC NULLS LAST, c.id',
  '-sources': 'c.sources DESC, c.mentions DESC, c.id',
  id: 'c.id',
};

/** Clusters matching a normalised filter, one page. */
export function queryClusters(prepare: Prepare, filter: NormalizedFilter, options: ClusterQueryOptions, limit: number): Cluster[] {
  const sort = options.sort ?? 'date';
  if (!Object.hasOwn(CLUSTER_SORTS, sort)) throw argumentError('sort', `"${sort}" is not one of ${Object.keys(CLUSTER_SORTS).join(', ')}`);
  const offset = options.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw argumentError('offset', `"${offset}" is not a whole number ≥ 0`);
  const where = clusterWhere(filter, (value) => isWholeSide(prepare, value));
  const rows = prepare(`SELECT ${CLUSTER_COLUMNS} FROM event_clusters c ${where.sql} ORDER BY ${CLUSTER_SORTS[sort]} LIMIT ? OFFSET ?`)
    .all(...where.params, limit, offset) as ClusterRow[];
  return rows.map(rowToCluster);
}

export function countClusters(prepare: Prepare, filter: NormalizedFilter): number {
  const where = clusterWhere(filter, (value) => isWholeSide(prepare, value));
  return (prepare(`SELECT count(*) AS n FROM event_clusters c ${where.sql}`).get(...where.params) as { n: number }).n;
}

export function getCluster(prepare: Prepare, id: string): Cluster | null {
  const row = prepare(`SELECT ${CLUSTER_COLUMNS} FROM event_clusters c WHERE c.id = ?`).get(id) as ClusterRow | undefined;
  return row === undefined ? null : rowToCluster(row);
}

/** The columns of an event's rank (see EventRank). */
export const EVENT_RANK_COLUMNS = 'c.id, c.cameo, c.date, c.modality, c.disputing_ids';

/** A row of EVENT_RANK_COLUMNS → the EventRank (shared with the PostgreSQL adapter). */
export function rowToEventRank(r: Pick<ClusterRow, 'id' | 'cameo' | 'date' | 'modality' | 'disputing_ids'>): EventRank {
  return { id: r.id, cameo: r.cameo, date: r.date, modality: r.modality as ClusterModality, disputingMentionIds: JSON.parse(r.disputing_ids) as string[] };
}

/** Event ranks by cluster id, one query per chunk of ids (one JSON array parameter, unpacked by json_each), each a seek on the unique id. */
export function eventRanksWithIds(prepare: Prepare, ids: readonly string[]): Map<string, EventRank> {
  const out = new Map<string, EventRank>();
  const distinct = [...new Set(ids)];
  const select = prepare(`SELECT ${EVENT_RANK_COLUMNS} FROM event_clusters c WHERE c.id IN (SELECT value FROM json_each(?))`);
  for (let start = 0; start < distinct.length; start += IDS_PER_QUERY) {
    for (const row of select.all(JSON.stringify(distinct.slice(start, start + IDS_PER_QUERY))) as ClusterRow[]) out.set(row.id, rowToEventRank(row));
  }
  return out;
}

/** The cluster of a stored mention: the mention's row (UNIQUE id) gives the cluster id, then one seek on event_clusters. */
export const CLUSTER_OF_MENTION = `SELECT ${CLUSTER_COLUMNS} FROM events e CROSS JOIN event_clusters c ON c.id = e.cluster WHERE e.id = ?`;

export function getClusterOfMention(prepare: Prepare, mentionId: string): Cluster | null {
  const row = prepare(CLUSTER_OF_MENTION).get(mentionId) as ClusterRow | undefined;
  return row === undefined ? null : rowToCluster(row);
}

/** Cluster ids per query of `mentionsOfClusters`: one JSON parameter, so no limit on SQL variables applies. */
const IDS_PER_QUERY = 500;

/**
 * The mentions of several clusters, each in storage order: one query per chunk of ids (passed as one JSON array
 * parameter, unpacked by json_each), on the partial index of `events.cluster`.
 */
export function mentionsOfClusters(prepare: Prepare, clusterIds: readonly string[]): Map<string, EventRecord[]> {
  const out = new Map<string, EventRecord[]>();
  for (const id of clusterIds) out.set(id, []);
  const ids = [...out.keys()];
  const select = prepare(selectEvents('WHERE e.cluster IS NOT NULL AND e.cluster IN (SELECT value FROM json_each(?))', 'e.seq'));
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    const rows = select.all(JSON.stringify(ids.slice(start, start + IDS_PER_QUERY)), -1, 0) as Array<EventRow & { cluster: string }>;
    for (const row of rows) out.get(row.cluster)?.push(rowToEvent(row));
  }
  return out;
}

/** The columns of a report's rank, its cluster first; the item count from event_items' index on (event, ord). */
export const REPORT_RANK_COLUMNS = `e.cluster, e.id, e.cameo, e.modality, e.date,
  (SELECT count(*) FROM event_items i WHERE i.event = e.seq) AS item_count`;

/** A row of REPORT_RANK_COLUMNS. */
export interface ReportRankRow { cluster: string; id: string; cameo: string; modality: string; date: string | null; item_count: number | string }

/** A rank row → the ReportRank (shared with the PostgreSQL adapter, whose count is a bigint given as text). */
export function rowToReportRank(row: ReportRankRow): ReportRank {
  return { id: row.id, cameo: row.cameo, modality: row.modality as Modality, date: row.date, itemCount: Number(row.item_count) };
}

/** The report ranks of several clusters, each in storage order: `mentionsOfClusters` with a few columns and no joins. */
export function reportRanksOfClusters(prepare: Prepare, clusterIds: readonly string[]): Map<string, ReportRank[]> {
  const out = new Map<string, ReportRank[]>();
  for (const id of clusterIds) out.set(id, []);
  const ids = [...out.keys()];
  const select = prepare(`SELECT ${REPORT_RANK_COLUMNS} FROM events e
    WHERE e.cluster IS NOT NULL AND e.cluster IN (SELECT value FROM json_each(?)) ORDER BY e.seq`);
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    for (const row of select.all(JSON.stringify(ids.slice(start, start + IDS_PER_QUERY))) as ReportRankRow[]) out.get(row.cluster)?.push(rowToReportRank(row));
  }
  return out;
}

/** Replaces every thread, or those to `recipients` (inside the caller's transaction). */
export function writeThreads(prepare: Prepare, threads: readonly Thread[], recipients?: readonly string[]): void {
  if (recipients === undefined) prepare('DELETE FROM threads').run();
  else prepare('DELETE FROM threads WHERE recipient IN (SELECT value FROM json_each(?))').run(JSON.stringify(recipients));
  const insert = prepare(`INSERT INTO threads (id, supplier, recipient, context, status, kinds, missing, opened, last_step, first_day, last_day)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const step = prepare('INSERT INTO thread_steps (thread, related, ord, role, cluster, date, step) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const t of threads) {
    const seq = insert.run(t.id, t.supplier, t.recipient, t.context, t.status, JSON.stringify(t.kinds), JSON.stringify(t.missing),
      t.opened, t.lastStep, parseDaySpan(t.opened ?? t.lastStep)?.first ?? null, parseDaySpan(t.lastStep ?? t.opened)?.last ?? null).lastInsertRowid;
    for (const s of t.steps) step.run(seq, 0, s.order, s.role, s.cluster, s.date, JSON.stringify(s));
    t.related.forEach((r, ord) => step.run(seq, 1, ord, r.role, r.cluster, r.date, JSON.stringify(r)));
  }
}

interface ThreadRow { seq: number; id: string; supplier: string; recipient: string; context: string; status: string; kinds: string; missing: string; opened: string | null; last_step: string | null }

function threadsOf(prepare: Prepare, rows: ThreadRow[]): Thread[] {
  const steps = prepare('SELECT related, step FROM thread_steps WHERE thread = ? ORDER BY related, ord');
  return rows.map((r) => {
    const all = steps.all(r.seq) as Array<{ related: number; step: string }>;
    return {
      id: r.id, supplier: r.supplier, recipient: r.recipient, context: r.context as Thread['context'], status: r.status as Thread['status'],
      kinds: JSON.parse(r.kinds) as string[], missing: JSON.parse(r.missing) as string[], opened: r.opened, lastStep: r.last_step,
      steps: all.filter((s) => s.related === 0).map((s) => JSON.parse(s.step) as ThreadStep),
      related: all.filter((s) => s.related === 1).map((s) => JSON.parse(s.step) as RelatedStep),
    };
  });
}

const THREAD_COLUMNS = 'seq, id, supplier, recipient, context, status, kinds, missing, opened, last_step';

/** The WHERE clause of a thread filter (see threadTerms). */
function threadWhere(filter: ThreadFilter): SqlPart {
  const { terms, params } = threadTerms(filter, '(context = ? OR EXISTS (SELECT 1 FROM json_each(threads.kinds) WHERE value = ?))');
  return { sql: terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`, params };
}

/** Threads matching a filter, latest last step first; one page when a limit is given. */
export function queryThreads(prepare: Prepare, filter: ThreadFilter, page: { limit?: number; offset?: number } = {}): Thread[] {
  const where = threadWhere(filter);
  const offset = page.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw argumentError('offset', `"${offset}" is not a whole number ≥ 0`);
  const limit = page.limit ?? -1;
  if (page.limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw argumentError('limit', `"${limit}" is not a positive whole number`);
  const rows = prepare(`SELECT ${THREAD_COLUMNS} FROM threads ${where.sql} ORDER BY last_step DESC NULLS LAST, id LIMIT ? OFFSET ?`)
    .all(...where.params, limit, offset) as ThreadRow[];
  return threadsOf(prepare, rows);
}

export function countThreads(prepare: Prepare, filter: ThreadFilter): number {
  const where = threadWhere(filter);
  return (prepare(`SELECT count(*) AS n FROM threads ${where.sql}`).get(...where.params) as { n: number }).n;
}

export function getThread(prepare: Prepare, id: string): Thread | null {
  const row = prepare(`SELECT ${THREAD_COLUMNS} FROM threads WHERE id = ?`).get(id) as ThreadRow | undefined;
  return row === undefined ? null : (threadsOf(prepare, [row])[0] ?? null);
}
