// NLP tests: sentence-length caps and the per-article budget of analyze.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DyadError } from '../types/index.js';
import { analyze, MAX_SENTENCE_CHARS, MAX_SENTENCE_TOKENS, mendLemma } from './analyze.js';

const article = (text: string) => ({ id: 'a1', text, date: '2024-01-01' });

test('an ordinary sentence is left whole', () => {
  const doc = analyze(article('Iraqi officials asked China for drones, the newspaper said.'));
  assert.equal(doc.sentences.length, 1);
});

test('a sentence without full stops is split at clause boundaries, every piece within the caps', () => {
  const clause = 'officials in Baghdad condemned the strike and China urged restraint';
  const text = Array.from({ length: 60 }, () => clause).join(', ');
  const doc = analyze(article(text));
  assert.ok(doc.sentences.length > 1);
  for (const sent of doc.sentences) {
    assert.ok(sent.last - sent.first <= MAX_SENTENCE_TOKENS);
    assert.ok(sent.end - sent.start <= MAX_SENTENCE_CHARS);
  }
  // cuts fall after a comma or before a conjunction, never inside a clause
  for (const sent of doc.sentences.slice(0, -1)) {
    const lastWord = doc.norm[sent.last - 1];
    const nextWord = doc.norm[sent.last];
    assert.ok(lastWord === ',' || nextWord === 'and', `cut between "${lastWord}" and "${nextWord}"`);
  }
  // the pieces cover every token, in order
  assert.equal(doc.sentences[0]?.first, 0);
  assert.equal(doc.sentences.at(-1)?.last, doc.size);
  doc.sentences.forEach((sent, i) => assert.equal(sent.index, i));
});

test('words without any punctuation are cut at the token limit', () => {
  const doc = analyze(article(Array.from({ length: 1000 }, (_, i) => `word${i % 7}`).join(' ')));
  assert.ok(doc.sentences.length >= Math.ceil(1000 / MAX_SENTENCE_TOKENS));
  for (const sent of doc.sentences) assert.ok(sent.last - sent.first <= MAX_SENTENCE_TOKENS);
});

test('a long run of long words is cut by characters', () => {
  const doc = analyze(article(Array.from({ length: 100 }, () => 'x'.repeat(100)).join(' ')));
  for (const sent of doc.sentences) assert.ok(sent.end - sent.start <= MAX_SENTENCE_CHARS);
});

test('past the token budget analysis stops with E202', () => {
  assert.throws(() => analyze(article('Officials met. '.repeat(200)), { maxTokens: 100 }), (err: unknown) => err instanceof DyadError && err.code === 'E202');
});

test('past the deadline analysis stops with E401', () => {
  assert.throws(() => analyze(article('Officials met.'), { deadline: 0 }), (err: unknown) => err instanceof DyadError && err.code === 'E401');
});

test('lemmas of past forms in -ged keep the stem\'s e ("staged" → "stage", not "stag"); doubled g stays', () => {
  const doc = analyze({ id: 'lemmas', text: 'Students staged a protest. Rebels waged war. Fighting raged on. Talks lagged.', date: null });
  const lemmaOf = (word: string): string | undefined => doc.lemma[doc.norm.indexOf(word)];
  assert.equal(lemmaOf('staged'), 'stage');
  assert.equal(lemmaOf('waged'), 'wage');
  assert.equal(lemmaOf('raged'), 'rage');
  assert.equal(lemmaOf('lagged'), 'lag');
  assert.equal(mendLemma('urged', 'urge'), 'urge');
});
