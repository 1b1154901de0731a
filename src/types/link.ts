// Types: the nouns of linking — a mention with its article's metadata in; events (clusters) and threads out.
import type { ActorRef, DateBasis, DatePrecision, EventRecord, Item, Status, Terms } from './event.js';

/**
 * How the reports of an event put it: `asserted` when at least one report says it happened (or was asked for,
 * offered, pledged … as its status says); `denied` when every report disputes it and one of them is a denial
 * ("denied delivering the tanks"); `negated` when every report disputes it by a plain negation ("did not deliver").
 */
export type ClusterModality = 'asserted' | 'negated' | 'denied';

/** One coded event (a mention) with what the linker needs to know about the article it came from. */
export interface MentionInput {
  /** The coded event; `event.id` is the mention id and `event.doc` the article id. */
  event: EventRecord;
  /** The outlet that published the article (`Article.source`); null when unknown (the article is then its own outlet). */
  outlet: string | null;
  /** Publication date of the article (`Article.date`: `YYYY-MM-DD` or a full ISO timestamp); null when unknown. */
  published: string | null;
  /**
   * Document id of the article this one is a near-duplicate (syndicated copy) of, as the store records it
   * (`ArticleMeta.nearDuplicateOf`); null or absent for an original. Copies count as one source with their original.
   */
  nearDuplicateOf?: string | null;
}

/** What summarising a cluster reads of an item. */
export type ClusterMentionItem = Pick<Item, 'kind' | 'model' | 'quantity' | 'max' | 'unit'>;

/**
 * What summarising a cluster (`buildCluster`) reads of a mention: a `MentionInput` has it all. The Clusterer keeps only
 * this of each mention, so that it does not hold every sentence, name and offset (and the article texts those strings
 * are sliced from) for the whole run.
 */
export interface ClusterMention {
  event: Pick<EventRecord, 'id' | 'doc' | 'cameo' | 'date' | 'dateBasis' | 'negated' | 'modality' | 'status' | 'terms'> & {
    source: Pick<ActorRef, 'code' | 'country'>;
    target: Pick<ActorRef, 'code' | 'country'> | null;
    items: readonly ClusterMentionItem[];
  };
  outlet: string | null;
  published: string | null;
  nearDuplicateOf?: string | null;
}

/** One item of an event, merged over its mentions. */
export interface ClusterItem {
  kind: string;
  /** The model most sources name, else null. */
  model: string | null;
  /** The quantity most independent sources agree on (null when none states one). */
  quantity: number | null;
  unit: string | null;
  /** Every distinct quantity reported, ascending. */
  quantities: number[];
  /** True when the sources report different quantities. */
  conflict: boolean;
  /** Independent sources that name this item. */
  sources: number;
}

/** One real-world happening (an *event*) and every report of it (its *mentions*). */
export interface Cluster {
  /** `c-` + the smallest member mention id: the same mentions give the same id, whatever order they arrived in. */
  id: string;
  /** Source side: the actor's country, else its code (IGOs, armed groups). */
  source: string;
  /** Target side, likewise; null for events without a target. */
  target: string | null;
  /** The CAMEO code best supported by the mentions (the most specific one most of them are compatible with). */
  cameo: string;
  root: string;
  /**
   * True when no report supports the event, only reports that dispute it (`modality` says how). A report that denies
   * or negates an event joins it as a *disputing* report: see `disputed`.
   */
  negated: boolean;
  /** `asserted` when some report supports the event, else `denied` or `negated`. */
  modality: ClusterModality;
  /** True when some reports support the event and others dispute it (deny it, or say it did not happen). */
  disputed: boolean;
  /** Member mention ids, supporting and disputing, ascending. */
  mentionIds: string[];
  /** The members that dispute the event (negated or denied reports), ascending; a subset of `mentionIds`. */
  disputingMentionIds: string[];
  /**
   * The counts, outlets, report dates and confidence below are of the event's *own* reports: those that support it, or,
   * for an event no report supports (`negated`), those that dispute it. Disputing reports never count as support.
   */
  mentionCount: number;
  articleCount: number;
  /** Distinct outlets named by the own reports' articles, ascending. */
  outlets: string[];
  /**
   * Independent sources of the own reports: articles after folding near-duplicate copies into their original and all
   * articles of one outlet into one source (an article with no outlet is a source of its own).
   */
  independentSources: number;
  /** The sources that say the event happened: outlets, or for an article without one its document id; ascending. */
  supportingSources: string[];
  /** The sources that deny it or say it did not happen, named likewise; ascending. */
  disputingSources: string[];
  /** Independent sources on each side (counted as `independentSources`). */
  supportingSourceCount: number;
  disputingSourceCount: number;
  /** Earliest and latest publication date of the mentions' articles (`YYYY-MM-DD`), null when none is known. */
  firstReport: string | null;
  lastReport: string | null;
  /** The event date most sources support, at the finest precision they give; null when no mention dates it. */
  date: string | null;
  datePrecision: DatePrecision;
  /** `publication` when no mention states a date and the date is the earliest publication date. */
  dateBasis: DateBasis;
  /** The most reported status and terms (null when none). */
  status: Status;
  terms: Terms | null;
  /** Items over all mentions, merged by kind. */
  items: ClusterItem[];
  /** 1 − 0.5^sources of the own reports: 0.5 for one source, 0.75 for two, 0.875 for three. */
  confidence: number;
  /**
   * True when some mentions here are vague enough to fit another event as well (no items, a coarser code or date)
   * and were kept apart rather than guessed into one of them.
   */
  ambiguous: boolean;
}

/** What one addition (or batch of additions) changed, so that a store can write only that. */
export interface ClusterChange {
  /** Clusters that are new or whose members changed: upsert these. */
  upserted: Cluster[];
  /** Ids of clusters that no longer exist (merged into another, renamed, or split): delete these. */
  removed: string[];
  /** Earlier clusters (`from`) that are now part of `into` (a bridge merged them, or the id changed). */
  merged: Array<{ into: string; from: string[] }>;
}

/** The role an event plays in an assistance thread. */
export type StepRole = 'request' | 'offer' | 'pledge' | 'agreement' | 'condition' | 'delivery' | 'refusal' | 'suspension';

/** The kind of help a thread is about. */
export type AidContext = 'military' | 'economic' | 'humanitarian' | 'unspecified';

/** What came of the requests in a thread. */
export type ThreadStatus = 'open' | 'partly-fulfilled' | 'fulfilled' | 'refused' | 'stalled';

/** One step of a thread: one event (cluster) and its evidence. */
export interface ThreadStep {
  /** Position in the thread, from 0. */
  order: number;
  role: StepRole;
  /** The event; its mentions are the evidence. */
  cluster: string;
  /** Mention ids of the event. */
  evidence: string[];
  /** Who acted: the supplier (offers, deliveries, …) or the recipient (requests). */
  actor: 'supplier' | 'recipient';
  cameo: string;
  date: string | null;
  datePrecision: DatePrecision;
  items: ClusterItem[];
  terms: Terms | null;
}

/** A third party's step that bears on a thread (another supplier delivering what the recipient asked for). */
export interface RelatedStep extends Omit<ThreadStep, 'order'> {
  /** The third party (the other supplier). */
  supplier: string;
  /** The thread this step belongs to in its own right. */
  thread: string;
  /** Item kinds of the step that match kinds the thread's recipient asked for (empty: the same kind of help). */
  overlap: string[];
}

/** One assistance story between a supplier and a recipient over time: request → offer → agreement → delivery. */
export interface Thread {
  /** `t-` + the smallest cluster id of its steps. */
  id: string;
  supplier: string;
  recipient: string;
  context: AidContext;
  status: ThreadStatus;
  /** Item kinds named in any step, ascending. */
  kinds: string[];
  /** Item kinds asked for (or, with no request, offered or pledged) that no delivery matched. */
  missing: string[];
  /** Date of the first and of the last step. */
  opened: string | null;
  lastStep: string | null;
  steps: ThreadStep[];
  related: RelatedStep[];
}

/**
 * One kind of item as linking reads it (from equipment.yaml): the kind it lies under, and what help it stands for.
 * A store records the kinds a user's lexicon added to Dyad's own or defined otherwise (`Store.lexiconKinds`), so
 * that every later reader links its reports by the tree they were coded with.
 */
export interface ItemKind {
  kind: string;
  parent: string | null;
  military: boolean;
  economic: boolean;
}
