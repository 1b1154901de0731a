// Parse (transitions): the arc-hybrid system (Kuhlmann et al. 2011) — parser state, moves, and the dynamic oracle's costs.

/** Moves: SHIFT pushes the buffer front; LEFT makes it the head of the stack top; RIGHT makes the word under the top its head. */
export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const N_MOVES = 3;
/** Label value of a word with no head yet (and of the ROOT and NONE pseudo-words). */
export const NO_LABEL = 255;

/**
 * The state of a parse over `n` words. Word `n` is ROOT (bottom of the stack); index `n + 1` stands for "no word", so
 * feature lookups need no branches. Children are tracked two deep on each side, with counts and a label bitmask.
 */
export class ParseState {
  n = 0;
  stack = new Int32Array(64);
  sp = 0;
  /** Index of the buffer front; the buffer is [b, n). */
  b = 0;
  head = new Int32Array(64);
  label = new Uint8Array(64);
  lc1 = new Int32Array(64);
  lc2 = new Int32Array(64);
  rc1 = new Int32Array(64);
  rc2 = new Int32Array(64);
  nLeft = new Uint8Array(64);
  nRight = new Uint8Array(64);
  leftLabels = new Int32Array(64);
  rightLabels = new Int32Array(64);

  /** Starts a parse of `n` words: stack [ROOT], buffer every word. */
  reset(n: number): void {
    if (this.stack.length < n + 2) {
      const size = (n + 2) * 2;
      this.stack = new Int32Array(size);
      this.head = new Int32Array(size);
      this.label = new Uint8Array(size);
      this.lc1 = new Int32Array(size);
      this.lc2 = new Int32Array(size);
      this.rc1 = new Int32Array(size);
      this.rc2 = new Int32Array(size);
      this.nLeft = new Uint8Array(size);
      this.nRight = new Uint8Array(size);
      this.leftLabels = new Int32Array(size);
      this.rightLabels = new Int32Array(size);
    }
    const none = n + 1;
    this.n = n;
    this.sp = 1;
    this.stack[0] = n;
    this.b = 0;
    for (let i = 0; i <= none; i += 1) {
      this.head[i] = -1;
      this.label[i] = NO_LABEL;
      this.lc1[i] = none;
      this.lc2[i] = none;
      this.rc1[i] = none;
      this.rc2[i] = none;
      this.nLeft[i] = 0;
      this.nRight[i] = 0;
      this.leftLabels[i] = 0;
      this.rightLabels[i] = 0;
    }
  }

  /** True when the parse is complete: buffer empty and only ROOT on the stack. */
  get done(): boolean {
    return this.b >= this.n && this.sp === 1;
  }

  /** Whether `move` may be applied. ROOT takes its one dependent last, once the buffer is empty (one root per tree). */
  legal(move: number): boolean {
    const { sp, b, n } = this;
    if (move === SHIFT) return b < n;
    if (move === LEFT) return sp >= 1 && this.stack[sp - 1] !== n && b < n;
    return sp >= 2 && (this.stack[sp - 2] !== n || (b >= n && sp === 2));
  }

  /** Applies a legal `move`; an arc gets `label`. */
  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.stack[this.sp++] = this.b++;
    } else if (move === LEFT) {
      this.addArc(this.b, this.stack[--this.sp]!, label);
    } else {
      const d = this.stack[--this.sp]!;
      this.addArc(this.stack[this.sp - 1]!, d, label);
    }
  }

  private addArc(h: number, d: number, label: number): void {
    this.head[d] = h;
    this.label[d] = label;
    const bit = 1 << (label & 31);
    const none = this.n + 1;
    if (d < h) {
      this.nLeft[h]! += 1;
      this.leftLabels[h]! |= bit;
      const c1 = this.lc1[h]!;
      if (c1 === none || d < c1) {
        this.lc2[h] = c1;
        this.lc1[h] = d;
      } else if (this.lc2[h] === none || d < this.lc2[h]!) this.lc2[h] = d;
    } else {
      this.nRight[h]! += 1;
      this.rightLabels[h]! |= bit;
      const c1 = this.rc1[h]!;
      if (c1 === none || d > c1) {
        this.rc2[h] = c1;
        this.rc1[h] = d;
      } else if (this.rc2[h] === none || d > this.rc2[h]!) this.rc2[h] = d;
    }
  }
}

/**
 * The dynamic oracle's costs (Goldberg & Nivre 2013): for each move, how many gold arcs still reachable it makes
 * unreachable; -1 for an illegal move. Exact for projective gold trees. `gold[d]` is d's head, `n` for ROOT.
 */
export function moveCosts(state: ParseState, gold: Int32Array, costs: Int32Array): void {
  const { stack, sp, b, n } = state;
  const s0 = sp >= 1 ? stack[sp - 1]! : -1;
  const s1 = sp >= 2 ? stack[sp - 2]! : -1;
  // SHIFT: b loses heads deeper than s0 and its dependents anywhere on the stack.
  if (state.legal(SHIFT)) {
    let cost = 0;
    for (let k = 0; k < sp; k += 1) {
      const s = stack[k]!;
      if (k < sp - 1 && gold[b] === s) cost += 1;
      if (s !== n && gold[s] === b) cost += 1;
    }
    costs[SHIFT] = cost;
  } else costs[SHIFT] = -1;
  // LEFT and RIGHT both pop s0: it loses its dependents in the buffer, and the heads the move does not give it.
  let depsInBuffer = 0;
  let headInBuffer = false;
  if (s0 >= 0 && s0 !== n) {
    for (let d = b; d < n; d += 1) if (gold[d] === s0) depsInBuffer += 1;
    headInBuffer = gold[s0]! >= b && gold[s0]! < n;
  }
  if (state.legal(LEFT)) {
    const g = gold[s0]!;
    costs[LEFT] = depsInBuffer + (g === s1 || (g > b && g < n) ? 1 : 0);
  } else costs[LEFT] = -1;
  costs[RIGHT] = state.legal(RIGHT) ? depsInBuffer + (headInBuffer ? 1 : 0) : -1;
}

/** The static oracle: LEFT if s0's head is b; RIGHT if it is s1 and s0 has all its dependents; else SHIFT. */
export function staticMove(state: ParseState, gold: Int32Array): number {
  const { stack, sp, b, n } = state;
  const s0 = stack[sp - 1]!;
  if (s0 !== n && b < n && gold[s0] === b) return LEFT;
  if (sp >= 2 && gold[s0] === stack[sp - 2]! && state.legal(RIGHT)) {
    let pending = false;
    for (let d = b; d < n; d += 1) if (gold[d] === s0) pending = true;
    if (!pending) return RIGHT;
  }
  return SHIFT;
}
