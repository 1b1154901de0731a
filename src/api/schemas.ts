// API edge: zod schemas of every JSON answer — the response contract, checked in tests and turned into OpenAPI.
import { z } from 'zod';
import { DATE_BASES } from '../types/event.js';

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

export const eventPageSchema = z.object({ events: z.array(eventSchema), next: z.string().nullable() });

/** An article's citation fields, as shown beside an event. */
export const articleRefSchema = z.object({
  id: z.string(), title: z.string().nullable(), date: z.string().nullable(), url: z.string().nullable(), source: z.string().nullable(),
  nearDuplicateOf: z.string().nullable(),
});

const statusSchema = eventSchema.shape.status;
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?/);

/** One item of an event, merged over its mentions (src/link/link-types.ts ClusterItem). */
export const clusterItemSchema = z.object({
  kind: z.string(), model: z.string().nullable(), quantity: z.number().nullable(), unit: z.string().nullable(),
  quantities: z.array(z.number()), conflict: z.boolean(), sources: z.number().int().min(0),
});

/** One happening (the events level): its mentions merged, sources counted (src/link/link-types.ts Cluster). */
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

/** One report of an event: the coded sentence and the article it came from. */
export const mentionSchema = z.object({ event: eventSchema, article: articleRefSchema.nullable() });

/**
 * One event (mention) with its article, the happening it is a report of (null until clustered) and every report of
 * that happening (just this one when not clustered).
 */
export const eventDetailSchema = z.object({
  event: eventSchema, article: articleRefSchema.nullable(), cluster: clusterSchema.nullable(), mentions: z.array(mentionSchema).min(1),
});

/** A page of the events level (`GET /api/events?level=events`). */
export const clusterPageSchema = z.object({ clusters: z.array(clusterSchema), next: z.string().nullable() });

/** One happening with every report of it. */
export const clusterDetailSchema = z.object({ cluster: clusterSchema, mentions: z.array(mentionSchema) });

const stepRoleSchema = z.enum(['request', 'offer', 'pledge', 'agreement', 'condition', 'delivery', 'refusal', 'suspension']);

/** One step of an assistance thread (src/link/link-types.ts ThreadStep). */
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

/** A thread as lists give it: its first two and latest steps (`steps` of them), its latest related steps, and the counts of both. */
export const threadSummarySchema = threadSchema.extend({ stepCount: z.number().int().min(0), relatedCount: z.number().int().min(0) });

export const threadsSchema = z.object({ threads: z.array(threadSummarySchema), total: z.number().int().min(0) });

/** A step with its event (the cluster) and the reports that are its evidence. */
const stepDetail = <S extends z.ZodType>(step: S) => z.object({ step, cluster: clusterSchema.nullable(), mentions: z.array(mentionSchema) });

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

export const statsSchema = z.object({
  schemaVersion: z.number().int(), articles: z.number().int().min(0), nearDuplicates: z.number().int().min(0),
  sentences: z.number().int().min(0), events: z.number().int().min(0), items: z.number().int().min(0), actors: z.number().int().min(0),
  firstDate: z.string().nullable(), lastDate: z.string().nullable(),
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
