// Web UI: the HTTP API's answers, typed, fetched from the same server; errors carry the API's message.
import type { Cluster, ClusterItem, RelatedStep, Thread, ThreadStep } from '../../src/link/link-types.js';
import type { ActorCount, DyadRow, StoreStats } from '../../src/store/store.js';
import type { EventRecord } from '../../src/types/event.js';

export type { ActorCount, Cluster, ClusterItem, DyadRow, EventRecord, RelatedStep, Thread, ThreadStep };

/** What the store holds: events (reports merged), reports (coded sentences), articles, and the span of dates. */
export type Stats = Omit<StoreStats, 'events'> & { events: number; reports: number };

/** An event: its reports merged and counted, with the report that speaks for it best (null when none is stored). */
export type EventSummary = Cluster & { lead: EventRecord | null };
export interface EventPage { events: EventSummary[]; next: string | null }
export interface ReportPage { reports: EventRecord[]; next: string | null }
export interface ArticleRef { id: string; title: string | null; date: string | null; url: string | null; source: string | null; nearDuplicateOf?: string | null }
/** One report of an event: the coded sentence and its article. */
export interface Report { report: EventRecord; article: ArticleRef | null }
/** An event with every report of it. */
export interface EventDetail { event: EventSummary; reports: Report[] }
/** A report, the event it reports (null until clustered) and every report of that event. */
export interface ReportDetail { report: EventRecord; article: ArticleRef | null; event: EventSummary | null; reports: Report[] }
/** A step with the id of its strongest report, the one it opens. */
export type WithLead<S> = S & { lead: string | null };
/** A thread as lists give it: its first two and latest steps, with the counts of all. */
export interface ThreadSummary extends Omit<Thread, 'steps' | 'related'> {
  steps: WithLead<ThreadStep>[];
  related: WithLead<RelatedStep>[];
  stepCount: number;
  relatedCount: number;
}
export interface ThreadList { threads: ThreadSummary[]; total: number }
/** A step with its event and its first reports, strongest first (the event has the count of all). */
export interface StepDetail<S> { step: WithLead<S>; event: EventSummary | null; reports: Report[] }
export interface ThreadDetail { thread: ThreadSummary; steps: StepDetail<ThreadStep>[]; related: StepDetail<RelatedStep>[] }
export interface ArticleDetail {
  article: ArticleRef & { text: string; byline: string | null; dateline: string | null; nearDuplicateOf: string | null };
  events: EventRecord[];
}
export interface NetworkNode { id: string; name: string; count: number }
export interface NetworkEdge { source: string; target: string; count: number; goldsteinMean: number }
export interface Network { nodes: NetworkNode[]; edges: NetworkEdge[] }
/** Events per period by quad class, with their reports. */
export interface TimelinePeriod { period: string; quads: [number, number, number, number]; events: number; reports: number }
export interface Timeline { by: string; periods: TimelinePeriod[]; undated: { events: number; reports: number }; coarser: { events: number; reports: number } }

/** An error answer of the API. */
export class ApiFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** GETs a JSON answer of the API. */
export async function getJson<T>(path: string, params?: URLSearchParams): Promise<T> {
  const query = params && [...params.keys()].length > 0 ? `?${params.toString()}` : '';
  const res = await fetch(`/api${path}${query}`, { headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message ?? `${res.status} ${res.statusText}`;
    throw new ApiFailure(res.status, message);
  }
  return body as T;
}

/** The path of an API download (`/api/events?format=csv&...`), for a plain link. */
export function apiHref(path: string, params: URLSearchParams): string {
  return `/api${path}?${params.toString()}`;
}
