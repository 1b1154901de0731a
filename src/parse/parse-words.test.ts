import { test } from 'node:test';
import assert from 'node:assert/strict';
import { POS } from '../nlp/pos.js';
import { deprelId } from './deprels.js';
import { ALLOWED_KEYS, allowedKey, allowedLabels, packAllowed } from './parse-words.js';

// Three words "the big dog" (DET ADJ NOUN), both modifiers left of the noun, which hangs from ROOT (n = 3).
const SENT = { n: 3, heads: Int32Array.from([2, 2, 3]), labels: Uint8Array.from(['det', 'amod', 'root'], deprelId), tags: Uint8Array.from([POS.DET, POS.ADJ, POS.NOUN]) };

test('allowed labels are keyed by direction, dependent tag and head tag; an unseen head tag falls back to the direction and dependent tag', () => {
  const allowed = allowedLabels([SENT]);
  assert.equal(allowed.length, ALLOWED_KEYS);
  assert.deepEqual([...allowed[allowedKey(2, 0, POS.DET, POS.NOUN)]!], [deprelId('det')]);
  assert.deepEqual([...allowed[allowedKey(2, 1, POS.ADJ, POS.NOUN)]!], [deprelId('amod')]);
  // A DET under a VERB was never seen: the labels of left DETs under any head.
  assert.deepEqual([...allowed[allowedKey(2, 0, POS.DET, POS.VERB)]!], [deprelId('det')]);
  // A DET right of its head was never seen in either way: no list, so every label is allowed.
  assert.deepEqual([...allowed[allowedKey(0, 2, POS.DET, POS.NOUN)]!], []);
});

test('allowed lists pack to distinct lists and indexes that rebuild them', () => {
  const allowed = allowedLabels([SENT]);
  const { lists, index } = packAllowed(allowed);
  assert.ok(lists.length < 10, `${lists.length} distinct lists`);
  assert.deepEqual(index.map((at) => lists[at]), allowed.map((list) => [...list]));
});
