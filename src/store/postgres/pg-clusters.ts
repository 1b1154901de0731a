// Store (PostgreSQL): clusters and threads ↔ rows — a ClusterChange or a set of threads in, filtered clusters and threads out.

import { parseDaySpan } from '../../types/day-number.js';
import type { Cluster, ClusterChange, RelatedStep, Thread, ThreadStep } from '../../types/link.js';
import type { EventRank, ReportRank } from '../../types/query.js';
import { argumentError } from '../argument-error.js';
import type { NormalizedFilter } from '../event-filter.js';
import {
  CLUSTER_COLUMNS, clusterParams, EVENT_RANK_COLUMNS, REPORT_RANK_COLUMNS, rowToCluster, rowToEventRank, rowToReportRank, type ClusterRow, type ReportRankRow,
} from '../sqlite/cluster-store.js';
import type { ClusterQueryOptions, ThreadFilter } from '../store.js';
import { threadTerms } from '../thread-filter.js';
import { numbered, type Queryable } from './pg-driver.js';
import { PG_CLUSTER_ORDER, pgClusterWhere, pgWhere, type SqlPart } from './pg-query.js';

const NAMES = ['id', 'source', 'target', 'cameo', 'root', 'negated', 'date', 'date_precision', 'date_basis',
  'first_reported', 'last_reported', 'mentions', 'articles', 'sources', 'confidence', 'ambiguous', 'status', 'terms',
  'outlets', 'items', 'mention_ids', 'modality', 'disputed', 'disputing_ids', 'supporting_sources', 'disputing_sources',
  'supporting_count', 'disputing_count'] as const;

const UPSERT = `INSERT INTO event_clusters (${NAMES.join(', ')}, first_day, last_day)
VALUES (${NAMES.map((_, i) => `$${i + 1}`).join(', ')}, $${NAMES.length + 1}, $${NAMES.length + 2})
ON CONFLICT (id) DO UPDATE SET ${[...NAMES.slice(1), 'first_day', 'last_day'].map((n) => `${n} = excluded.${n}`).join(', ')}`;

/** Writes a cluster change on the caller's transaction: removals first, then upserts and their mentions' links. */
export async function pgWriteClusterChange(db: Queryable, change: ClusterChange): Promise<void> {
  for (const id of change.removed) {
    await db.query('UPDATE events SET cluster = NULL WHERE cluster = $1', [id]);
    await db.query('DELETE FROM event_clusters WHERE id = $1', [id]);
  }
  for (const cluster of change.upserted) {
    const named = clusterParams(cluster);
    const span = parseDaySpan(cluster.date);
    await db.query(UPSERT, [...NAMES.map((n) => named[n] ?? null), span?.first ?? null, span?.last ?? null]);
    // only rows whose link changes are written
    await db.query('UPDATE events SET cluster = $1 WHERE id = ANY($2::text[]) AND cluster IS DISTINCT FROM $1', [cluster.id, cluster.mentionIds]);
  }
}

function offsetOf(offset: number | undefined): number {
  const value = offset ?? 0;
  if (!Number.isInteger(value) || value < 0) throw argumentError('offset', `"${value}" is not a whole number ≥ 0`);
  return value;
}

/** Clusters matching a normalised filter, one page. */
export async function pgQueryClusters(db: Queryable, filter: NormalizedFilter, options: ClusterQueryOptions, limit: number): Promise<Cluster[]> {
  const sort = options.sort ?? 'date';
  if (!Object.hasOwn(PG_CLUSTER_ORDER, sort)) throw argumentError('sort', `"${sort}" is not one of ${Object.keys(PG_CLUSTER_ORDER).join(', ')}`);
  const where = pgWhere(pgClusterWhere(filter));
  const rows = (await db.query(numbered(`SELECT ${CLUSTER_COLUMNS} FROM event_clusters c ${where.sql} ORDER BY ${PG_CLUSTER_ORDER[sort]} LIMIT ? OFFSET ?`),
    [...where.params, limit, offsetOf(options.offset)])).rows;
  return rows.map((r) => rowToCluster(r as unknown as ClusterRow));
}

export async function pgCountClusters(db: Queryable, filter: NormalizedFilter): Promise<number> {
  const where = pgWhere(pgClusterWhere(filter));
  return Number((await db.query(numbered(`SELECT count(*) AS n FROM event_clusters c ${where.sql}`), where.params)).rows[0]?.n ?? 0);
}

export async function pgGetCluster(db: Queryable, id: string): Promise<Cluster | null> {
  const row = (await db.query(`SELECT ${CLUSTER_COLUMNS} FROM event_clusters c WHERE c.id = $1`, [id])).rows[0];
  return row === undefined ? null : rowToCluster(row as unknown as ClusterRow);
}

/** Event ranks by cluster id in one query (`= ANY` of a text array, on the unique id). */
export async function pgEventRanksWithIds(db: Queryable, ids: readonly string[]): Promise<Map<string, EventRank>> {
  const out = new Map<string, EventRank>();
  if (ids.length === 0) return out;
  const rows = (await db.query(`SELECT ${EVENT_RANK_COLUMNS} FROM event_clusters c WHERE c.id = ANY($1::text[])`, [[...new Set(ids)]])).rows;
  for (const row of rows as unknown as ClusterRow[]) out.set(row.id, rowToEventRank(row));
  return out;
}

/** The report ranks of several clusters, each in storage order (see the SQLite adapter's `reportRanksOfClusters`). */
export async function pgReportRanksOfClusters(db: Queryable, clusterIds: readonly string[]): Promise<Map<string, ReportRank[]>> {
  const out = new Map<string, ReportRank[]>();
  for (const id of clusterIds) out.set(id, []);
  if (out.size === 0) return out;
  const rows = (await db.query(`SELECT ${REPORT_RANK_COLUMNS} FROM events e WHERE e.cluster = ANY($1::text[]) ORDER BY e.seq`, [[...out.keys()]])).rows;
  for (const row of rows as unknown as ReportRankRow[]) out.get(row.cluster)?.push(rowToReportRank(row));
  return out;
}

export async function pgClusterOfMention(db: Queryable, mentionId: string): Promise<Cluster | null> {
  const row = (await db.query(`SELECT ${CLUSTER_COLUMNS} FROM events e JOIN event_clusters c ON c.id = e.cluster WHERE e.id = $1`, [mentionId])).rows[0];
  return row === undefined ? null : rowToCluster(row as unknown as ClusterRow);
}

/** Replaces every thread, or those to `recipients`, on the caller's transaction. */
export async function pgWriteThreads(db: Queryable, threads: readonly Thread[], recipients?: readonly string[]): Promise<void> {
  if (recipients === undefined) await db.query('DELETE FROM threads');
  else await db.query('DELETE FROM threads WHERE recipient = ANY($1::text[])', [[...recipients]]);
  for (const t of threads) {
    const opened = parseDaySpan(t.opened ?? t.lastStep);
    const last = parseDaySpan(t.lastStep ?? t.opened);
    const seq = (await db.query(`INSERT INTO threads (id, supplier, recipient, context, status, kinds, missing, opened, last_step, first_day, last_day)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING seq`, [t.id, t.supplier, t.recipient, t.context, t.status,
      JSON.stringify(t.kinds), JSON.stringify(t.missing), t.opened, t.lastStep, opened?.first ?? null, last?.last ?? null])).rows[0]?.seq;
    const step = 'INSERT INTO thread_steps (thread, related, ord, role, cluster, date, step) VALUES ($1, $2, $3, $4, $5, $6, $7)';
    for (const s of t.steps) await db.query(step, [Number(seq), 0, s.order, s.role, s.cluster, s.date, JSON.stringify(s)]);
    for (const [ord, r] of t.related.entries()) await db.query(step, [Number(seq), 1, ord, r.role, r.cluster, r.date, JSON.stringify(r)]);
  }
}

interface ThreadRow { seq: number; id: string; supplier: string; recipient: string; context: string; status: string; kinds: string; missing: string; opened: string | null; last_step: string | null }

async function threadsOf(db: Queryable, rows: ThreadRow[]): Promise<Thread[]> {
  const steps = rows.length === 0 ? [] : (await db.query('SELECT thread, related, step FROM thread_steps WHERE thread = ANY($1::bigint[]) ORDER BY thread, related, ord',
    [rows.map((r) => r.seq)])).rows as Array<{ thread: number; related: number; step: string }>;
  return rows.map((r) => {
    const all = steps.filter((s) => s.thread === r.seq);
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
  const { terms, params } = threadTerms(filter, '(context = ? OR ? = ANY (SELECT json_array_elements_text(kinds::json)))');
  return { sql: terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`, params };
}

/** Threads matching a filter, latest last step first; one page when a limit is given. */
export async function pgQueryThreads(db: Queryable, filter: ThreadFilter, page: { limit?: number; offset?: number } = {}): Promise<Thread[]> {
  const where = threadWhere(filter);
  const offset = offsetOf(page.offset);
  const limit = page.limit ?? null;
  if (limit !== null && (!Number.isInteger(limit) || limit < 1)) throw argumentError('limit', `"${limit}" is not a positive whole number`);
  const rows = (await db.query(numbered(`SELECT ${THREAD_COLUMNS} FROM threads ${where.sql} ORDER BY last_step DESC NULLS LAST, id LIMIT ? OFFSET ?`),
    [...where.params, limit, offset])).rows as unknown as ThreadRow[];
  return threadsOf(db, rows);
}

export async function pgCountThreads(db: Queryable, filter: ThreadFilter): Promise<number> {
  const where = threadWhere(filter);
  return Number((await db.query(numbered(`SELECT count(*) AS n FROM threads ${where.sql}`), where.params)).rows[0]?.n ?? 0);
}

export async function pgGetThread(db: Queryable, id: string): Promise<Thread | null> {
  const row = (await db.query(`SELECT ${THREAD_COLUMNS} FROM threads WHERE id = $1`, [id])).rows[0];
  return row === undefined ? null : ((await threadsOf(db, [row as unknown as ThreadRow]))[0] ?? null);
}
