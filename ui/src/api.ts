// Web UI: the HTTP API's answers, typed, fetched from the same server; errors carry the API's message.
// Every answer's shape comes from src/types/api.ts, which the server's routes answer with and its schemas are checked against.
export type {
  ActorCount, ArticleDetail, ArticleRef, Cluster, ClusterItem, DyadRow, EventDetail, EventRecord, EventSummary, EventSummaryPage as EventPage,
  Network, NetworkEdge, NetworkNode, RelatedStep, Report, ReportDetail, ReportPage, StatsAnswer as Stats, StepDetail, Thread, ThreadDetail,
  ThreadList, ThreadStep, ThreadSummary, Timeline, TimelinePeriod, WithLead,
} from '../../src/types/api.js';

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
