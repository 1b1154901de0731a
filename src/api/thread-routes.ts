// API edge: GET /api/threads (assistance threads under a filter, a page, each with its first and latest steps) and
// GET /api/threads/:id (its steps in order, a page, each with its event and reports); every step names its strongest report (`lead`).
import { Hono } from 'hono';
import { z } from 'zod';
import type { RelatedStep, Thread, ThreadStep } from '../types/link.js';
import { THREAD_STATUSES, threadFilterProblem } from '../store/thread-filter.js';
import type { ThreadFilter } from '../store/store.js';
import { isPartialDate } from '../store/event-filter.js';
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-error.js';
import { strongestOf, strongestReport } from '../export/happening.js';
import { withArticles } from './mention-details.js';
import { intParam, parseQuery } from './query-params.js';
import type { StepDetail, ThreadDetail, ThreadList, ThreadSummary, WithLead } from '../types/api.js';

/** Reports given per step of a thread (a step's event may have hundreds; the event gives the count, its event view all). */
export const MENTIONS_PER_STEP = 20;

const partialDate = z.string().refine(isPartialDate, 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD');

export const threadQueryParams = {
  party: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be an actor or country code (letters, digits, - and _)').optional(),
  kind: z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be an item kind (rifle, patrol-boat) or a kind of help (military, economic, humanitarian)').optional(),
  // `status` is a list parameter elsewhere (comma lists split); a thread filter takes one.
  status: z.array(z.enum(THREAD_STATUSES)).max(1, 'takes one thread status').optional(),
  since: partialDate.optional(),
  until: partialDate.optional(),
  limit: intParam(1, 10_000).optional(),
  offset: intParam(0, 100_000_000).optional(),
  steps: intParam(2, 1000).optional(),
};

export const threadDetailParams = {
  offset: intParam(0, 100_000_000).optional(),
  limit: intParam(1, 1000).optional(),
};

/** The first two and the latest steps of a long list, at most `n` (a thread reads from its request to its latest news). */
function ends<T>(list: readonly T[], n: number): T[] {
  return list.length <= n ? [...list] : [...list.slice(0, 2), ...list.slice(list.length - (n - 2))];
}

/** A thread as lists give it: at most `n` steps (the first two and the latest) and the latest `n` related steps, with the counts. */
function summary(thread: Thread, n: number): Thread & Pick<ThreadSummary, 'stepCount' | 'relatedCount'> {
  return { ...thread, steps: ends(thread.steps, n), related: thread.related.slice(-n), stepCount: thread.steps.length, relatedCount: thread.related.length };
}

/**
 * The threads' steps each with its strongest report's id: one store lookup for the ranks of every step's event and one
 * for their reports' (a few columns each: the lead is an id here, so no event or report is read whole).
 */
async function withLeads<T extends { steps: ThreadStep[]; related: RelatedStep[] }>(ctx: ApiContext, threads: readonly T[]):
  Promise<Array<Omit<T, 'steps' | 'related'> & { steps: WithLead<ThreadStep>[]; related: WithLead<RelatedStep>[] }>> {
  const ids = [...new Set(threads.flatMap((t) => [...t.steps, ...t.related].map((s) => s.cluster)))];
  const [events, ranks] = [await ctx.store.eventRanksById(ids), await ctx.store.reportRanksOfMany(ids)];
  const lead = <S extends ThreadStep | RelatedStep>(step: S): WithLead<S> => {
    const event = events.get(step.cluster);
    return { ...step, lead: event === undefined ? null : strongestOf(event, ranks.get(step.cluster) ?? [], (r) => r)?.id ?? null };
  };
  return threads.map((t) => ({ ...t, steps: t.steps.map(lead), related: t.related.map(lead) }));
}

/** A step with its event and the first reports of it, strongest first, each with its article. */
async function stepDetail<S extends ThreadStep | RelatedStep>(ctx: ApiContext, step: S): Promise<StepDetail<S>> {
  const [event, all] = [await ctx.store.cluster(step.cluster), await ctx.store.mentionsOf(step.cluster)];
  const strongest = event === null ? null : strongestReport(event, all);
  const reports = strongest === null ? all : [strongest, ...all.filter((r) => r.id !== strongest.id)];
  return {
    step: { ...step, lead: strongest?.id ?? null },
    event: event === null ? null : { ...event, lead: strongest },
    reports: await withArticles(ctx.store, reports.slice(0, MENTIONS_PER_STEP)),
  };
}

/** The thread routes. */
export function threadRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  app.get('/threads', async (c) => {
    const { limit = 100, offset = 0, steps = 12, status, ...rest } = parseQuery(c.req.url, threadQueryParams, { eventFilter: false });
    const filter: ThreadFilter = Object.fromEntries(Object.entries({ ...rest, status: status?.[0] }).filter(([, v]) => v !== undefined));
    const problem = threadFilterProblem(filter);
    if (problem !== null) throw new ApiError(400, 'bad_request', `parameter "${problem.field}": ${problem.message}`);
    const [threads, total] = await Promise.all([ctx.store.threads(filter, { limit, offset }), ctx.store.countThreads(filter)]);
    return c.json({ threads: await withLeads(ctx, threads.map((t) => summary(t, steps))), total } satisfies ThreadList);
  });
  app.get('/threads/:id{.+}', async (c) => {
    const { offset = 0, limit = 100 } = parseQuery(c.req.url, threadDetailParams, { eventFilter: false });
    const id = c.req.param('id');
    const thread = await ctx.store.thread(id);
    if (thread === null) throw new ApiError(404, 'not_found', `no thread with id "${id}"`);
    const steps = [];
    for (const step of thread.steps.slice(offset, offset + limit)) steps.push(await stepDetail(ctx, step));
    const related = [];
    for (const step of thread.related.slice(-limit)) related.push(await stepDetail(ctx, step));
    const [shown] = await withLeads(ctx, [summary(thread, 12)]);
    if (shown === undefined) throw new Error('withLeads answers one thread for each it is given');
    return c.json({ thread: shown, steps, related } satisfies ThreadDetail);
  });
  return app;
}
