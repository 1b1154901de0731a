// Eval: shared scoring pieces — counts → precision/recall/F1, set matching, the coder interface the suites call.
import type { Article, EventRecord } from '../src/types/index.js';

/** Precision, recall and F1, each in [0, 1]. */
export interface Prf {
  p: number;
  r: number;
  f1: number;
}

/** One figure of a suite: a plain number (accuracy, coverage, a count) or a P/R/F1 triple. */
export type Measure = number | Prf;

/** A suite's figures, measure name → value, in the order they should print. */
export type SuiteResult = Record<string, Measure>;

/** What a suite needs from the coder: one article in, its events out. `createCoder()` returns one. */
export interface ArticleCoder {
  codeArticle(article: Article): EventRecord[];
}

/** Raw counts of a P/R/F1 measure, accumulated over a corpus. */
export interface PrfCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Fresh zeroed counts. */
export function prfCounts(): PrfCounts {
  return { tp: 0, fp: 0, fn: 0 };
}

/**
 * Precision, recall and F1 from counts. An empty denominator gives 0 (nothing predicted, nothing found),
 * so a coder that codes nothing scores 0, never NaN.
 */
export function prf(counts: PrfCounts): Prf {
  const { tp, fp, fn } = counts;
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p: round(p), r: round(r), f1: round(f1) };
}

/**
 * Adds the comparison of one unit's predicted and gold keys (sets; duplicates count once) to `counts`:
 * a predicted key found in gold is a true positive, one not found a false positive, a gold key not predicted a miss.
 */
export function addSetMatch(counts: PrfCounts, predicted: Iterable<string>, gold: Iterable<string>): void {
  const goldSet = new Set(gold);
  const predSet = new Set(predicted);
  for (const key of predSet) {
    if (goldSet.has(key)) counts.tp += 1;
    else counts.fp += 1;
  }
  for (const key of goldSet) if (!predSet.has(key)) counts.fn += 1;
}

/**
 * P/R/F1 when precision and recall have different units: precision over predictions (`correct` of `predicted`),
 * recall over gold items (`found` of `gold`) — e.g. several right events may all match one gold record.
 */
export function prfSplit(correct: number, predicted: number, found: number, gold: number): Prf {
  const p = predicted === 0 ? 0 : correct / predicted;
  const r = gold === 0 ? 0 : found / gold;
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p: round(p), r: round(r), f1: round(f1) };
}

/** A share in [0, 1], 0 when the denominator is 0, rounded like every figure. */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : round(numerator / denominator);
}

/** Rounds a figure to four decimals, so JSON output stays readable and diffs stay quiet. */
export function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** True when a measure is a P/R/F1 triple rather than a plain number. */
export function isPrf(measure: Measure): measure is Prf {
  return typeof measure === 'object';
}
