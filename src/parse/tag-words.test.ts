import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pack } from './perceptron.js';
import { N_TAGS, TagScratch, tagWords, type TaggerModel } from './tag-words.js';
import { wordCodes } from './word-codes.js';

/** A tagger over random weights (seeded), so every template's rows count. */
function randomTagger(seed: number): TaggerModel {
  const bits = 10;
  const weights = new Float32Array((1 << bits) * N_TAGS);
  let state = seed;
  for (let i = 0; i < weights.length; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) | 0;
    weights[i] = ((state >>> 8) % 2001) / 1000 - 1;
  }
  return { table: pack({ bits, nClasses: N_TAGS, weights, scale: 1 }), dict: new Map() };
}

function tag(tagger: TaggerModel, words: string[], scratch: TagScratch): number[] {
  const out = new Uint8Array(words.length);
  tagWords(tagger, wordCodes(words), words.length, out, scratch);
  return [...out];
}

const SENTENCES = [['Rebels', 'seized', 'the', 'town', '.'], ['The', 'town', 'fell', 'to', 'rebels', 'in', 'May', '.'], ['Rebels', 'seized', 'it', '.']];

test('the per-type store of own-form scores changes no tag, across sentences and when one scratch serves two taggers', () => {
  const a = randomTagger(1);
  const b = randomTagger(2);
  const shared = new TagScratch();
  for (const words of SENTENCES) {
    assert.deepEqual(tag(a, words, shared), tag(a, words, new TagScratch()), words.join(' '));
    assert.deepEqual(tag(b, words, shared), tag(b, words, new TagScratch()), words.join(' '));
  }
});
