// Parse (API): words → UPOS tags and a labelled dependency tree, with the trained tagger and parser tables.
import { POS } from '../nlp/pos.js';
import { N_TAGS, TagScratch, tagWords, type TaggerModel } from './tag-words.js';
import { ParseScratch, parseWords, type ParserTables } from './parse-words.js';
import type { SentenceView } from './parser-features.js';
import { NORM, WORD_FIELDS, wordCodes } from './word-codes.js';

/** One parsed sentence, parallel arrays over its words. */
export interface ParsedSentence {
  /** UPOS ids, numbered as `POS_TAGS` in src/nlp/pos.ts. */
  upos: Uint8Array;
  /** 0-based index of each word's head, -1 for the root. */
  head: Int16Array;
  /** Label ids, indexes into `DEPRELS`. */
  deprel: Uint8Array;
}

/** Pseudo-word codes and tags for ROOT and "no word" in a `SentenceView`. */
const ROOT_WORD = 0x2f6b1a07;
const NONE_WORD = 0x51c3e9d5;
const ROOT_TAG = N_TAGS + 1;
const PUNCT = POS.PUNCT;
const VERB = POS.VERB;
const NONE_TAG = N_TAGS + 2;

/** Builds the parser's view of a sentence from its word codes and tags (reusing `view` when big enough). */
export function sentenceView(codes: Int32Array, tags: Uint8Array, n: number, view?: SentenceView): SentenceView {
  const size = n * 2 + 2;
  const out = view && view.word.length >= n + 2 ? view : { word: new Int32Array(size), tag: new Uint8Array(size), puncts: new Int32Array(size), verbs: new Int32Array(size) };
  let puncts = 0;
  let verbs = 0;
  for (let i = 0; i < n; i += 1) {
    out.word[i] = codes[i * WORD_FIELDS + NORM]!;
    out.tag[i] = tags[i]!;
    out.puncts[i] = puncts;
    out.verbs[i] = verbs;
    if (tags[i] === PUNCT) puncts += 1;
    else if (tags[i] === VERB) verbs += 1;
  }
  out.puncts[n] = out.puncts[n + 1] = puncts;
  out.verbs[n] = out.verbs[n + 1] = verbs;
  out.word[n] = ROOT_WORD;
  out.tag[n] = ROOT_TAG;
  out.word[n + 1] = NONE_WORD;
  out.tag[n + 1] = NONE_TAG;
  return out;
}

/** A tagger and parser over loaded weight tables. Not safe to share across worker threads (it reuses buffers). */
export class Parser {
  private readonly tagScratch = new TagScratch();
  private readonly parseScratch = new ParseScratch();
  private codes = new Int32Array(64 * WORD_FIELDS);
  private view: SentenceView | undefined;

  constructor(readonly tagger: TaggerModel, readonly tables: ParserTables) {}

  /** UPOS ids of `words`. */
  tag(words: readonly string[]): Uint8Array {
    const n = words.length;
    if (this.codes.length < n * WORD_FIELDS) this.codes = new Int32Array(n * 2 * WORD_FIELDS);
    const codes = wordCodes(words, this.codes);
    const upos = new Uint8Array(n);
    tagWords(this.tagger, codes, n, upos, this.tagScratch);
    return upos;
  }

  /** Tags `words` and parses them with the predicted tags. An empty sentence gives empty arrays. */
  parse(words: readonly string[]): ParsedSentence {
    const upos = this.tag(words);
    return { upos, ...this.parseTagged(upos, words.length) };
  }

  /** Parses the words last tagged with `upos` (their codes are still in the buffer). */
  private parseTagged(upos: Uint8Array, n: number): { head: Int16Array; deprel: Uint8Array } {
    this.view = sentenceView(this.codes, upos, n, this.view);
    parseWords(this.tables, this.view, n, this.parseScratch);
    const { state } = this.parseScratch;
    const head = new Int16Array(n);
    const deprel = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) {
      const h = state.head[i]!;
      head[i] = h === n ? -1 : h;
      deprel[i] = state.label[i]!;
    }
    return { head, deprel };
  }
}
