// Tests: the clusters eval — pairwise scoring on written partitions, and the labelled fixtures read and score.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairwiseScores, readLabelledMentions, runClustersSuite } from './clusters.js';

test('pairwise precision and recall count pairs of mentions', () => {
  const gold = new Map([['a', 'x'], ['b', 'x'], ['c', 'x'], ['d', 'y'], ['e', 'y']]);
  assert.deepEqual(pairwiseScores([['a', 'b', 'c'], ['d', 'e']], gold), { p: 1, r: 1, f1: 1 });
  // Of the 6 pairs put together only a-b and d-e belong together; gold has 4 pairs (a-b, a-c, b-c, d-e).
  assert.deepEqual(pairwiseScores([['a', 'b', 'd', 'e'], ['c']], gold), { p: 0.3333, r: 0.5, f1: 0.4 });
  assert.deepEqual(pairwiseScores([['a'], ['b'], ['c'], ['d'], ['e']], gold), { p: 0, r: 0, f1: 0 });
});

test('the labelled set is large enough and scores within bounds', async () => {
  const labelled = readLabelledMentions();
  assert.ok(labelled.length >= 40);
  assert.ok(new Set(labelled.map((m) => m.gold)).size >= 12);
  assert.equal(new Set(labelled.map((m) => m.id)).size, labelled.length, 'mention ids are unique');
  const result = await runClustersSuite();
  assert.equal(result.gold, new Set(labelled.map((m) => m.gold)).size);
  for (const v of [result.pairwise.p, result.pairwise.r, result.pairwise.f1]) assert.ok(v >= 0 && v <= 1);
});
