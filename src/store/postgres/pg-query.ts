// Store (PostgreSQL): a normalised filter → conditions over `events e` or `event_clusters c` with `?` placeholders; the fixed sort orders.
// Values only travel as parameters; the SQL text depends on the filter's shape alone.

import { sinceDay, untilDay, type NormalizedFilter } from '../event-filter.js';
import type { ClusterSort, EventSort } from '../store.js';
import type { SqlParam } from './pg-driver.js';

export interface SqlPart {
  sql: string;
  params: SqlParam[];
}

function inList(column: string, values: readonly SqlParam[], params: SqlParam[]): string {
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
}

/** An actor value matches a side whose code starts with it or whose country is it. */
function actorSide(side: 'source' | 'target', values: string[], params: SqlParam[]): string {
  return `(${values.map((value) => {
    params.push(value, value);
    return `starts_with(e.${side}_code, ?) OR e.${side}_country = ?`;
  }).join(' OR ')})`;
}

/** The period part of a filter over a table with `first_day` and `last_day`: the date wholly inside the period. */
function period(alias: string, filter: NormalizedFilter, params: SqlParam[], terms: string[]): void {
  if (filter.since !== null) {
    params.push(sinceDay(filter.since));
    terms.push(`${alias}.first_day >= ?`);
  }
  if (filter.until !== null) {
    params.push(untilDay(filter.until));
    terms.push(`${alias}.last_day <= ?`);
  }
}

function codes(column: string, filter: NormalizedFilter, params: SqlParam[], terms: string[]): void {
  const alternatives: string[] = [];
  if (filter.codes.length > 0) alternatives.push(inList(column, filter.codes, params));
  for (const prefix of filter.codePrefixes) {
    params.push(prefix);
    alternatives.push(`starts_with(${column}, ?)`);
  }
  if (alternatives.length > 0) terms.push(`(${alternatives.join(' OR ')})`);
  if (filter.root.length > 0) {
    terms.push(`(${filter.root.map((root) => {
      params.push(root);
      return `starts_with(${column}, ?)`;
    }).join(' OR ')})`);
  }
}

/** The conditions over `events e` for a filter, joined with AND (empty text when there are none). */
export function pgEventWhere(filter: NormalizedFilter): SqlPart {
  const params: SqlParam[] = [];
  const terms: string[] = [];
  if (filter.source.length > 0) terms.push(actorSide('source', filter.source, params));
  if (filter.target.length > 0) terms.push(actorSide('target', filter.target, params));
  if (filter.actor.length > 0) {
    const source = actorSide('source', filter.actor, params);
    terms.push(`(${source} OR ${actorSide('target', filter.actor, params)})`);
  }
  codes('e.cameo', filter, params, terms);
  if (filter.quad.length > 0) terms.push(inList('e.quad', filter.quad, params));
  period('e', filter, params, terms);
  if (filter.words.length > 0) {
    params.push(filter.words.join(' '));
    terms.push(`EXISTS (SELECT 1 FROM sentences s WHERE s.article = e.article AND s.idx = e.sentence
      AND s.words @@ plainto_tsquery('simple', ?))`);
  }
  if (filter.itemWords.length > 0) {
    params.push(filter.itemWords.join(' '));
    terms.push(`EXISTS (SELECT 1 FROM event_items i WHERE i.event = e.seq AND i.words @@ phraseto_tsquery('english', ?))`);
  }
  if (filter.status.length > 0) terms.push(inList('e.status', filter.status, params));
  if (filter.modality.length > 0) terms.push(inList('e.modality', filter.modality, params));
  if (filter.doc !== null) {
    params.push(filter.doc);
    terms.push('e.article = (SELECT seq FROM articles WHERE id = ?)');
  }
  return { sql: terms.join('\n  AND '), params };
}

/**
 * The conditions over `event_clusters c`: code, root, period and status on the cluster's own best code, date and
 * status; the other fields keep clusters with at least one matching mention.
 */
export function pgClusterWhere(filter: NormalizedFilter): SqlPart {
  const params: SqlParam[] = [];
  const terms: string[] = [];
  codes('c.cameo', filter, params, terms);
  period('c', filter, params, terms);
  if (filter.status.length > 0) terms.push(inList('c.status', filter.status, params));
  const mentions = pgEventWhere({ ...filter, codes: [], codePrefixes: [], root: [], since: null, until: null, status: [] });
  if (mentions.sql !== '') {
    params.push(...mentions.params);
    terms.push(`c.id IN (SELECT e.cluster FROM events e WHERE e.cluster IS NOT NULL AND ${mentions.sql})`);
  }
  return { sql: terms.join('\n  AND '), params };
}

/** `WHERE a AND b …` from condition parts (empty ones skipped), with their parameters in order. */
export function pgWhere(...parts: SqlPart[]): SqlPart {
  const used = parts.filter((p) => p.sql !== '');
  return { sql: used.length === 0 ? '' : `WHERE ${used.map((p) => p.sql).join('\n  AND ')}`, params: used.flatMap((p) => p.params) };
}

/** ORDER BY of each event sort; undated events last in both directions, as in SQLite. */
export const PG_EVENT_ORDER: Record<EventSort, string> = {
  ingested: 'e.seq',
  date: 'e.date NULLS LAST, e.seq',
  '-date': 'e.date DESC NULLS LAST, e.seq DESC',
  goldstein: 'e.goldstein, e.seq',
  '-goldstein': 'e.goldstein DESC, e.seq DESC',
};

export const PG_CLUSTER_ORDER: Record<ClusterSort, string> = {
  date: 'c.date NULLS LAST, c.id',
  '-date': 'c.date DESC NULLS LAST, c.id',
  '-sources': 'c.sources DESC, c.mentions DESC, c.id',
  id: 'c.id',
};
