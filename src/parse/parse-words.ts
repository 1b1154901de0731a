// Parse (parsing): word codes + tags → a labelled dependency tree, greedy arc-hybrid; and one training step with the dynamic oracle.
import { ROOT_LABEL } from './deprels.js';
import { labelFeatures, MAX_ATOMS, MAX_PARSER_FEATS, moveFeatures, type SentenceView } from './parser-features.js';
import { Perceptron, scoreInto, scorePacked, type PackedTable } from './perceptron.js';
import { LEFT, moveCosts, N_MOVES, ParseState, SHIFT } from './transitions.js';

/** The parser's two classifiers: which move, and which label an arc gets, among the labels `allowed` for the arc. */
export interface ParserTables {
  moves: PackedTable;
  labels: PackedTable;
  /** Per `allowedKey(head, dep, dependent tag, head tag)`, the label ids allowed (sorted); an empty list allows all but root. */
  allowed: Uint8Array[];
}

/**
 * Index into `ParserTables.allowed`: direction (head left or right), the dependent's tag and the head's tag (tag ids
 * below 32; ROOT heads never ask).
 */
export const allowedKey = (head: number, dep: number, depTag: number, headTag: number): number => (head < dep ? 0 : 1024) + (depTag << 5) + headTag;
/** Length of `ParserTables.allowed`. */
export const ALLOWED_KEYS = 2048;
/**
 * A label is allowed for a (direction, dependent tag, head tag) when training gave it at least this share of that
 * key's arcs (and once at least). Measured on dev with the previous model: the mean number of labels scored per arc
 * fell from 25.3 (direction and dependent tag only) to 6.2, LAS 0.8101 → 0.8086 before retraining.
 */
const MIN_LABEL_SHARE = 0.001;

/**
 * The allowed label lists of a treebank's arcs: heads (n = ROOT) and labels per sentence, with the tags the parser
 * sees. A key never seen in training falls back to the labels seen with its direction and dependent tag.
 */
export function allowedLabels(sentences: Iterable<{ heads: Int32Array; labels: Uint8Array; tags: Uint8Array; n: number }>): Uint8Array[] {
  const counts = Array.from({ length: ALLOWED_KEYS }, () => new Map<number, number>());
  for (const { heads, labels, tags, n } of sentences) {
    for (let d = 0; d < n; d += 1) {
      const h = heads[d]!;
      if (h === n) continue;
      const row = counts[allowedKey(h, d, tags[d]!, tags[h]!)]!;
      row.set(labels[d]!, (row.get(labels[d]!) ?? 0) + 1);
    }
  }
  const pairs = new Map<number, Set<number>>();
  counts.forEach((row, key) => {
    const pair = key >> 5;
    if (!pairs.has(pair)) pairs.set(pair, new Set());
    for (const label of row.keys()) pairs.get(pair)!.add(label);
  });
  const sorted = (labels: Iterable<number>): Uint8Array => Uint8Array.from([...labels].sort((a, b) => a - b));
  return counts.map((row, key) => {
    if (row.size === 0) return sorted(pairs.get(key >> 5)!);
    let total = 0;
    for (const count of row.values()) total += count;
    const min = Math.max(1, MIN_LABEL_SHARE * total);
    return sorted([...row].filter(([, count]) => count >= min).map(([label]) => label));
  });
}

/** The allowed lists as stored in a model file: the distinct lists, and each key's index into them. */
export function packAllowed(allowed: readonly Uint8Array[]): { lists: number[][]; index: number[] } {
  const seen = new Map<string, number>();
  const lists: number[][] = [];
  const index = allowed.map((list) => {
    const key = list.join(',');
    let at = seen.get(key);
    if (at === undefined) {
      at = lists.length;
      seen.set(key, at);
      lists.push([...list]);
    }
    return at;
  });
  return { lists, index };
}

/** Reusable buffers for parsing one sentence after another. */
export class ParseScratch {
  state = new ParseState();
  feats = new Int32Array(MAX_PARSER_FEATS);
  atoms = new Int32Array(MAX_ATOMS);
  moveScores = new Float64Array(N_MOVES);
  labelScores = new Float64Array(256);
  costs = new Int32Array(N_MOVES);
}

/** The best legal move by `scores`. */
function bestLegal(state: ParseState, scores: Float64Array): number {
  let best = -1;
  for (let m = 0; m < N_MOVES; m += 1) if (state.legal(m) && (best < 0 || scores[m]! > scores[best]!)) best = m;
  return best;
}

/** The head of the arc `move` would make (its dependent is always the stack top). */
const headOf = (state: ParseState, move: number): number => (move === LEFT ? state.b : state.stack[state.sp - 2]!);

/**
 * The label classifier's choice for head `h` → dependent `d`: `root` under ROOT; the only allowed label when there is
 * one (no features needed); else the best-scoring allowed label (every label but root when none is listed).
 */
function predictLabel(tables: ParserTables, view: SentenceView, scratch: ParseScratch, h: number, d: number): number {
  const { state, feats, atoms, labelScores } = scratch;
  if (h === state.n) return ROOT_LABEL;
  const allowed = tables.allowed[allowedKey(h, d, view.tag[d]!, view.tag[h]!)]!;
  if (allowed.length === 1) return allowed[0]!;
  const { labels } = tables;
  const k = labelFeatures(state, view, h, d, labels.bits, feats, atoms);
  if (allowed.length === 0) {
    scorePacked(labels, feats, k, labelScores);
    let best = ROOT_LABEL === 0 ? 1 : 0;
    for (let c = 0; c < labels.nClasses; c += 1) if (c !== ROOT_LABEL && labelScores[c]! > labelScores[best]!) best = c;
    return best;
  }
  const { nClasses, codes, lut } = labels;
  const m = allowed.length;
  labelScores.fill(0, 0, m);
  for (let f = 0; f < k; f += 1) {
    const row = feats[f]! * nClasses;
    for (let j = 0; j < m; j += 1) labelScores[j]! += lut[codes[row + allowed[j]!]!]!;
  }
  let best = 0;
  for (let j = 1; j < m; j += 1) if (labelScores[j]! > labelScores[best]!) best = j;
  return allowed[best]!;
}

/** Parses the `n` words of `view`; the tree is left in `scratch.state` (`head`, n meaning ROOT, and `label`). */
export function parseWords(tables: ParserTables, view: SentenceView, n: number, scratch: ParseScratch): void {
  const { state, feats, atoms, moveScores } = scratch;
  state.reset(n);
  while (!state.done) {
    const k = moveFeatures(state, view, tables.moves.bits, feats, atoms);
    scorePacked(tables.moves, feats, k, moveScores);
    const move = bestLegal(state, moveScores);
    if (move === SHIFT) state.apply(SHIFT, 0);
    else state.apply(move, predictLabel(tables, view, scratch, headOf(state, move), state.stack[state.sp - 1]!));
  }
}

/** What a training step needs besides the sentence: the two classifiers being trained and the exploration policy. */
export interface ParserLearner {
  moves: Perceptron;
  labels: Perceptron;
  allowed: Uint8Array[];
  /** Probability of following the model's own wrong move (exploration, Goldberg & Nivre 2012), 0 for none. */
  explore: number;
  random: () => number;
}

/**
 * One training step on a sentence with gold heads `gold` (n = ROOT; projective) and labels `goldLabels`: at each
 * state, updates toward the best-scoring least-cost move when the model's move costs gold arcs, and trains the
 * label classifier on each correct arc. Follows the model's move with probability `explore`, else an optimal one.
 */
export function learnParse(learner: ParserLearner, view: SentenceView, n: number, gold: Int32Array, goldLabels: Uint8Array, scratch: ParseScratch): void {
  const { moves, labels } = learner;
  const { state, feats, atoms, moveScores, costs, labelScores } = scratch;
  state.reset(n);
  while (!state.done) {
    const k = moveFeatures(state, view, moves.bits, feats, atoms);
    scoreInto(moves, feats, k, moveScores);
    moveCosts(state, gold, costs);
    const guess = bestLegal(state, moveScores);
    let minCost = Infinity;
    for (let m = 0; m < N_MOVES; m += 1) if (costs[m]! >= 0 && costs[m]! < minCost) minCost = costs[m]!;
    let best = -1;
    for (let m = 0; m < N_MOVES; m += 1) if (costs[m] === minCost && (best < 0 || moveScores[m]! > moveScores[best]!)) best = m;
    if (costs[guess]! > minCost) moves.update(feats, k, best, guess);
    moves.clock += 1;
    const follow = costs[guess] === minCost || learner.random() < learner.explore ? guess : best;
    if (follow === SHIFT) {
      state.apply(SHIFT, 0);
      continue;
    }
    const h = headOf(state, follow);
    const d = state.stack[state.sp - 1]!;
    if (h === n) {
      state.apply(follow, ROOT_LABEL);
      continue;
    }
    const allowed = learner.allowed[allowedKey(h, d, view.tag[d]!, view.tag[h]!)]!;
    if (allowed.length === 1) {
      state.apply(follow, gold[d] === h ? goldLabels[d]! : allowed[0]!);
      continue;
    }
    const lk = labelFeatures(state, view, h, d, labels.bits, feats, atoms);
    scoreInto(labels, feats, lk, labelScores);
    let predicted = -1;
    for (let c = 0; c < labels.nClasses; c += 1) {
      if (c === ROOT_LABEL || (allowed.length > 0 && !allowed.includes(c))) continue;
      if (predicted < 0 || labelScores[c]! > labelScores[predicted]!) predicted = c;
    }
    if (gold[d] === h) {
      labels.update(feats, lk, goldLabels[d]!, predicted);
      labels.clock += 1;
      state.apply(follow, goldLabels[d]!);
    } else state.apply(follow, predicted);
  }
}

/** Lifts non-projective arcs (Nivre & Nilsson 2005, without label marks): each crossing arc's dependent moves to its grandparent until the tree is projective. Heads are 0-based, -1 for the root. */
export function projectivize(heads: readonly number[]): number[] {
  const head = heads.slice();
  const n = head.length;
  const dominates = (h: number, k: number): boolean => {
    for (let x = k, steps = 0; x !== -1 && steps <= n; x = head[x]!, steps += 1) if (x === h) return true;
    return false;
  };
  for (let round = 0; round < n * n; round += 1) {
    let worst = -1;
    let worstSpan = Infinity;
    for (let d = 0; d < n; d += 1) {
      const h = head[d]!;
      if (h < 0) continue;
      const lo = Math.min(h, d);
      const hi = Math.max(h, d);
      for (let k = lo + 1; k < hi; k += 1) {
        if (!dominates(h, k)) {
          if (hi - lo < worstSpan) {
            worstSpan = hi - lo;
            worst = d;
          }
          break;
        }
      }
    }
    if (worst < 0) break;
    head[worst] = head[head[worst]!]!;
  }
  return head;
}
