// Web UI: the HTTP API's answers, typed, fetched from the same server; errors carry the API's message.
import type { Cluster, ClusterItem, RelatedStep, Thread, ThreadStep } from '../../src/types/link.js';
import type { ActorCount, DyadRow, StoreStats } from '../../src/store/store.js';
import type { EventRecord } from '../../src/types/event.js';

export type { ActorCount, Cluster, ClusterItem, DyadRow, EventRecord, RelatedStep, StoreStats, Thread, ThreadStep };

export interface EventPage { events: EventRecord[]; next: string | null }
export interface ArticleRef { id: string; title: string | null; date: string | null; url: string | null; source: string | null; nearDuplicateOf?: string | null }
/** One report of an event: the coded sentence and its article. */
export interface Mention { event: EventRecord; article: ArticleRef | null }
/** An event (a report), the happening it reports (null until clustered) and every report of that happening. */
export interface EventDetail { event: EventRecord; article: ArticleRef | null; cluster: Cluster | null; mentions: Mention[] }
/** A thread as lists give it: its first two and latest steps, with the counts of all. */
export interface ThreadSummary extends Thread { stepCount: number; relatedCount: number }
export interface ThreadList { threads: ThreadSummary[]; total: number }
/** A step with its event and its first reports (the cluster has the count of all). */
export interface StepDetail<S> { step: S; cluster: Cluster | null; mentions: Mention[] }
export interface ThreadDetail { thread: ThreadSummary; steps: StepDetail<ThreadStep>[]; related: StepDetail<RelatedStep>[] }
export interface ArticleDetail {
  article: ArticleRef & { text: string; byline: string | null; dateline: string | null; nearDuplicateOf: string | null };
  events: EventRecord[];
}
export interface NetworkNode { id: string; name: string; count: number }
export interface NetworkEdge { source: string; target: string; count: number; goldsteinMean: number }
export interface Network { nodes: NetworkNode[]; edges: NetworkEdge[] }

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
