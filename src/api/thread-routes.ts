// API edge: GET /api/threads (assistance threads under a filter, a page, each with its first and latest steps) and
// GET /api/threads/:id (its steps in order, a page, each with its event and evidence).
import { Hono } from 'hono';
import { z } from 'zod';
import type { RelatedStep, Thread, ThreadStep } from '../types/link.js';
import { THREAD_STATUSES, threadFilterProblem } from '../store/thread-filter.js';
import type { ThreadFilter } from '../store/store.js';
import { isPartialDate } from '../store/event-filter.js';
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-error.js';
import { withArticles } from './mention-details.js';
import { intParam, parseQuery } from './query-params.js';
import type { StepDetail, ThreadDetail, ThreadList, ThreadSummary } from '../types/api.js';

/** Reports given per step of a thread (a step's event may have hundreds; its cluster gives the count, its event view all). */
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
function summary(thread: Thread, n: number): ThreadSummary {
  return { ...thread, steps: ends(thread.steps, n), related: thread.related.slice(-n), stepCount: thread.steps.length, relatedCount: thread.related.length };
}

/** A step with its event (cluster) and the first reports that are its evidence, each with its article. */
async function stepDetail<S extends ThreadStep | RelatedStep>(ctx: ApiContext, step: S): Promise<StepDetail<S>> {
  const mentions = (await ctx.store.mentionsOf(step.cluster)).slice(0, MENTIONS_PER_STEP);
  return { step, cluster: await ctx.store.cluster(step.cluster), mentions: await withArticles(ctx.store, mentions) };
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
    return c.json({ threads: threads.map((t) => summary(t, steps)), total } satisfies ThreadList);
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
    return c.json({ thread: summary(thread, 12), steps, related } satisfies ThreadDetail);
  });
  return app;
}
