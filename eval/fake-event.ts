// Eval test helper: hand-made EventRecords for scorer tests (a few fields given, the rest filled with neutral values).
import type { ActorRef, EventRecord } from '../src/types/index.js';

/** The fields a scorer test sets; actors are given as partial ActorRefs. */
export interface FakeEventSpec {
  doc?: string;
  cameo?: string;
  ploverType?: string;
  source?: Partial<ActorRef>;
  target?: Partial<ActorRef> | null;
  triggerStart?: number;
  overrides?: Partial<EventRecord>;
}

function actor(partial: Partial<ActorRef>): ActorRef {
  const code = partial.code ?? '---';
  return { code, country: null, name: code, text: code, sector: null, start: 0, end: 0, ...partial };
}

/** Builds a complete EventRecord from a few fields. */
export function fakeEvent(spec: FakeEventSpec = {}): EventRecord {
  const cameo = spec.cameo ?? '010';
  const start = spec.triggerStart ?? 0;
  return {
    id: `fake-${cameo}-${start}`,
    doc: spec.doc ?? 'doc',
    sentence: { index: 0, text: '', start: 0, end: 0 },
    source: actor(spec.source ?? {}),
    target: spec.target === null ? null : actor(spec.target ?? {}),
    cameo,
    cameoName: '',
    root: cameo.slice(0, 2),
    quad: 1,
    goldstein: 0,
    plover: { type: spec.ploverType ?? '', mode: null, context: null },
    trigger: { text: '', start, end: start + 1 },
    date: null,
    datePrecision: 'unknown',
    dateBasis: 'unknown',
    negated: false,
    modality: 'asserted',
    status: null,
    items: [],
    terms: null,
    attribution: null,
    location: null,
    ...spec.overrides,
  };
}
