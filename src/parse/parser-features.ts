// Parse (features): parser state + word codes and tags → hashed feature buckets for the move and the label classifiers.
import { compileTemplates, hashTemplates } from './feature-templates.js';
import type { ParseState } from './transitions.js';

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


/** Distance class between two words: 1, 2, 3, 4, 5–6, 7–9, 10+ (0 when either is missing or ROOT). */
function distance(a: number, b: number, n: number): number {
  if (a >= n || b >= n) return 0;
  const d = a > b ? a - b : b - a;
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

// Atoms of a parser state, by index: words (w), tags (p), labels (l) of the stack (s0…s2), buffer (b0…b2) and children.
// Numbers missing below were atoms of templates since dropped (the numbers only index scratch space).
const S0W = 0, S0P = 1, S1W = 2, S1P = 3, B0W = 4, B0P = 5, B1W = 6, B1P = 7, B2W = 8, B2P = 9, S2P = 11;
const D0 = 12, D1 = 13, S0VR = 14, B0VL = 16;
const S0LW = 19, S0LP = 20, S0LL = 21, S0RW = 22, S0RP = 23, S0RL = 24, B0LW = 25, B0LP = 26, B0LL = 27;
const S1RW = 28, S1RP = 29, S1RL = 30;
const S0L2P = 33, S0L2L = 34, S0R2P = 35, S0R2L = 36, B0L2P = 37, B0L2L = 38, S1R2P = 39;
const S0SL = 42, B0SL = 43, S1SL = 44, S1SR = 45, S0NEXTP = 46, B0PREVP = 47, BETWEEN0 = 48, BETWEEN1 = 49, BIAS = 50;
const N_ATOMS = 51;

/**
 * The move classifier's templates (Zhang & Nivre 2011, adapted to arc-hybrid: s1–s0 pairs as well as s0–b0): 70 of
 * the first model's 105. The other 35 were dropped by ablation on dev: each template's rows were zeroed in turn in the
 * trained 105-template model, and the 35 whose loss cost least dev UAS went (many nearly repeat a kept one, such as
 * [S0P, B0P] beside [S0P, B0P, B1P]). Retrained with a 2^19-row table, the 70 score dev UAS 0.8408 where the 105 at
 * 2^21 rows scored 0.8435; each move reads a third fewer rows from a table an eighth the size. Dropping 50 cost a point.
 */
const MOVE_TEMPLATES = compileTemplates([
  [BIAS],
  [S0W], [S0P], [S1W], [S1P], [S1W, S1P], [B0W], [B0P], [B0W, B0P], [B1W], [B1P], [B1W, B1P], [B2W], [B2P], [S2P],
  [S0W, S0P, B0W], [S0P, B0W, B0P], [S0W, B0W],
  [S1W, S1P, S0P], [S1P, S0W, S0P], [S1W, S0W], [S1P, S0P], [B0P, B1P], [B0W, B1W],
  [B0P, B1P, B2P], [S0P, B0P, B1P], [S2P, S1P, S0P], [S1P, S0P, B0P, B1P], [S0W, B0P, B1P],
  [S0W, D0], [S0P, D0], [B0W, D0], [S0P, B0P, D0], [S1P, S0P, D1], [S1W, S0W, D1],
  [S0P, S0VR], [B0W, B0VL], [B0P, B0VL],
  [S0LW], [S0LP], [S0LL], [S0RW], [S0RL], [B0LW], [B0LP], [B0LL], [S1RW], [S1RL],
  [S0L2P, S0L2L], [S0R2P, S0R2L], [B0L2P, B0L2L],
  [S0P, B0P, B0LP], [S1P, S0P, S0LP],
  [S0P, S0LP, S0L2P], [S0P, S0RP, S0R2P], [B0P, B0LP, B0L2P], [S1P, S1RP, S1R2P],
  [S0W, S0SL], [B0P, B0SL], [S1P, S1SL, S1SR], [S0P, S0SL, B0P],
  [S0P, S0NEXTP, B0P], [S0P, B0PREVP, B0P],
  [S0P, B0P, BETWEEN0], [S1P, S0P, BETWEEN1], [S1P, S0W, BETWEEN1, D1],
  [S1P, B0P], [S1W, B0P], [S1P, S0P, S0RP, B0P], [S1W, S0W, B0P],
]);

/** Most features one state can have. */
export const MAX_PARSER_FEATS = 128;

/** The move classifier's features of `state` into `feats` (buckets of a 2^bits table); `atoms` is scratch space. */
export function moveFeatures(state: ParseState, view: SentenceView, bits: number, feats: Int32Array, atoms: Int32Array): number {
  const { stack, sp, n, label, lc1, lc2, rc1, rc2, nLeft, nRight, leftLabels, rightLabels } = state;
  const { word: W, tag: P } = view;
  const none = n + 1;
  const s0 = sp >= 1 ? stack[sp - 1]! : none;
  const s1 = sp >= 2 ? stack[sp - 2]! : none;
  const s2 = sp >= 3 ? stack[sp - 3]! : none;
  const b0 = state.b < n ? state.b : none;
  const b1 = state.b + 1 < n ? state.b + 1 : none;
  const b2 = state.b + 2 < n ? state.b + 2 : none;
  const s0l = lc1[s0]!, s0r = rc1[s0]!, s1r = rc1[s1]!, b0l = lc1[b0]!;
  const s0l2 = lc2[s0]!, s0r2 = rc2[s0]!, b0l2 = lc2[b0]!, s1r2 = rc2[s1]!;
  const a = atoms;
  a[S0W] = W[s0]!; a[S0P] = P[s0]!; a[S1W] = W[s1]!; a[S1P] = P[s1]!; a[S2P] = P[s2]!;
  a[B0W] = W[b0]!; a[B0P] = P[b0]!; a[B1W] = W[b1]!; a[B1P] = P[b1]!; a[B2W] = W[b2]!; a[B2P] = P[b2]!;
  a[D0] = distance(s0, b0, n); a[D1] = distance(s1, s0, n);
  a[S0VR] = nRight[s0]!; a[B0VL] = nLeft[b0]!;
  a[S0LW] = W[s0l]!; a[S0LP] = P[s0l]!; a[S0LL] = label[s0l]!; a[S0RW] = W[s0r]!; a[S0RP] = P[s0r]!; a[S0RL] = label[s0r]!;
  a[B0LW] = W[b0l]!; a[B0LP] = P[b0l]!; a[B0LL] = label[b0l]!;
  a[S1RW] = W[s1r]!; a[S1RP] = P[s1r]!; a[S1RL] = label[s1r]!;
  a[S0L2P] = P[s0l2]!; a[S0L2L] = label[s0l2]!; a[S0R2P] = P[s0r2]!; a[S0R2L] = label[s0r2]!;
  a[B0L2P] = P[b0l2]!; a[B0L2L] = label[b0l2]!; a[S1R2P] = P[s1r2]!;
  a[S0SL] = leftLabels[s0]!; a[B0SL] = leftLabels[b0]!; a[S1SL] = leftLabels[s1]!; a[S1SR] = rightLabels[s1]!;
  a[S0NEXTP] = P[s0 + 1 < n ? s0 + 1 : none]!; a[B0PREVP] = P[b0 > 0 && b0 < n ? b0 - 1 : none]!;
  a[BETWEEN0] = between(view, s0, b0, n); a[BETWEEN1] = between(view, s1, s0, n); a[BIAS] = 0;
  return hashTemplates(MOVE_TEMPLATES, atoms, bits, feats, 0);
}

// Atoms of a candidate arc head h → dependent d.
const DIR = 0, DW = 1, DP = 2, HW = 3, HP = 4, DIST = 5, DL1W = 6, DL1L = 7, DL2W = 8, DL2L = 9, DR1L = 10, DR1P = 11;
const DSL = 12, DSR = 13, HSL = 14, HSR = 15, HL1L = 16, PREVP = 17, NEXTP = 18, NEXTW = 19, PREVW = 20, HNEXTP = 21, HROOT = 22;
/** Atoms a template may read. */
export const MAX_ATOMS = Math.max(N_ATOMS, 23);

/** The label classifier's templates: the pair, the dependent's own children (its case word, say), the head's children so far. */
const LABEL_TEMPLATES = compileTemplates([
  [DIR], [DIR, DW], [DIR, DP], [DIR, DW, DP], [DIR, HW], [DIR, HP], [DIR, HP, DP], [DIR, HW, DP], [DIR, HP, DW], [DIR, HW, DW],
  [DIR, DIST, HP, DP], [DIR, DP, DL1W], [DP, DL1L, DL1W], [DIR, DP, DL1L], [DP, DL2W, DL2L], [DIR, DP, DR1L], [DP, DR1P, DR1L],
  [DIR, DP, DSL, DSR], [DIR, HP, HSL, DP], [DIR, HP, HSR, DP], [DIR, HP, HL1L], [DP, PREVP, NEXTP], [DW, NEXTW, DIR],
  [DP, PREVW, DIR], [DIR, HP, DL1W, DP], [DIR, HW, DL1W, DP], [HP, HNEXTP, DP], [DIR, DP, HROOT],
]);

/**
 * The label classifier's features for the arc head `h` → dependent `d` about to be made by a move (`dir` 1 when the
 * head is on the left).
 */
export function labelFeatures(state: ParseState, view: SentenceView, h: number, d: number, bits: number, feats: Int32Array, atoms: Int32Array): number {
  const { n, label, lc1, lc2, rc1, leftLabels, rightLabels } = state;
  const { word: W, tag: P } = view;
  const none = n + 1;
  const dl1 = lc1[d]!, dl2 = lc2[d]!, dr1 = rc1[d]!;
  const prev = d > 0 ? d - 1 : none;
  const next = d + 1 < n ? d + 1 : none;
  const a = atoms;
  a[DIR] = h < d ? 1 : 2; a[DW] = W[d]!; a[DP] = P[d]!; a[HW] = W[h]!; a[HP] = P[h]!; a[DIST] = distance(h, d, n);
  a[DL1W] = W[dl1]!; a[DL1L] = label[dl1]!; a[DL2W] = W[dl2]!; a[DL2L] = label[dl2]!; a[DR1L] = label[dr1]!; a[DR1P] = P[dr1]!;
  a[DSL] = leftLabels[d]!; a[DSR] = rightLabels[d]!; a[HSL] = leftLabels[h]!; a[HSR] = rightLabels[h]!; a[HL1L] = label[lc1[h]!]!;
  a[PREVP] = P[prev]!; a[NEXTP] = P[next]!; a[NEXTW] = W[next]!; a[PREVW] = W[prev]!; a[HNEXTP] = P[h + 1 <= n ? h + 1 : none]!;
  a[HROOT] = h === n ? 1 : 0;
  return hashTemplates(LABEL_TEMPLATES, atoms, bits, feats, 0, 128);
}
