// Types: lexicon sources — what lexicon files (Dyad YAML or imported PETRARCH dictionaries) parse into, before compiling.
// The format of the files is documented in docs/lexicon-format.md.

/** A state (current or historical). Names and demonyms code as the country; capitals used as metonyms code as its government. */
export interface CountryEntry {
  /** ISO 3166-1 alpha-3 (or CAMEO's code for a historical state: SUN, YUG, CSK, DDR). */
  code: string;
  name: string;
  /** Proper names and short forms ("Iraq", "Republic of Iraq"). */
  names: string[];
  /** Adjectives and nouns of nationality ("Iraqi", "Iraqis"). */
  demonyms: string[];
  /** Seats of government, which news uses for the government ("Baghdad"). */
  capitals: string[];
  /** ISO dates bounding the state's existence, when historical. */
  from?: string;
  until?: string;
}

/** A code held for a period ("Medvedev": RUSGOV president 2008-05-07..2012-05-07). */
export interface ActorRole {
  code: string;
  /** The office, for display ("President"). */
  title?: string;
  /** ISO dates, inclusive; open-ended when absent. */
  from?: string;
  until?: string;
}

export type ActorKind = 'igo' | 'ngo' | 'group' | 'person' | 'company' | 'media' | 'other';

/** A named actor that is not a state: an IGO, NGO, armed group, company, outlet or person. */
export interface ActorEntry {
  name: string;
  /** Surface forms. All-caps forms of up to 5 letters ("UN", "IS") match case-sensitively; the rest ignore case. */
  names: string[];
  kind: ActorKind;
  /** The code whatever the date. */
  code?: string;
  /** Dated codes; at coding time the role in force at the article's date wins, else `code`. */
  roles?: ActorRole[];
  country?: string | null;
  sector?: string | null;
}

/** Role words that give an actor its sector ("army" → MIL). */
export interface AgentEntry {
  /** Sector code (GOV, MIL, COP, REB, ...). */
  sector: string;
  /** Words and phrases, singular; plurals are generated ("official" → "officials"). */
  words: string[];
  /** A country code when the agent implies one on its own (rare: "Pentagon" → USA). */
  country?: string;
  /** Code to use when no country is found: default `---` + sector. */
}

/** A pattern of a verb entry and the CAMEO code it gives. Pattern syntax: docs/lexicon-format.md. */
export interface VerbPattern {
  pattern: string;
  code: string;
}

/** Verbs and event nouns that share patterns (one CAMEO idea: appeal for aid, attack, meet, ...). */
export interface VerbEntry {
  /** Optional name for messages. */
  id?: string;
  /** Verb lemmas ("ask", "hand over"). */
  verbs: string[];
  /** Nouns that name the event ("request", "talks"). */
  nouns: string[];
  /** Code when a trigger matches and no pattern does; null: patterns only. */
  code: string | null;
  patterns: VerbPattern[];
  /** Where the entry came from, for messages ("lexicon/verbs/02-appeal.yaml"). */
  file?: string;
  /**
   * Translated from another coder's dictionary (PETRARCH/TABARI): its patterns stand for parse-tree conditions Dyad
   * cannot check, so it is applied under that coder's conditions and gives way to native entries (docs/lexicon-format.md).
   */
  translated?: boolean;
}

/** A named set of words and phrases that patterns refer to as `@name`. */
export interface WordSet {
  name: string;
  words: string[];
}

/** A named map of words to values in words.yaml (`currency_words: {dollar: USD}`); null: the word adds no value. */
export interface WordMap {
  name: string;
  map: Record<string, string | null>;
}

/** One CAMEO code with its scales. */
export interface CameoEntry {
  code: string;
  name: string;
  goldstein: number;
  quad: 1 | 2 | 3 | 4;
  plover: { type: string; mode: string | null; context: string | null };
}

/** A phrase that discards a sentence (or, with scope story, the whole article): sports, weather, fiction. */
export interface DiscardEntry {
  phrase: string;
  scope: 'sentence' | 'story';
}

/**
 * A frame verb whose complement is another event ("promised to deliver", "asked China to supply", "refused to send"):
 * the inner event's code is mapped (exact code first, then the longest matching prefix) to the frame's code.
 */
export interface FrameEntry {
  id: string;
  verbs: string[];
  /** Inner code or code prefix → outer code ("072" → "0332", "07" → "033"); empty keeps the inner code. */
  map: Record<string, string>;
  modality?: 'asserted' | 'reported' | 'intended' | 'possible' | 'conditional' | 'negated' | 'denied';
  status?: 'requested' | 'offered' | 'pledged' | 'agreed' | 'delivered' | 'refused' | 'suspended' | 'conditional';
  /** True when the frame verb's object is who is asked/urged ("asked China to supply"): it becomes the target. */
  objectIsInnerSource: boolean;
  /** True when the frame verb also embeds a finite clause: "denied (that) it had delivered", "denied having sent". */
  clause?: boolean;
  /** Nouns of claims through which the frame embeds a clause: "denied reports that …", "rejected claims that …". */
  claims?: string[];
  /** Verbs that take this frame only through one of its `claims` ("rejected claims that …"; "rejected the offer" is no denial). */
  claimVerbs?: string[];
  /** The id of the frame a negated use of this one stands for: "is not ready to send", "has no plans to meet" → refuse. */
  negatedAs?: string;
  /** The code of the frame verb itself, beside the embedded event, when it embeds a clause ("denied that …" → 016). */
  verbCode?: string;
}

/** Everything the coder knows, before compiling. Several sources merge; later sources win on conflict. */
export interface LexiconSource {
  countries: CountryEntry[];
  actors: ActorEntry[];
  agents: AgentEntry[];
  verbs: VerbEntry[];
  sets: WordSet[];
  cameo: CameoEntry[];
  discards: DiscardEntry[];
  /** Verb+verb frames; optional so that imported sources may leave it out. */
  frames?: FrameEntry[];
  /** The coder's word lists and maps (words.yaml), in source order: later ones add words or remove them ("!word"). Optional like frames. */
  words?: Array<WordSet | WordMap>;
  /** The phrases of the terms of a transfer (terms.yaml), in source order: later ones add phrases or remove them. */
  terms?: TermsSource[];
}

/** One terms.yaml: negation words, and term → phrases (regular expressions), the most specific term first. */
export interface TermsSource {
  negations: string[];
  terms: Record<string, string[]>;
}
