// A title-case headline is tagged again in sentence case, so its verbs are verbs; ordinary sentences are left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './analyze.js';
import { POS } from './pos.js';

function tagOf(text: string, word: string): { pos: number; headline: boolean } {
  const doc = analyze({ id: 'h', text });
  for (let i = 0; i < doc.size; i++) {
    if (doc.text.slice(doc.start[i], doc.end[i]) === word) {
      const sent = doc.sentences.find((s) => i >= s.first && i < s.last);
      return { pos: doc.pos[i] ?? POS.X, headline: sent?.headline === true };
    }
  }
  throw new Error(`no ${word} in ${text}`);
}

test('a title-case headline: the verb is a verb, the sentence is marked, the words keep their case', () => {
  const text = 'Iran Warns Israel Over Missile Tests Near Border.';
  const { pos, headline } = tagOf(text, 'Warns');
  assert.equal(headline, true);
  assert.equal(pos, POS.VERB);
  assert.equal(analyze({ id: 'h', text }).text, text);
});

test('an ordinary sentence is no headline', () => {
  assert.equal(tagOf('Iran warned Israel over the missile tests on Monday.', 'warned').headline, false);
});
