// Link stage: mentions (coded events + article metadata) → clusters, one per real-world happening; incremental and order-independent.
//
// Mentions with identical features (dyad, code, item kinds, date) share one *rep*, so a repeated report costs a map
// lookup. A new rep is compared only with the reps of its (dyad, code family) group in nearby time buckets
// (TimeIndex), and the relations found go to the ComponentGraph, which joins, links and re-settles locally. Rules and
// their order independence: component-graph.ts.
//
// Bounded memory: with a `capacity`, the islands (reps related directly or through others: nothing outside one bears
// on its clusters) touched least recently are dropped once the caller has stored them, and read back whole from the
// store before a mention that could relate to them is added (`regionsToRead`, `restore`); `KnownRegions` remembers
// where the store may hold what memory does not. The result is the unbounded one: clusters are a function of the set
// of mentions, and every island in memory is whole.
import type { Cluster, ClusterChange, ClusterMention, MentionInput } from '../types/link.js';
import type { KindTree } from './kind-tree.js';
import { buildCluster } from './build-cluster.js';
import { ComponentGraph } from './component-graph.js';
import { KnownRegions } from './known-regions.js';
import { TimeIndex } from './time-index.js';
import {
  DATE_NONE, DEFAULT_WINDOWS, REL_A_VAGUER, REL_B_VAGUER, REL_CROSS, REL_STRONG, mentionFeatures, relateFeatures, type DateWindows,
  type MentionFeatures,
} from './mention-features.js';

/** Options of clustering. */
export interface ClusterOptions {
  /**
   * Kind hierarchy for item compatibility: the tree the reports were coded with (a store's: `recordedKindTree`;
   * a lexicon's: `lexiconKindTree`; Dyad's own: `defaultKindTree`). No default, so that no caller forgets a user's.
   */
  kinds: KindTree;
  /** Date windows in days (default: day ±3, undated ±7 around the publication date). */
  windows?: Partial<DateWindows>;
  /**
   * Most mentions held in memory (default: no limit). Past it, `trim()` drops the islands touched least recently
   * until half as many are held; they must be in the store, to be read back when `regionsToRead` names them.
   */
  capacity?: number;
  /**
   * False when the store already holds mentions this clusterer is not given (it is opened on a non-empty store):
   * then every region is read from the store before a mention is added there. Default true.
   */
  holdsAll?: boolean;
}

/** A part of the store to read back before adding mentions: a group's mentions dated within `[first, last]` (day numbers), or its undated ones. */
export interface StoreRegion {
  group: string;
  dated: boolean;
  first: number;
  last: number;
}

/**
 * Incremental clustering of mentions into events. Feed mentions with `add`/`addAll`; read with `clusters`/`cluster`
 * (what is held in memory). With a capacity, read `regionsToRead` from the store and `restore` them before adding,
 * and `trim()` once a change is stored.
 */
export class Clusterer {
  private readonly tree: KindTree;
  private readonly windows: DateWindows;
  /** Days a mention's date may lie from another's and still relate (the widest window). */
  private readonly reach: number;
  private readonly capacity: number;
  private readonly known: KnownRegions;
  /** What a cluster's record needs of each mention (see `slim`). */
  private mentions: ClusterMention[] = [];
  private mentionIndex = new Map<string, number>();
  private mentionRep: number[] = [];
  private repFeatures: MentionFeatures[] = [];
  private repMentions: number[][] = [];
  /** When each rep was last touched (`clock` of the call that added to it): islands least recently touched go first. */
  private repTouch: number[] = [];
  private clock = 0;
  private bySignature = new Map<string, number>();
  private index: TimeIndex;
  private graph = new ComponentGraph();
  /** Scratch buffers, reused by every insert. */
  private readonly candidates: number[] = [];
  private readonly strong: number[] = [];
  private readonly vaguerThan: number[] = [];
  private readonly vaguerOf: number[] = [];

  constructor(options: ClusterOptions) {
    this.tree = options.kinds;
    this.windows = { ...DEFAULT_WINDOWS, ...options.windows };
    this.reach = Math.max(this.windows.day, this.windows.undated);
    this.capacity = options.capacity ?? Infinity;
    this.known = new KnownRegions(options.holdsAll ?? true);
    this.index = new TimeIndex(this.reach);
  }

  /** Adds one mention; returns the clusters to upsert and delete. A mention id seen before is ignored. */
  add(mention: MentionInput): ClusterChange {
    return this.addAll([mention]);
  }

  /** Adds a batch (e.g. one article's mentions) and reports the net change once: cheaper than one `add` each. */
  addAll(mentions: Iterable<MentionInput>): ClusterChange {
    this.clock++;
    this.graph.beginBatch();
    for (const mention of mentions) this.insert(mention);
    const touched = this.graph.endBatch();
    const upserted: Cluster[] = [];
    const removed: string[] = [];
    for (const [id, existed] of [...touched].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (this.graph.hasCluster(id)) upserted.push(this.record(id));
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
    this.clock++;
    for (const mention of mentions) this.insert(mention);
  }

  /**
   * The regions of the store that may hold mentions related to these (not held, within the date windows) and must
   * be read and `restore`d before they are added, so that the islands they join are whole. Empty without a capacity
   * on a clusterer that holds all.
   */
  regionsToRead(mentions: Iterable<MentionInput>): StoreRegion[] {
    const regions: StoreRegion[] = [];
    for (const mention of mentions) {
      if (this.mentionIndex.has(mention.event.id)) continue;
      const region = this.regionOf(mentionFeatures(mention, this.windows));
      if (region !== null) regions.push(region);
    }
    return mergeRegions(regions);
  }

  /**
   * Adds the stored mentions of a region, as read from the store (a superset will do: those outside the region or
   * held already are skipped), quietly: the store holds their clusters. Returns the regions their own windows reach
   * that are still to be read, so that their islands come back whole.
   */
  restore(region: StoreRegion, stored: Iterable<MentionInput>): StoreRegion[] {
    this.clock++;
    const added: MentionFeatures[] = [];
    for (const mention of stored) {
      if (this.mentionIndex.has(mention.event.id)) continue;
      const features = mentionFeatures(mention, this.windows);
      if (features.group !== region.group) continue;
      const inside = region.dated
        ? features.dateClass !== DATE_NONE && features.first <= region.last && features.last >= region.first
        : features.dateClass === DATE_NONE;
      if (!inside) continue;
      this.place(slim(mention), features);
      added.push(features);
    }
    if (region.dated) this.known.learnDays(region.group, region.first, region.last);
    else this.known.learnUndated(region.group);
    const next: StoreRegion[] = [];
    for (const features of added) {
      const more = this.regionOf(features);
      if (more !== null) next.push(more);
    }
    return mergeRegions(next);
  }

  /**
   * Past the capacity, drops the islands touched least recently until half as many mentions are held (call it once
   * what was added is stored). Islands with a report that has no event date of its own stay (the store is read back
   * by event date; such a report may be placed by its publication date). An island larger than the capacity stays whole.
   */
  trim(): void {
    if (this.mentions.length <= this.capacity) return;
    const islands = this.graph.islands().map((reps) => {
      let touch = 0;
      let count = 0;
      let first = Infinity;
      let last = -Infinity;
      let undated = false;
      for (const rep of reps) {
        const features = this.repFeatures[rep] as MentionFeatures;
        touch = Math.max(touch, this.repTouch[rep] as number);
        count += (this.repMentions[rep] as number[]).length;
        // a report without an event date may be placed by its publication date, which the store cannot be asked by
        if (features.dateClass === DATE_NONE || this.hasUndatedEvent(rep)) undated = true;
        first = Math.min(first, features.first);
        last = Math.max(last, features.last);
      }
      return { reps, touch, count, first, last, undated, group: (this.repFeatures[reps[0] as number] as MentionFeatures).group };
    });
    islands.sort((a, b) => a.touch - b.touch || (a.reps[0] as number) - (b.reps[0] as number));
    const keep = new Uint8Array(this.repFeatures.length).fill(1);
    let held = this.mentions.length;
    const target = Math.floor(this.capacity / 2);
    for (const island of islands) {
      if (held <= target) break;
      if (island.undated) continue;
      for (const rep of island.reps) keep[rep] = 0;
      held -= island.count;
      this.known.forgetDays(island.group, island.first, island.last);
    }
    this.rebuild(keep);
  }

  /** Every cluster held in memory, by id (every cluster, without a capacity). */
  clusters(): Cluster[] {
    return this.graph.clusterIds().sort().map((id) => this.record(id));
  }

  /** One cluster's record, or null (also for one not held in memory). */
  cluster(id: string): Cluster | null {
    return this.graph.hasCluster(id) ? this.record(id) : null;
  }

  /** The id of the cluster a mention belongs to, or null for a mention not held. */
  clusterOf(mentionId: string): string | null {
    const index = this.mentionIndex.get(mentionId);
    return index === undefined ? null : (this.graph.clusterOf(this.mentionRep[index] as number) ?? null);
  }

  /** The ids of the clusters on the island of a held mention (reports related to it directly or through others); empty for one not held. */
  islandClusters(mentionId: string): string[] {
    const index = this.mentionIndex.get(mentionId);
    return index === undefined ? [] : this.graph.islandClusters(this.mentionRep[index] as number);
  }

  /** The ids of the mentions on the island of a held mention, itself included; empty for one not held. */
  islandMentions(mentionId: string): string[] {
    const index = this.mentionIndex.get(mentionId);
    if (index === undefined) return [];
    const ids: string[] = [];
    for (const rep of this.graph.islandReps(this.mentionRep[index] as number)) {
      for (const m of this.repMentions[rep] ?? []) ids.push((this.mentions[m] as ClusterMention).event.id);
    }
    return ids;
  }

  /** True when the mention is held in memory. */
  holds(mentionId: string): boolean {
    return this.mentionIndex.has(mentionId);
  }

  /** Number of mentions and of clusters held. */
  get size(): { mentions: number; clusters: number } {
    return { mentions: this.mentions.length, clusters: this.graph.clusterCount };
  }

  private record(id: string): Cluster {
    const { reps, ambiguous } = this.graph.members(id);
    const members: ClusterMention[] = [];
    for (const rep of reps) for (const m of this.repMentions[rep] ?? []) members.push(this.mentions[m] as ClusterMention);
    return buildCluster(members, this.tree, ambiguous);
  }

  /** True when a report of the rep has no event date of its own. */
  private hasUndatedEvent(rep: number): boolean {
    for (const m of this.repMentions[rep] ?? []) if ((this.mentions[m] as ClusterMention).event.date === null) return true;
    return false;
  }

  /** The region to read before a mention with these features is added, or null when memory holds all it can relate to. */
  private regionOf(features: MentionFeatures): StoreRegion | null {
    const { group } = features;
    if (features.dateClass === DATE_NONE) return this.known.knowsUndated(group) ? null : { group, dated: false, first: 0, last: 0 };
    const first = features.first - this.reach;
    const last = features.last + this.reach;
    return this.known.knowsDays(group, first, last) ? null : { group, dated: true, first, last };
  }

  /** Starts again from the reps `keep` marks, re-inserted with their features: the same islands, no others. */
  private rebuild(keep: Uint8Array): void {
    const kept: Array<{ members: ClusterMention[]; features: MentionFeatures; touch: number }> = [];
    this.repFeatures.forEach((features, rep) => {
      if (keep[rep] !== 1) return;
      const members = (this.repMentions[rep] as number[]).map((m) => this.mentions[m] as ClusterMention);
      kept.push({ members, features, touch: this.repTouch[rep] as number });
    });
    this.mentions = [];
    this.mentionIndex = new Map();
    this.mentionRep = [];
    this.repFeatures = [];
    this.repMentions = [];
    this.repTouch = [];
    this.bySignature = new Map();
    this.index = new TimeIndex(this.reach);
    this.graph = new ComponentGraph();
    for (const { members, features, touch } of kept) {
      for (const member of members) this.place(member, features);
      this.repTouch[this.repTouch.length - 1] = touch;
    }
  }

  private insert(mention: MentionInput): void {
    if (this.mentionIndex.has(mention.event.id)) return;
    this.place(slim(mention), mentionFeatures(mention, this.windows));
  }

  private place(member: ClusterMention, features: MentionFeatures): void {
    const id = member.event.id;
    const index = this.mentions.length;
    this.mentions.push(member);
    this.mentionIndex.set(id, index);
    const known = this.bySignature.get(features.signature);
    if (known !== undefined) {
      this.mentionRep.push(known);
      (this.repMentions[known] as number[]).push(index);
      this.repTouch[known] = this.clock;
      this.graph.grow(known, id);
      return;
    }
    const rep = this.graph.addRep(id);
    this.repFeatures.push(features);
    this.repMentions.push([index]);
    this.repTouch.push(this.clock);
    this.mentionRep.push(rep);
    this.bySignature.set(features.signature, rep);

    const group = this.index.group(features.group);
    const { candidates, strong, vaguerThan, vaguerOf } = this;
    candidates.length = strong.length = vaguerThan.length = vaguerOf.length = 0;
    this.index.candidates(group, features, candidates);
    this.index.add(group, features, rep);
    for (let i = 0; i < candidates.length; i++) {
      const other = candidates[i] as number;
      const rel = relateFeatures(features, this.repFeatures[other] as MentionFeatures, this.tree);
      if (rel === REL_STRONG) strong.push(other);
      if (rel === REL_A_VAGUER || rel === REL_CROSS) vaguerThan.push(other);
      if (rel === REL_B_VAGUER || rel === REL_CROSS) vaguerOf.push(other);
    }
    this.graph.connect(rep, strong, vaguerThan, vaguerOf);
  }
}

/** Regions merged: one per group for undated ones, overlapping or touching day ranges of a group joined. */
function mergeRegions(regions: StoreRegion[]): StoreRegion[] {
  if (regions.length < 2) return regions;
  const sorted = [...regions].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : Number(a.dated) - Number(b.dated) || a.first - b.first));
  const out: StoreRegion[] = [];
  for (const region of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.group === region.group && last.dated === region.dated && (!region.dated || region.first <= last.last + 1)) {
      last.last = Math.max(last.last, region.last);
    } else {
      out.push({ ...region });
    }
  }
  return out;
}

/** The fields of a mention a cluster's record reads, copied: the full EventRecord stays with its caller. */
function slim(mention: MentionInput): ClusterMention {
  const { event } = mention;
  const side = (actor: { code: string; country: string | null } | null): ClusterMention['event']['source'] | null =>
    actor === null ? null : { code: actor.code, country: actor.country };
  return {
    event: {
      id: event.id, doc: event.doc, cameo: event.cameo, date: event.date, dateBasis: event.dateBasis, negated: event.negated,
      modality: event.modality, status: event.status, terms: event.terms, source: side(event.source) as ClusterMention['event']['source'], target: side(event.target),
      items: event.items.length === 0 ? NO_ITEMS
        : event.items.map((i) => ({ kind: i.kind, model: i.model, quantity: i.quantity, max: i.max, unit: i.unit })),
    },
    outlet: mention.outlet,
    published: mention.published,
    nearDuplicateOf: mention.nearDuplicateOf ?? null,
  };
}

const NO_ITEMS: ClusterMention['event']['items'] = [];

/** Clusters a set of mentions from scratch; the same as adding them to a `Clusterer` in any order. */
export function clusterEvents(mentions: Iterable<MentionInput>, options: ClusterOptions): Cluster[] {
  const clusterer = new Clusterer(options);
  clusterer.addQuietly(mentions);
  return clusterer.clusters();
}
