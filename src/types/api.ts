// Types: the HTTP API's answers — one JSON shape per route. The routes (src/api) answer with them, the zod schemas
// (src/api/schemas.ts) are checked against them when the code compiles, and the web UI (ui/src/api.ts) reads them.
import type { Correction, CorrectionItem, CorrectionKind } from './correction.js';
import type { EventRecord } from './event.js';
import type { Cluster, ClusterItem, RelatedStep, Thread, ThreadStep } from './link.js';
import type { ActorCount, ArticleRef, DyadRow, EventPage as MentionPage, Period, StoreStats } from './query.js';

// The nouns the answers are made of, so that a client imports every shape from here.
export type {
  ActorCount, ArticleRef, Cluster, ClusterItem, Correction, CorrectionItem, CorrectionKind, DyadRow, EventRecord, MentionPage, Period, RelatedStep,
  StoreStats, Thread, ThreadStep,
};

/** Every error answer: `{error: {code, message}}`. */
export interface ErrorAnswer {
  error: { code: string; message: string };
}

/** `GET /api/health`. */
export interface HealthAnswer {
  ok: true;
  version: string;
  /** Where the store is (a PostgreSQL URL without its password). */
  store: string;
}

/** An event as the API gives it: the merged record (its reports merged) and its strongest report (null when none is stored). */
export interface EventSummary extends Cluster {
  lead: EventRecord | null;
}

/** `GET /api/events` (level events, the default): a page of events and the cursor of the next (null on the last page). */
export interface EventSummaryPage {
  events: EventSummary[];
  next: string | null;
}

/** `GET /api/events?level=reports`: a page of reports (coded sentences) and the cursor of the next. */
export interface ReportPage {
  reports: EventRecord[];
  next: string | null;
}

/** One report of an event: the coded sentence and the article it came from (null when the article is gone). */
export interface Report {
  report: EventRecord;
  article: ArticleRef | null;
}

/** `GET /api/events/:id`: one event with every report of it, each with its article. */
export interface EventDetail {
  event: EventSummary;
  reports: Report[];
}

/**
 * `GET /api/reports/:id`: one report with its article, the event it reports (null until clustered) and every report
 * of that event (just this one when not clustered).
 */
export interface ReportDetail {
  report: EventRecord;
  article: ArticleRef | null;
  event: EventSummary | null;
  reports: Report[];
}

/** A report in the deprecated `GET /api/clusters/:id` (`event` there is the report). */
export interface Mention {
  event: EventRecord;
  article: ArticleRef | null;
}

/** The deprecated `GET /api/clusters/:id`: one event with every report of it, in the old shape. */
export interface ClusterDetail {
  cluster: Cluster;
  mentions: Mention[];
}

/** A step as the API gives it: with the id of its strongest report, the one a step opens (null when none is stored). */
export type WithLead<S> = S & { lead: string | null };

/**
 * A thread as lists give it: its first two and latest steps (`steps`), its latest related steps, and the counts of
 * both; every step with its strongest report.
 */
export interface ThreadSummary extends Omit<Thread, 'steps' | 'related'> {
  steps: WithLead<ThreadStep>[];
  related: WithLead<RelatedStep>[];
  stepCount: number;
  relatedCount: number;
}

/** `GET /api/threads`: the threads of a page and how many match in all. */
export interface ThreadList {
  threads: ThreadSummary[];
  total: number;
}

/** A step with its event (null when it is gone) and its first reports, strongest first (the event has the count of all). */
export interface StepDetail<S> {
  step: WithLead<S>;
  event: EventSummary | null;
  reports: Report[];
}

/** `GET /api/threads/:id`: a thread with a page of its steps and its latest related steps, each with its event and first reports. */
export interface ThreadDetail {
  thread: ThreadSummary;
  steps: StepDetail<ThreadStep>[];
  related: StepDetail<RelatedStep>[];
}

/** A stored article as the API gives it: its citation fields, text and metadata. */
export interface ArticleAnswer extends ArticleRef {
  text: string;
  byline: string | null;
  dateline: string | null;
  language: string | null;
  /** ISO timestamp of the write. */
  ingestedAt: string;
}

/** `GET /api/articles/:id`: the article and its events. */
export interface ArticleDetail {
  article: ArticleAnswer;
  events: EventRecord[];
}

/** `GET /api/actors`. */
export interface ActorList {
  actors: ActorCount[];
}

/** `GET /api/dyads`. */
export interface DyadList {
  dyads: DyadRow[];
}

/** An actor (or country) of the network. */
export interface NetworkNode {
  id: string;
  name: string;
  /** Reports the node takes part in (as source or target; a self-loop counts once). */
  count: number;
}

/** Source → target over the whole period asked for. */
export interface NetworkEdge {
  source: string;
  target: string;
  count: number;
  /** Mean Goldstein score of the edge's events. */
  goldsteinMean: number;
}

/** `GET /api/network`: the heaviest edges and the nodes they join. */
export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** A record `POST /api/articles` could not take, as data. */
export interface ProblemAnswer {
  code: string;
  message: string;
  input: string;
  line?: number;
  stage: string;
}

/** `POST /api/articles`: per article, whether it was new, its id and events; plus the records that failed. */
export interface PostArticlesAnswer {
  articles: Array<{ id: string; new: boolean; events: EventRecord[] }>;
  problems: ProblemAnswer[];
  /** What was kept with a change, e.g. a dropped date or events past the budget, one line each naming the article. */
  warnings: string[];
}

/**
 * `GET /api/stats`: what the store holds — events (reports merged), reports (coded sentences; the store's own
 * `events` count), articles, and more.
 */
export type StatsAnswer = Omit<StoreStats, 'events'> & { events: number; reports: number };

/** One period of the timeline: events per quad class (verbal coop, material coop, verbal conflict, material conflict) and their reports. */
export interface TimelinePeriod {
  period: string;
  quads: [number, number, number, number];
  events: number;
  reports: number;
}

/** `GET /api/timeline`: events per period; those undated, or dated more coarsely than the period (a year-only date by month), counted apart. */
export interface Timeline {
  by: Period;
  periods: TimelinePeriod[];
  undated: { events: number; reports: number };
  coarser: { events: number; reports: number };
}

/** `GET /api/corrections`: the analysts' correction log, in the order appended, and its size. */
export interface CorrectionLog {
  corrections: Correction[];
  total: number;
}

/** `POST /api/corrections`, `DELETE /api/corrections/:id`: the correction (or revert) as appended. */
export interface CorrectionMade {
  correction: Correction;
}

/** `POST /api/corrections/import`: how many corrections were new, and the size of the log. */
export interface CorrectionImport {
  added: number;
  total: number;
}

/** An actor as a correction request names it: a code, and optionally its country, name and sector. */
export interface CorrectionActorBody {
  code: string;
  country?: string | null | undefined;
  name?: string | undefined;
  sector?: string | null | undefined;
}

/** An item as a correction request states it. */
export interface CorrectionItemBody {
  text?: string | undefined;
  kind: string;
  model?: string | null | undefined;
  quantity?: number | null | undefined;
  unit?: string | null | undefined;
}

/** The fields an edit sets; absent fields stay, null clears a target or status and empties the items. */
export interface CorrectionEditBody {
  source?: CorrectionActorBody | undefined;
  target?: CorrectionActorBody | null | undefined;
  cameo?: string | undefined;
  status?: Exclude<EventRecord['status'], null> | null | undefined;
  items?: CorrectionItemBody[] | null | undefined;
}

/** Who asks for a correction, and why. */
interface CorrectionWho {
  by: string;
  reason?: string | undefined;
}

/** The body of `POST /api/corrections`: one correction as asked for, with who asks and why. */
export type CorrectionBody =
  | ({ kind: 'reject'; id: string } & CorrectionWho)
  | ({ kind: 'edit'; id: string; set: CorrectionEditBody } & CorrectionWho)
  | ({ kind: 'merge'; ids: string[] } & CorrectionWho)
  | ({ kind: 'split'; id: string; reports: string[] } & CorrectionWho);
