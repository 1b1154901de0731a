// Corrections: a normalised EventFilter + a corrected report or event → whether it matches, as the stores match.
//
// The stores match in SQL; a corrected record exists only in memory, so it is matched here. Every field is matched as
// both adapters do, with one approximation: an item phrase folds plurals by a trailing "s"/"es" where the stores stem.

import type { EventRecord } from '../types/index.js';
import type { Cluster } from '../types/link.js';
import { firstDay, lastDay, isPartialDate, type NormalizedFilter } from '../store/event-filter.js';

/** The words of a text as the full-text indexes see them: lower case, accents removed, letters and digits. */
export function indexWords(text: string): string[] {
  return (text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

const fold = (word: string): string => word.replace(/(?:es|s)$/, '');

/** True when `words` occur, in order and next to each other, among `inside` (plurals folded). */
function hasPhrase(inside: readonly string[], words: readonly string[]): boolean {
  const want = words.map((w) => fold(w.toLowerCase()));
  const have = inside.map(fold);
  for (let i = 0; i + want.length <= have.length; i++) if (want.every((w, j) => have[i + j] === w)) return true;
  return false;
}

function actorMatches(actor: { code: string; country: string | null } | null, values: readonly string[]): boolean {
  if (actor === null) return false;
  const code = actor.code.toUpperCase();
  return values.some((v) => code.startsWith(v) || actor.country === v);
}

/** True when a date lies wholly inside the filter's since/until (an undated record is outside any bound). */
export function dateInside(date: string | null, filter: Pick<NormalizedFilter, 'since' | 'until'>): boolean {
  if (filter.since === null && filter.until === null) return true;
  if (date === null || !isPartialDate(date)) return false;
  if (filter.since !== null && firstDay(date) < firstDay(filter.since)) return false;
  if (filter.until !== null && lastDay(date) > lastDay(filter.until)) return false;
  return true;
}

function codeMatches(cameo: string, filter: NormalizedFilter): boolean {
  if (filter.codes.length === 0 && filter.codePrefixes.length === 0) return true;
  return filter.codes.includes(cameo) || filter.codePrefixes.some((p) => cameo.startsWith(p));
}

/** The fields of a filter a report matches on its own, whichever level asks: actors, quad, text, items, modality, document. */
function reportFieldsMatch(event: EventRecord, filter: NormalizedFilter): boolean {
  if (filter.source.length > 0 && !actorMatches(event.source, filter.source)) return false;
  if (filter.target.length > 0 && !actorMatches(event.target, filter.target)) return false;
  if (filter.actor.length > 0 && !actorMatches(event.source, filter.actor) && !actorMatches(event.target, filter.actor)) return false;
  if (filter.quad.length > 0 && !filter.quad.includes(event.quad)) return false;
  if (filter.modality.length > 0 && !filter.modality.includes(event.modality)) return false;
  if (filter.doc !== null && event.doc !== filter.doc) return false;
  if (filter.words.length > 0) {
    const words = new Set(indexWords(event.sentence.text));
    if (!filter.words.every((w) => words.has(indexWords(w)[0] ?? ''))) return false;
  }
  if (filter.itemWords.length > 0) {
    const found = event.items.some((i) => [i.kind.replace(/-/g, ' '), i.model ?? '', i.text].some((t) => hasPhrase(indexWords(t), filter.itemWords)));
    if (!found) return false;
  }
  return true;
}

/** True when a report matches the filter (the mentions level: `queryEvents`). */
export function reportMatches(event: EventRecord, filter: NormalizedFilter): boolean {
  if (!codeMatches(event.cameo, filter)) return false;
  if (filter.root.length > 0 && !filter.root.includes(event.root)) return false;
  if (filter.status.length > 0 && (event.status === null || !filter.status.includes(event.status))) return false;
  if (!dateInside(event.date, filter)) return false;
  return reportFieldsMatch(event, filter);
}

/**
 * True when an event matches the filter as `Store.clusters` matches: code, root, since, until and status on the
 * event's own values, the other fields through at least one of its reports.
 */
export function clusterMatches(cluster: Cluster, reports: readonly EventRecord[], filter: NormalizedFilter): boolean {
  if (!codeMatches(cluster.cameo, filter)) return false;
  if (filter.root.length > 0 && !filter.root.includes(cluster.root)) return false;
  if (filter.status.length > 0 && (cluster.status === null || !filter.status.includes(cluster.status))) return false;
  if (!dateInside(cluster.date, filter)) return false;
  const perReport = filter.source.length + filter.target.length + filter.actor.length + filter.quad.length + filter.modality.length
    + filter.words.length + filter.itemWords.length + (filter.doc === null ? 0 : 1);
  return perReport === 0 || reports.some((r) => reportFieldsMatch(r, filter));
}
