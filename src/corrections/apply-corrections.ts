// Corrections: a correction log + the reports it touches and the events holding them → the reports and events as corrected.
//
// Pure: nothing is read or written here. The result is a function of the *set* of corrections (they apply in the order
// of their time, then id), so two analysts who imported each other's files see the same events.

import type { Correction, CorrectionFields, EventRecord, Item } from '../types/index.js';
import { buildCluster } from '../link/build-cluster.js';
import type { KindTree } from '../link/kind-tree.js';
import type { Cluster, MentionInput } from '../types/link.js';

/** What applying corrections needs: every report the log names, and every report of the events that hold them. */
export interface CorrectionScope {
  /** The reports, by id, with their article's metadata. */
  reports: ReadonlyMap<string, MentionInput>;
  /** The stored events holding them (each with its report ids). Reports of no stored event are in none. */
  clusters: readonly Cluster[];
  /** The kind tree the store's reports are linked by (`recordedKindTree` of its `lexiconKinds`): events are summarised again by it. */
  kinds: KindTree;
}

/** The reports and events of a scope after the corrections. */
export interface CorrectedScope {
  /** Every report of the scope that stands, as corrected. */
  reports: Map<string, EventRecord>;
  /** Report ids rejected. */
  rejected: Set<string>;
  /** The events the scope's reports make after the corrections (stored ones kept as they are when nothing changed them). */
  clusters: Cluster[];
  /** Ids of the stored events of the scope: these are replaced by `clusters`. */
  replaced: Set<string>;
  /** Report id → id of its corrected event (a report of no event: absent). */
  clusterOf: Map<string, string>;
  /** The corrections that applied, in the order they applied (reverted ones and reverts left out). */
  applied: Correction[];
}

/** The corrections in the order they apply: by time, then id. */
export function correctionOrder(log: readonly Correction[]): Correction[] {
  return [...log].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The corrections that take effect: those no revert undoes (a revert of a revert is ignored: make the correction again). */
export function effectiveCorrections(log: readonly Correction[]): Correction[] {
  const kinds = new Map(log.map((c) => [c.id, c.kind]));
  const reverted = new Set(log.filter((c) => c.kind === 'revert' && c.reverts !== null && kinds.get(c.reverts) !== 'revert').map((c) => c.reverts as string));
  return correctionOrder(log.filter((c) => c.kind !== 'revert' && !reverted.has(c.id)));
}

/** Every report id the effective corrections name. */
export function namedReports(log: readonly Correction[]): Set<string> {
  const ids = new Set<string>();
  for (const correction of effectiveCorrections(log)) for (const id of correction.reports) ids.add(id);
  return ids;
}

/** A report with an edit's fields set. An item an analyst states spans no words: it sits, empty, at the sentence's start. */
export function editReport(event: EventRecord, fields: CorrectionFields): EventRecord {
  const out: EventRecord = { ...event };
  if (fields.source !== undefined) out.source = { ...event.source, ...fields.source };
  if (fields.target !== undefined) {
    const at = event.target ?? { text: '', start: event.sentence.start, end: event.sentence.start };
    out.target = fields.target === null ? null : { ...fields.target, text: at.text, start: at.start, end: at.end };
  }
  if (fields.code !== undefined) {
    const { cameo, cameoName, root, quad, goldstein, plover } = fields.code;
    Object.assign(out, { cameo, cameoName, root, quad, goldstein, plover: { ...plover } });
  }
  if (fields.status !== undefined) out.status = fields.status;
  if (fields.items !== undefined) {
    out.items = fields.items.map((i): Item => ({ ...i, start: event.sentence.start, end: event.sentence.start }));
  }
  return out;
}

/** Applies the effective corrections of `log` to a scope. */
export function applyCorrections(log: readonly Correction[], scope: CorrectionScope): CorrectedScope {
  const reports = new Map<string, EventRecord>();
  for (const [id, mention] of scope.reports) reports.set(id, mention.event);
  const stored = new Map(scope.clusters.map((c) => [c.id, c]));
  // Each report's group: a stored event's id, or a new group's key; a report of no event and in no merge/split has none.
  const groupOf = new Map<string, string>();
  for (const cluster of scope.clusters) for (const id of cluster.mentionIds) if (reports.has(id)) groupOf.set(id, cluster.id);
  const changedGroups = new Set<string>();
  const rejected = new Set<string>();
  const applied: Correction[] = [];
  let fresh = 0;
  for (const correction of effectiveCorrections(log)) {
    const present = correction.reports.filter((id) => reports.has(id));
    if (present.length === 0) continue;
    applied.push(correction);
    if (correction.kind === 'reject') {
      for (const id of present) rejected.add(id);
    } else if (correction.kind === 'edit' && correction.after !== null) {
      for (const id of present) reports.set(id, editReport(reports.get(id) as EventRecord, correction.after));
    } else if (correction.kind === 'merge') {
      const groups = new Set(present.map((id) => groupOf.get(id)).filter((g): g is string => g !== undefined));
      const into = `new:${fresh++}`;
      for (const [id, group] of groupOf) if (groups.has(group)) groupOf.set(id, into);
      for (const id of present) groupOf.set(id, into);
      changedGroups.add(into);
      for (const group of groups) changedGroups.add(group);
    } else if (correction.kind === 'split') {
      const into = `new:${fresh++}`;
      for (const id of present) {
        const group = groupOf.get(id);
        if (group !== undefined) changedGroups.add(group);
        groupOf.set(id, into);
      }
      changedGroups.add(into);
    }
  }
  const edited = new Set<string>();
  for (const correction of applied) if (correction.kind === 'edit') for (const id of correction.reports) edited.add(id);
  const members = new Map<string, string[]>();
  for (const [id, group] of groupOf) {
    if (rejected.has(id)) continue;
    const list = members.get(group);
    if (list === undefined) members.set(group, [id]);
    else list.push(id);
  }
  const tree = scope.kinds;
  const clusters: Cluster[] = [];
  const clusterOf = new Map<string, string>();
  for (const [group, ids] of members) {
    const kept = stored.get(group);
    const untouched = kept !== undefined && !changedGroups.has(group) && ids.length === kept.mentionIds.length && !ids.some((id) => edited.has(id));
    const cluster = untouched ? kept : buildCluster(ids.map((id) => ({ ...(scope.reports.get(id) as MentionInput), event: reports.get(id) as EventRecord })), tree, kept?.ambiguous ?? false);
    clusters.push(cluster);
    for (const id of ids) clusterOf.set(id, cluster.id);
  }
  for (const id of rejected) reports.delete(id);
  return { reports, rejected, clusters, replaced: new Set(stored.keys()), clusterOf, applied };
}
