import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectivize } from './parse-words.js';
import { LEFT, moveCosts, N_MOVES, ParseState, RIGHT, SHIFT, staticMove } from './transitions.js';

// "The cat sat on the mat ." — heads 0-based, -1 for the root; in the state, ROOT is word n = 7.
const HEADS = [1, 2, -1, 5, 5, 2, 2];
const N = HEADS.length;
const GOLD = Int32Array.from(HEADS, (h) => (h < 0 ? N : h));

function costs(state: ParseState): number[] {
  const out = new Int32Array(N_MOVES);
  moveCosts(state, GOLD, out);
  return [...out];
}

function run(choose: (state: ParseState) => number): number[] {
  const state = new ParseState();
  state.reset(N);
  for (let steps = 0; !state.done; steps += 1) {
    assert.ok(steps < 4 * N, 'the parse ends');
    const move = choose(state);
    assert.ok(state.legal(move), `move ${move} is legal`);
    state.apply(move, 0);
  }
  return Array.from(state.head.subarray(0, N), (h) => (h === N ? -1 : h));
}

test('the static oracle\'s moves, applied from the start, rebuild the gold tree', () => {
  assert.deepEqual(run((state) => staticMove(state, GOLD)), HEADS);
});

test('following any zero-cost move of the dynamic oracle rebuilds the gold tree, whichever move is preferred', () => {
  for (const order of [[LEFT, RIGHT, SHIFT], [SHIFT, RIGHT, LEFT], [RIGHT, SHIFT, LEFT]]) {
    assert.deepEqual(run((state) => order.find((move) => costs(state)[move] === 0)!), HEADS, `preferring ${order.join(',')}`);
  }
});

test('the dynamic oracle costs 0 for the right moves, > 0 for wrong ones, -1 for illegal ones', () => {
  const state = new ParseState();
  state.reset(N);
  state.apply(SHIFT, 0); // stack ROOT The | cat sat …
  assert.deepEqual(costs(state), [1, 0, -1], 'The must take cat as head now; RIGHT onto ROOT waits for the end');
  state.apply(LEFT, 0);
  state.apply(SHIFT, 0); // stack ROOT cat | sat …
  assert.deepEqual(costs(state), [2, 0, -1], 'shifting sat loses cat → sat and, with cat under it, sat\'s root arc');
  state.apply(LEFT, 0);
  state.apply(SHIFT, 0); // stack ROOT sat | on the mat .
  assert.deepEqual(costs(state), [0, 3, -1], 'making on the head of sat loses sat\'s root arc and its dependents mat and .');
  state.apply(SHIFT, 0);
  state.apply(SHIFT, 0); // stack ROOT sat on the | mat .
  assert.deepEqual(costs(state), [3, 0, 1], 'shifting mat loses on → mat, the → mat and sat → mat');
  state.apply(LEFT, 0);
  state.apply(LEFT, 0);
  state.apply(SHIFT, 0); // stack ROOT sat mat | .
  assert.deepEqual(costs(state), [1, 1, 0], 'mat must go under sat before . comes');
  // A wrong move taken: its arc is lost, yet from there the oracle still finds every other arc.
  state.apply(LEFT, 0);
  const after = costs(state);
  assert.ok(after.includes(0));
});

test('projectivize lifts a crossing arc to the grandparent and leaves projective trees alone', () => {
  assert.deepEqual(projectivize(HEADS), HEADS);
  // "A hearing is scheduled on the issue today": hearing ← on-issue crosses is/scheduled.
  const heads = [1, 3, 3, -1, 6, 6, 1, 3];
  assert.deepEqual(projectivize(heads), [1, 3, 3, -1, 6, 6, 3, 3]);
});
