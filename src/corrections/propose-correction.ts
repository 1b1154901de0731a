// Corrections: what an analyst asks (reject this event, set its target, merge these two…) + the store as corrected → one Correction.
//
// The one place `dyad review` and POST /api/corrections turn a request into a log entry: ids resolved to the reports
// they hold, the state before read from the store as the analyst sees it (corrections applied), a CAMEO code looked up.

import { readLexiconDir } from '../lexicon/read-lexicon-dir.js';
import { builtinLexiconDir } from '../lexicon/load-lexicon.js';
import {
  DyadError, type Correction, type CorrectionActor, type CorrectionCode, type CorrectionFields, type CorrectionItem, type EventRecord, type Status,
} from '../types/index.js';
import type { Store } from '../store/store.js';
import { makeCorrection } from './correction-record.js';

/** An actor as asked for: a code, and optionally its country, name and sector (else read off the code and the store). */
export interface ActorRequest {
  code: string;
  country?: string | null;
  name?: string;
  sector?: string | null;
}

/** The fields an edit sets; absent fields are left as they are, null clears (target, status) or empties (items). */
export interface EditRequest {
  source?: ActorRequest;
  target?: ActorRequest | null;
  /** A CAMEO code from the code table (`lexicon/cameo.yaml`). */
  cameo?: string;
  status?: Status;
  items?: CorrectionItem[] | null;
}

/** One correction as asked for. */
export type CorrectionRequest =
  | { kind: 'reject'; id: string }
  | { kind: 'edit'; id: string; set: EditRequest }
  | { kind: 'merge'; ids: string[] }
  | { kind: 'split'; id: string; reports: string[] }
  | { kind: 'revert'; correction: string };

/** Who asks, why, and when (default now). */
export interface RequestMeta {
  by: string;
  reason?: string;
  at?: string;
}

/** What the store answers for an id: the event it names (or holds the report it names) and the reports it applies to. */
interface Target {
  event: string | null;
  reports: EventRecord[];
  /** The ids the correction keys on: every report of the event, or the one report named. */
  keys: string[];
}

function unknown(id: string, what = 'event or report'): DyadError {
  return new DyadError('E801', id, `no stored ${what} with id "${id}"`);
}

/** An event id (`c-…`) → its reports; a report id → that report alone. Rejected ones are not found. */
async function resolve(store: Store, id: string): Promise<Target> {
  if (id.startsWith('c-')) {
    const cluster = await store.cluster(id);
    if (cluster === null) throw unknown(id, 'event');
    const reports = await store.mentionsOf(cluster.id);
    return { event: cluster.id, reports, keys: reports.map((r) => r.id) };
  }
  const report = await store.getEvent(id);
  if (report === null) throw unknown(id, 'report');
  return { event: (await store.clusterOf(id))?.id ?? null, reports: [report], keys: [id] };
}

let tables: { cameo: Map<string, CorrectionCode>; countries: Map<string, string> } | null = null;

/** The CAMEO code table and the country names of Dyad's lexicon, read once. */
function lexiconTables(): NonNullable<typeof tables> {
  if (tables === null) {
    const source = readLexiconDir(builtinLexiconDir()).source;
    tables = {
      cameo: new Map(source.cameo.map((c) => [c.code, {
        cameo: c.code, cameoName: c.name, root: c.code.slice(0, 2), quad: c.quad, goldstein: c.goldstein,
        plover: { type: c.plover.type, mode: c.plover.mode ?? null, context: c.plover.context ?? null },
      }])),
      countries: new Map(source.countries.map((c) => [c.code, c.name])),
    };
  }
  return tables;
}

/** The CAMEO code table of Dyad's lexicon, code → what an edit records of it; throws E800 for a code it lacks. */
export function cameoFields(code: string): CorrectionCode {
  const fields = lexiconTables().cameo.get(code);
  if (fields === undefined) throw new DyadError('E800', 'cameo', `"${code}" is not a CAMEO code of the code table (lexicon/cameo.yaml)`);
  return fields;
}

/**
 * An actor with what is not given filled in: the country is the code's first three letters when the code is a
 * country followed by sector codes (`TURMIL`), else none (`NATO`); the name is the one the store knows for the code,
 * else the country's name for a country code (`FRA` → France), else the code.
 */
async function actorFields(store: Store, actor: ActorRequest): Promise<CorrectionActor> {
  const code = actor.code.trim().toUpperCase();
  if (!/^[A-Z0-9_-]{1,40}$/.test(code)) throw new DyadError('E800', 'actor', `"${actor.code}" is not an actor code (letters, digits, - and _)`);
  const countryLike = /^[A-Z]{3}(?:[A-Z]{3})*$/.test(code);
  const known = actor.name === undefined ? (await store.actors({ actor: [code] }, { limit: 1000 })).find((a) => a.code === code) : undefined;
  return {
    code,
    country: actor.country !== undefined ? actor.country : known?.country ?? (countryLike ? code.slice(0, 3) : null),
    name: actor.name ?? known?.name ?? lexiconTables().countries.get(code) ?? code,
    sector: actor.sector !== undefined ? actor.sector : known?.sector ?? (countryLike && code.length >= 6 ? code.slice(3, 6) : null),
  };
}

const actorOf = (a: EventRecord['source']): CorrectionActor => ({ code: a.code, country: a.country, name: a.name, sector: a.sector });

/** The fields of `report` an edit sets, as they are. */
function fieldsBefore(report: EventRecord, after: CorrectionFields): CorrectionFields {
  const before: CorrectionFields = {};
  if (after.source !== undefined) before.source = actorOf(report.source);
  if (after.target !== undefined) before.target = report.target === null ? null : actorOf(report.target);
  if (after.code !== undefined) {
    before.code = { cameo: report.cameo, cameoName: report.cameoName, root: report.root, quad: report.quad, goldstein: report.goldstein, plover: { ...report.plover } };
  }
  if (after.status !== undefined) before.status = report.status;
  if (after.items !== undefined) before.items = report.items.map((i) => ({ text: i.text, kind: i.kind, model: i.model, quantity: i.quantity, unit: i.unit }));
  return before;
}

/** The correction a request makes, checked against the store; throws E800 (malformed) or E801 (unknown id). */
export async function proposeCorrection(store: Store, request: CorrectionRequest, meta: RequestMeta): Promise<Correction> {
  const base = { at: meta.at ?? new Date().toISOString(), by: meta.by, reason: meta.reason ?? '', reverts: null };
  switch (request.kind) {
    case 'reject': {
      const target = await resolve(store, request.id);
      return makeCorrection({ ...base, kind: 'reject', event: target.event, reports: target.keys, before: { reports: target.keys }, after: null });
    }
    case 'edit': {
      const target = await resolve(store, request.id);
      const set = request.set;
      const after: CorrectionFields = {};
      if (set.source !== undefined) after.source = await actorFields(store, set.source);
      if (set.target !== undefined) after.target = set.target === null ? null : await actorFields(store, set.target);
      if (set.cameo !== undefined) after.code = cameoFields(set.cameo);
      if (set.status !== undefined) after.status = set.status;
      if (set.items !== undefined) after.items = set.items ?? [];
      const first = target.reports[0];
      if (first === undefined) throw unknown(request.id);
      return makeCorrection({ ...base, kind: 'edit', event: target.event, reports: target.keys, before: fieldsBefore(first, after), after });
    }
    case 'merge': {
      const ids = [...new Set(request.ids)];
      if (ids.length < 2) throw new DyadError('E800', 'merge', 'a merge names two events or more');
      const targets = await Promise.all(ids.map((id) => resolve(store, id)));
      const events = targets.map((t, i) => t.event ?? (ids[i] as string));
      if (new Set(events).size < 2) throw new DyadError('E800', 'merge', `${ids.join(', ')} are one event already`);
      const reports = [...new Set(targets.flatMap((t) => t.keys))];
      return makeCorrection({ ...base, kind: 'merge', event: events[0] ?? null, reports, before: { events }, after: { reports } });
    }
    case 'split': {
      const target = await resolve(store, request.id);
      if (target.event === null) throw new DyadError('E800', 'split', `report "${request.id}" belongs to no event to split`);
      const all = target.event === request.id ? target.keys : (await store.mentionsOf(target.event)).map((r) => r.id);
      const moved = [...new Set(request.reports)];
      const stray = moved.find((id) => !all.includes(id));
      if (stray !== undefined) throw new DyadError('E801', stray, `report "${stray}" is not one of the reports of ${target.event}`);
      if (moved.length === 0 || moved.length >= all.length) throw new DyadError('E800', 'split', `a split moves some of the ${all.length} reports of ${target.event} out, not none or all`);
      return makeCorrection({ ...base, kind: 'split', event: target.event, reports: moved, before: { reports: all }, after: { reports: moved } });
    }
    case 'revert': {
      const log = await store.corrections();
      const undone = log.find((c) => c.id === request.correction);
      if (undone === undefined) throw new DyadError('E801', request.correction, `no correction with id "${request.correction}"`);
      if (undone.kind === 'revert') throw new DyadError('E800', request.correction, 'a revert cannot be reverted: make the correction again');
      return makeCorrection({ ...base, kind: 'revert', event: undone.event, reports: [], before: null, after: null, reverts: undone.id });
    }
  }
}
