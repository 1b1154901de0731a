// NLP: the analysed document — tokens as packed parallel arrays, sentences as token ranges.
//
// Layout (index i = token number in the document):
//   start[i], end[i]  half-open character offsets of the token in the article text
//   norm[i]           matching key: lower case, no diacritics (normalizeWord)
//   lemma[i]          base form from the tagger, lower case ("asked" → "ask")
//   pos[i]            POS id (POS in pos.ts)
//   flags[i]          bit set of TOKEN_FLAGS
import type { Article } from '../types/index.js';

export const TOKEN_FLAGS = {
  /** First letter is a capital ("Iraq", "US"). */
  CAPITALIZED: 1,
  /** Every letter is a capital and there are at least two ("US", "NATO"). */
  ALL_CAPS: 2,
  /** Whitespace separates the token from the previous one. */
  SPACE_BEFORE: 4,
  /** The token is a number (digits, or number words the tagger marks NUM). */
  NUMBER: 8,
} as const;

/** One sentence: a token range and its character span. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** First token (inclusive) and last token (exclusive). */
  first: number;
  last: number;
  /** A headline in title case, tagged again in sentence case (its parts of speech are the re-tagged ones). */
  headline?: boolean;
}

export interface Doc {
  article: Article;
  text: string;
  size: number;
  start: Int32Array;
  end: Int32Array;
  norm: string[];
  lemma: string[];
  pos: Uint8Array;
  flags: Uint8Array;
  sentences: Sentence[];
}

/** The text of token i as written. */
export function tokenText(doc: Doc, i: number): string {
  return doc.text.slice(doc.start[i], doc.end[i]);
}

/** The text between two tokens (inclusive first, exclusive last) as written. */
export function spanText(doc: Doc, first: number, last: number): string {
  if (last <= first) return '';
  return doc.text.slice(doc.start[first], doc.end[last - 1]);
}
