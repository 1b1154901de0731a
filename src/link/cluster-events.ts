// Link stage: mentions (coded events + article metadata) → clusters, one per real-world happening; incremental and order-independent.
//
// Mentions with identical features (dyad, code, item kinds, date) share one *rep*, so a repeated report costs a map
// lookup. A new rep is compared only with the reps of its (dyad, code family) group in nearby time buckets
// (TimeIndex), and the relations found go to the ComponentGraph, which joins, links and re-settles locally. Rules and
// their order independence: component-graph.ts.
import type { Cluster, ClusterChange, ClusterMention, MentionInput } from '../types/link.js';
import { defaultKindTree, type KindTree } from './kind-tree.js';
import { buildCluster } from './build-cluster.js';
import { ComponentGraph } from './component-graph.js';
import { TimeIndex } from './time-index.js';
import {
  DEFAULT_WINDOWS, REL_A_VAGUER, REL_B_VAGUER, REL_CROSS, REL_STRONG, mentionFeatures, relateFeatures, type DateWindows,
  type MentionFeatures,
} from './mention-features.js';

/** Options of clustering. */
export interface ClusterOptions {
  /** Kind hierarchy for item compatibility (default: Dyad's equipment lexicon). */
  kinds?: KindTree;
  /** Date windows in days (default: day ±3, undated ±7 around the publication date). */
  windows?: Partial<DateWindows>;
}

/** Incremental clustering of mentions into events. Feed mentions with `add`/`addAll`; read with `clusters`/`cluster`. */
export class Clusterer {
  private readonly tree: KindTree;
  private readonly windows: DateWindows;
  /** What a cluster's record needs of each mention (see `slim`). */
  private readonly mentions: ClusterMention[] = [];
  private readonly mentionIndex = new Map<string, number>();
  private readonly mentionRep: number[] = [];
  private readonly repFeatures: MentionFeatures[] = [];
  private readonly repMentions: number[][] = [];
  private readonly bySignature = new Map<string, number>();
  private readonly index: TimeIndex;
  private readonly graph = new ComponentGraph();
  /** Scratch buffers, reused by every insert. */
  private readonly candidates: number[] = [];
  private readonly strong: number[] = [];
  private readonly vaguerThan: number[] = [];
  private readonly vaguerOf: number[] = [];

  constructor(options: ClusterOptions = {}) {
    this.tree = options.kinds ?? defaultKindTree();
    this.windows = { ...DEFAULT_WINDOWS, ...options.windows };
    this.index = new TimeIndex(Math.max(this.windows.day, this.windows.undated));
  }

  /** Adds one mention; returns the clusters to upsert and delete. A mention id seen before is ignored. */
  add(mention: MentionInput): ClusterChange {
    return this.addAll([mention]);
  }

  /** Adds a batch (e.g. one article's mentions) and reports the net change once: cheaper than one `add` each. */
  addAll(mentions: Iterable<MentionInput>): ClusterChange {
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
    for (const mention of mentions) this.insert(mention);
  }

  /** Every cluster, by id. */
  clusters(): Cluster[] {
    return this.graph.clusterIds().sort().map((id) => this.record(id));
  }

  /** One cluster's record, or null. */
  cluster(id: string): Cluster | null {
    return this.graph.hasCluster(id) ? this.record(id) : null;
  }

  /** The id of the cluster a mention belongs to, or null for an unknown mention. */
  clusterOf(mentionId: string): string | null {
    const index = this.mentionIndex.get(mentionId);
    return index === undefined ? null : (this.graph.clusterOf(this.mentionRep[index] as number) ?? null);
  }

  /** Number of mentions and of clusters. */
  get size(): { mentions: number; clusters: number } {
    return { mentions: this.mentions.length, clusters: this.graph.clusterCount };
  }

  private record(id: string): Cluster {
    const { reps, ambiguous } = this.graph.members(id);
    const members: ClusterMention[] = [];
    for (const rep of reps) for (const m of this.repMentions[rep] ?? []) members.push(this.mentions[m] as ClusterMention);
    return buildCluster(members, this.tree, ambiguous);
  }

  private insert(mention: MentionInput): void {
    const id = mention.event.id;
    if (this.mentionIndex.has(id)) return;
    const index = this.mentions.length;
    this.mentions.push(slim(mention));
    this.mentionIndex.set(id, index);
    const features = mentionFeatures(mention, this.windows);
    const known = this.bySignature.get(features.signature);
    if (known !== undefined) {
      this.mentionRep.push(known);
      (this.repMentions[known] as number[]).push(index);
      this.graph.grow(known, id);
      return;
    }
    const rep = this.graph.addRep(id);
    this.repFeatures.push(features);
    this.repMentions.push([index]);
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
export function clusterEvents(mentions: Iterable<MentionInput>, options: ClusterOptions = {}): Cluster[] {
  const clusterer = new Clusterer(options);
  clusterer.addQuietly(mentions);
  return clusterer.clusters();
}
