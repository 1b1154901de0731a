// Parse (tagging): packed word codes → UPOS ids (src/nlp/pos.ts numbering), two greedy passes of an averaged perceptron.
import { POS_TAGS } from '../nlp/pos.js';
import { bucket, mix } from './hash.js';
import { Perceptron, scoreInto, type WeightTable } from './perceptron.js';
import { hashText } from './hash.js';
import { FORM, LOWER, NORM, PREFIX1, PREFIX2, PREFIX3, SHAPE, SUFFIX1, SUFFIX2, SUFFIX3, SUFFIX4, WORD_FIELDS } from './word-codes.js';

/** Number of tagger classes: every id of `POS_TAGS` (SPACE is never seen in training, so never predicted). */
export const N_TAGS = POS_TAGS.length;
/** Most features one word can have. */
const MAX_FEATS = 48;
/** Tag values beyond the sentence edge and before the first pass. */
const TAG_START = 100;
const TAG_END = 110;
const TAG_NONE = 120;
/** Word codes beyond the sentence edge. */
const WORD_START = 0x3a5e1d;
const WORD_END = 0x7b1c93;

/** The tagger: its weights, and a dictionary of frequent unambiguous words (form code → tag) that skip the classifier. */
export interface TaggerModel {
  table: WeightTable;
  dict: Map<number, number>;
}

/** Words seen at least this often in training, with one tag at least this share of the time, are tagged by the dictionary. */
const DICT_MIN_COUNT = 20;
const DICT_MIN_SHARE = 0.995;

/** The tag dictionary of training sentences, as sorted `[word, tag id]` pairs (how model files store it). */
export function buildTagDictionary(sentences: readonly { words: readonly string[]; tags: Uint8Array }[]): [string, number][] {
  const counts = new Map<string, Uint32Array>();
  for (const { words, tags } of sentences) {
    for (let i = 0; i < words.length; i += 1) {
      let row = counts.get(words[i]!);
      if (!row) counts.set(words[i]!, (row = new Uint32Array(N_TAGS)));
      row[tags[i]!]! += 1;
    }
  }
  const entries: [string, number][] = [];
  for (const [word, row] of counts) {
    let total = 0;
    let best = 0;
    for (let t = 0; t < N_TAGS; t += 1) {
      total += row[t]!;
      if (row[t]! > row[best]!) best = t;
    }
    if (total >= DICT_MIN_COUNT && row[best]! >= DICT_MIN_SHARE * total) entries.push([word, best]);
  }
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The dictionary keyed by the form code `wordCodes` computes, for lookups without strings. */
export function tagDictionary(entries: readonly (readonly [string, number])[]): Map<number, number> {
  return new Map(entries.map(([word, tag]) => [hashText(word, 0, word.length, 1), tag]));
}

/** Reusable buffers, so tagging a sentence allocates nothing once they are big enough. */
export class TagScratch {
  feats = new Int32Array(MAX_FEATS);
  scores = new Float64Array(N_TAGS);
  first = new Uint8Array(64);
  fixed = new Int16Array(64);
  grow(n: number): void {
    if (this.first.length < n) {
      this.first = new Uint8Array(n * 2);
      this.fixed = new Int16Array(n * 2);
    }
  }
}

/** Each template's hash seed, so features of different templates with equal values differ. */
const SEEDS = Int32Array.from({ length: 128 }, (_, t) => mix(0x2545f491, t));
const h1 = (t: number, a: number): number => mix(SEEDS[t]!, a);
const h2 = (t: number, a: number, b: number): number => mix(mix(SEEDS[t]!, a), b);
const h3 = (t: number, a: number, b: number, c: number): number => mix(mix(mix(SEEDS[t]!, a), b), c);

/** A field of word `j`, or an edge marker beyond the sentence. */
function codeAt(codes: Int32Array, n: number, j: number, field: number): number {
  return j < 0 ? WORD_START + j : j >= n ? WORD_END + j - n : codes[j * WORD_FIELDS + field]!;
}

/** The feature buckets of word `i`: its own codes, its neighbours', the tags left of it and (pass 2) right of it. */
function features(codes: Int32Array, n: number, i: number, left: Uint8Array, right: Uint8Array | null, bits: number, feats: Int32Array): number {
  const o = i * WORD_FIELDS;
  const form = codes[o + FORM]!;
  const lower = codes[o + LOWER]!;
  const suffix3 = codes[o + SUFFIX3]!;
  const shape = codes[o + SHAPE]!;
  const t1 = i >= 1 ? left[i - 1]! : TAG_START - 1;
  const t2 = i >= 2 ? left[i - 2]! : TAG_START + i - 2;
  const r1 = right === null ? TAG_NONE : i + 1 < n ? right[i + 1]! : TAG_END;
  const r2 = right === null ? TAG_NONE : i + 2 < n ? right[i + 2]! : TAG_END + i + 2 - n;
  const l1 = codeAt(codes, n, i - 1, LOWER);
  const n1 = codeAt(codes, n, i + 1, LOWER);
  let k = 0;
  feats[k++] = h1(0, 0);
  feats[k++] = h1(1, form);
  feats[k++] = h1(2, lower);
  feats[k++] = h1(3, codes[o + PREFIX1]!);
  feats[k++] = h1(4, codes[o + PREFIX2]!);
  feats[k++] = h1(5, codes[o + PREFIX3]!);
  feats[k++] = h1(6, codes[o + SUFFIX1]!);
  feats[k++] = h1(7, codes[o + SUFFIX2]!);
  feats[k++] = h1(8, suffix3);
  feats[k++] = h1(9, codes[o + SUFFIX4]!);
  feats[k++] = h1(10, shape);
  feats[k++] = h1(11, codes[o + NORM]!);
  feats[k++] = h1(12, l1);
  feats[k++] = h1(13, n1);
  feats[k++] = h1(14, codeAt(codes, n, i - 2, LOWER));
  feats[k++] = h1(15, codeAt(codes, n, i + 2, LOWER));
  feats[k++] = h1(16, codeAt(codes, n, i - 1, SUFFIX3));
  feats[k++] = h1(17, codeAt(codes, n, i + 1, SUFFIX3));
  feats[k++] = h1(18, codeAt(codes, n, i - 1, SHAPE));
  feats[k++] = h1(19, codeAt(codes, n, i + 1, SHAPE));
  feats[k++] = h1(20, t1);
  feats[k++] = h2(21, t2, t1);
  feats[k++] = h2(22, t1, lower);
  feats[k++] = h2(23, l1, lower);
  feats[k++] = h2(24, lower, n1);
  feats[k++] = h2(25, t1, suffix3);
  feats[k++] = h2(26, i === 0 ? 1 : 0, shape);
  feats[k++] = h2(27, i === 0 ? 1 : 0, lower);
  feats[k++] = h3(28, l1, lower, n1);
  feats[k++] = h2(29, codeAt(codes, n, i + 1, SUFFIX2), codeAt(codes, n, i + 1, PREFIX1));
  feats[k++] = h1(30, r1);
  feats[k++] = h2(31, r1, r2);
  feats[k++] = h2(32, t1, r1);
  feats[k++] = h2(33, lower, r1);
  feats[k++] = h2(34, suffix3, r1);
  feats[k++] = h2(35, r1, n1);
  feats[k++] = h3(36, t1, lower, r1);
  feats[k++] = h2(37, shape, r1);
  feats[k++] = h2(38, codes[o + SUFFIX2]!, t1);
  for (let f = 0; f < k; f += 1) feats[f] = bucket(feats[f]!, bits);
  return k;
}

function argmax(scores: Float64Array, nClasses: number): number {
  let best = 0;
  for (let c = 1; c < nClasses; c += 1) if (scores[c]! > scores[best]!) best = c;
  return best;
}

/** Marks the dictionary words (`fixed[i]` their tag, else -1) and writes their tags into both passes. */
function lookUp(dict: Map<number, number>, codes: Int32Array, n: number, fixed: Int16Array, first: Uint8Array, out: Uint8Array): void {
  for (let i = 0; i < n; i += 1) {
    const tag = dict.get(codes[i * WORD_FIELDS + FORM]!);
    fixed[i] = tag ?? -1;
    if (tag !== undefined) first[i] = out[i] = tag;
  }
}

/** Tags the `n` words of `codes` into `out`: a first pass with left context, a second that also sees the first's right tags. */
export function tagWords(tagger: TaggerModel, codes: Int32Array, n: number, out: Uint8Array, scratch: TagScratch): void {
  const { table } = tagger;
  scratch.grow(n);
  const { feats, scores, first, fixed } = scratch;
  lookUp(tagger.dict, codes, n, fixed, first, out);
  for (let i = 0; i < n; i += 1) {
    if (fixed[i]! >= 0) continue;
    const k = features(codes, n, i, first, null, table.bits, feats);
    scoreInto(table, feats, k, scores);
    first[i] = argmax(scores, table.nClasses);
  }
  for (let i = 0; i < n; i += 1) {
    if (fixed[i]! >= 0) continue;
    const k = features(codes, n, i, out, first, table.bits, feats);
    scoreInto(table, feats, k, scores);
    out[i] = argmax(scores, table.nClasses);
  }
}

/** One training step on a sentence: both passes predict with the current weights and update where they miss `gold`. */
export function learnTags(model: Perceptron, dict: Map<number, number>, codes: Int32Array, n: number, gold: Uint8Array, out: Uint8Array, scratch: TagScratch): void {
  scratch.grow(n);
  const { feats, scores, first, fixed } = scratch;
  lookUp(dict, codes, n, fixed, first, out);
  for (let i = 0; i < n; i += 1) {
    if (fixed[i]! >= 0) continue;
    const k = features(codes, n, i, first, null, model.bits, feats);
    scoreInto(model, feats, k, scores);
    const guess = argmax(scores, model.nClasses);
    model.update(feats, k, gold[i]!, guess);
    first[i] = guess;
  }
  for (let i = 0; i < n; i += 1) {
    if (fixed[i]! >= 0) continue;
    const k = features(codes, n, i, out, first, model.bits, feats);
    scoreInto(model, feats, k, scores);
    const guess = argmax(scores, model.nClasses);
    model.update(feats, k, gold[i]!, guess);
    out[i] = guess;
    model.clock += 1;
  }
}
