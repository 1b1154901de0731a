// API edge: dyad rows (per period) + a name lookup → an actor network: nodes with report counts, edges with counts and Goldstein mean.
import type { DyadRow, Network } from '../types/api.js';

/**
 * Sums dyad rows over their periods into one edge per source → target pair, keeps the `maxEdges` heaviest edges
 * (ties by source, target), and gives each node the name `nameOf` gives its code — a country's or an organisation's
 * own name — else the code itself. A code shared by many actors (`---GOV`, `USAGOV`) is never named after one of
 * them (a person's name on every government node would draw false edges).
 */
export function buildNetwork(rows: readonly DyadRow[], nameOf: (code: string) => string | null, maxEdges: number): Network {
  const sums = new Map<string, { source: string; target: string; count: number; goldstein: number }>();
  for (const row of rows) {
    const key = `${row.source}\u0000${row.target}`;
    const sum = sums.get(key) ?? { source: row.source, target: row.target, count: 0, goldstein: 0 };
    sum.count += row.count;
    sum.goldstein += row.goldsteinMean * row.count;
    sums.set(key, sum);
  }
  const edges = [...sums.values()]
    .sort((a, b) => b.count - a.count || cmp(a.source, b.source) || cmp(a.target, b.target))
    .slice(0, maxEdges)
    .map((s) => ({ source: s.source, target: s.target, count: s.count, goldsteinMean: round(s.goldstein / s.count) }));
  const counts = new Map<string, number>();
  for (const edge of edges) {
    counts.set(edge.source, (counts.get(edge.source) ?? 0) + edge.count);
    if (edge.target !== edge.source) counts.set(edge.target, (counts.get(edge.target) ?? 0) + edge.count);
  }
  const nodes = [...counts.entries()]
    .map(([id, count]) => ({ id, name: nameOf(id) ?? id, count }))
    .sort((a, b) => b.count - a.count || cmp(a.id, b.id));
  return { nodes, edges };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
