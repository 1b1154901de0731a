// Web UI: the HTTP API's answers, typed, fetched from the same server; errors carry the API's message.
import type { ActorCount, DyadRow, StoreStats } from '../../src/store/store.js';
import type { EventRecord } from '../../src/types/event.js';

export type { ActorCount, DyadRow, EventRecord, StoreStats };

export interface EventPage { events: EventRecord[]; next: string | null }
export interface ArticleRef { id: string; title: string | null; date: string | null; url: string | null; source: string | null }
export interface EventDetail { event: EventRecord; article: ArticleRef | null; mentions: EventRecord[] }
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
