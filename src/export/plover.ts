// Export: EventRecords ↔ PLOVER JSON Lines records (field names from the PLOVER manual's "Data Fields" chapter).
//
// Core PLOVER fields: id, date, actor and recipient (lists of entity objects: code = country or, for actors without
// one, their own code; sector; entity_text; identifier_text), event / mode / context (lists), event_text, quad_code,
// event_loc (extracted_place, resolved_place, geonameid, lat, lon, country_code), text, text_info (sequence, start,
// end), cite_info (citation, url, title, publication, language) and coder. PLOVER invites extra named fields; Dyad's
// are prefixed `dyad_` and carry what PLOVER has no field for (CAMEO code, Goldstein, modality, status, items,
// terms, offsets), so `readPlover` rebuilds every EventRecord exactly. At the events level a record is one happening
// (`id` is the cluster id; text and citation are its lead report's) with a `dyad_cluster` field: report counts,
// outlets, confidence, first and last report, merged items, the ids of the reports, and whether reports dispute it
// with the sources on each side.

import type { ActorRef, EventRecord } from '../types/index.js';
import type { ClusterItem, ClusterModality } from '../types/link.js';
import { articleOf, type AnyIterable, type ExportContext } from './export-context.js';
import { happeningRecord, type Happening } from './happening.js';

interface PloverEntity {
  code: string;
  sector: string | null;
  entity_text: string;
  identifier_text: string;
  dyad_code: string;
  dyad_country: string | null;
  dyad_start: number;
  dyad_end: number;
}

/** One PLOVER record as Dyad writes it. */
export interface PloverRecord {
  id: string;
  date: string | null;
  actor: PloverEntity[];
  recipient: PloverEntity[];
  event: string[];
  mode: string[];
  context: string[];
  event_text: string[];
  quad_code: number;
  event_loc: { extracted_place: string; resolved_place: string; geonameid: number | null; lat: number | null; lon: number | null; country_code: string | null } | null;
  text: string;
  text_info: { sequence: number; start: number; end: number };
  cite_info: { citation: string; url: string | null; title: string | null; publication: string | null; language: string | null };
  coder: string;
  dyad_doc: string;
  dyad_cameo: string;
  dyad_cameo_name: string;
  dyad_goldstein: number;
  dyad_date_precision: EventRecord['datePrecision'];
  dyad_date_basis: EventRecord['dateBasis'];
  dyad_negated: boolean;
  dyad_modality: EventRecord['modality'];
  dyad_status: EventRecord['status'];
  dyad_terms: EventRecord['terms'];
  dyad_items: EventRecord['items'];
  dyad_attribution: EventRecord['attribution'];
  dyad_trigger: EventRecord['trigger'];
  dyad_location: EventRecord['location'];
}

function entity(actor: ActorRef): PloverEntity {
  return {
    code: actor.country ?? actor.code, sector: actor.sector, entity_text: actor.text, identifier_text: actor.name,
    dyad_code: actor.code, dyad_country: actor.country, dyad_start: actor.start, dyad_end: actor.end,
  };
}

/** One event as a PLOVER record. */
export async function ploverRecord(event: EventRecord, context: ExportContext = {}): Promise<PloverRecord> {
  const article = await articleOf(context, event);
  const { location } = event;
  return {
    id: event.id,
    date: event.date,
    actor: [entity(event.source)],
    recipient: event.target === null ? [] : [entity(event.target)],
    event: [event.plover.type],
    mode: event.plover.mode === null ? [] : [event.plover.mode],
    context: event.plover.context === null ? [] : [event.plover.context],
    event_text: [event.trigger.text],
    quad_code: event.quad,
    event_loc: location === null ? null : {
      extracted_place: location.text, resolved_place: location.name, geonameid: location.geonamesId ?? null,
      lat: location.lat, lon: location.lon, country_code: location.country,
    },
    text: event.sentence.text,
    text_info: { sequence: event.sentence.index, start: event.sentence.start, end: event.sentence.end },
    cite_info: {
      citation: event.doc, url: article?.url ?? null, title: article?.title ?? null,
      publication: article?.source ?? null, language: article?.language ?? null,
    },
    coder: 'Dyad',
    dyad_doc: event.doc,
    dyad_cameo: event.cameo,
    dyad_cameo_name: event.cameoName,
    dyad_goldstein: event.goldstein,
    dyad_date_precision: event.datePrecision,
    dyad_date_basis: event.dateBasis,
    dyad_negated: event.negated,
    dyad_modality: event.modality,
    dyad_status: event.status,
    dyad_terms: event.terms,
    dyad_items: event.items,
    dyad_attribution: event.attribution,
    dyad_trigger: event.trigger,
    dyad_location: event.location,
  };
}

/** PLOVER JSON Lines: one record per line. */
export async function* ploverLines(events: AnyIterable<EventRecord>, context: ExportContext = {}): AsyncGenerator<string> {
  for await (const event of events) yield `${JSON.stringify(await ploverRecord(event, context))}\n`;
}

/** What a PLOVER record of the events level adds: the happening's reports. */
export interface PloverCluster {
  mentions: number;
  articles: number;
  sources: number;
  outlets: string[];
  confidence: number;
  ambiguous: boolean;
  first_report: string | null;
  last_report: string | null;
  items: ClusterItem[];
  mention_ids: string[];
  /** asserted, or denied / negated when no report supports the happening. */
  modality: ClusterModality;
  /** True when some reports support it and others dispute it; the sources on each side, the disputing reports. */
  disputed: boolean;
  supporting_sources: string[];
  disputing_sources: string[];
  disputing_mention_ids: string[];
}

/** One happening as a PLOVER record, with its reports in `dyad_cluster`. */
export async function ploverHappening(happening: Happening, context: ExportContext = {}): Promise<PloverRecord & { dyad_cluster: PloverCluster }> {
  const { cluster: c } = happening;
  return {
    ...(await ploverRecord(happeningRecord(happening), context)),
    dyad_cluster: {
      mentions: c.mentionCount, articles: c.articleCount, sources: c.independentSources, outlets: c.outlets, confidence: c.confidence,
      ambiguous: c.ambiguous, first_report: c.firstReport, last_report: c.lastReport, items: c.items, mention_ids: c.mentionIds,
      modality: c.modality, disputed: c.disputed, supporting_sources: c.supportingSources, disputing_sources: c.disputingSources,
      disputing_mention_ids: c.disputingMentionIds,
    },
  };
}

/** PLOVER JSON Lines of happenings: one record per line. */
export async function* ploverHappeningLines(happenings: AnyIterable<Happening>, context: ExportContext = {}): AsyncGenerator<string> {
  for await (const happening of happenings) yield `${JSON.stringify(await ploverHappening(happening, context))}\n`;
}

function actorOf(e: PloverEntity): ActorRef {
  return { code: e.dyad_code, country: e.dyad_country, name: e.identifier_text, text: e.entity_text, sector: e.sector, start: e.dyad_start, end: e.dyad_end };
}

/** PLOVER JSON Lines written by Dyad → the EventRecords they came from. */
export function readPlover(text: string): EventRecord[] {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const r = JSON.parse(line) as PloverRecord;
    const [source] = r.actor;
    if (source === undefined) throw new Error(`PLOVER record ${r.id} has no actor`);
    return {
      id: r.id,
      doc: r.dyad_doc,
      sentence: { index: r.text_info.sequence, text: r.text, start: r.text_info.start, end: r.text_info.end },
      source: actorOf(source),
      target: r.recipient[0] === undefined ? null : actorOf(r.recipient[0]),
      cameo: r.dyad_cameo,
      cameoName: r.dyad_cameo_name,
      root: r.dyad_cameo.slice(0, 2),
      quad: r.quad_code as EventRecord['quad'],
      goldstein: r.dyad_goldstein,
      plover: { type: r.event[0] ?? '', mode: r.mode[0] ?? null, context: r.context[0] ?? null },
      trigger: r.dyad_trigger,
      date: r.date,
      datePrecision: r.dyad_date_precision,
      dateBasis: r.dyad_date_basis,
      negated: r.dyad_negated,
      modality: r.dyad_modality,
      status: r.dyad_status,
      items: r.dyad_items,
      terms: r.dyad_terms,
      attribution: r.dyad_attribution,
      location: r.dyad_location,
    };
  });
}
