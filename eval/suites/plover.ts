// Eval suite plover-gsr: PLOVER gold-standard records (read at run time) + coder → event type and dyad figures.
import { readFileSync } from 'node:fs';
import type { ActorRef, EventRecord } from '../../src/types/index.js';
import { addSetMatch, prf, prfCounts, prfSplit, ratio, type ArticleCoder, type PrfCounts, type SuiteResult } from '../score.js';
import { sharedData } from '../shared-data.js';

/** Where the gold file lives (third-party data, read only). */
export const PLOVER_GSR_PATH = sharedData('plover', 'PLOVER_GSR_CAMEO.txt');

/**
 * PLOVER 0.5b1 event types (used by the gold file, 2016) → today's PLOVER types (manual draft 0.8, 2021).
 * Decided from the manual's "CAMEO to PLOVER translation" table and its ACCUSE section:
 *
 * | 0.5b1       | today    | why |
 * |-------------|----------|-----|
 * | DEMAND      | REQUEST  | CAMEO 10 DEMAND → REQUEST ("all requests, demands, and orders") |
 * | DISAPPROVE  | ACCUSE   | CAMEO 11 DISAPPROVE → ACCUSE, mode `disapprove` |
 * | INVESTIGATE | ACCUSE   | CAMEO 09 INVESTIGATE → ACCUSE, mode `investigate` ("all investigations") |
 * | FIGHT       | ASSAULT  | CAMEO 19 FIGHT → ASSAULT (the manual folds conventional and unconventional force into ASSAULT) |
 * | SUPPORT     | SUPPORT  | unchanged: verbal, diplomatic cooperation (CAMEO 05) |
 * | all others  | same     | AGREE, CONSULT, CONCEDE, COOPERATE, AID, RETREAT, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT |
 */
export const PLOVER_TYPE_MAP: Readonly<Record<string, string>> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

/** The 16 event types of today's PLOVER. A predicted event whose `plover.type` is none of these is no PLOVER event. */
export const PLOVER_TYPES: ReadonlySet<string> = new Set([
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
]);

/**
 * Legacy CAMEO country codes in the gold file → ISO 3166 alpha-3 (the gold readme promises ISO codes; these slipped through).
 */
export const GOLD_CODE_FIXES: Readonly<Record<string, string>> = { JAP: 'JPN', ITL: 'ITA', VTN: 'VNM' };

/** One gold record, reduced to what is scored. */
export interface PloverGold {
  id: string;
  text: string;
  /** Today's PLOVER type. */
  type: string;
  /** Normalised actor keys (see `actorKey`); empty when the gold names none. */
  sources: string[];
  targets: string[];
}

/** Maps a PLOVER type of any version to today's name. */
export function mapPloverType(type: string): string {
  const upper = type.trim().toUpperCase();
  return PLOVER_TYPE_MAP[upper] ?? upper;
}

/**
 * The key an actor is compared by: its country when it belongs to a state, else its kind as the gold file writes it —
 * `IGO` (sector IGO), `NGO` (sector NGO), `IMG` (stateless armed group: sector REB, INS, UAF or IMG) — else its code.
 * The gold gives only `IGO` for every IGO, so any IGO actor matches it.
 */
export function actorKey(actor: Pick<ActorRef, 'code' | 'country' | 'sector'>): string {
  if (actor.country) return actor.country;
  const sector = actor.sector?.toUpperCase() ?? '';
  if (sector === 'IGO' || sector === 'NGO') return sector;
  if (sector === 'REB' || sector === 'INS' || sector === 'UAF' || sector === 'IMG') return 'IMG';
  return actor.code;
}

function goldKeys(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const keys: string[] = [];
  for (const actor of value) {
    if (actor === null || typeof actor !== 'object') continue;
    const code = (actor as { code?: unknown }).code;
    if (typeof code !== 'string' || code === '') continue;
    keys.push(GOLD_CODE_FIXES[code] ?? code);
  }
  return [...new Set(keys)];
}

/** Parses the gold file's JSON array (skipping the DOCUMENT record) into scored records. */
export function parsePloverGold(json: string): PloverGold[] {
  const records: unknown = JSON.parse(json);
  if (!Array.isArray(records)) throw new Error('PLOVER gold: expected a JSON array');
  const out: PloverGold[] = [];
  for (const record of records as Record<string, unknown>[]) {
    if (record.event === 'DOCUMENT' || typeof record.event !== 'string' || typeof record.text !== 'string') continue;
    out.push({
      id: String(record.id),
      text: record.text,
      type: mapPloverType(record.event),
      sources: goldKeys(record.source),
      targets: goldKeys(record.target),
    });
  }
  return out;
}

/** Reads and parses the gold file. */
export function loadPloverGold(path: string = PLOVER_GSR_PATH): PloverGold[] {
  return parsePloverGold(readFileSync(path, 'utf8'));
}

function ploverEvents(events: EventRecord[]): EventRecord[] {
  return events.filter((event) => PLOVER_TYPES.has(mapPloverType(event.plover.type)));
}

/** The event a record's accuracy figures look at: the first with the gold type, else the first PLOVER event. */
function alignedEvent(gold: PloverGold, events: EventRecord[]): EventRecord | undefined {
  return events.find((event) => mapPloverType(event.plover.type) === gold.type) ?? events[0];
}

/**
 * Scores predictions (events per gold record, in the same order) against the gold records.
 *
 * Counting rules (each sentence is one article; the gold has one event per sentence):
 * - Only events with a PLOVER type count (a CAMEO 01 statement has none in PLOVER).
 * - `type`: per sentence the set of distinct predicted types; P = predicted types that equal the gold type / all
 *   distinct predicted types, R = sentences whose gold type was predicted / sentences. Compound actors, which make a
 *   CAMEO coder emit one event per actor, so count once.
 * - `source` / `target`: the same set matching over actor keys (`actorKey`); the gold may list several actors
 *   (compound or reciprocal ones). Target figures use only sentences whose gold has a target.
 * - `…-accuracy`: per sentence, the aligned event (first with the gold type, else first) has a gold actor; a sentence
 *   with no event counts wrong.
 * - `type+dyad`: per sentence the distinct (type, source key, target key) predictions; one is right when the type is
 *   the gold type, the source a gold source and — when the gold has targets — the target a gold target.
 *   P = right predictions / predictions, R = sentences with a right prediction / sentences.
 * - `type/X`: per-type P/R/F1 of the `type` measure.
 */
export function scorePlover(gold: PloverGold[], predictions: EventRecord[][]): SuiteResult {
  const type = prfCounts();
  const source = prfCounts();
  const target = prfCounts();
  const byType = new Map<string, PrfCounts>();
  const typeCounts = (name: string): PrfCounts => {
    let counts = byType.get(name);
    if (!counts) byType.set(name, (counts = prfCounts()));
    return counts;
  };
  let covered = 0;
  let sourceRight = 0;
  let sourceTotal = 0;
  let targetRight = 0;
  let targetTotal = 0;
  let dyadCorrect = 0;
  let dyadPredicted = 0;
  let dyadFound = 0;

  gold.forEach((record, index) => {
    const events = ploverEvents(predictions[index] ?? []);
    if (events.length > 0) covered += 1;
    const types = new Set(events.map((event) => mapPloverType(event.plover.type)));
    addSetMatch(type, types, [record.type]);
    for (const name of new Set([...types, record.type])) {
      addSetMatch(typeCounts(name), types.has(name) ? [name] : [], record.type === name ? [name] : []);
    }

    const aligned = alignedEvent(record, events);
    if (record.sources.length > 0) {
      addSetMatch(source, events.map((event) => actorKey(event.source)), record.sources);
      sourceTotal += 1;
      if (aligned && record.sources.includes(actorKey(aligned.source))) sourceRight += 1;
    }
    if (record.targets.length > 0) {
      const predictedTargets = events.flatMap((event) => (event.target ? [actorKey(event.target)] : []));
      addSetMatch(target, predictedTargets, record.targets);
      targetTotal += 1;
      if (aligned?.target && record.targets.includes(actorKey(aligned.target))) targetRight += 1;
    }

    const dyads = new Set(
      events.map((event) => [mapPloverType(event.plover.type), actorKey(event.source), event.target ? actorKey(event.target) : '-'].join('|')),
    );
    let found = false;
    for (const dyad of dyads) {
      const [predType = '', src = '', tgt = ''] = dyad.split('|');
      const right =
        predType === record.type && record.sources.includes(src) && (record.targets.length === 0 || record.targets.includes(tgt));
      if (right) {
        dyadCorrect += 1;
        found = true;
      }
    }
    dyadPredicted += dyads.size;
    if (found) dyadFound += 1;
  });

  const result: SuiteResult = {
    'n-records': gold.length,
    coverage: ratio(covered, gold.length),
    type: prf(type),
    source: prf(source),
    'source-accuracy': ratio(sourceRight, sourceTotal),
    target: prf(target),
    'target-accuracy': ratio(targetRight, targetTotal),
    'type+dyad': prfSplit(dyadCorrect, dyadPredicted, dyadFound, gold.length),
  };
  for (const name of [...byType.keys()].sort()) result[`type/${name}`] = prf(typeCounts(name));
  return result;
}

/** Codes every gold sentence as its own article (dated 2000-01-01, as the gold is) and scores the result. */
export function runPloverSuite(coder: ArticleCoder, path: string = PLOVER_GSR_PATH): SuiteResult {
  const gold = loadPloverGold(path);
  const predictions = gold.map((record) => coder.codeArticle({ id: record.id, text: record.text, date: '2000-01-01' }));
  return scorePlover(gold, predictions);
}
