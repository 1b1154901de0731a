// Link tests: compact written specs → full EventRecord mentions with article metadata (for tests and the clusters eval).
import { quadOf, statusOf } from '../coder/build-event.js';
import type { ActorRef, DateBasis, DatePrecision, EventRecord, Item, Modality, Status, Terms } from '../types/index.js';
import type { MentionInput } from '../types/link.js';

/** One mention as a test or eval fixture writes it. */
export interface MentionSpec {
  id: string;
  /** Article id. */
  doc: string;
  outlet?: string | null;
  /** Publication date of the article. */
  published?: string | null;
  /** Article id this article is a syndicated copy of. */
  copyOf?: string | null;
  /** Actor codes: `IRQ`, `CHNGOV`, `NATO` (codes in NO_COUNTRY have no country; others take their first three letters). */
  source: string;
  target?: string | null;
  cameo: string;
  date?: string | null;
  precision?: DatePrecision;
  basis?: DateBasis;
  items?: Array<{ kind: string; quantity?: number | null; model?: string | null; unit?: string | null; text?: string }>;
  status?: Status;
  terms?: Terms | null;
  negated?: boolean;
  modality?: Modality;
  /** The sentence (for reading the fixture; nothing is parsed from it). */
  text?: string;
}

/** Actor codes of organisations and groups that belong to no state. */
const NO_COUNTRY: ReadonlySet<string> = new Set(['NATO', 'UN', 'EU', 'AU', 'IMF', 'WFP', 'UNHCR', 'ISIS', 'HAMAS', 'SHABAAB', 'HEZBOLLAH']);

function actor(code: string, text: string): ActorRef {
  const country = NO_COUNTRY.has(code) ? null : code.slice(0, 3);
  const at = Math.max(0, text.indexOf(code));
  return { code, country, name: code, text: code, sector: code.length > 3 ? code.slice(3) : null, start: at, end: at + code.length };
}

/** Builds a mention from a spec. Dates without a precision take it from their length; no date means unknown. */
export function fixtureMention(spec: MentionSpec): MentionInput {
  const date = spec.date ?? null;
  const precision = spec.precision ?? (date === null ? 'unknown' : date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year');
  const modality = spec.modality ?? 'asserted';
  const negated = spec.negated ?? false;
  const text = spec.text ?? `${spec.source} ${spec.cameo} ${spec.target ?? ''}.`;
  const items: Item[] = (spec.items ?? []).map((i) => ({
    text: i.text ?? i.kind, kind: i.kind, model: i.model ?? null, quantity: i.quantity ?? null, max: null, approx: false,
    unit: i.unit ?? null, start: 0, end: 0,
  }));
  const event: EventRecord = {
    id: spec.id,
    doc: spec.doc,
    sentence: { index: 0, text, start: 0, end: text.length },
    source: actor(spec.source, text),
    target: spec.target ? actor(spec.target, text) : null,
    cameo: spec.cameo,
    cameoName: '',
    root: spec.cameo.slice(0, 2),
    quad: quadOf(spec.cameo),
    goldstein: 0,
    plover: { type: 'UNKNOWN', mode: null, context: null },
    trigger: { text: '', start: 0, end: 0 },
    date,
    datePrecision: precision,
    dateBasis: spec.basis ?? (date === null ? 'unknown' : 'stated'),
    negated,
    modality,
    status: spec.status !== undefined ? spec.status : statusOf(spec.cameo, { status: null, modality, negated }),
    items,
    terms: spec.terms ?? null,
    attribution: null,
    location: null,
  };
  return { event, outlet: spec.outlet ?? null, published: spec.published ?? null, nearDuplicateOf: spec.copyOf ?? null };
}

/** A seeded shuffle (mulberry32), so order tests are reproducible. */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const random = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
