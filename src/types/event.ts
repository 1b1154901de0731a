// Types: the event record — Dyad's public, stable contract (mirrored by schema/event.schema.json).

/** A sector / agent type of an actor (CAMEO-style three-letter role codes). */
export type Sector = string;

/** An actor as it appears in one event. */
export interface ActorRef {
  /** CAMEO-style code: `IRQ`, `CHNGOV`, `IRQMIL`, `NATO`, `SHABAAB`, `---GOV` (unknown country, known role). */
  code: string;
  /** ISO 3166 alpha-3 of the state the actor belongs to, else null (IGOs, transnational groups). */
  country: string | null;
  /** Canonical name ("Iraq", "Chinese government", "Wang Yi"). */
  name: string;
  /** The words in the sentence. */
  text: string;
  /** GOV, MIL, COP, REB, OPP, LEG, JUD, BUS, MED, IGO, ... where known. */
  sector: Sector | null;
  /** Half-open character offsets of `text` in the article. */
  start: number;
  end: number;
}

export type Modality = 'asserted' | 'reported' | 'intended' | 'possible' | 'conditional' | 'negated' | 'denied';
export type Status = 'requested' | 'offered' | 'pledged' | 'agreed' | 'delivered' | 'refused' | 'suspended' | 'conditional' | null;
export type Terms = 'free' | 'donation' | 'grant' | 'loan' | 'credit' | 'commercial' | 'sale' | 'lease' | 'barter';
export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';
/**
 * Where an article's publication date came from — and so the date of an event that is dated by it:
 * `publication` given with the article (`--date`, a JSONL record's or a feed item's date); `page-metadata` an HTML
 * page's own timestamp (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`, …); `dateline` the
 * dateline ("KABUL, March 3 (Reuters) -"); `published-line` a "Published …"/"Posted on …" line or a line that is only a
 * date near the top; `updated-line` an "Updated on …"/"Last modified …" line; `byline` a dated byline ("By Jane Doe | March 3, 2020").
 */
export type PublicationBasis = 'publication' | 'page-metadata' | 'dateline' | 'published-line' | 'updated-line' | 'byline';
/**
 * How an event's date was found: `stated` in the sentence in full; `relative` to the publication date ("on Tuesday");
 * one of the {@link PublicationBasis} values when the event carries its article's publication date; `unknown`.
 */
export type DateBasis = 'stated' | 'relative' | PublicationBasis | 'unknown';

/** Every publication basis, strongest evidence first (the order ingest weighs them in). */
export const PUBLICATION_BASES = ['publication', 'page-metadata', 'dateline', 'published-line', 'updated-line', 'byline'] as const satisfies readonly PublicationBasis[];
/** Every date basis, as the JSON schema and the API list them. */
export const DATE_BASES = ['stated', 'relative', ...PUBLICATION_BASES, 'unknown'] as const satisfies readonly DateBasis[];

const PUBLICATION_SET: ReadonlySet<string> = new Set(PUBLICATION_BASES);

/** True when an event's date is its article's publication date (whatever that date was read from), not a date the sentence gives. */
export function isPublicationBasis(basis: DateBasis): basis is PublicationBasis {
  return PUBLICATION_SET.has(basis);
}

/** An item asked for, offered or given ("20 thousand assault rifles"). */
export interface Item {
  text: string;
  /** Equipment kind from the equipment lexicon: `rifle`, `attack-helicopter`, `drone`, `money`, ... */
  kind: string;
  /** Model designation ("Mi-35", "CH-5"), else null. */
  model: string | null;
  /** Number, or the low end of a range; null when not stated. */
  quantity: number | null;
  /** High end of a range ("up to 9,000" → quantity null, max 9000). */
  max?: number | null;
  /** True for "more than", "about", "dozens". */
  approx?: boolean;
  /** Unit for money and bulk ("USD", "tonnes"), else null. */
  unit: string | null;
  start: number;
  end: number;
}

export interface Attribution {
  /** Who the report attributes the claim to, as written. */
  text: string;
  /** The actor code, when the attributed speaker is an actor. */
  actor: string | null;
  start: number;
  end: number;
}

export interface Location {
  text: string;
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  geonamesId?: number | null;
  start: number;
  end: number;
}

/** One coded event: one source does one thing to one target, as one sentence says. */
export interface EventRecord {
  /** Stable id: the same input always gives the same id. */
  id: string;
  /** The document id (JSONL `id`, or the input path exactly as given). */
  doc: string;
  sentence: { index: number; text: string; start: number; end: number };
  source: ActorRef;
  target: ActorRef | null;
  /** CAMEO event code, leading zeros kept ("0232"). */
  cameo: string;
  cameoName: string;
  /** Two-digit CAMEO root ("02"). */
  root: string;
  /** GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  plover: { type: string; mode: string | null; context: string | null };
  /** The words that trigger the event (verb or event noun). */
  trigger: { text: string; start: number; end: number };
  /** Best date for the event, ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when unknown. */
  date: string | null;
  datePrecision: DatePrecision;
  dateBasis: DateBasis;
  negated: boolean;
  modality: Modality;
  status: Status;
  items: Item[];
  terms: Terms | null;
  attribution: Attribution | null;
  location: Location | null;
}
