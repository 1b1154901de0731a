// NLP stage: Article → Doc (sentences, tokens, lemmas, POS). The only module that imports wink-nlp.
import winkNLP, { type ItemSentence, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { DyadError, type Article } from '../types/index.js';
import { TOKEN_FLAGS, type Doc, type Sentence } from './doc.js';
import { normalizeWord } from './normalize.js';
import { posId, POS } from './pos.js';

type WinkNLP = ReturnType<typeof winkNLP>;

/** wink-nlp keeps every new word it sees: a fresh instance after this many tokens bounds memory. */
const RECYCLE_AFTER_TOKENS = 2_000_000;

/** Abbreviations after which the sentence splitter must not end a sentence ("Dept. of State"). */
const NO_BREAK_AFTER = new Set([
  'dept', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'brig', 'adm', 'cmdr', 'cdr', 'gov', 'sen', 'rep', 'rev', 'prof',
  'dr', 'mr', 'mrs', 'ms', 'st', 'ft', 'mt', 'no', 'nos', 'vol', 'approx', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'corp', 'pres', 'amb', 'sec', 'dep', 'min', 'int', 'govt', 'pvt', 'cpl',
]);

/** Hyphenated words the tokenizer splits ("Al - Shabaab") are joined back, except "Saudi-led"-style modifiers. */
function shouldJoinHyphen(left: string, right: string): boolean {
  if (left === '' || right === '') return false;
  const leftUpper = /^\p{Lu}/u.test(left);
  const rightLower = /^\p{Ll}/u.test(right);
  return !(leftUpper && rightLower) || /^(al|el|ad|as|an|ash|at|bin|ibn|abu)$/i.test(left);
}

/**
 * The tagger's lemma, mended where it cuts a verb's past form to a shorter word: "staged" → "stag", "waged" → "wag",
 * "raged" → "rag". A single g after a vowel before "-ed" belongs to a stem ending in "-ge" ("stage", "wage"; a stem
 * ending in g doubles it: "lagged", "bogged").
 */
export function mendLemma(norm: string, lemma: string): string {
  if (/[aeiou]ged$/.test(norm) && !/gged$/.test(norm) && lemma === norm.slice(0, -2)) return norm.slice(0, -1);
  return lemma;
}

let nlp: WinkNLP | null = null;
let tokensSinceLoad = 0;

function tagger(): WinkNLP {
  if (nlp === null || tokensSinceLoad > RECYCLE_AFTER_TOKENS) {
    nlp = winkNLP(model, ['sbd', 'pos']);
    tokensSinceLoad = 0;
  }
  return nlp;
}

interface Builder {
  start: number[];
  end: number[];
  norm: string[];
  lemma: string[];
  pos: number[];
  flags: number[];
  sentences: Sentence[];
}

function flagsOf(value: string, spaceBefore: boolean, isNumber: boolean): number {
  let flags = 0;
  const c = value.charCodeAt(0);
  const capital = c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(value);
  if (capital) {
    flags |= TOKEN_FLAGS.CAPITALIZED;
    if (value.length >= 2 && value === value.toUpperCase() && value !== value.toLowerCase()) flags |= TOKEN_FLAGS.ALL_CAPS;
  }
  if (spaceBefore) flags |= TOKEN_FLAGS.SPACE_BEFORE;
  if (isNumber) flags |= TOKEN_FLAGS.NUMBER;
  return flags;
}

/** Fewest capitalised words (of 4+ letters, after the first) that make a sentence a headline. */
const HEADLINE_MIN_CAPITALS = 3;
/** Words of four or more letters that title case may leave in lower case. */
const TITLE_CASE_LOWER = new Set(['with', 'from', 'into', 'over', 'than', 'that', 'after', 'about', 'amid', 'upon', 'onto', 'near', 'says', 'said']);

/**
 * A headline in title case ("U.S. Military Arrests an Iraqi Commander"): every word of four or more letters after the
 * first is capitalised (short function words may not be). The tagger reads such words as proper nouns, so the verbs
 * go unseen. A sentence full of names still has a lower-case verb ("… Karim Sadoun arrived in Ankara"), so it is none.
 */
function isHeadline(text: string, out: Builder, sent: Sentence): boolean {
  let capitals = 0;
  for (let i = sent.first + 1; i < sent.last; i++) {
    const word = text.slice(out.start[i], out.end[i]);
    if (word.length < 4 || !/^\p{L}/u.test(word)) continue;
    if (((out.flags[i] ?? 0) & TOKEN_FLAGS.CAPITALIZED) === 0) {
      if (!TITLE_CASE_LOWER.has(word)) return false;
    } else if (((out.flags[i] ?? 0) & TOKEN_FLAGS.ALL_CAPS) === 0) capitals++;
  }
  return capitals >= HEADLINE_MIN_CAPITALS;
}

/**
 * Tags a headline again in sentence case (each capitalised word lower-cased but acronyms and the first word), and
 * takes the new parts of speech and lemmas when the tokens line up; offsets, words and flags stay the text's own.
 */
function retagHeadline(text: string, out: Builder, sent: Sentence): void {
  sent.headline = true;
  let lowered = '';
  let cursor = sent.start;
  for (let i = sent.first; i < sent.last; i++) {
    const start = out.start[i] ?? cursor;
    const end = out.end[i] ?? start;
    const word = text.slice(start, end);
    const acronym = ((out.flags[i] ?? 0) & TOKEN_FLAGS.ALL_CAPS) !== 0 || /\./.test(word);
    lowered += text.slice(cursor, start) + (i === sent.first || acronym ? word : word.toLowerCase());
    cursor = end;
  }
  const w = tagger();
  const wdoc = w.readDoc(lowered);
  const tags = wdoc.tokens().out(w.its.pos) as string[];
  const lemmas = wdoc.tokens().out(w.its.lemma as unknown as ItsFunction<string>) as string[];
  if (tags.length !== sent.last - sent.first) return;
  for (let k = 0; k < tags.length; k++) {
    const i = sent.first + k;
    const tag = posId(tags[k] ?? 'X');
    // names keep their proper-noun reading; only words the tagger now sees as verbs, nouns… change
    if (tag === POS.NOUN && out.pos[i] === POS.PROPN && /^\p{Lu}/u.test(text.slice(out.start[i], out.end[i])) && k === 0) continue;
    out.pos[i] = tag;
    out.lemma[i] = mendLemma(out.norm[i] ?? '', normalizeWord(lemmas[k] ?? text.slice(out.start[i], out.end[i])));
  }
}

/** Analyses one block of text (a paragraph or line) starting at `offset` in the article text. */
function analyzeBlock(text: string, block: string, offset: number, out: Builder): void {
  const w = tagger();
  const its = w.its;
  const wdoc = w.readDoc(block);
  const values = wdoc.tokens().out(its.value) as string[];
  const tags = wdoc.tokens().out(its.pos) as string[];
  const lemmas = wdoc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
  const types = wdoc.tokens().out(its.type) as string[];
  tokensSinceLoad += values.length;

  // Character offsets: wink gives none, so find each token with one forward scan.
  const tokenIndex: number[] = new Array<number>(values.length);
  let cursor = 0;
  for (let t = 0; t < values.length; t++) {
    const value = values[t] ?? '';
    let at = block.indexOf(value, cursor);
    if (at < 0) at = cursor; // the tagger normalised the token; keep order, zero-width risk is bounded
    const prev = at > 0 ? block.charCodeAt(at - 1) : 0;
    const spaceBefore = at > cursor || prev === 32 || prev === 9 || prev === 10 || prev === 13 || prev === 160;
    const startChar = offset + at;
    const endChar = startChar + value.length;
    cursor = at + value.length;
    const last = out.start.length - 1;
    // Re-join "Al - Shabaab" / "twenty - five" when no spaces separate the parts.
    if (value === '-' && last >= 0 && !spaceBefore && t + 1 < values.length) {
      const next = values[t + 1] ?? '';
      const nextAt = block.indexOf(next, cursor);
      const prevText = text.slice(out.start[last], out.end[last]);
      if (nextAt === cursor && shouldJoinHyphen(prevText, next)) {
        out.end[last] = offset + nextAt + next.length;
        const joined = text.slice(out.start[last], out.end[last]);
        out.norm[last] = normalizeWord(joined);
        out.lemma[last] = out.norm[last] ?? '';
        out.flags[last] = flagsOf(joined, ((out.flags[last] ?? 0) & TOKEN_FLAGS.SPACE_BEFORE) !== 0, false);
        cursor = nextAt + next.length;
        tokenIndex[t] = last;
        tokenIndex[t + 1] = last;
        t++;
        continue;
      }
    }
    tokenIndex[t] = out.start.length;
    out.start.push(startChar);
    out.end.push(endChar);
    out.norm.push(normalizeWord(value));
    out.lemma.push(mendLemma(normalizeWord(value), normalizeWord(lemmas[t] ?? value)));
    const tag = posId(tags[t] ?? 'X');
    out.pos.push(tag);
    out.flags.push(flagsOf(value, spaceBefore, types[t] === 'number' || tag === POS.NUM));
  }

  // Sentences, with the splitter's abbreviation breaks mended.
  const firstNew = out.sentences.length;
  let pending: Sentence | null = null;
  wdoc.sentences().each((s: ItemSentence) => {
    const [firstWink, lastWink] = s.out(its.span as unknown as ItsFunction<number[]>) as unknown as [number, number];
    const first = tokenIndex[firstWink] ?? out.start.length;
    const last = (tokenIndex[lastWink] ?? out.start.length - 1) + 1;
    if (pending !== null) {
      const endsWithAbbrev = pending.last - pending.first >= 2
        && out.norm[pending.last - 1] === '.'
        && NO_BREAK_AFTER.has(out.norm[pending.last - 2] ?? '')
        && ((out.flags[pending.last - 1] ?? 0) & TOKEN_FLAGS.SPACE_BEFORE) === 0;
      if (endsWithAbbrev) {
        pending.last = last;
        pending.end = out.end[last - 1] ?? pending.end;
        return;
      }
      out.sentences.push(pending);
    }
    pending = { index: 0, start: out.start[first] ?? offset, end: out.end[last - 1] ?? offset, first, last };
  });
  if (pending !== null) out.sentences.push(pending);
  for (let i = firstNew; i < out.sentences.length; i++) {
    const pieces = splitLongSentence(out, out.sentences[i] as Sentence);
    if (pieces.length > 1) {
      out.sentences.splice(i, 1, ...pieces);
      i += pieces.length - 1;
    }
  }
}

/** Longest sentence in tokens: a longer one (a list, a page without full stops) is split, at a clause boundary if it has one. */
export const MAX_SENTENCE_TOKENS = 150;
/** Longest sentence in characters (however few its tokens): split the same way. */
export const MAX_SENTENCE_CHARS = 2_000;
/** Tokens after which a long sentence may be cut before a conjunction. */
const CLAUSE_WORDS = new Set(['and', 'but', 'while', 'whereas', 'or', 'although', 'though', 'because', 'after', 'before', 'when']);
const CLAUSE_MARKS = new Set([';', ',', ':', '—', '–', '(', ')', '"', '“', '”']);

/**
 * Splits an over-long sentence into pieces of at most MAX_SENTENCE_TOKENS tokens and MAX_SENTENCE_CHARS characters
 * (a single longer token stays one piece). Each cut is at the last clause boundary in the second half of the allowed
 * window — after `;`, `,`, `:`, a dash or bracket, or before a conjunction — and at the window's end when there is none.
 * Costs O(tokens): the coder's per-sentence work, and the sentence text each event repeats, stay bounded.
 */
function splitLongSentence(out: Builder, sent: Sentence): Sentence[] {
  const fits = (first: number, last: number): boolean =>
    last - first <= MAX_SENTENCE_TOKENS && (out.end[last - 1] ?? 0) - (out.start[first] ?? 0) <= MAX_SENTENCE_CHARS;
  if (fits(sent.first, sent.last)) return [sent];
  const pieces: Sentence[] = [];
  let first = sent.first;
  while (first < sent.last) {
    let hard = Math.min(sent.last, first + MAX_SENTENCE_TOKENS);
    while (hard > first + 1 && !fits(first, hard)) hard--;
    let cut = hard;
    if (hard < sent.last) {
      const floor = first + Math.max(1, Math.floor((hard - first) / 2));
      for (let k = hard; k > floor; k--) {
        if (CLAUSE_MARKS.has(out.norm[k - 1] ?? '')) { cut = k; break; }
        if (CLAUSE_WORDS.has(out.norm[k] ?? '') && k < hard) { cut = k; break; }
      }
    }
    pieces.push({ index: 0, start: out.start[first] ?? sent.start, end: out.end[cut - 1] ?? sent.end, first, last: cut });
    first = cut;
  }
  return pieces;
}

/** Largest block handed to the tagger at once; longer lines are cut at a sentence-like boundary. */
const MAX_BLOCK = 20_000;

/** What one article may cost the analyser. */
export interface AnalyzeBudget {
  /** Most tokens an article may have; past it analysis stops with DyadError E202. */
  maxTokens?: number;
  /** `performance.now()` time after which analysis stops with DyadError E401 (checked between blocks). */
  deadline?: number;
}

/**
 * Analyses an article: splits it into paragraphs, then sentences and tokens with POS and lemmas. Sentences longer
 * than MAX_SENTENCE_TOKENS / MAX_SENTENCE_CHARS are split. With a budget, throws DyadError E202 (too many tokens)
 * or E401 (past the deadline) rather than going on.
 */
export function analyze(article: Article, budget: AnalyzeBudget = {}): Doc {
  const text = article.text;
  const maxTokens = budget.maxTokens ?? Infinity;
  const deadline = budget.deadline ?? Infinity;
  const out: Builder = { start: [], end: [], norm: [], lemma: [], pos: [], flags: [], sentences: [] };
  const blockPattern = /[^\n]+/g;
  for (let m = blockPattern.exec(text); m !== null; m = blockPattern.exec(text)) {
    const line = m[0];
    if (line.trim() === '') continue;
    let from = 0;
    while (from < line.length) {
      let to = Math.min(line.length, from + MAX_BLOCK);
      if (to < line.length) {
        // look back within this block only: a line with no full stop must not be rescanned for each block
        const window = line.slice(from, to);
        const stop = window.lastIndexOf('. ');
        const space = window.lastIndexOf(' ');
        if (stop > 0) to = from + stop + 1;
        else if (space > 0) to = from + space;
      }
      analyzeBlock(text, line.slice(from, to), m.index + from, out);
      from = to;
      if (out.start.length > maxTokens) {
        throw new DyadError('E202', article.id, `more than ${maxTokens.toLocaleString('en-US')} tokens (the budget for one article)`);
      }
      if (performance.now() > deadline) throw new DyadError('E401', article.id, 'analysis ran past the time budget for one article');
    }
  }
  out.sentences.forEach((s, i) => { s.index = i; });
  for (const sent of out.sentences) if (isHeadline(text, out, sent)) retagHeadline(text, out, sent);
  return {
    article,
    text,
    size: out.start.length,
    start: Int32Array.from(out.start),
    end: Int32Array.from(out.end),
    norm: out.norm,
    lemma: out.lemma,
    pos: Uint8Array.from(out.pos),
    flags: Uint8Array.from(out.flags),
    sentences: out.sentences,
  };
}
