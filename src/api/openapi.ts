// API edge: the OpenAPI 3.1 description of every route, as data; response schemas come from the zod schemas.
import { z } from 'zod';
import { EXPORT_FORMATS } from './api-context.js';
import {
  actorsSchema, articleDetailSchema, dyadsSchema, errorSchema, eventDetailSchema, eventPageSchema, healthSchema,
  networkSchema, postArticlesSchema, statsSchema,
} from './schemas.js';

interface Parameter {
  name: string;
  in: 'query' | 'path';
  description: string;
  required?: boolean;
  schema: Record<string, unknown>;
  style?: 'form';
  explode?: boolean;
}

const list = (name: string, description: string, items: Record<string, unknown> = { type: 'string' }): Parameter => ({
  name, in: 'query', description: `${description} Repeat the parameter or give a comma list; values combine with OR.`,
  schema: { type: 'array', items }, style: 'form', explode: true,
});
const one = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }): Parameter => ({ name, in: 'query', description, schema });
const path = (name: string, description: string): Parameter => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });

/** The filter parameters every event-counting route takes (the filters of `dyad events`). */
export const FILTER_PARAMETERS: Parameter[] = [
  list('source', 'Source actor: a code prefix (CHN matches CHNGOV) or a country code.'),
  list('target', 'Target actor, as for source.'),
  list('actor', 'Either side, as for source.'),
  list('code', 'CAMEO code (0231) or prefix pattern (02*).'),
  list('root', 'Two-digit CAMEO root (02).'),
  list('quad', 'Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.', { type: 'integer', enum: [1, 2, 3, 4] }),
  one('since', 'First date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD. Events dated more coarsely than the bound are left out.'),
  one('until', 'Last date, inclusive, as for since.'),
  one('text', 'Words that must all occur in the evidence sentence.'),
  one('item', 'An item kind, model or words (helicopter, Mi-35).'),
  list('status', 'Status of an assistance event.', { type: 'string', enum: ['requested', 'offered', 'pledged', 'agreed', 'delivered', 'refused', 'suspended', 'conditional'] }),
  list('modality', 'How the sentence puts the event.', { type: 'string', enum: ['asserted', 'reported', 'intended', 'possible', 'conditional', 'negated', 'denied'] }),
  one('doc', 'One article (document id).'),
];

const json = (schema: z.ZodType, description: string): Record<string, unknown> => ({
  description, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) } },
});
const errors = (...statuses: number[]): Record<string, unknown> =>
  Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/E${s}` }]));
const download = (description: string, types: string[]): Record<string, unknown> => ({
  description, content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string' } }])),
});

/** The OpenAPI document served at /api/openapi.json. Paths use OpenAPI's `{id}` form. */
export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dyad API', version,
      description: 'Coded news events (CAMEO/PLOVER), each traceable to its sentence. Errors are JSON: {"error": {"code", "message"}}. Unknown query parameters are refused with 400.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/health': { get: { summary: 'Liveness and version', responses: { 200: json(healthSchema, 'The server is up') } } },
      '/api/openapi.json': { get: { summary: 'This description', responses: { 200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } } } },
      '/api/events': {
        get: {
          summary: 'Events matching a filter: a page of JSON, or every match as a CSV or JSON Lines download',
          parameters: [
            ...FILTER_PARAMETERS,
            one('sort', 'Order (default ingested).', { type: 'string', enum: ['ingested', 'date', '-date', 'goldstein', '-goldstein'] }),
            one('limit', 'Events per page (default 100, at most 10000); with a download, a cap on the events written.', { type: 'integer', minimum: 1, maximum: 10000 }),
            one('cursor', 'The "next" of the previous page (same filter and sort).'),
            one('format', 'json (a page, default) or a download of every matching event: csv, jsonl.', { type: 'string', enum: ['json', 'csv', 'jsonl'] }),
          ],
          responses: {
            200: { ...json(eventPageSchema, 'A page of events and the cursor of the next (null on the last page)'),
              content: { ...(json(eventPageSchema, '').content as object), 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } } } },
            ...errors(400, 500),
          },
        },
      },
      '/api/events/{id}': {
        get: {
          summary: 'One event with its article and its mentions (the reports that give it)',
          parameters: [path('id', 'Event id'), one('doc', 'The event\'s article, when known: makes the lookup fast.')],
          responses: { 200: json(eventDetailSchema, 'The event'), ...errors(400, 404, 500) },
        },
      },
      '/api/actors': {
        get: {
          summary: 'Actors of the matching events, most frequent first',
          parameters: [...FILTER_PARAMETERS, one('q', 'Words of the actor code or name.'), one('limit', 'At most this many (default 100).', { type: 'integer', minimum: 1, maximum: 10000 })],
          responses: { 200: json(actorsSchema, 'Actors with counts'), ...errors(400, 500) },
        },
      },
      '/api/dyads': {
        get: {
          summary: 'Source → target counts, Goldstein mean and quad shares per period',
          parameters: [
            ...FILTER_PARAMETERS,
            one('by', 'Period (default month; weeks are ISO 8601).', { type: 'string', enum: ['day', 'week', 'month', 'year'] }),
            one('level', 'Pair countries (default) or full actor codes.', { type: 'string', enum: ['country', 'actor'] }),
            one('limit', 'At most this many rows (default 10000).', { type: 'integer', minimum: 1, maximum: 100000 }),
          ],
          responses: { 200: json(dyadsSchema, 'Dyad rows by period then count'), ...errors(400, 500) },
        },
      },
      '/api/network': {
        get: {
          summary: 'Actor network: nodes with event counts, edges with counts and mean Goldstein',
          parameters: [
            ...FILTER_PARAMETERS,
            one('level', 'Countries (default) or full actor codes.', { type: 'string', enum: ['country', 'actor'] }),
            one('limit', 'The heaviest edges kept (default 300).', { type: 'integer', minimum: 1, maximum: 5000 }),
          ],
          responses: { 200: json(networkSchema, 'The network'), ...errors(400, 500) },
        },
      },
      '/api/articles': {
        post: {
          summary: 'Code and store articles (needs the server\'s token)',
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { description: 'One article {id?, text, title?, date?, url?, source?} or an array of them' } },
              'application/x-ndjson': { schema: { type: 'string', description: 'JSON Lines, one article a line' } },
              'text/plain': { schema: { type: 'string', description: 'One plain-text article (a body opening with { or [ is read as JSON whatever its type)' } },
              'text/html': { schema: { type: 'string', description: 'One saved news page' } },
            },
          },
          responses: {
            200: json(postArticlesSchema, 'Nothing new: every article was stored before (their stored events are given)'),
            201: json(postArticlesSchema, 'Articles coded and stored, with their events; records that failed as problems'),
            ...errors(400, 401, 413, 500),
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article: its cleaned text and its events with their offsets into that text',
          parameters: [path('id', 'Document id')],
          responses: { 200: json(articleDetailSchema, 'The article'), ...errors(400, 404, 500) },
        },
      },
      '/api/export': {
        get: {
          summary: 'The matching events in an export format of `dyad export`, as a download',
          parameters: [
            one('as', 'Format.', { type: 'string', enum: [...EXPORT_FORMATS] }),
            one('file', 'events (default) or, for gdelt, its mentions table.', { type: 'string', enum: ['events', 'mentions'] }),
            one('level', 'GEXF nodes: full actor codes (default) or countries.', { type: 'string', enum: ['actor', 'country'] }),
            ...FILTER_PARAMETERS,
          ],
          responses: { 200: download('The export file', ['text/csv', 'text/tab-separated-values', 'application/x-ndjson', 'application/geo+json', 'application/gexf+xml']), ...errors(400, 500, 501) },
        },
      },
      '/api/stats': { get: { summary: 'Counts of the store', responses: { 200: json(statsSchema, 'Store counts'), ...errors(400, 500) } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token given to `dyad serve --token` or DYAD_TOKEN' } },
      responses: Object.fromEntries([400, 401, 404, 413, 500, 501].map((s) => [`E${s}`, json(errorSchema, ERROR_TEXT[s] ?? 'Error')])),
    },
  };
}

const ERROR_TEXT: Record<number, string> = {
  400: 'A parameter is missing, unknown or malformed; the message names it',
  401: 'Writing needs a valid bearer token (and is off when the server has none)',
  404: 'No such event or article',
  413: 'The body is too large',
  500: 'A store error',
  501: 'Exports are not available in this server',
};
