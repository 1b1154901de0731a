// The coder's and the detail finders' words are lexicon data (lexicon/words.yaml): no set or regex of words in their code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['coder', 'details'];

/**
 * Sets of strings that are grammar plumbing, not words a lexicon user would change: dependency labels of the parser
 * and the quantity reader's gate, derived from its number grammar (number words, signs, scales: see quantity.ts).
 */
// (RECIPIENT_SETS names sets of lexicon/sets.yaml, not words)
const GRAMMAR_SETS: ReadonlySet<string> = new Set(['OBLIQUE_LABELS', 'SUBJECT_LIKE', 'NAMING_LABELS', 'STARTS', 'RECIPIENT_SETS']);

/** `const NAME = new Set([...])` (or an unnamed `new Set([...])`) holding a quoted string with a letter in it. */
const WORD_SET = /(?:const (\w+)(?::[^=]+)? = )?new Set\(\[([^\]]*)\]/g;
/** A regex literal that is an anchored alternation of plain words: /^(say|tell)$/, /^(?:a|b)$/i. */
const WORD_REGEX = /\/\^\((?:\?:)?[a-z'-]+(?:\|[a-z'-]+)+\)\$\/[a-z]*/g;

function sources(): Array<{ file: string; text: string }> {
  return FOLDERS.flatMap((folder) => readdirSync(join(SRC, folder))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => ({ file: `src/${folder}/${name}`, text: readFileSync(join(SRC, folder, name), 'utf8') })));
}

test('no set of words is written in the code of the coder or the detail finders (they read lexicon.wordLists)', () => {
  const found: string[] = [];
  for (const { file, text } of sources()) {
    for (const m of text.matchAll(WORD_SET)) {
      const name = m[1] ?? '(unnamed)';
      if (/['"][^'"]*\p{L}[^'"]*['"]/u.test(m[2] ?? '') && !GRAMMAR_SETS.has(name)) found.push(`${file}: ${name}`);
    }
  }
  assert.deepEqual(found, [], 'move these words to lexicon/words.yaml (or name a true grammar set in GRAMMAR_SETS)');
});

test('no regex that is only a list of words is written there either', () => {
  const found = sources().flatMap(({ file, text }) => [...text.matchAll(WORD_REGEX)].map((m) => `${file}: ${m[0]}`));
  assert.deepEqual(found, []);
});

test('the check sees a set or a regex of words when one is written', () => {
  const sample = "const HEDGES = new Set(['may', 'might']);\nconst ROOTS = new Set(['04', '05']);\nif (/^(his|her)$/.test(w)) {}";
  assert.deepEqual([...sample.matchAll(WORD_SET)].filter((m) => /['"][^'"]*\p{L}/u.test(m[2] ?? '')).map((m) => m[1]), ['HEDGES']);
  assert.equal([...sample.matchAll(WORD_REGEX)].length, 1);
});
