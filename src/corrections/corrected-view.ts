// Corrections: a Store → the correction log, the stored reports and events it touches, and those reports and events as corrected.

import type { Correction, EventRecord } from '../types/index.js';
import type { Cluster, MentionInput } from '../types/link.js';
import { recordedKindTree, type KindTree } from '../link/kind-tree.js';
import type { Store } from '../store/store.js';
import { applyCorrections, namedReports, type CorrectedScope } from './apply-corrections.js';

/** What queries need to apply a correction log: the touched reports and events before and after. */
export interface CorrectedView {
  log: Correction[];
  /** The touched reports as stored (every report of every event that holds a named report, and the named ones). */
  original: Map<string, EventRecord>;
  /** The stored events holding named reports, with their reports as stored. */
  originalClusters: Array<{ cluster: Cluster; reports: EventRecord[] }>;
  corrected: CorrectedScope;
  /** Reports whose record differs from the stored one: rejected or edited. The mentions level replaces exactly these. */
  changed: Set<string>;
  /** Each corrected event's reports as corrected, in storage order. */
  membersOf: Map<string, EventRecord[]>;
  /** The kind tree the store's reports are linked by (Dyad's kinds with those it records): corrected events and threads are built by it. */
  kinds: KindTree;
}

/**
 * Reads what the log of `store` touches and applies it; null when no correction takes effect (then queries are the
 * store's own). Costs a lookup per named report and one read of the events holding them.
 */
export async function loadCorrectedView(store: Store, log: Correction[]): Promise<CorrectedView | null> {
  const named = namedReports(log);
  if (named.size === 0) return null;
  const clusters = new Map<string, Cluster>();
  const loose: EventRecord[] = [];
  for (const id of named) {
    const cluster = await store.clusterOf(id);
    if (cluster !== null) clusters.set(cluster.id, cluster);
    else {
      const event = await store.getEvent(id);
      if (event !== null) loose.push(event);
    }
  }
  const members = await store.mentionsOfMany([...clusters.keys()]);
  const original = new Map<string, EventRecord>();
  const originalClusters: CorrectedView['originalClusters'] = [];
  for (const cluster of clusters.values()) {
    const reports = members.get(cluster.id) ?? [];
    originalClusters.push({ cluster, reports });
    for (const event of reports) original.set(event.id, event);
  }
  for (const event of loose) if (!original.has(event.id)) original.set(event.id, event);
  const refs = new Map((await store.articleRefs([...new Set([...original.values()].map((e) => e.doc))])).map((r) => [r.id, r]));
  const reports = new Map<string, MentionInput>();
  for (const [id, event] of original) {
    const ref = refs.get(event.doc);
    reports.set(id, { event, outlet: ref?.source ?? null, published: ref?.date ?? null, nearDuplicateOf: ref?.nearDuplicateOf ?? null });
  }
  const kinds = recordedKindTree(await store.lexiconKinds());
  const corrected = applyCorrections(log, { reports, clusters: [...clusters.values()], kinds });
  const changed = new Set(corrected.rejected);
  for (const [id, event] of corrected.reports) if (event !== original.get(id)) changed.add(id);
  const membersOf = new Map<string, EventRecord[]>();
  for (const [id] of original) {
    const cluster = corrected.clusterOf.get(id);
    const event = corrected.reports.get(id);
    if (cluster === undefined || event === undefined) continue;
    const list = membersOf.get(cluster);
    if (list === undefined) membersOf.set(cluster, [event]);
    else list.push(event);
  }
  return { log, original, originalClusters, corrected, changed, membersOf, kinds };
}
