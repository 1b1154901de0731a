// Lexicon: zod schemas of the lexicon YAML files (docs/lexicon-format.md) — validation at the boundary.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
const code = z.string().regex(/^[A-Za-z0-9~_-]{1,20}$/, 'expected a code of letters, digits, - or ~');
const phrases = z.array(z.string().min(1)).default([]);
/** YAML reads unquoted 2020-01-01 as a Date: accept both and keep the ISO text. */
const dateLike = z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]);

export const countrySchema = z.object({
  code: z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter code'),
  name: z.string().min(1),
  names: phrases,
  demonyms: phrases,
  capitals: phrases,
  from: dateLike.optional(),
  until: dateLike.optional(),
});

export const actorRoleSchema = z.object({
  code,
  title: z.string().optional(),
  from: dateLike.optional(),
  until: dateLike.optional(),
});

export const actorSchema = z.object({
  name: z.string().min(1),
  names: phrases,
  kind: z.enum(['igo', 'ngo', 'group', 'person', 'company', 'media', 'other']).default('other'),
  code: code.optional(),
  roles: z.array(actorRoleSchema).optional(),
  country: z.string().regex(/^[A-Z]{3}$/).nullable().optional(),
  sector: z.string().nullable().optional(),
}).refine((a) => a.code !== undefined || (a.roles !== undefined && a.roles.length > 0), 'an actor needs a code or roles');

export const agentSchema = z.object({
  sector: z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter sector code'),
  words: z.array(z.string().min(1)).min(1),
  country: z.string().regex(/^[A-Z]{3}$/).optional(),
});

const cameoCode = z.union([z.string(), z.number()]).transform((v) => String(v)).pipe(z.string().regex(/^\d{2,4}$/, 'expected a CAMEO code of 2-4 digits (quote it to keep leading zeros)'));

export const verbSchema = z.object({
  id: z.string().optional(),
  verbs: phrases,
  nouns: phrases,
  code: cameoCode.nullable().default(null),
  patterns: z.record(z.string(), cameoCode).default({}),
});

export const setsSchema = z.record(z.string(), z.array(z.string().min(1)));

/** terms.yaml: negation words and term → phrases. */
export const termsSchema = z.object({
  negations: z.array(z.string().min(1)).default([]),
  terms: z.record(z.string(), z.array(z.string().min(1))).default({}),
});

/** words.yaml: a list of words, or a map of words to a value (`currency_words: {dollar: USD}`). */
export const wordsSchema = z.record(z.string(), z.union([z.array(z.string().min(1)), z.record(z.string().min(1), z.string().min(1).nullable())]));

export const cameoSchema = z.object({
  code: cameoCode,
  name: z.string(),
  goldstein: z.number(),
  quad: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  plover: z.object({ type: z.string(), mode: z.string().nullable().default(null), context: z.string().nullable().default(null) }),
});

export const discardSchema = z.object({
  phrase: z.string().min(1),
  scope: z.enum(['sentence', 'story']).default('sentence'),
});

export const frameSchema = z.object({
  id: z.string(),
  verbs: phrases,
  /** What the frame makes of an embedded event: inner code or prefix → outer code. */
  map: z.record(z.string(), cameoCode).default({}),
  modality: z.enum(['asserted', 'reported', 'intended', 'possible', 'conditional', 'negated', 'denied']).optional(),
  status: z.enum(['requested', 'offered', 'pledged', 'agreed', 'delivered', 'refused', 'suspended', 'conditional']).optional(),
  /** Whether the frame verb's object is the inner event's source ("asked China to supply") . */
  objectIsInnerSource: z.boolean().default(false),
  /** Whether the frame verb also embeds a finite clause ("denied (that) it had delivered"). */
  clause: z.boolean().optional(),
  /** Claim nouns through which the frame embeds a clause ("denied reports that …"). */
  claims: z.array(z.string().min(1)).optional(),
  /** Verbs that take the frame only through a claim noun ("rejected claims that …"). */
  claimVerbs: z.array(z.string().min(1)).optional(),
  /** The frame verb's own code beside a clause's event ("denied that …" → 016). */
  verbCode: cameoCode.optional(),
  /** The id of the frame a negated use of this one stands for ("is not ready to send" → refuse). */
  negatedAs: z.string().min(1).optional(),
});
