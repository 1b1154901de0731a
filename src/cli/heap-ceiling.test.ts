import assert from 'node:assert/strict';
import { test } from 'node:test';
import { heapCeiling } from './heap-ceiling.js';

const MB = 1048576;

test('heapCeiling collects only past the mark, then raises the mark to twice what survived', () => {
  let used = 100 * MB;
  const survivors = [150 * MB, 100 * MB];
  let collected = 0;
  const ceiling = heapCeiling(120, { heapUsed: () => used, collect: () => { collected++; used = survivors.shift() ?? used; } });
  for (let i = 0; i < 64; i++) ceiling.check();
  assert.equal(collected, 0, 'under the ceiling nothing is collected');
  used = 130 * MB;
  for (let i = 0; i < 16; i++) ceiling.check();
  assert.equal(collected, 1, 'past the ceiling one collection');
  // 150 MB survived: the mark is now 300 MB, so 200 MB of heap is left alone
  used = 200 * MB;
  for (let i = 0; i < 64; i++) ceiling.check();
  assert.equal(collected, 1);
  used = 310 * MB;
  for (let i = 0; i < 16; i++) ceiling.check();
  assert.equal(ceiling.collections, 2);
});

test('heapCeiling does nothing when the collector cannot be reached', () => {
  let reads = 0;
  const ceiling = heapCeiling(1, { heapUsed: () => { reads++; return 500 * MB; }, collect: null });
  for (let i = 0; i < 64; i++) ceiling.check();
  assert.equal(ceiling.collections, 0);
  assert.equal(reads, 0);
});

test('heapCeiling reaches the real collector', () => {
  const ceiling = heapCeiling(0);
  for (let i = 0; i < 16; i++) ceiling.check();
  assert.equal(ceiling.collections, 1);
});
