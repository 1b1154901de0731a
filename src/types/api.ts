// Types: the HTTP API's answers — one JSON shape per route. The routes (src/api) answer with them, the zod schemas
// (src/api/schemas.ts) are checked against them when the code compiles, and the web UI (ui/src/api.ts) reads them.
import type { EventRecord } from './event.js';
import type { Cluster, ClusterItem, RelatedStep, Thread, ThreadStep } from './link.js';
import type { ActorCount, ArticleRef, DyadRow, EventPage, StoreStats } from './query.js';

// The nouns the answers are made of, so that a client imports every shape from here.
export type { ActorCount, ArticleRef, Cluster, ClusterItem, DyadRow, EventPage, EventRecord, RelatedStep, StoreStats, Thread, ThreadStep };

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

/** One report of an event: the coded sentence and the article it came from (null when the article is gone). */
export interface Mention {
  event: EventRecord;
  article: ArticleRef | null;
}

/**
 * `GET /api/events/:id`: one report with its article, the happening it reports (null until clustered) and every report
 * of that happening (just this one when not clustered).
 */
export interface EventDetail {
  event: EventRecord;
  article: ArticleRef | null;
  cluster: Cluster | null;
  mentions: Mention[];
}

/** `GET /api/events?level=events`: a page of happenings and the cursor of the next (null on the last page). */
export interface ClusterPage {
  clusters: Cluster[];
  next: string | null;
}

/** `GET /api/clusters/:id`: one happening with every report of it. */
export interface ClusterDetail {
  cluster: Cluster;
  mentions: Mention[];
}

/** A thread as lists give it: its first two and latest steps (`steps`), its latest related steps, and the counts of both. */
export interface ThreadSummary extends Thread {
  stepCount: number;
  relatedCount: number;
}

/** `GET /api/threads`: the threads of a page and how many match in all. */
export interface ThreadList {
  threads: ThreadSummary[];
  total: number;
}

/** A step with its event (the cluster; null when it is gone) and the reports that are its evidence. */
export interface StepDetail<S> {
  step: S;
  cluster: Cluster | null;
  mentions: Mention[];
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
  /** Events the node takes part in (as source or target; a self-loop counts once). */
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
}

/** `GET /api/stats`. */
export type StatsAnswer = StoreStats;
