// Coder stage: a raw event + the lexicon's CAMEO table → the public EventRecord (codes, scales, ids, evidence).
import type { Doc } from '../nlp/doc.js';
import type { CompiledLexicon } from '../lexicon/compiled.js';
import type { ActorRef, EventRecord, Status } from '../types/index.js';
import type { RawEvent } from './code-sentence.js';
import type { Mention } from './mention.js';
import type { PublicationDate } from './add-details.js';

const QUAD_BY_ROOT: Record<string, 1 | 2 | 3 | 4> = {
  '01': 1, '02': 1, '03': 1, '04': 1, '05': 1, '06': 2, '07': 2, '08': 2, '09': 3, '10': 3, '11': 3, '12': 3, '13': 3,
  '14': 4, '15': 4, '16': 4, '17': 4, '18': 4, '19': 4, '20': 4,
};

/** QuadClass of a CAMEO code by its root. */
export function quadOf(code: string): 1 | 2 | 3 | 4 {
  return QUAD_BY_ROOT[code.slice(0, 2)] ?? 1;
}

function actorRef(doc: Doc, m: Mention): ActorRef {
  const start = doc.start[m.first] ?? 0;
  const end = doc.end[m.last - 1] ?? start;
  return { code: m.code, country: m.country, name: m.name, text: doc.text.slice(start, end), sector: m.sector, start, end };
}

/**
 * The finer status of an assistance event, consistent with its code. A negated or denied event has none: "did not
 * promise to deliver" is no pledge and "denied delivering" no delivery, whatever the frame or the code would say.
 */
export function statusOf(code: string, raw: Pick<RawEvent, 'status' | 'modality' | 'negated'>): Status {
  if (raw.negated || raw.modality === 'negated' || raw.modality === 'denied') return null;
  if (raw.modality === 'conditional' && /^(02|03|07|10|12)/.test(code)) return 'conditional';
  if (raw.status !== null) return raw.status;
  if (code.startsWith('02') || code.startsWith('10')) return 'requested';
  if (code.startsWith('03')) return raw.modality === 'possible' ? 'offered' : 'pledged';
  if (code === '057' || code.startsWith('06')) return 'agreed';
  if (code.startsWith('07')) return raw.modality === 'intended' ? 'pledged' : raw.modality === 'possible' ? 'offered' : 'delivered';
  if (code.startsWith('12')) return 'refused';
  if (code.startsWith('162') || code.startsWith('166')) return 'suspended';
  return null;
}

/** MurmurHash3's 32-bit finaliser: every input bit reaches every output bit. */
function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * 64 bits of a string as 16 hex digits: two multiplicative lanes over its UTF-16 units (FNV-1a's offset basis and
 * prime in one, MurmurHash2's multiplier in the other), each finalised, the second also fed the first. Not a
 * cryptographic hash — an id that is the same on every machine, ten times cheaper than SHA-1 for short strings.
 */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  const hi = mix32(a);
  const lo = mix32(b ^ hi);
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** A stable id: the same document, sentence, trigger, actors and code always give the same id. */
export function eventId(docId: string, sentence: number, triggerStart: number, source: string, target: string, code: string): string {
  return hash64(`${docId}\u0000${sentence}\u0000${triggerStart}\u0000${source}\u0000${target}\u0000${code}`);
}

/**
 * Builds the public record of a raw event, dated by its article's publication date (`pub`, default the article's own
 * date). Details (items, dates the sentence gives, places) are added by later stages.
 */
export function buildEvent(doc: Doc, raw: RawEvent, lexicon: CompiledLexicon, pub?: PublicationDate): EventRecord {
  const cameo = lexicon.cameo.get(raw.code);
  const root = raw.code.slice(0, 2);
  const rootEntry = lexicon.cameo.get(root);
  const sentStart = raw.sentence.start;
  const triggerStart = doc.start[raw.trigger.first] ?? sentStart;
  const triggerEnd = doc.end[raw.trigger.last - 1] ?? triggerStart;
  const source = actorRef(doc, raw.source);
  const target = raw.target !== null ? actorRef(doc, raw.target) : null;
  const attribution = raw.attribution === null ? null : {
    text: doc.text.slice(doc.start[raw.attribution.first], doc.end[raw.attribution.last - 1]),
    actor: raw.attribution.speaker?.code ?? null,
    start: doc.start[raw.attribution.first] ?? 0,
    end: doc.end[raw.attribution.last - 1] ?? 0,
  };
  const date = pub !== undefined ? pub.date : doc.article.date ? doc.article.date.slice(0, 10) : null;
  const basis = pub !== undefined ? pub.basis : doc.article.dateBasis ?? 'publication';
  return {
    id: eventId(doc.article.id, raw.sentence.index, triggerStart, source.code, target?.code ?? '', raw.code),
    doc: doc.article.id,
    sentence: { index: raw.sentence.index, text: doc.text.slice(sentStart, raw.sentence.end), start: sentStart, end: raw.sentence.end },
    source,
    target,
    cameo: raw.code,
    cameoName: cameo?.name ?? rootEntry?.name ?? '',
    root,
    quad: cameo?.quad ?? quadOf(raw.code),
    goldstein: cameo?.goldstein ?? rootEntry?.goldstein ?? 0,
    plover: cameo?.plover ?? rootEntry?.plover ?? { type: 'UNKNOWN', mode: null, context: null },
    trigger: { text: doc.text.slice(triggerStart, triggerEnd), start: triggerStart, end: triggerEnd },
    date,
    datePrecision: date !== null ? 'day' : 'unknown',
    dateBasis: date !== null ? basis : 'unknown',
    negated: raw.negated,
    modality: raw.modality,
    status: statusOf(raw.code, raw),
    items: [],
    terms: null,
    attribution,
    location: null,
  };
}
