// Dyad's words.yaml and terms.yaml: every word list and map the code reads is written, nothing else, and all compile.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { compileTerms } from '../src/lexicon/compile-terms.js';
import { readTerms, readWordLists } from '../src/lexicon/read-lexicon-dir.js';
import { compileWordLists, WORD_LIST_NAMES, WORD_MAP_NAMES } from '../src/lexicon/word-lists.js';
import type { Problem } from '../src/types/index.js';

const DIR = dirname(fileURLToPath(import.meta.url));

test('words.yaml writes every word list and map the coder and the detail finders read, and no other', () => {
  const names = Object.keys(parse(readFileSync(join(DIR, 'words.yaml'), 'utf8')) as Record<string, unknown>).sort();
  assert.deepEqual(names, [...WORD_LIST_NAMES, ...WORD_MAP_NAMES].sort());
  const problems: Problem[] = [];
  const { words, problems: compiled } = compileWordLists(readWordLists(DIR, problems));
  assert.deepEqual([...problems, ...compiled], []);
  for (const name of WORD_LIST_NAMES) assert.ok(words[name].size > 0, `${name} is empty`);
  for (const name of WORD_MAP_NAMES) assert.ok(words[name].size > 0, `${name} is empty`);
});

test('words are written as the code compares them: lower case (currency codes in capitals), one token each', () => {
  const problems: Problem[] = [];
  for (const list of readWordLists(DIR, problems)) {
    const words = 'words' in list ? list.words : Object.keys(list.map);
    for (const word of words) {
      assert.ok(!/\s/.test(word), `${list.name}: "${word}" is more than one token`);
      if (list.name === 'currency_codes') assert.match(word, /^[A-Z]{3}$/, `${list.name}: ${word}`);
      else assert.equal(word, word.toLowerCase(), `${list.name}: "${word}" is not lower case`);
    }
  }
});

test('terms.yaml compiles: every term known, every phrase a regular expression', () => {
  const problems: Problem[] = [];
  const { terms, problems: compiled } = compileTerms(readTerms(DIR, problems));
  assert.deepEqual([...problems, ...compiled], []);
  assert.deepEqual(terms.byTerm.map(([term]) => term), ['barter', 'lease', 'credit', 'loan', 'grant', 'free', 'donation', 'commercial', 'sale']);
});
