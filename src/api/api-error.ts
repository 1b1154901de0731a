// API edge: anything thrown while answering → the JSON error body `{error: {code, message}}` and its HTTP status.
import { DyadError } from '../types/index.js';
import type { ErrorAnswer } from '../types/api.js';

/** Error codes the API answers with, besides the catalog's E-codes. */
export type ApiErrorCode = 'bad_request' | 'unauthorized' | 'not_found' | 'not_implemented' | 'payload_too_large' | 'forbidden' | 'internal';

/** An error with its HTTP status, thrown by route handlers and turned into a JSON answer. */
export class ApiError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 500 | 501 | 503;
  readonly code: ApiErrorCode | string;
  constructor(status: ApiError['status'], code: ApiErrorCode | string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** The JSON body of an error answer. */
export type ErrorBody = ErrorAnswer;

/**
 * A malformed argument of a store call (E602, or a store error naming a request parameter) is the caller's
 * mistake: 400. A store another process is writing (E601) is a conflict: 409. Every other store error is the
 * server's: 500, with the message but never a stack.
 */
const REQUEST_INPUTS = new Set(['filter', 'cursor', 'sort', 'limit', 'offset', 'by', 'level', 'text', 'simhash']);

/** The status and body for an error thrown while answering a request. */
export function errorAnswer(err: unknown): { status: ApiError['status']; body: ErrorBody } {
  if (err instanceof ApiError) return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  if (err instanceof DyadError) {
    const message = err.message.replace(/^E\d{3} [^:]*: /, '');
    // another process holds the store's writer lock: the request may be tried again later
    if (err.code === 'E601') return { status: 409, body: { error: { code: err.code, message } } };
    const status = err.code === 'E602' || REQUEST_INPUTS.has(err.input) ? 400 : 500;
    return { status, body: { error: status === 400 ? { code: 'bad_request', message } : { code: err.code, message: `store error: ${message}` } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'internal error' } } };
}
