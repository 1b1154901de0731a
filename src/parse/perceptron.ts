// Parse (learning): feature buckets + classes → an averaged perceptron in typed arrays, and its int16 form for use.

/** A weight table: rows of `nClasses` weights, one row per hashed feature bucket (2^bits rows). */
export interface WeightTable {
  bits: number;
  nClasses: number;
  /** Row-major weights; int16 once quantised (multiply by `scale` for the real value), float32 while training. */
  weights: Int16Array | Float32Array;
  scale: number;
}

/**
 * Adds the rows of `feats[0, n)` into `scores` (length ≥ nClasses, overwritten). The hot loop of tagging and parsing.
 */
export function scoreInto(table: WeightTable, feats: Int32Array, n: number, scores: Float64Array): void {
  const { nClasses, weights } = table;
  if (nClasses === 3) {
    // The move classifier: three running sums in registers.
    let a = 0;
    let b = 0;
    let c = 0;
    for (let f = 0; f < n; f += 1) {
      const row = feats[f]! * 3;
      a += weights[row]!;
      b += weights[row + 1]!;
      c += weights[row + 2]!;
    }
    scores[0] = a;
    scores[1] = b;
    scores[2] = c;
    return;
  }
  scores.fill(0, 0, nClasses);
  for (let f = 0; f < n; f += 1) {
    const row = feats[f]! * nClasses;
    for (let c = 0; c < nClasses; c += 1) scores[c]! += weights[row + c]!;
  }
}

/** The averaged perceptron being trained (Collins 2002), averaging by Daumé's trick: avg = w − u / clock. */
export class Perceptron implements WeightTable {
  readonly weights: Float32Array;
  private readonly sums: Float64Array;
  readonly scale = 1;
  /** Counts training examples seen; updates are weighted by it for the average. */
  clock = 1;

  constructor(readonly bits: number, readonly nClasses: number) {
    this.weights = new Float32Array((1 << bits) * nClasses);
    this.sums = new Float64Array((1 << bits) * nClasses);
  }

  /** Rewards class `truth` and penalises class `guess` on the features `feats[0, n)`. */
  update(feats: Int32Array, n: number, truth: number, guess: number): void {
    if (truth === guess) return;
    const { nClasses, weights, sums, clock } = this;
    for (let f = 0; f < n; f += 1) {
      const row = feats[f]! * nClasses;
      weights[row + truth]! += 1;
      sums[row + truth]! += clock;
      weights[row + guess]! -= 1;
      sums[row + guess]! -= clock;
    }
  }

  /** The averaged weights, as a float table (for scoring dev data between epochs). */
  averaged(): WeightTable {
    const avg = new Float32Array(this.weights.length);
    const { weights, sums, clock } = this;
    for (let i = 0; i < avg.length; i += 1) avg[i] = weights[i]! - sums[i]! / clock;
    return { bits: this.bits, nClasses: this.nClasses, weights: avg, scale: 1 };
  }
}

/** A weight table in its shipped form. */
export type Int16Table = WeightTable & { weights: Int16Array };

/** Quantises a float table to int16 with one scale (the largest magnitude maps to 32767); small weights round to 0. */
export function quantise(table: WeightTable): Int16Table {
  let max = 0;
  for (let i = 0; i < table.weights.length; i += 1) max = Math.max(max, Math.abs(table.weights[i]!));
  const scale = max > 0 ? max / 32767 : 1;
  const weights = new Int16Array(table.weights.length);
  for (let i = 0; i < weights.length; i += 1) weights[i] = Math.round(table.weights[i]! / scale);
  return { bits: table.bits, nClasses: table.nClasses, weights, scale: scale * table.scale };
}
