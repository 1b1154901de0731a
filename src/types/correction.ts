// Types: an analyst's correction — one entry of the append-only audit log that edits what queries and exports show.

import type { EventRecord, Status } from './event.js';

/**
 * What a correction does: `reject` hides reports (an event rejected = all its reports); `edit` changes coded fields of
 * reports; `merge` makes the events holding the named reports one event; `split` moves the named reports out of their
 * event into a new one; `revert` undoes an earlier correction (by its id).
 */
export type CorrectionKind = 'reject' | 'edit' | 'merge' | 'split' | 'revert';

/** Every kind, as the API and the CLI list them. */
export const CORRECTION_KINDS = ['reject', 'edit', 'merge', 'split', 'revert'] as const satisfies readonly CorrectionKind[];

/** An actor as an edit sets it (the words and offsets in the sentence stay those of the coded report). */
export interface CorrectionActor {
  code: string;
  country: string | null;
  name: string;
  sector: string | null;
}

/** A CAMEO code with what the code table says of it, so that applying an edit needs no lexicon. */
export type CorrectionCode = Pick<EventRecord, 'cameo' | 'cameoName' | 'root' | 'quad' | 'goldstein' | 'plover'>;

/** An item as an analyst states it ("20 assault rifles": kind `rifle`, quantity 20). */
export interface CorrectionItem {
  text: string;
  kind: string;
  model: string | null;
  quantity: number | null;
  unit: string | null;
}

/** Coded fields of a report; an edit sets those it names and leaves the others. */
export interface CorrectionFields {
  source?: CorrectionActor;
  /** null: the event has no target. */
  target?: CorrectionActor | null;
  code?: CorrectionCode;
  status?: Status;
  items?: CorrectionItem[];
}

/**
 * What a correction records of the state before or after it: an edit's fields; the events a merge joined (`events`);
 * the reports an event held before a split or a reject (`reports`).
 */
export interface CorrectionState extends CorrectionFields {
  events?: string[];
  reports?: string[];
}

/**
 * One correction: who made it, when, why, what it was before and what it becomes. Corrections key on report ids,
 * which are stable across re-ingest (a hash of document, sentence, trigger, actors and code); an event id is the
 * smallest id of its reports and may change when reports join or leave it, so `event` is a note of what the analyst
 * saw, and `reports` is what the correction applies to.
 */
export interface Correction {
  /** `k-` + a hash of every other field: the same correction has the same id, so importing it twice adds it once. */
  id: string;
  /** ISO 8601 timestamp of the correction. */
  at: string;
  /** Who made it. */
  by: string;
  /** Why (free text; may be empty). */
  reason: string;
  kind: CorrectionKind;
  /** The event the analyst corrected, as it was named then; null for a revert. */
  event: string | null;
  /** The report ids it applies to (empty for a revert). */
  reports: string[];
  before: CorrectionState | null;
  after: CorrectionState | null;
  /** For a revert: the id of the correction it undoes; else null. */
  reverts: string | null;
}
