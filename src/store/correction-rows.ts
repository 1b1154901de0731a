// Store: corrections to append → the rows both adapters write (id, time, author, kind, the whole correction as JSON).
import type { Correction } from '../types/index.js';
import { argumentError } from './argument-error.js';

/** One row of the `corrections` table. */
export interface CorrectionRow {
  id: string;
  at: string;
  author: string;
  kind: string;
  body: string;
}

/**
 * The rows of corrections to append, in order, each id once. The store checks only what it keys on (an id `k-…`, a
 * time, an author, a kind); a correction is checked whole where it is made or read from a file (src/corrections).
 * Throws E602 naming the bad correction.
 */
export function correctionRows(corrections: readonly Correction[]): CorrectionRow[] {
  const seen = new Set<string>();
  const rows: CorrectionRow[] = [];
  for (const c of corrections) {
    if (typeof c.id !== 'string' || !/^k-[0-9a-f]{16}$/.test(c.id)) throw argumentError('corrections', `"${String(c.id)}" is not a correction id (k- and 16 hex digits)`);
    if (typeof c.at !== 'string' || typeof c.by !== 'string' || typeof c.kind !== 'string') throw argumentError('corrections', `correction ${c.id} lacks its time, author or kind`);
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    rows.push({ id: c.id, at: c.at, author: c.by, kind: c.kind, body: JSON.stringify(c) });
  }
  return rows;
}
