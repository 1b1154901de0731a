// Store: a malformed argument to a store call (a filter field, sort, limit, cursor…) → DyadError E602 naming it.
import { DyadError } from '../types/index.js';

/**
 * The error for a malformed argument of a store call: code E602, `input` the argument's name (`limit`, `filter`,
 * `cursor`…), so that an edge can tell the caller's mistake (HTTP 400, exit 2) from the store's own failure (E600).
 */
export function argumentError(name: string, message: string): DyadError {
  return new DyadError('E602', name, message);
}
