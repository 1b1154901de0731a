// Parse (features): parser state + word codes and tags → hashed feature buckets for the move and the label classifiers.
import { bucket, mix } from './hash.js';
import type { ParseState } from './transitions.js';

/** Most features one state can have. */
export const MAX_PARSER_FEATS = 128;

/**
 * Per-sentence word views the features read, indexed like the state: words 0…n−1, ROOT at n, "no word" at n + 1.
 * `word` holds digit-normalised lowercase codes, `tag` UPOS ids (ROOT and NONE get ids past the tag set).
 */
export interface SentenceView {
  word: Int32Array;
  tag: Uint8Array;
  /** Prefix counts over words 0…i−1 (length n + 2): punctuation marks and verbs, for "how many between" features. */
  puncts: Int32Array;
  verbs: Int32Array;
}

/** Punctuation marks and verbs strictly between two words (ROOT and "no word" count as nothing), each clipped at 3. */
function between(view: SentenceView, a: number, b: number, n: number): number {
  if (a >= n || b >= n) return 15;
  const lo = a < b ? a + 1 : b + 1;
  const hi = a < b ? b : a;
  const p = view.puncts[hi]! - view.puncts[lo]!;
  const v = view.verbs[hi]! - view.verbs[lo]!;
  return (p > 3 ? 3 : p) * 4 + (v > 3 ? 3 : v);
}

/** Each template's hash seed, so features of different templates with equal values differ. */
const SEEDS = Int32Array.from({ length: 128 }, (_, t) => mix(0x2545f491, t));
const h1 = (t: number, a: number): number => mix(SEEDS[t]!, a);
const h2 = (t: number, a: number, b: number): number => mix(mix(SEEDS[t]!, a), b);
const h3 = (t: number, a: number, b: number, c: number): number => mix(mix(mix(SEEDS[t]!, a), b), c);
const h4 = (t: number, a: number, b: number, c: number, d: number): number => mix(mix(mix(mix(SEEDS[t]!, a), b), c), d);

/** Distance class between two words: 1, 2, 3, 4, 5–6, 7–9, 10+ (0 when either is missing or ROOT). */
function distance(a: number, b: number, n: number): number {
  if (a >= n || b >= n) return 0;
  const d = a > b ? a - b : b - a;
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

/** The move classifier's features of `state` (Zhang & Nivre 2011 templates, adapted to arc-hybrid) into `feats`. */
export function moveFeatures(state: ParseState, view: SentenceView, bits: number, feats: Int32Array): number {
  const { stack, sp, n, label, lc1, lc2, rc1, rc2, nLeft, nRight, leftLabels, rightLabels } = state;
  const { word: W, tag: P } = view;
  const none = n + 1;
  const s0 = sp >= 1 ? stack[sp - 1]! : none;
  const s1 = sp >= 2 ? stack[sp - 2]! : none;
  const s2 = sp >= 3 ? stack[sp - 3]! : none;
  const b0 = state.b < n ? state.b : none;
  const b1 = state.b + 1 < n ? state.b + 1 : none;
  const b2 = state.b + 2 < n ? state.b + 2 : none;
  const s0w = W[s0]!, s0p = P[s0]!, s1w = W[s1]!, s1p = P[s1]!, b0w = W[b0]!, b0p = P[b0]!;
  const b1w = W[b1]!, b1p = P[b1]!, b2p = P[b2]!, s2p = P[s2]!;
  const s0l = lc1[s0]!, s0r = rc1[s0]!, s1l = lc1[s1]!, s1r = rc1[s1]!, b0l = lc1[b0]!;
  const s0lp = P[s0l]!, s0rp = P[s0r]!, s1rp = P[s1r]!, b0lp = P[b0l]!, s1lp = P[s1l]!;
  const d0 = distance(s0, b0, n);
  const d1 = distance(s1, s0, n);
  let k = 0;
  feats[k++] = h1(0, 0);
  // single words
  feats[k++] = h1(1, s0w);
  feats[k++] = h1(2, s0p);
  feats[k++] = h2(3, s0w, s0p);
  feats[k++] = h1(4, s1w);
  feats[k++] = h1(5, s1p);
  feats[k++] = h2(6, s1w, s1p);
  feats[k++] = h1(7, b0w);
  feats[k++] = h1(8, b0p);
  feats[k++] = h2(9, b0w, b0p);
  feats[k++] = h1(10, b1w);
  feats[k++] = h1(11, b1p);
  feats[k++] = h2(12, b1w, b1p);
  feats[k++] = h1(13, W[b2]!);
  feats[k++] = h1(14, b2p);
  feats[k++] = h1(15, W[s2]!);
  feats[k++] = h1(16, s2p);
  // pairs: s0 with b0 (LEFT), s1 with s0 (RIGHT)
  feats[k++] = h4(17, s0w, s0p, b0w, b0p);
  feats[k++] = h3(18, s0w, s0p, b0w);
  feats[k++] = h3(19, s0w, b0w, b0p);
  feats[k++] = h3(20, s0w, s0p, b0p);
  feats[k++] = h3(21, s0p, b0w, b0p);
  feats[k++] = h2(22, s0w, b0w);
  feats[k++] = h2(23, s0p, b0p);
  feats[k++] = h4(24, s1w, s1p, s0w, s0p);
  feats[k++] = h3(25, s1w, s1p, s0p);
  feats[k++] = h3(26, s1p, s0w, s0p);
  feats[k++] = h2(27, s1w, s0w);
  feats[k++] = h2(28, s1p, s0p);
  feats[k++] = h2(29, b0p, b1p);
  feats[k++] = h2(30, b0w, b1w);
  feats[k++] = h3(31, s0w, b0w, b1w);
  // tag triples
  feats[k++] = h3(32, b0p, b1p, b2p);
  feats[k++] = h3(33, s0p, b0p, b1p);
  feats[k++] = h3(34, s1p, s0p, b0p);
  feats[k++] = h3(35, s2p, s1p, s0p);
  feats[k++] = h4(36, s1p, s0p, b0p, b1p);
  feats[k++] = h3(37, s0w, b0p, b1p);
  feats[k++] = h3(38, s1p, s0w, b0p);
  // distance
  feats[k++] = h2(39, s0w, d0);
  feats[k++] = h2(40, s0p, d0);
  feats[k++] = h2(41, b0w, d0);
  feats[k++] = h2(42, b0p, d0);
  feats[k++] = h3(43, s0p, b0p, d0);
  feats[k++] = h3(44, s0w, b0w, d0);
  feats[k++] = h3(45, s1p, s0p, d1);
  feats[k++] = h3(46, s1w, s0w, d1);
  feats[k++] = h2(47, s1w, d1);
  feats[k++] = h2(48, s0w, d1);
  // valency
  feats[k++] = h2(49, s0w, nRight[s0]!);
  feats[k++] = h2(50, s0p, nRight[s0]!);
  feats[k++] = h2(51, s0w, nLeft[s0]!);
  feats[k++] = h2(52, s0p, nLeft[s0]!);
  feats[k++] = h2(53, b0w, nLeft[b0]!);
  feats[k++] = h2(54, b0p, nLeft[b0]!);
  feats[k++] = h3(55, s1p, nLeft[s1]!, nRight[s1]!);
  feats[k++] = h2(56, s1w, nRight[s1]!);
  // children (left/right-most, second-most) and their labels
  feats[k++] = h1(57, W[s0l]!);
  feats[k++] = h1(58, s0lp);
  feats[k++] = h1(59, label[s0l]!);
  feats[k++] = h1(60, W[s0r]!);
  feats[k++] = h1(61, s0rp);
  feats[k++] = h1(62, label[s0r]!);
  feats[k++] = h1(63, W[b0l]!);
  feats[k++] = h1(64, b0lp);
  feats[k++] = h1(65, label[b0l]!);
  feats[k++] = h1(66, W[s1r]!);
  feats[k++] = h1(67, s1rp);
  feats[k++] = h1(68, label[s1r]!);
  feats[k++] = h1(69, s1lp);
  feats[k++] = h1(70, label[s1l]!);
  feats[k++] = h2(71, P[lc2[s0]!]!, label[lc2[s0]!]!);
  feats[k++] = h2(72, P[rc2[s0]!]!, label[rc2[s0]!]!);
  feats[k++] = h2(73, P[lc2[b0]!]!, label[lc2[b0]!]!);
  feats[k++] = h2(74, P[rc2[s1]!]!, label[rc2[s1]!]!);
  feats[k++] = h3(75, s0p, s0lp, b0p);
  feats[k++] = h3(76, s0p, s0rp, b0p);
  feats[k++] = h3(77, s0p, b0p, b0lp);
  feats[k++] = h3(78, s1p, s0p, s0lp);
  feats[k++] = h3(79, s1p, s1rp, s0p);
  feats[k++] = h3(80, s0p, s0lp, P[lc2[s0]!]!);
  feats[k++] = h3(81, s0p, s0rp, P[rc2[s0]!]!);
  feats[k++] = h3(82, b0p, b0lp, P[lc2[b0]!]!);
  feats[k++] = h3(83, s1p, s1rp, P[rc2[s1]!]!);
  feats[k++] = h3(84, s1p, label[s1r]!, s0p);
  feats[k++] = h3(85, s0p, label[s0l]!, b0p);
  // label sets
  feats[k++] = h2(86, s0w, rightLabels[s0]!);
  feats[k++] = h2(87, s0p, rightLabels[s0]!);
  feats[k++] = h2(88, s0w, leftLabels[s0]!);
  feats[k++] = h2(89, s0p, leftLabels[s0]!);
  feats[k++] = h2(90, b0w, leftLabels[b0]!);
  feats[k++] = h2(91, b0p, leftLabels[b0]!);
  feats[k++] = h3(92, s1p, leftLabels[s1]!, rightLabels[s1]!);
  feats[k++] = h3(93, s0p, leftLabels[s0]!, b0p);
  // the word right before b0 (often a verb's last left dependent's neighbour) and after s0
  feats[k++] = h3(94, s0p, P[s0 + 1 < n ? s0 + 1 : none]!, b0p);
  feats[k++] = h3(95, s0p, P[b0 > 0 && b0 < n ? b0 - 1 : none]!, b0p);
  // punctuation and verbs between the candidate pairs
  const between0 = between(view, s0, b0, n);
  const between1 = between(view, s1, s0, n);
  feats[k++] = h3(96, s0p, b0p, between0);
  feats[k++] = h3(97, s1p, s0p, between1);
  feats[k++] = h4(98, s0w, b0p, between0, d0);
  feats[k++] = h4(99, s1p, s0w, between1, d1);
  for (let f = 0; f < k; f += 1) feats[f] = bucket(feats[f]!, bits);
  return k;
}

/**
 * The label classifier's features for the arc head `h` → dependent `d` about to be made by a move (`dir` 1 when the
 * head is on the left): the pair, the dependent's own children (its case word, say) and the head's children so far.
 */
export function labelFeatures(state: ParseState, view: SentenceView, h: number, d: number, bits: number, feats: Int32Array): number {
  const { n, label, lc1, lc2, rc1, leftLabels, rightLabels } = state;
  const { word: W, tag: P } = view;
  const none = n + 1;
  const dir = h < d ? 1 : 2;
  const dw = W[d]!, dp = P[d]!, hw = W[h]!, hp = P[h]!;
  const dl1 = lc1[d]!, dl2 = lc2[d]!, dr1 = rc1[d]!;
  const dist = distance(h, d, n);
  const prev = d > 0 ? d - 1 : none;
  const next = d + 1 < n ? d + 1 : none;
  let k = 0;
  feats[k++] = h1(0, dir);
  feats[k++] = h2(1, dir, dw);
  feats[k++] = h2(2, dir, dp);
  feats[k++] = h3(3, dir, dw, dp);
  feats[k++] = h2(4, dir, hw);
  feats[k++] = h2(5, dir, hp);
  feats[k++] = h3(6, dir, hp, dp);
  feats[k++] = h3(7, dir, hw, dp);
  feats[k++] = h3(8, dir, hp, dw);
  feats[k++] = h3(9, dir, hw, dw);
  feats[k++] = h4(10, dir, dist, hp, dp);
  feats[k++] = h3(11, dir, dp, W[dl1]!);
  feats[k++] = h3(12, dp, label[dl1]!, W[dl1]!);
  feats[k++] = h3(13, dir, dp, label[dl1]!);
  feats[k++] = h3(14, dp, W[dl2]!, label[dl2]!);
  feats[k++] = h3(15, dir, dp, label[dr1]!);
  feats[k++] = h3(16, dp, P[dr1]!, label[dr1]!);
  feats[k++] = h4(17, dir, dp, leftLabels[d]!, rightLabels[d]!);
  feats[k++] = h4(18, dir, hp, leftLabels[h]!, dp);
  feats[k++] = h4(19, dir, hp, rightLabels[h]!, dp);
  feats[k++] = h3(20, dir, hp, label[lc1[h]!]!);
  feats[k++] = h3(21, dp, P[prev]!, P[next]!);
  feats[k++] = h3(22, dw, W[next]!, dir);
  feats[k++] = h3(23, dp, W[prev]!, dir);
  feats[k++] = h4(24, dir, hp, W[dl1]!, dp);
  feats[k++] = h4(25, dir, hw, W[dl1]!, dp);
  feats[k++] = h3(26, hp, P[h + 1 <= n ? h + 1 : none]!, dp);
  feats[k++] = h3(27, dir, dp, h === n ? 1 : 0);
  for (let f = 0; f < k; f += 1) feats[f] = bucket(feats[f]!, bits);
  return k;
}
