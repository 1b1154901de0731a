// Store (SQLite): an article coded again → the clusters of its old events lose the mentions that are gone (inside putEvents' transaction).

import { buildCluster } from '../../link/build-cluster.js';
import { defaultKindTree } from '../../link/kind-tree.js';
import type { MentionInput } from '../../link/link-types.js';
import { getCluster, writeClusterChange, type Prepare } from './cluster-store.js';
import { rowToEvent, selectEvents, type EventRow } from './event-row.js';

/** Event id → cluster id of the clustered events of the article at rowid `articleSeq` (read before they are replaced). */
export function clusterLinksOf(prepare: Prepare, articleSeq: number): Map<string, string> {
  const rows = prepare('SELECT id, cluster FROM events WHERE article = ? AND cluster IS NOT NULL').all(articleSeq) as Array<{ id: string; cluster: string }>;
  return new Map(rows.map((r) => [r.id, r.cluster]));
}

/** The mentions of a cluster as clustering reads them: each event with its article's outlet, date and near-duplicate link. */
function membersOf(prepare: Prepare, clusterId: string): MentionInput[] {
  // LIMIT -1: every member, however many
  const rows = prepare(selectEvents('WHERE e.cluster = ?', 'e.seq')).all(clusterId, -1, 0) as EventRow[];
  const article = prepare('SELECT outlet, date, near_duplicate_of AS near FROM articles WHERE id = ?');
  return rows.map((row) => {
    const meta = article.get(row.doc) as { outlet: string | null; date: string | null; near: string | null };
    return { event: rowToEvent(row), outlet: meta.outlet, published: meta.date, nearDuplicateOf: meta.near };
  });
}

/**
 * After an article's events were replaced (`links` from `clusterLinksOf` before): an event coded again under its old
 * id goes back to its cluster; every cluster that lost mentions is summarised again from the ones it keeps, as
 * clustering summarises (`buildCluster`; renamed when it lost its smallest mention), or deleted when it keeps none.
 * Whether the rest still belong together, and where the new events go, the next ingest settles: MentionLinker
 * re-clusters when a stored mention's cluster is not the one clustering gives it (new events have none).
 */
export function settleRecodedClusters(prepare: Prepare, links: ReadonlyMap<string, string>): void {
  const relink = prepare('UPDATE events SET cluster = ? WHERE id = ?');
  for (const [id, cluster] of links) relink.run(cluster, id);
  for (const id of [...new Set(links.values())].sort()) {
    const before = getCluster(prepare, id);
    if (before === null) continue;
    const members = membersOf(prepare, id);
    if (members.length === 0) {
      writeClusterChange(prepare, { upserted: [], removed: [id], merged: [] });
      continue;
    }
    const after = buildCluster(members, defaultKindTree(), before.ambiguous);
    writeClusterChange(prepare, { upserted: [after], removed: after.id === id ? [] : [id], merged: [] });
  }
}
