// Store (SQLite): dyads() from the per-month counts of migration 4 — a normalised filter, period and level → SQL over
// `dyad_periods`, or null when the counts cannot answer it exactly (then the events are summed as before).

import { sinceBound, untilExclusions, type NormalizedFilter } from '../event-filter.js';
import type { DyadOptions } from '../store.js';
import type { Prepare } from './cluster-store.js';
import type { SqlPart, SqlValue } from './event-query.js';

const TOP = '\uffff';

/**
 * True when filtering a side by `value` (code prefix or country, see EventFilter) keeps exactly the events whose
 * side is `value` as dyads() pairs sides (`coalesce(country, code)`): no stored actor matches the value one way and
 * not the other. `USA` is such a value unless some actor coded `USA…` belongs to another country.
 */
export function isWholeSide(prepare: Prepare, value: string): boolean {
  const row = prepare(`SELECT 1 FROM actors WHERE ((code >= ? AND code < ?) OR country = ?) AND coalesce(country, code) <> ? LIMIT 1`)
    .get(value, value + TOP, value, value);
  return row === undefined;
}

/** True for a period bound the month counts can test exactly (`YYYY` or `YYYY-MM`; a day needs the events). */
const monthly = (bound: string | null): boolean => bound === null || bound.length <= 7;

/**
 * The dyads query over the month counts, with its parameters before the row limit; null when the filter, period or
 * level asks for something they do not hold (actor codes, days or weeks, CAMEO codes, text, items, statuses…).
 */
export function dyadSummaryQuery(prepare: Prepare, filter: NormalizedFilter, by: NonNullable<DyadOptions['by']>, level: DyadOptions['level']): SqlPart | null {
  if (level !== 'country' || (by !== 'month' && by !== 'year')) return null;
  if (filter.codes.length + filter.codePrefixes.length + filter.root.length + filter.words.length + filter.itemWords.length
    + filter.status.length + filter.modality.length > 0 || filter.doc !== null) return null;
  if (!monthly(filter.since) || !monthly(filter.until)) return null;
  const values = [...filter.source, ...filter.target, ...filter.actor];
  if (!values.every((value) => isWholeSide(prepare, value))) return null;
  const params: SqlValue[] = [];
  const terms: string[] = [];
  const list = (column: string, sides: string[]): string => {
    params.push(...sides);
    return `${column} IN (${sides.map(() => '?').join(', ')})`;
  };
  if (filter.source.length > 0) terms.push(list('source', filter.source));
  if (filter.target.length > 0) terms.push(list('target', filter.target));
  if (filter.actor.length > 0) {
    const source = list('source', filter.actor);
    terms.push(`(${source} OR ${list('target', filter.actor)})`);
  }
  if (filter.since !== null || filter.until !== null) terms.push("period <> ''");
  if (filter.since !== null) {
    params.push(sinceBound(filter.since));
    terms.push('period >= ?');
  }
  if (filter.until !== null) {
    // the last month of the bound (`2020` → `2020-12`): every month or year period inside sorts at or before it
    params.push(filter.until.length === 4 ? `${filter.until}-12` : filter.until.slice(0, 7));
    terms.push('period <= ?');
    const excluded = untilExclusions(filter.until);
    if (excluded.length > 0) terms.push(list('period NOT', excluded));
  }
  const quads = filter.quad.length > 0 ? filter.quad : [1, 2, 3, 4];
  const n = (q: number): string => (quads.includes(q) ? `sum(n${q})` : '0');
  const count = quads.map((q) => `sum(n${q})`).join(' + ');
  const goldstein = quads.map((q) => `total(g${q})`).join(' + ');
  const period = by === 'month' ? "nullif(period, '')" : "nullif(substr(period, 1, 4), '')";
  // By month the rows are already one per group, in key order: grouping by the stored column streams, with no sort.
  const sql = `SELECT source, target, ${period} AS period, ${count} AS n, (${goldstein}) / (${count}) AS mean,
      ${n(1)} AS q1, ${n(2)} AS q2, ${n(3)} AS q3, ${n(4)} AS q4
    FROM dyad_periods ${terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : ''}
    GROUP BY source, target, ${by === 'month' ? 'dyad_periods.period' : '3'} HAVING n > 0
    ORDER BY period IS NULL, period, n DESC, source, target LIMIT ?`;
  return { sql, params };
}
