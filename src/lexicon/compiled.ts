// Lexicon: the compiled lexicon — indexes the coder reads, keyed by the words a match must start with.
import type { ActorEntry, AgentEntry, CameoEntry, CountryEntry, FrameEntry } from '../types/index.js';
import type { CompiledTerms } from './compile-terms.js';
import type { Equipment } from './equipment.js';
import type { CompiledPattern } from './pattern.js';
import type { WordLists } from './word-lists.js';

export type PhraseKind = 'country' | 'demonym' | 'capital' | 'actor' | 'agent';

/** One lexicon phrase that can start at a token. */
export interface PhraseHit {
  keys: readonly string[];
  kind: PhraseKind;
  /** Index into countries, actors or agents, by kind. */
  ref: number;
  /** For short all-caps names: the exact spelling each token must have. */
  exact: readonly string[] | null;
  /** The first token must be capitalised in the text (proper names). */
  needsCapital: boolean;
}

/** Phrases indexed by their first key, longest first. */
export type PhraseIndex = Map<string, PhraseHit[]>;

/** A word-set phrase list indexed by first key, longest first. */
export type SetIndex = Map<string, Array<readonly string[]>>;

export interface CompiledVerbEntry {
  id: string;
  code: string | null;
  /** Every pattern, most specific first (weight descending, then lexicon order): the first that matches wins. */
  patterns: CompiledPattern[];
  /**
   * The patterns indexed by one word they require (a sentence lacking the word cannot match them), and those that
   * require no literal word, indexed by a set they require (or under "" when they require neither).
   */
  byWord: Map<string, CompiledPattern[]>;
  bySet: Map<string, CompiledPattern[]>;
  /** The lexicon file the entry came from, for messages. */
  file: string | undefined;
  /** Translated from a PETRARCH/TABARI dictionary: triggers only on tagged verbs with an actor after them (find-triggers). */
  translated: boolean;
}

/** A trigger: the entry it belongs to and the words that must follow its first word ("hand" + "over"). */
export interface Trigger {
  entry: number;
  rest: readonly string[];
}

export interface CompiledLexicon {
  countries: CountryEntry[];
  actors: ActorEntry[];
  agents: AgentEntry[];
  phrases: PhraseIndex;
  verbs: CompiledVerbEntry[];
  /** Verb lemma (first word) → triggers. */
  verbTriggers: Map<string, Trigger[]>;
  /** Noun (first word, as written or lemma) → triggers. */
  nounTriggers: Map<string, Trigger[]>;
  sets: Map<string, SetIndex>;
  /** Word → the sets having a phrase that starts with it (to see at once which sets a sentence can match). */
  setsByFirstWord: Map<string, string[]>;
  cameo: Map<string, CameoEntry>;
  discards: Map<string, Array<{ keys: readonly string[]; scope: 'sentence' | 'story' }>>;
  frames: FrameEntry[];
  /** Frame verb lemma → frame indexes. */
  frameTriggers: Map<string, Array<{ frame: number; rest: readonly string[] }>>;
  /**
   * First word of a verb that embeds a whole clause (a frame with `clause`, or one reached through a claim noun) →
   * the frame, the verb's other words, and whether it needs a claim noun ("rejected claims that …").
   */
  clauseTriggers: Map<string, Array<{ frame: number; rest: readonly string[]; claimOnly: boolean }>>;
  /** Claim nouns (as written and lemma) → the frames they serve ("reports", "claims", "allegations"). */
  claimNouns: Map<string, number[]>;
  /** The word lists of words.yaml (verbs of saying, hedges, place descriptors, …), every source's words pooled. */
  wordLists: WordLists;
  /** The equipment lexicon: Dyad's equipment.yaml with each lexicon folder's equipment.yaml added in order. */
  equipment: Equipment;
  /** The phrases of the terms of a transfer (terms.yaml), every source's pooled. */
  terms: CompiledTerms;
}

/** What the detail finders (items, quantities, terms, places) read of the lexicon. */
export type DetailsLexicon = Pick<CompiledLexicon, 'equipment' | 'wordLists' | 'terms'>;
