// Link stage: mentions (coded events + article metadata) → clusters, one per real-world happening; incremental and order-independent.
//
// How: mentions with identical features (dyad, code, item kinds, date window) share one *rep* and relate to everything
// alike, so each new rep is compared once with the reps of its (dyad, code family) group in nearby time buckets only.
// Two reps that are compatible and equally specific are joined for good (union-find: *components*). A compatible pair
// where one is vaguer (no items, a coarser code or date) is only a directed edge from the vaguer component to the more
// specific one. A vague component joins what it points to, unless it points to two things unrelated to each other:
// then it fits two different happenings and stays apart, flagged `ambiguous`, instead of bridging them. The rules read
// only the graph, which depends only on the set of mentions, so the partition is the same in any arrival order; a new
// rep re-settles only the components weakly linked to it.
import type { Cluster, ClusterChange, MentionInput } from './link-types.js';
import { defaultKindTree, type KindTree } from './kind-tree.js';
import { buildCluster } from './build-cluster.js';
import { monthOfDay } from './day-number.js';
import {
  DATE_FINE, DATE_MONTH, DATE_YEAR, DEFAULT_WINDOWS, REL_A_VAGUER, REL_B_VAGUER, REL_CROSS, REL_NONE, REL_STRONG,
  mentionFeatures, relateFeatures, type DateWindows, type MentionFeatures,
} from './mention-features.js';

/** Options of clustering. */
export interface ClusterOptions {
  /** Kind hierarchy for item compatibility (default: Dyad's equipment lexicon). */
  kinds?: KindTree;
  /** Date windows in days (default: day ±3, undated ±7 around the publication date). */
  windows?: Partial<DateWindows>;
}

/** Reps of one (negation, dyad, code family) group, by time bucket. Values are rep numbers. */
interface GroupIndex {
  fineByDay: Map<number, number[]>;
  fineByMonth: Map<number, number[]>;
  fineByYear: Map<number, number[]>;
  monthByMonth: Map<number, number[]>;
  monthByYear: Map<number, number[]>;
  yearByYear: Map<number, number[]>;
  none: number[];
}

function put(map: Map<number, number[]>, key: number, rep: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [rep]);
  else list.push(rep);
}

function setOf(map: Map<number, Set<number>>, key: number): Set<number> {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  return set;
}

/** Incremental clustering of mentions into events. Feed mentions with `add`/`addAll`; read with `clusters`/`cluster`. */
export class Clusterer {
  private readonly tree: KindTree;
  private readonly windows: DateWindows;
  private readonly mentions: MentionInput[] = [];
  private readonly mentionIndex = new Map<string, number>();
  private readonly mentionRep: number[] = [];
  private readonly repFeatures: MentionFeatures[] = [];
  private readonly repMentions: number[][] = [];
  private readonly bySignature = new Map<string, number>();
  private readonly groups = new Map<string, GroupIndex>();
  /** Union-find over reps: components of equally specific, compatible reps. */
  private readonly parent: number[] = [];
  private readonly compReps = new Map<number, number[]>();
  private readonly compMin = new Map<number, string>();
  /** Component → components it is vaguer than (and the reverse). Keyed by component roots at all times. */
  private readonly out = new Map<number, Set<number>>();
  private readonly inn = new Map<number, Set<number>>();
  private readonly compCluster = new Map<number, string>();
  private readonly clusterComps = new Map<string, number[]>();
  private readonly ambiguousComps = new Set<number>();
  /** Cluster ids touched in the current batch → whether they existed before it (null: not tracking). */
  private touched: Map<string, boolean> | null = null;

  constructor(options: ClusterOptions = {}) {
    this.tree = options.kinds ?? defaultKindTree();
    this.windows = { ...DEFAULT_WINDOWS, ...options.windows };
  }

  /** Adds one mention; returns the clusters to upsert and delete. A mention id seen before is ignored. */
  add(mention: MentionInput): ClusterChange {
    return this.addAll([mention]);
  }

  /** Adds a batch (e.g. one article's mentions) and reports the net change once: cheaper than one `add` each. */
  addAll(mentions: Iterable<MentionInput>): ClusterChange {
    this.touched = new Map();
    for (const mention of mentions) this.insert(mention);
    const touched = this.touched;
    this.touched = null;
    const upserted: Cluster[] = [];
    const removed: string[] = [];
    for (const [id, existed] of [...touched].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (this.clusterComps.has(id)) upserted.push(this.record(id));
      else if (existed) removed.push(id);
    }
    const into = new Map<string, string[]>();
    for (const id of removed) {
      const now = this.clusterOf(id.slice(2));
      if (now !== null) into.set(now, [...(into.get(now) ?? []), id]);
    }
    return { upserted, removed, merged: [...into].map(([id, from]) => ({ into: id, from })) };
  }

  /** Adds mentions without reporting changes (for building from scratch). */
  addQuietly(mentions: Iterable<MentionInput>): void {
    for (const mention of mentions) this.insert(mention);
  }

  /** Every cluster, by id. */
  clusters(): Cluster[] {
    return [...this.clusterComps.keys()].sort().map((id) => this.record(id));
  }

  /** One cluster's record, or null. */
  cluster(id: string): Cluster | null {
    return this.clusterComps.has(id) ? this.record(id) : null;
  }

  /** The id of the cluster a mention belongs to, or null for an unknown mention. */
  clusterOf(mentionId: string): string | null {
    const index = this.mentionIndex.get(mentionId);
    if (index === undefined) return null;
    return this.compCluster.get(this.find(this.mentionRep[index] as number)) ?? null;
  }

  /** Number of mentions and of clusters. */
  get size(): { mentions: number; clusters: number } {
    return { mentions: this.mentions.length, clusters: this.clusterComps.size };
  }

  private record(id: string): Cluster {
    const comps = this.clusterComps.get(id) ?? [];
    const members: MentionInput[] = [];
    for (const comp of comps) {
      for (const rep of this.compReps.get(comp) ?? []) for (const m of this.repMentions[rep] ?? []) members.push(this.mentions[m] as MentionInput);
    }
    return buildCluster(members, this.tree, comps.some((c) => this.ambiguousComps.has(c)));
  }

  private touch(id: string): void {
    if (this.touched !== null && !this.touched.has(id)) this.touched.set(id, this.clusterComps.has(id));
  }

  private find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      const p = parent[x] as number;
      parent[x] = parent[p] as number;
      x = p;
    }
    return x;
  }

  private insert(mention: MentionInput): void {
    const id = mention.event.id;
    if (this.mentionIndex.has(id)) return;
    const index = this.mentions.length;
    this.mentions.push(mention);
    this.mentionIndex.set(id, index);
    const features = mentionFeatures(mention, this.windows);
    const known = this.bySignature.get(features.signature);
    if (known !== undefined) {
      this.mentionRep.push(known);
      (this.repMentions[known] as number[]).push(index);
      this.grow(this.find(known), id);
      return;
    }
    const rep = this.repFeatures.length;
    this.repFeatures.push(features);
    this.repMentions.push([index]);
    this.mentionRep.push(rep);
    this.bySignature.set(features.signature, rep);
    this.parent.push(rep);
    this.compReps.set(rep, [rep]);
    this.compMin.set(rep, id);

    let group = this.groups.get(features.group);
    if (group === undefined) {
      group = { fineByDay: new Map(), fineByMonth: new Map(), fineByYear: new Map(), monthByMonth: new Map(), monthByYear: new Map(), yearByYear: new Map(), none: [] };
      this.groups.set(features.group, group);
    }
    const strong = new Set<number>();
    const weak: Array<[number, number]> = [];
    this.scan(group, features, (other) => {
      const rel = relateFeatures(features, this.repFeatures[other] as MentionFeatures, this.tree);
      if (rel === REL_NONE) return;
      if (rel === REL_STRONG) strong.add(this.find(other));
      else weak.push([other, rel]);
    });
    this.index(group, features, rep);

    // Clusters of the components this rep joins are re-settled; note them before the joins re-key the maps.
    const previous: string[] = [];
    let comp = rep;
    for (const other of strong) {
      const root = this.find(other);
      if (root === this.find(comp)) continue;
      const cluster = this.compCluster.get(root);
      if (cluster !== undefined) previous.push(cluster);
      this.compCluster.delete(root);
      comp = this.union(root, this.find(comp));
    }
    let newEdges = false;
    for (const [other, rel] of weak) {
      const a = this.find(rep);
      const b = this.find(other);
      if (a === b) continue;
      if (rel === REL_A_VAGUER || rel === REL_CROSS) newEdges = this.edge(a, b) || newEdges;
      if (rel === REL_B_VAGUER || rel === REL_CROSS) newEdges = this.edge(b, a) || newEdges;
    }
    comp = this.find(rep);
    if (!newEdges && previous.length <= 1 && strong.size <= 1) {
      // Nothing changed between components: the rep only grows the cluster it joined, or starts its own.
      const cluster = previous[0] ?? `c-${id}`;
      this.touch(cluster);
      this.compCluster.set(comp, cluster);
      // A joined component keeps its root (ties go to the existing one), so its cluster's list is still right.
      if (!this.clusterComps.has(cluster)) this.clusterComps.set(cluster, [comp]);
      this.grow(comp, id);
      return;
    }
    this.settle(new Set([comp, ...(this.inn.get(comp) ?? [])]), previous);
  }

  /** A mention joined component `comp` without changing how components relate: only its cluster's id may change. */
  private grow(comp: number, mentionId: string): void {
    if (mentionId < (this.compMin.get(comp) ?? '\uffff')) this.compMin.set(comp, mentionId);
    const cluster = this.compCluster.get(comp);
    if (cluster === undefined) return;
    this.touch(cluster);
    const renamed = `c-${mentionId}`;
    if (renamed >= cluster) return;
    const comps = this.clusterComps.get(cluster) as number[];
    this.clusterComps.delete(cluster);
    this.touch(renamed);
    this.clusterComps.set(renamed, comps);
    for (const c of comps) this.compCluster.set(c, renamed);
  }

  /** Calls `visit` for every rep of the group whose date could fit `f`'s (a superset; `relateFeatures` decides). */
  private scan(group: GroupIndex, f: MentionFeatures, visit: (rep: number) => void): void {
    const each = (list: number[] | undefined): void => {
      if (list !== undefined) for (const rep of list) visit(rep);
    };
    const reach = Math.max(this.windows.day, this.windows.undated);
    if (f.dateClass === DATE_FINE) {
      for (let d = f.first - reach; d <= f.first + reach; d++) each(group.fineByDay.get(d));
      const m0 = monthOfDay(f.first - reach);
      const m1 = monthOfDay(f.first + reach);
      for (let m = m0; m <= m1; m++) each(group.monthByMonth.get(m));
      for (let y = Math.floor(m0 / 12); y <= Math.floor(m1 / 12); y++) each(group.yearByYear.get(y));
    } else if (f.dateClass === DATE_MONTH) {
      for (let m = f.month - 1; m <= f.month + 1; m++) each(group.fineByMonth.get(m));
      each(group.monthByMonth.get(f.month));
      each(group.yearByYear.get(f.year));
    } else if (f.dateClass === DATE_YEAR) {
      for (let y = f.year - 1; y <= f.year + 1; y++) each(group.fineByYear.get(y));
      each(group.monthByYear.get(f.year));
      each(group.yearByYear.get(f.year));
    } else {
      each(group.none);
    }
  }

  private index(group: GroupIndex, f: MentionFeatures, rep: number): void {
    if (f.dateClass === DATE_FINE) {
      put(group.fineByDay, f.first, rep);
      put(group.fineByMonth, f.month, rep);
      put(group.fineByYear, f.year, rep);
    } else if (f.dateClass === DATE_MONTH) {
      put(group.monthByMonth, f.month, rep);
      put(group.monthByYear, f.year, rep);
    } else if (f.dateClass === DATE_YEAR) {
      put(group.yearByYear, f.year, rep);
    } else {
      group.none.push(rep);
    }
  }

  /** A directed edge from a vaguer component to a more specific one; true when it is new. */
  private edge(from: number, to: number): boolean {
    const set = setOf(this.out, from);
    if (set.has(to)) return false;
    set.add(to);
    setOf(this.inn, to).add(from);
    return true;
  }

  /** Joins two component roots (the larger absorbs the smaller; on a tie the first); returns the new root. */
  private union(a: number, b: number): number {
    const aReps = this.compReps.get(a) as number[];
    const bReps = this.compReps.get(b) as number[];
    const [big, small] = bReps.length > aReps.length ? [b, a] : [a, b];
    const bigReps = this.compReps.get(big) as number[];
    for (const rep of this.compReps.get(small) as number[]) bigReps.push(rep);
    this.compReps.delete(small);
    this.parent[small] = big;
    const min = this.compMin.get(small) as string;
    if (min < (this.compMin.get(big) as string)) this.compMin.set(big, min);
    this.compMin.delete(small);
    for (const n of this.out.get(small) ?? []) {
      const back = this.inn.get(n) as Set<number>;
      back.delete(small);
      if (n !== big) {
        back.add(big);
        setOf(this.out, big).add(n);
      }
    }
    for (const n of this.inn.get(small) ?? []) {
      const fwd = this.out.get(n) as Set<number>;
      fwd.delete(small);
      if (n !== big) {
        fwd.add(big);
        setOf(this.inn, big).add(n);
      }
    }
    this.out.delete(small);
    this.inn.delete(small);
    this.ambiguousComps.delete(small);
    return big;
  }

  /**
   * Ambiguous: two of the components `c` is vaguer than (or near) are unrelated to each other, so `c` fits two
   * different happenings. No edge from it or into it is used: it stays a cluster of its own, flagged.
   */
  private isAmbiguous(c: number): boolean {
    const targets = this.out.get(c);
    if (targets === undefined || targets.size < 2) return false;
    const list = [...targets];
    for (let i = 0; i < list.length; i++) {
      const a = list[i] as number;
      const aOut = this.out.get(a);
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j] as number;
        if (aOut?.has(b) !== true && this.out.get(b)?.has(a) !== true) return true;
      }
    }
    return false;
  }

  /**
   * Re-settles clusters after the components in `affected` (the new rep's component and those pointing to it) got new
   * edges: their ambiguity is re-read, and the clusters holding any end of an edge whose use may have changed are
   * rebuilt from the used edges. Everything read is a function of the set of mentions, so the result is the same in
   * any order; the work is local to the new rep's neighbourhood.
   */
  private settle(affected: Set<number>, previous: string[]): void {
    for (const c of affected) {
      if (this.isAmbiguous(c)) this.ambiguousComps.add(c);
      else this.ambiguousComps.delete(c);
    }
    const ends = new Set(affected);
    for (const c of affected) {
      for (const n of this.out.get(c) ?? []) ends.add(n);
      for (const n of this.inn.get(c) ?? []) ends.add(n);
    }
    const old = new Set(previous);
    for (const c of ends) {
      const cluster = this.compCluster.get(c);
      if (cluster !== undefined) old.add(cluster);
    }
    const region = new Set(ends);
    for (const cluster of old) {
      for (const c of this.clusterComps.get(cluster) ?? []) region.add(this.find(c));
      this.touch(cluster);
      this.clusterComps.delete(cluster);
    }

    const lp = new Map<number, number>();
    for (const c of region) lp.set(c, c);
    const lf = (x: number): number => {
      let r = x;
      while (lp.get(r) !== r) r = lp.get(r) as number;
      lp.set(x, r);
      return r;
    };
    for (const c of region) {
      if (this.ambiguousComps.has(c)) continue;
      const targets = this.out.get(c);
      if (targets === undefined) continue;
      for (const t of targets) {
        // An edge leaving the region is unused: its use did not change (neither end is affected), and a used edge
        // would have put both ends in one of the old clusters the region holds whole.
        if (!lp.has(t) || this.ambiguousComps.has(t)) continue;
        const a = lf(c);
        const b = lf(t);
        if (a !== b) lp.set(a, b);
      }
    }
    const byRoot = new Map<number, number[]>();
    for (const c of region) {
      const r = lf(c);
      const list = byRoot.get(r);
      if (list === undefined) byRoot.set(r, [c]);
      else list.push(c);
    }
    for (const comps of byRoot.values()) {
      let min = '\uffff';
      for (const c of comps) if ((this.compMin.get(c) as string) < min) min = this.compMin.get(c) as string;
      const cluster = `c-${min}`;
      this.touch(cluster);
      this.clusterComps.set(cluster, comps);
      for (const c of comps) this.compCluster.set(c, cluster);
    }
  }
}

/** Clusters a set of mentions from scratch; the same as adding them to a `Clusterer` in any order. */
export function clusterEvents(mentions: Iterable<MentionInput>, options: ClusterOptions = {}): Cluster[] {
  const clusterer = new Clusterer(options);
  clusterer.addQuietly(mentions);
  return clusterer.clusters();
}
