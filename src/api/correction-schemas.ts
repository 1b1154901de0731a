// API edge: the zod schemas of the corrections routes — what POST /api/corrections takes and what the routes answer — and their OpenAPI paths.
import { z } from 'zod';
import { CORRECTION_KINDS } from '../types/index.js';
import type { Correction, CorrectionBody, CorrectionImport, CorrectionLog, CorrectionMade } from '../types/api.js';
import { eventSchema, type Same } from './schemas.js';

const actorSchema = z.object({ code: z.string().min(1).max(40), country: z.string().nullable(), name: z.string(), sector: z.string().nullable() });
const codeSchema = z.object({
  cameo: z.string(), cameoName: z.string(), root: z.string(), quad: eventSchema.shape.quad, goldstein: z.number(),
  plover: z.object({ type: z.string(), mode: z.string().nullable(), context: z.string().nullable() }),
});
const itemSchema = z.object({ text: z.string(), kind: z.string(), model: z.string().nullable(), quantity: z.number().nullable(), unit: z.string().nullable() });
const stateSchema = z.object({
  source: actorSchema.optional(), target: actorSchema.nullable().optional(), code: codeSchema.optional(),
  status: eventSchema.shape.status.optional(), items: z.array(itemSchema).optional(), events: z.array(z.string()).optional(), reports: z.array(z.string()).optional(),
});

/** One correction of the log (src/types/correction.ts). */
export const correctionSchema = z.object({
  id: z.string(), at: z.string(), by: z.string(), reason: z.string(), kind: z.enum(CORRECTION_KINDS), event: z.string().nullable(),
  reports: z.array(z.string()), before: stateSchema.nullable(), after: stateSchema.nullable(), reverts: z.string().nullable(),
});

export const correctionLogSchema = z.object({ corrections: z.array(correctionSchema), total: z.number().int().min(0) });
export const correctionMadeSchema = z.object({ correction: correctionSchema });
export const correctionImportSchema = z.object({ added: z.number().int().min(0), total: z.number().int().min(0) });

const STATUSES = ['requested', 'offered', 'pledged', 'agreed', 'delivered', 'refused', 'suspended', 'conditional'] as const;
const actorRequest = z.strictObject({
  code: z.string().min(1).max(40), country: z.string().length(3).nullable().optional(), name: z.string().max(200).optional(), sector: z.string().max(40).nullable().optional(),
});
const itemRequest = z.strictObject({
  text: z.string().max(200).optional(), kind: z.string().min(1).max(80), model: z.string().max(200).nullable().optional(),
  quantity: z.number().min(0).nullable().optional(), unit: z.string().max(40).nullable().optional(),
});
const who = { by: z.string().trim().min(1).max(200), reason: z.string().max(2000).optional() };
const id = z.string().min(1).max(200);

/** The body of POST /api/corrections: one correction as asked for, with who asks and why. */
export const correctionRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reject'), id, ...who }),
  z.strictObject({
    kind: z.literal('edit'), id, ...who,
    set: z.strictObject({
      source: actorRequest.optional(), target: actorRequest.nullable().optional(), cameo: z.string().regex(/^\d{2,4}$/).optional(),
      status: z.enum(STATUSES).nullable().optional(), items: z.array(itemRequest).max(100).nullable().optional(),
    }),
  }),
  z.strictObject({ kind: z.literal('merge'), ids: z.array(id).min(2).max(100), ...who }),
  z.strictObject({ kind: z.literal('split'), id, reports: z.array(id).min(1).max(10_000), ...who }),
]);

/**
 * Each schema of the corrections routes is exactly its type of src/types/api.ts (the answers as parsed, the request as
 * parsed from the body), checked when the code compiles as schemas.ts checks the other routes'.
 */
export const CORRECTION_SCHEMAS_MATCH_TYPES: readonly true[] = [
  true satisfies Same<z.infer<typeof correctionSchema>, Correction>,
  true satisfies Same<z.infer<typeof correctionLogSchema>, CorrectionLog>,
  true satisfies Same<z.infer<typeof correctionMadeSchema>, CorrectionMade>,
  true satisfies Same<z.infer<typeof correctionImportSchema>, CorrectionImport>,
  true satisfies Same<z.infer<typeof correctionRequestSchema>, CorrectionBody>,
];

type Json = Record<string, unknown>;

/** The OpenAPI paths of the corrections routes, given openapi.ts's helpers for JSON answers and error references. */
export function correctionPaths(json: (schema: z.ZodType, description: string) => Json, errors: (...statuses: number[]) => Json): Json {
  const requestSchema = z.toJSONSchema(correctionRequestSchema, { io: 'input', unrepresentable: 'any' }) as Json;
  return {
    '/api/corrections': {
      get: {
        summary: 'The analysts\' correction log (who, when, why, before, after), in the order appended; ?event= or ?report= keeps the corrections of one event or report; ?format=jsonl downloads it as a file to import elsewhere',
        parameters: [
          { name: 'event', in: 'query', description: 'An event id (c-…): the corrections naming any of its reports.', schema: { type: 'string' } },
          { name: 'report', in: 'query', description: 'A report id: the corrections naming it.', schema: { type: 'string' } },
          { name: 'format', in: 'query', description: 'json (default) or jsonl (a download, one correction a line).', schema: { type: 'string', enum: ['json', 'jsonl'] } },
        ],
        responses: { 200: json(correctionLogSchema, 'The log'), ...errors(400, 500) },
      },
      post: {
        summary: 'Correct an event or report (needs the server\'s token): reject it, edit its actors, code, status or items, merge events, or split reports out of one. Appended to the log; the stored events stay as coded.',
        security: [{ bearer: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: requestSchema } } },
        responses: { 201: json(correctionMadeSchema, 'The correction, as appended'), ...errors(400, 401, 404, 413, 500) },
      },
    },
    '/api/corrections/import': {
      post: {
        summary: 'Import a corrections file (JSON Lines, as GET /api/corrections?format=jsonl writes it; needs the token): all lines or none; a correction already in the log is skipped',
        security: [{ bearer: [] }],
        requestBody: { required: true, content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
        responses: { 200: json(correctionImportSchema, 'How many were new, and the size of the log'), ...errors(400, 401, 413, 500) },
      },
    },
    '/api/corrections/{id}': {
      delete: {
        summary: 'Undo a correction (needs the token): appends a revert to the log, which keeps both',
        security: [{ bearer: [] }],
        parameters: [
          { name: 'id', in: 'path', required: true, description: 'Correction id (k-…)', schema: { type: 'string' } },
          { name: 'by', in: 'query', required: true, description: 'Who undoes it.', schema: { type: 'string' } },
          { name: 'reason', in: 'query', description: 'Why.', schema: { type: 'string' } },
        ],
        responses: { 201: json(correctionMadeSchema, 'The revert, as appended'), ...errors(400, 401, 404, 500) },
      },
    },
  };
}
