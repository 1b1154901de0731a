// Link stage: the mentions of one happening → its event record (sources on each side, report dates, best date, merged items, confidence).
import { isPublicationBasis, type DateBasis, type DatePrecision, type EventRecord, type Status, type Terms } from '../types/index.js';
import type { KindTree } from './kind-tree.js';
import type { Cluster, ClusterItem, ClusterMention, ClusterMentionItem, ClusterModality } from '../types/link.js';
import { normaliseCode, sideKey } from './mention-features.js';
import { parseDaySpan } from '../types/day-number.js';

/** True for a report that disputes its event rather than supports it: a denial or a negation ("did not deliver"). */
export function isDisputing(event: Pick<EventRecord, 'negated' | 'modality'>): boolean {
  return event.negated || event.modality === 'negated' || event.modality === 'denied';
}

/** How a source is named on either side of an event: its outlet, else its article's document id. */
function sourceName(mention: ClusterMention): string {
  const outlet = mention.outlet?.trim() ?? '';
  return outlet === '' ? mention.event.doc : outlet;
}

/** The modality of an event no report supports: `denied` when one of its reports is a denial. */
function disputedModality(mentions: readonly ClusterMention[]): ClusterModality {
  return mentions.some((m) => m.event.modality === 'denied') ? 'denied' : 'negated';
}

/** Groups articles into independent sources: a near-duplicate copy joins its original, an outlet's articles join each other. */
function sourceGroups(mentions: readonly ClusterMention[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p;
    for (let x = k; x !== root;) {
      const next = parent.get(x) ?? root;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    // The smaller key becomes the root, so the grouping does not depend on the order of the mentions.
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  };
  for (const m of mentions) {
    const doc = `d:${m.event.doc}`;
    if (!parent.has(doc)) parent.set(doc, doc);
    const outlet = m.outlet?.trim().toLowerCase();
    if (outlet) union(doc, `o:${outlet}`);
    if (m.nearDuplicateOf) union(doc, `d:${m.nearDuplicateOf}`);
  }
  const byDoc = new Map<string, string>();
  for (const m of mentions) byDoc.set(m.event.doc, find(`d:${m.event.doc}`));
  return byDoc;
}

/** The key with the highest score; ties go to `better`, then to the smaller key. */
function best<K extends string>(scores: Map<K, number>, better: (a: K, b: K) => number = () => 0): K | null {
  let top: K | null = null;
  let topScore = -1;
  for (const [key, score] of scores) {
    const tie = score === topScore;
    if (score > topScore || (tie && top !== null && (better(key, top) < 0 || (better(key, top) === 0 && key < top)))) {
      top = key;
      topScore = score;
    }
  }
  return top;
}

/** Adds 1 per source group to each key. */
function tally<K extends string>(entries: Array<[K | null, string]>): Map<K, number> {
  const seen = new Set<string>();
  const scores = new Map<K, number>();
  for (const [key, group] of entries) {
    if (key === null || seen.has(`${key}\u0001${group}`)) continue;
    seen.add(`${key}\u0001${group}`);
    scores.set(key, (scores.get(key) ?? 0) + 1);
  }
  return scores;
}

/** Support a date gets from one source, by how that source found it: any publication date (wherever the article's came from) is weak. */
const BASIS_WEIGHT: Record<DateBasis, number> = {
  stated: 1, relative: 0.9, publication: 0.5, 'page-metadata': 0.5, dateline: 0.5, 'published-line': 0.5, 'updated-line': 0.5, byline: 0.5, unknown: 0.5,
};
const PRECISION_RANK: Record<string, number> = { day: 0, month: 1, year: 2 };

/** The best-supported event date: each date is supported by the sources giving it or a coarser date that contains it. */
function bestDate(mentions: readonly ClusterMention[], groups: Map<string, string>): { date: string | null; precision: DatePrecision; basis: DateBasis } {
  const stated = mentions.filter((m) => m.event.date !== null && !isPublicationBasis(m.event.dateBasis) && parseDaySpan(m.event.date) !== null);
  const pool = stated.length > 0 ? stated : mentions.filter((m) => m.event.date !== null && parseDaySpan(m.event.date) !== null);
  if (pool.length === 0) return { date: null, precision: 'unknown', basis: 'unknown' };
  // Strongest weight per (date, source), so one source repeating a date counts once.
  const support = new Map<string, Map<string, number>>();
  const basisOf = new Map<string, DateBasis>();
  for (const m of pool) {
    const date = m.event.date as string;
    const group = groups.get(m.event.doc) ?? m.event.doc;
    const bySource = support.get(date) ?? new Map<string, number>();
    bySource.set(group, Math.max(bySource.get(group) ?? 0, BASIS_WEIGHT[m.event.dateBasis]));
    support.set(date, bySource);
    if (BASIS_WEIGHT[m.event.dateBasis] > BASIS_WEIGHT[basisOf.get(date) ?? 'unknown']) basisOf.set(date, m.event.dateBasis);
    else if (!basisOf.has(date)) basisOf.set(date, m.event.dateBasis);
  }
  const scores = new Map<string, number>();
  for (const date of support.keys()) {
    let score = 0;
    for (const [other, bySource] of support) {
      if (!date.startsWith(other)) continue;
      for (const w of bySource.values()) score += w;
    }
    scores.set(date, Math.round(score * 1000));
  }
  const precisionOf = (d: string): string => parseDaySpan(d)?.precision ?? 'year';
  const date = best(scores, (a, b) => (PRECISION_RANK[precisionOf(a)] ?? 3) - (PRECISION_RANK[precisionOf(b)] ?? 3)) as string;
  return { date, precision: precisionOf(date) as DatePrecision, basis: basisOf.get(date) ?? 'unknown' };
}

/** The code most sources agree with: a vaguer code supports a more specific one that extends it. */
function bestCode(mentions: readonly ClusterMention[], groups: Map<string, string>): string {
  const sourcesOf = new Map<string, Set<string>>();
  for (const m of mentions) {
    const norm = normaliseCode(m.event.cameo);
    const set = sourcesOf.get(norm) ?? new Set<string>();
    set.add(groups.get(m.event.doc) ?? m.event.doc);
    sourcesOf.set(norm, set);
  }
  const scores = new Map<string, number>();
  for (const code of new Set(mentions.map((m) => m.event.cameo))) {
    const norm = normaliseCode(code);
    const support = new Set<string>();
    for (const [other, set] of sourcesOf) if (norm.startsWith(other)) for (const g of set) support.add(g);
    scores.set(code, support.size);
  }
  return best(scores, (a, b) => normaliseCode(b).length - normaliseCode(a).length) ?? mentions[0]?.event.cameo ?? '';
}

/** Items merged by kind; a broader kind folds into the one narrower kind reported beside it ("drone" into "armed-drone"). */
function mergeItems(mentions: readonly ClusterMention[], groups: Map<string, string>, tree: KindTree): ClusterItem[] {
  const reports: Array<{ item: ClusterMentionItem; group: string }> = [];
  for (const m of mentions) for (const item of m.event.items) reports.push({ item, group: groups.get(m.event.doc) ?? m.event.doc });
  const kinds = [...new Set(reports.map((r) => r.item.kind))].sort();
  const into = new Map<string, string>();
  for (const kind of kinds) {
    const narrower = kinds.filter((k) => k !== kind && tree.isUnder(k, kind));
    into.set(kind, narrower.length === 1 ? (narrower[0] as string) : kind);
  }
  const byKind = new Map<string, Array<{ item: ClusterMentionItem; group: string }>>();
  for (const r of reports) {
    const kind = into.get(r.item.kind) ?? r.item.kind;
    byKind.set(kind, [...(byKind.get(kind) ?? []), r]);
  }
  const items: ClusterItem[] = [];
  for (const [kind, list] of [...byKind].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const value = (i: ClusterMentionItem): number | null => i.quantity ?? i.max ?? null;
    const quantities = tally(list.map((r) => [value(r.item) === null ? null : String(value(r.item)), r.group] as [string | null, string]));
    const agreed = best(quantities, (a, b) => Number(a) - Number(b));
    const models = tally(list.map((r) => [r.item.model, r.group] as [string | null, string]));
    const units = tally(list.map((r) => [r.item.unit, r.group] as [string | null, string]));
    items.push({
      kind,
      model: best(models),
      quantity: agreed === null ? null : Number(agreed),
      unit: best(units),
      quantities: [...quantities.keys()].map(Number).sort((a, b) => a - b),
      conflict: quantities.size > 1,
      sources: new Set(list.map((r) => r.group)).size,
    });
  }
  return items;
}

const STATUS_ORDER: Status[] = ['delivered', 'agreed', 'pledged', 'offered', 'requested', 'conditional', 'refused', 'suspended'];

/**
 * The event record of a set of mentions (all of one dyad and code family). `ambiguous` marks an event holding vague
 * mentions that would fit another event too. Deterministic in the *set* of mentions: their order does not matter.
 */
export function buildCluster(mentions: readonly ClusterMention[], tree: KindTree, ambiguous = false): Cluster {
  // Most clusters are one mention when they are made (ingest upserts each new one): no tallies needed.
  return mentions.length === 1 ? singleCluster(mentions[0] as ClusterMention, tree, ambiguous) : buildClusterGeneral(mentions, tree, ambiguous);
}

/** `buildCluster` of one mention: the same record, read off the mention. */
function singleCluster(mention: ClusterMention, tree: KindTree, ambiguous: boolean): Cluster {
  const { event } = mention;
  const span = event.date === null ? null : parseDaySpan(event.date);
  const outlet = mention.outlet?.trim() ?? '';
  const report = parseDaySpan(mention.published)?.precision === 'day' ? (mention.published as string).slice(0, 10) : null;
  const target = sideKey(event.target);
  const disputing = isDisputing(event);
  const name = sourceName(mention);
  return {
    id: `c-${event.id}`,
    source: sideKey(event.source),
    target: target === '-' ? null : target,
    cameo: event.cameo,
    root: event.cameo.slice(0, 2),
    negated: disputing,
    modality: disputing ? disputedModality([mention]) : 'asserted',
    disputed: false,
    mentionIds: [event.id],
    disputingMentionIds: disputing ? [event.id] : [],
    mentionCount: 1,
    articleCount: 1,
    outlets: outlet === '' ? [] : [outlet],
    independentSources: 1,
    supportingSources: disputing ? [] : [name],
    disputingSources: disputing ? [name] : [],
    supportingSourceCount: disputing ? 0 : 1,
    disputingSourceCount: disputing ? 1 : 0,
    firstReport: report,
    lastReport: report,
    date: span === null ? null : event.date,
    datePrecision: span === null ? 'unknown' : span.precision,
    dateBasis: span === null ? 'unknown' : event.dateBasis,
    status: event.status,
    terms: event.terms,
    items: event.items.length === 0 ? [] : mergeItems([mention], new Map([[event.doc, event.doc]]), tree),
    confidence: 0.5,
    ambiguous,
  };
}

/**
 * `buildCluster` for any number of mentions (exported so that a test can hold the one-mention path to it). The record
 * is summarised from the event's own reports — those that support it, or all of them when none does — so a denial
 * never counts as one more source confirming what it denies; the reports that dispute it are named beside them.
 */
export function buildClusterGeneral(mentions: readonly ClusterMention[], tree: KindTree, ambiguous = false): Cluster {
  if (mentions.length === 0) throw new RangeError('buildCluster: no mentions');
  const mentionIds = mentions.map((m) => m.event.id).sort();
  const supporting = mentions.filter((m) => !isDisputing(m.event));
  const disputing = mentions.filter((m) => isDisputing(m.event));
  const own = supporting.length > 0 ? supporting : disputing;
  // Sources are grouped over every report, so that a copy and its original are one source on whichever side they stand.
  const allGroups = sourceGroups(mentions);
  const groupsOf = (list: readonly ClusterMention[]): Map<string, string> => new Map(list.map((m) => [m.event.doc, allGroups.get(m.event.doc) ?? m.event.doc]));
  const groups = groupsOf(own);
  const countOf = (list: readonly ClusterMention[]): number => new Set(groupsOf(list).values()).size;
  const namesOf = (list: readonly ClusterMention[]): string[] => [...new Set(list.map(sourceName))].sort();
  const first = own[0] as ClusterMention;
  const outlets = [...new Set(own.map((m) => m.outlet?.trim() ?? '').filter((o) => o !== ''))].sort();
  const reports = own.map((m) => (parseDaySpan(m.published)?.precision === 'day' ? (m.published as string).slice(0, 10) : null)).filter((d): d is string => d !== null).sort();
  const sources = new Set(groups.values()).size;
  const date = bestDate(own, groups);
  const cameo = bestCode(own, groups);
  const statusTally = tally(own.map((m) => [m.event.status, groups.get(m.event.doc) ?? ''] as [Exclude<Status, null> | null, string]));
  const status = best(statusTally, (a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b));
  const terms = best(tally(own.map((m) => [m.event.terms, groups.get(m.event.doc) ?? ''] as [Terms | null, string])));
  const target = sideKey(first.event.target);
  return {
    id: `c-${mentionIds[0] as string}`,
    source: sideKey(first.event.source),
    target: target === '-' ? null : target,
    cameo,
    root: cameo.slice(0, 2),
    negated: supporting.length === 0,
    modality: supporting.length > 0 ? 'asserted' : disputedModality(disputing),
    disputed: supporting.length > 0 && disputing.length > 0,
    mentionIds,
    disputingMentionIds: disputing.map((m) => m.event.id).sort(),
    mentionCount: own.length,
    articleCount: groups.size,
    outlets,
    independentSources: sources,
    supportingSources: namesOf(supporting),
    disputingSources: namesOf(disputing),
    supportingSourceCount: supporting.length === 0 ? 0 : countOf(supporting),
    disputingSourceCount: disputing.length === 0 ? 0 : countOf(disputing),
    firstReport: reports[0] ?? null,
    lastReport: reports[reports.length - 1] ?? null,
    date: date.date,
    datePrecision: date.precision,
    dateBasis: date.basis,
    status,
    terms,
    items: mergeItems(own, groups, tree),
    confidence: Math.round((1 - 0.5 ** sources) * 1000) / 1000,
    ambiguous,
  };
}
