// API edge: the OpenAPI 3.1 description of every route, as data; response schemas come from the zod schemas.
import { z } from 'zod';
import { EXPORT_FORMATS } from './api-context.js';
import {
  actorsSchema, articleDetailSchema, clusterDetailSchema, dyadsSchema, errorSchema, eventDetailSchema, eventPageSchema, healthSchema,
  mentionPageSchema, networkSchema, postArticlesSchema, reportDetailSchema, reportPageSchema, statsSchema, threadDetailSchema, threadsSchema,
  timelineSchema,
} from './schemas.js';
import { correctionPaths } from './correction-schemas.js';

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

const jsonSchema = (schema: z.ZodType): Record<string, unknown> => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
const json = (schema: z.ZodType, description: string): Record<string, unknown> => ({
  description, content: { 'application/json': { schema: jsonSchema(schema) } },
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
          summary: 'Events matching a filter — each with its reports merged and counted (level events, the default) or every report as coded (level reports): a page of JSON, or every match as a CSV or JSON Lines download',
          parameters: [
            ...FILTER_PARAMETERS,
            one('level', 'events (default: one record per event, its reports merged, independent sources counted, with its strongest report as lead) or reports (one record per report, as coded; mentions is its deprecated name and answers in the old shape {events, next}). At level events, code, root, since, until and status apply to the event\'s own code, date and status; the other filters keep events with a matching report.', { type: 'string', enum: ['events', 'reports', 'mentions'] }),
            one('sort', 'Order. Level events: -date (default), date, -sources (most independent sources first), id. Level reports: ingested (default), date, -date, goldstein, -goldstein.',
              { type: 'string', enum: ['ingested', 'date', '-date', 'goldstein', '-goldstein', '-sources', 'id'] }),
            one('limit', 'Records per page (default 100, at most 10000); with a download, a cap on the records written.', { type: 'integer', minimum: 1, maximum: 10000 }),
            one('cursor', 'The "next" of the previous page (same filter, level and sort).'),
            one('format', 'json (a page, default) or a download of every matching record: csv, jsonl.', { type: 'string', enum: ['json', 'csv', 'jsonl'] }),
          ],
          responses: {
            200: {
              description: 'Level events: a page of events {events, next}; level reports: a page of reports {reports, next} (level mentions: {events, next} of reports). next is the cursor of the next page, null on the last.',
              content: {
                'application/json': { schema: { oneOf: [jsonSchema(eventPageSchema), jsonSchema(reportPageSchema), jsonSchema(mentionPageSchema)] } },
                'text/csv': { schema: { type: 'string' } },
                'application/x-ndjson': { schema: { type: 'string' } },
              },
            },
            ...errors(400, 500),
          },
        },
      },
      '/api/events/{id}': {
        get: {
          summary: 'One event (c-…) with every report of it, each with its article. A report\'s id is redirected (308) to /api/reports/{id}.',
          parameters: [path('id', 'Event id (c-…), or a report id'), one('doc', 'For a report id: its article, passed on with the redirect.')],
          responses: { 200: json(eventDetailSchema, 'The event'), 308: { description: 'The id is a report\'s: see Location' }, ...errors(400, 404, 500) },
        },
      },
      '/api/reports/{id}': {
        get: {
          summary: 'One report with its article, the event it reports (null until clustered) and every report of that event with its article',
          parameters: [path('id', 'Report id'), one('doc', 'The report\'s article, when known: a report of another article is then a 404.')],
          responses: { 200: json(reportDetailSchema, 'The report'), ...errors(400, 404, 500) },
        },
      },
      '/api/clusters/{id}': {
        get: {
          summary: 'Deprecated: use /api/events/{id}. One event with every report of it, in the old shape {cluster, mentions}',
          deprecated: true,
          parameters: [path('id', 'Event id (c-…)')],
          responses: { 200: json(clusterDetailSchema, 'The event'), ...errors(400, 404, 500) },
        },
      },
      '/api/threads': {
        get: {
          summary: 'Assistance threads (request → offer → pledge → delivery… between a supplier and a recipient), most recent last step first',
          parameters: [
            one('party', 'Supplier or recipient: a country or actor code (IRQ).'),
            one('kind', 'An item kind named in a step (rifle, patrol-boat) or the kind of help (military, economic, humanitarian).'),
            one('status', 'What came of the thread.', { type: 'string', enum: ['open', 'partly-fulfilled', 'fulfilled', 'refused', 'stalled'] }),
            one('since', 'Threads with a step on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.'),
            one('until', 'Threads with a step on or before this date, as for since.'),
            one('limit', 'Threads per page (default 100, at most 10000).', { type: 'integer', minimum: 1, maximum: 10000 }),
            one('offset', 'Threads to skip (default 0).', { type: 'integer', minimum: 0 }),
            one('steps', 'Steps given per thread (default 12): the first two and the latest; stepCount and relatedCount give the totals.', { type: 'integer', minimum: 2, maximum: 1000 }),
          ],
          responses: { 200: json(threadsSchema, 'A page of threads and the number of threads matching'), ...errors(400, 500) },
        },
      },
      '/api/threads/{id}': {
        get: {
          summary: 'One thread: its steps in order (a page), each with its event and its reports (strongest first); and third parties\' related steps',
          parameters: [
            path('id', 'Thread id (t-…)'),
            one('offset', 'Steps to skip (default 0).', { type: 'integer', minimum: 0 }),
            one('limit', 'Steps given (default 100); related steps: the latest this many. Each step gives its first 20 reports; its event has the count.', { type: 'integer', minimum: 1, maximum: 1000 }),
          ],
          responses: { 200: json(threadDetailSchema, 'The thread'), ...errors(400, 404, 500) },
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
          summary: 'Source → target counts of reports, Goldstein mean and quad shares per period',
          parameters: [
            ...FILTER_PARAMETERS,
            one('by', 'Period (default month; weeks are ISO 8601).', { type: 'string', enum: ['day', 'week', 'month', 'year'] }),
            one('nodes', 'Pair countries (default) or full actor codes (level is its deprecated name).', { type: 'string', enum: ['country', 'actor'] }),
            one('limit', 'At most this many rows (default 10000).', { type: 'integer', minimum: 1, maximum: 100000 }),
          ],
          responses: { 200: json(dyadsSchema, 'Dyad rows by period then count'), ...errors(400, 500) },
        },
      },
      '/api/network': {
        get: {
          summary: 'Actor network: nodes with report counts and names (a name only where the code is one actor\'s own), edges with counts and mean Goldstein',
          parameters: [
            ...FILTER_PARAMETERS,
            one('nodes', 'Countries (default) or full actor codes (level is its deprecated name).', { type: 'string', enum: ['country', 'actor'] }),
            one('limit', 'The heaviest edges kept (default 300).', { type: 'integer', minimum: 1, maximum: 5000 }),
          ],
          responses: { 200: json(networkSchema, 'The network'), ...errors(400, 500) },
        },
      },
      '/api/timeline': {
        get: {
          summary: 'Events per period by quad class, with the reports behind them; undated events and events dated more coarsely than the period apart',
          parameters: [...FILTER_PARAMETERS, one('by', 'Period (default month; weeks are ISO 8601).', { type: 'string', enum: ['day', 'week', 'month', 'year'] })],
          responses: { 200: json(timelineSchema, 'The timeline'), ...errors(400, 500) },
        },
      },
      '/api/articles': {
        post: {
          summary: 'Code and store articles (needs the server\'s token); coded within the per-article budget, off the request thread under `dyad serve`',
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
            ...errors(400, 401, 413, 500, 503),
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
            one('level', 'events (default: one row per event, its reports merged) or reports (one row per report as coded; mentions is its deprecated name). actor and country are deprecated names of nodes.', { type: 'string', enum: ['events', 'reports', 'mentions', 'actor', 'country'] }),
            one('nodes', 'GEXF nodes: full actor codes (default) or countries.', { type: 'string', enum: ['actor', 'country'] }),
            ...FILTER_PARAMETERS,
          ],
          responses: { 200: download('The export file', ['text/csv', 'text/tab-separated-values', 'application/x-ndjson', 'application/geo+json', 'application/gexf+xml']), ...errors(400, 500, 501) },
        },
      },
      '/api/stats': { get: { summary: 'Counts of the store: events (reports merged), reports, articles and more', responses: { 200: json(statsSchema, 'Store counts'), ...errors(400, 500) } } },
      ...correctionPaths(json, errors),
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token given to `dyad serve --token` or DYAD_TOKEN' } },
      responses: Object.fromEntries([400, 401, 404, 413, 500, 501, 503].map((s) => [`E${s}`, json(errorSchema, ERROR_TEXT[s] ?? 'Error')])),
    },
  };
}

const ERROR_TEXT: Record<number, string> = {
  400: 'A parameter is missing, unknown or malformed; the message names it',
  401: 'Writing needs a valid bearer token (and is off when the server has none)',
  404: 'No such event, report, thread or article',
  413: 'The body is too large',
  500: 'A store error',
  501: 'Exports are not available in this server',
  503: 'Eight writes are in progress or waiting already: try again after Retry-After seconds',
};
