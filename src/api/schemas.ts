// API edge: zod schemas of every JSON answer — the response contract, checked in tests and turned into OpenAPI.
import { z } from 'zod';
import { DATE_BASES } from '../types/event.js';
import type {
  ActorCount, ActorList, ArticleAnswer, ArticleDetail, ArticleRef, Cluster, ClusterDetail, ClusterItem, DyadList, DyadRow, ErrorAnswer,
  EventDetail, EventRecord, EventSummary, EventSummaryPage, HealthAnswer, Mention, MentionPage, Network, PostArticlesAnswer, ProblemAnswer,
  RelatedStep, Report, ReportDetail, ReportPage, StatsAnswer, Thread, ThreadDetail, ThreadList, ThreadStep, ThreadSummary, Timeline,
} from '../types/api.js';

const span = { start: z.number().int().min(0), end: z.number().int().min(0) };

export const actorRefSchema = z.object({
  code: z.string().min(1), country: z.string().nullable(), name: z.string(), text: z.string(), sector: z.string().nullable(), ...span,
});

export const itemSchema = z.object({
  text: z.string(), kind: z.string(), model: z.string().nullable(), quantity: z.number().nullable(),
  max: z.number().nullable().optional(), approx: z.boolean().optional(), unit: z.string().nullable(), ...span,
});

/** One coded event (mirrors src/types/event.ts and schema/event.schema.json). */
export const eventSchema = z.object({
  id: z.string(),
  doc: z.string(),
  sentence: z.object({ index: z.number().int().min(0), text: z.string(), ...span }),
  source: actorRefSchema,
  target: actorRefSchema.nullable(),
  cameo: z.string().regex(/^\d{2,4}$/),
  cameoName: z.string(),
  root: z.string().regex(/^\d{2}$/),
  quad: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  goldstein: z.number().min(-10).max(10),
  plover: z.object({ type: z.string(), mode: z.string().nullable(), context: z.string().nullable() }),
  trigger: z.object({ text: z.string(), ...span }),
  date: z.string().nullable(),
  datePrecision: z.enum(['day', 'month', 'year', 'unknown']),
  dateBasis: z.enum(DATE_BASES),
  negated: z.boolean(),
  modality: z.enum(['asserted', 'reported', 'intended', 'possible', 'conditional', 'negated', 'denied']),
  status: z.enum(['requested', 'offered', 'pledged', 'agreed', 'delivered', 'refused', 'suspended', 'conditional']).nullable(),
  items: z.array(itemSchema),
  terms: z.enum(['free', 'donation', 'grant', 'loan', 'credit', 'commercial', 'sale', 'lease', 'barter']).nullable(),
  attribution: z.object({ text: z.string(), actor: z.string().nullable(), ...span }).nullable(),
  location: z.object({
    text: z.string(), name: z.string(), country: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable(),
    geonamesId: z.number().nullable().optional(), ...span,
  }).nullable(),
});

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const healthSchema = z.object({ ok: z.literal(true), version: z.string(), store: z.string() });

/** A page of reports (`GET /api/events?level=reports`). */
export const reportPageSchema = z.object({ reports: z.array(eventSchema), next: z.string().nullable() });

/** A page of reports in the shape of the deprecated `level=mentions` (`events` there are reports). */
export const mentionPageSchema = z.object({ events: z.array(eventSchema), next: z.string().nullable() });

/** An article's citation fields, as shown beside an event. */
export const articleRefSchema = z.object({
  id: z.string(), title: z.string().nullable(), date: z.string().nullable(), url: z.string().nullable(), source: z.string().nullable(),
  nearDuplicateOf: z.string().nullable(),
});

const statusSchema = eventSchema.shape.status;
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?/);

/** One item of an event, merged over its mentions (src/types/link.ts ClusterItem). */
export const clusterItemSchema = z.object({
  kind: z.string(), model: z.string().nullable(), quantity: z.number().nullable(), unit: z.string().nullable(),
  quantities: z.array(z.number()), conflict: z.boolean(), sources: z.number().int().min(0),
});

/** One event: its reports merged, sources counted (src/types/link.ts Cluster, whose `mention…` fields count reports). */
export const clusterSchema = z.object({
  id: z.string().startsWith('c-'),
  source: z.string(),
  target: z.string().nullable(),
  cameo: z.string().regex(/^\d{2,4}$/),
  root: z.string().regex(/^\d{2}$/),
  /** True when no report supports the event, only reports that deny or negate it. */
  negated: z.boolean(),
  /** asserted: some report supports it; denied / negated: every report disputes it. */
  modality: z.enum(['asserted', 'negated', 'denied']),
  /** True when some reports support the event and others deny it or say it did not happen. */
  disputed: z.boolean(),
  mentionIds: z.array(z.string()).min(1),
  /** The reports that dispute the event (a subset of mentionIds). */
  disputingMentionIds: z.array(z.string()),
  /** Counts, outlets, report dates and confidence are of the supporting reports (of the disputing ones when none supports it). */
  mentionCount: z.number().int().min(1),
  articleCount: z.number().int().min(1),
  outlets: z.array(z.string()),
  independentSources: z.number().int().min(1),
  /** Sources (outlet, else document id) that say the event happened, and those that dispute it. */
  supportingSources: z.array(z.string()),
  disputingSources: z.array(z.string()),
  supportingSourceCount: z.number().int().min(0),
  disputingSourceCount: z.number().int().min(0),
  firstReport: z.string().nullable(),
  lastReport: z.string().nullable(),
  date: partialDate.nullable(),
  datePrecision: eventSchema.shape.datePrecision,
  dateBasis: eventSchema.shape.dateBasis,
  status: statusSchema,
  terms: eventSchema.shape.terms,
  items: z.array(clusterItemSchema),
  confidence: z.number().min(0).max(1),
  ambiguous: z.boolean(),
});

/** An event as the API gives it: the merged record and its strongest report (null when none is stored). */
export const eventSummarySchema = clusterSchema.extend({ lead: eventSchema.nullable() });

/** A page of events (`GET /api/events`, level events: the default). */
export const eventPageSchema = z.object({ events: z.array(eventSummarySchema), next: z.string().nullable() });

/** One report of an event: the coded sentence and the article it came from. */
export const reportSchema = z.object({ report: eventSchema, article: articleRefSchema.nullable() });

/** One event with every report of it, each with its article (`GET /api/events/:id`). */
export const eventDetailSchema = z.object({ event: eventSummarySchema, reports: z.array(reportSchema) });

/**
 * One report with its article, the event it reports (null until clustered) and every report of that event (just
 * this one when not clustered) — `GET /api/reports/:id`.
 */
export const reportDetailSchema = z.object({
  report: eventSchema, article: articleRefSchema.nullable(), event: eventSummarySchema.nullable(), reports: z.array(reportSchema).min(1),
});

/** A report in the deprecated `GET /api/clusters/:id` (`event` there is the report). */
export const mentionSchema = z.object({ event: eventSchema, article: articleRefSchema.nullable() });

/** One event with every report of it, in the shape of the deprecated `GET /api/clusters/:id`. */
export const clusterDetailSchema = z.object({ cluster: clusterSchema, mentions: z.array(mentionSchema) });

const stepRoleSchema = z.enum(['request', 'offer', 'pledge', 'agreement', 'condition', 'delivery', 'refusal', 'suspension']);

/** One step of an assistance thread (src/types/link.ts ThreadStep). */
export const threadStepSchema = z.object({
  order: z.number().int().min(0),
  role: stepRoleSchema,
  cluster: z.string(),
  evidence: z.array(z.string()),
  actor: z.enum(['supplier', 'recipient']),
  cameo: z.string().regex(/^\d{2,4}$/),
  date: partialDate.nullable(),
  datePrecision: eventSchema.shape.datePrecision,
  items: z.array(clusterItemSchema),
  terms: eventSchema.shape.terms,
});

/** A third party's step bearing on a thread. */
export const relatedStepSchema = threadStepSchema.omit({ order: true }).extend({
  supplier: z.string(), thread: z.string(), overlap: z.array(z.string()),
});

/** An assistance thread: request → offer → pledge → delivery… between a supplier and a recipient, with its status. */
export const threadSchema = z.object({
  id: z.string().startsWith('t-'),
  supplier: z.string(),
  recipient: z.string(),
  context: z.enum(['military', 'economic', 'humanitarian', 'unspecified']),
  status: z.enum(['open', 'partly-fulfilled', 'fulfilled', 'refused', 'stalled']),
  kinds: z.array(z.string()),
  missing: z.array(z.string()),
  opened: partialDate.nullable(),
  lastStep: partialDate.nullable(),
  steps: z.array(threadStepSchema),
  related: z.array(relatedStepSchema),
});

/** A step as the API gives it: with the id of its strongest report, the one it opens (null when none is stored). */
const leadField = { lead: z.string().nullable() };

/**
 * A thread as lists give it: its first two and latest steps (`steps` of them), its latest related steps, and the
 * counts of both; every step with its strongest report.
 */
export const threadSummarySchema = threadSchema.extend({
  steps: z.array(threadStepSchema.extend(leadField)), related: z.array(relatedStepSchema.extend(leadField)),
  stepCount: z.number().int().min(0), relatedCount: z.number().int().min(0),
});

export const threadsSchema = z.object({ threads: z.array(threadSummarySchema), total: z.number().int().min(0) });

/** A step with its event and its first reports, strongest first. */
const stepDetail = <S extends z.ZodRawShape>(step: z.ZodObject<S>) => z.object({ step: step.extend(leadField), event: eventSummarySchema.nullable(), reports: z.array(reportSchema) });

/** A thread with a page of its steps (`offset`, `limit`) and its latest related steps, each with its event and first reports. */
export const threadDetailSchema = z.object({
  thread: threadSummarySchema, steps: z.array(stepDetail(threadStepSchema)), related: z.array(stepDetail(relatedStepSchema)),
});

export const articleSchema = articleRefSchema.extend({
  text: z.string(), byline: z.string().nullable(), dateline: z.string().nullable(), language: z.string().nullable(),
  nearDuplicateOf: z.string().nullable(), ingestedAt: z.string(),
});

export const articleDetailSchema = z.object({ article: articleSchema, events: z.array(eventSchema) });

export const actorCountSchema = z.object({
  code: z.string(), name: z.string(), country: z.string().nullable(), sector: z.string().nullable(),
  asSource: z.number().int().min(0), asTarget: z.number().int().min(0), total: z.number().int().min(0),
});
export const actorsSchema = z.object({ actors: z.array(actorCountSchema) });

export const dyadRowSchema = z.object({
  source: z.string(), target: z.string(), period: z.string().nullable(), count: z.number().int().min(1),
  goldsteinMean: z.number(), quadShares: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
export const dyadsSchema = z.object({ dyads: z.array(dyadRowSchema) });

export const networkSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int().min(0) })),
  edges: z.array(z.object({ source: z.string(), target: z.string(), count: z.number().int().min(1), goldsteinMean: z.number() })),
});

/** What the store holds: events (reports merged), reports (coded sentences), articles, and more. */
export const statsSchema = z.object({
  events: z.number().int().min(0), reports: z.number().int().min(0), articles: z.number().int().min(0),
  schemaVersion: z.number().int(), nearDuplicates: z.number().int().min(0),
  sentences: z.number().int().min(0), items: z.number().int().min(0), actors: z.number().int().min(0),
  firstDate: z.string().nullable(), lastDate: z.string().nullable(),
});

const periodCounts = { events: z.number().int().min(0), reports: z.number().int().min(0) };

/** Events per period by quad class, with their reports (`GET /api/timeline`). */
export const timelineSchema = z.object({
  by: z.enum(['day', 'week', 'month', 'year']),
  periods: z.array(z.object({ period: z.string(), quads: z.tuple([z.number(), z.number(), z.number(), z.number()]), ...periodCounts })),
  undated: z.object(periodCounts),
  coarser: z.object(periodCounts),
});

export const problemSchema = z.object({ code: z.string(), message: z.string(), input: z.string(), line: z.number().int().optional(), stage: z.string() });

/**
 * What `POST /api/articles` answers: per article, whether it was new, its id and events; records that failed; and
 * warnings, one line each, for what was dropped from stored articles (a date that is no calendar date, events past
 * the budget).
 */
export const postArticlesSchema = z.object({
  articles: z.array(z.object({ id: z.string(), new: z.boolean(), events: z.array(eventSchema) })),
  problems: z.array(problemSchema),
  warnings: z.array(z.string()),
});

/** True when A and B are the same type (each assignable to the other); `never` otherwise, so a mismatch fails to compile. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

/**
 * Each answer schema parses to exactly the answer type of src/types/api.ts, which the routes answer with and the UI
 * reads: checked when the code compiles, so a shape is written in these two places only and they cannot drift apart.
 * (The corrections routes' schemas are checked so in correction-schemas.ts.)
 */
export const SCHEMAS_MATCH_ANSWER_TYPES: readonly true[] = [
  true satisfies Same<z.infer<typeof eventSchema>, EventRecord>,
  true satisfies Same<z.infer<typeof errorSchema>, ErrorAnswer>,
  true satisfies Same<z.infer<typeof healthSchema>, HealthAnswer>,
  true satisfies Same<z.infer<typeof reportPageSchema>, ReportPage>,
  true satisfies Same<z.infer<typeof mentionPageSchema>, MentionPage>,
  true satisfies Same<z.infer<typeof articleRefSchema>, ArticleRef>,
  true satisfies Same<z.infer<typeof clusterItemSchema>, ClusterItem>,
  true satisfies Same<z.infer<typeof clusterSchema>, Cluster>,
  true satisfies Same<z.infer<typeof eventSummarySchema>, EventSummary>,
  true satisfies Same<z.infer<typeof eventPageSchema>, EventSummaryPage>,
  true satisfies Same<z.infer<typeof reportSchema>, Report>,
  true satisfies Same<z.infer<typeof eventDetailSchema>, EventDetail>,
  true satisfies Same<z.infer<typeof reportDetailSchema>, ReportDetail>,
  true satisfies Same<z.infer<typeof mentionSchema>, Mention>,
  true satisfies Same<z.infer<typeof clusterDetailSchema>, ClusterDetail>,
  true satisfies Same<z.infer<typeof threadStepSchema>, ThreadStep>,
  true satisfies Same<z.infer<typeof relatedStepSchema>, RelatedStep>,
  true satisfies Same<z.infer<typeof threadSchema>, Thread>,
  true satisfies Same<z.infer<typeof threadSummarySchema>, ThreadSummary>,
  true satisfies Same<z.infer<typeof threadsSchema>, ThreadList>,
  true satisfies Same<z.infer<typeof threadDetailSchema>, ThreadDetail>,
  true satisfies Same<z.infer<typeof articleSchema>, ArticleAnswer>,
  true satisfies Same<z.infer<typeof articleDetailSchema>, ArticleDetail>,
  true satisfies Same<z.infer<typeof actorCountSchema>, ActorCount>,
  true satisfies Same<z.infer<typeof actorsSchema>, ActorList>,
  true satisfies Same<z.infer<typeof dyadRowSchema>, DyadRow>,
  true satisfies Same<z.infer<typeof dyadsSchema>, DyadList>,
  true satisfies Same<z.infer<typeof networkSchema>, Network>,
  true satisfies Same<z.infer<typeof statsSchema>, StatsAnswer>,
  true satisfies Same<z.infer<typeof timelineSchema>, Timeline>,
  true satisfies Same<z.infer<typeof problemSchema>, ProblemAnswer>,
  true satisfies Same<z.infer<typeof postArticlesSchema>, PostArticlesAnswer>,
];
