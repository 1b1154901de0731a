// A --lexicon folder's words.yaml changes the coder's word lists: a word added or removed changes how a sentence codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLexicon } from '../lexicon/load-lexicon.js';
import { createCoderSync } from './create-coder.js';

/** Codes `text` with Dyad's lexicon and, when given, a user folder holding `words` as its words.yaml. */
function code(text: string, words?: string): Array<{ cameo: string; modality: string; attribution: string | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-words-'));
  try {
    if (words !== undefined) writeFileSync(join(dir, 'words.yaml'), words);
    const coder = createCoderSync({ lexiconDirs: words === undefined ? [] : [dir], parser: null });
    return coder.codeArticle({ id: 'doc-words', text, date: '2020-01-01' }).map((e) => ({ cameo: e.cameo, modality: e.modality, attribution: e.attribution?.text ?? null }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a verb added to verbs_of_saying makes its speaker the attribution of the event', () => {
  const text = 'Russia delivered 20 tanks to Syria, the ministry quipped.';
  assert.ok(!code(text).some((e) => e.attribution === 'the ministry'), JSON.stringify(code(text)));
  const delivery = code(text, 'verbs_of_saying: [quip]\n').find((e) => e.cameo === '072');
  assert.deepEqual(delivery, { cameo: '072', modality: 'reported', attribution: 'the ministry' });
});

test('a word added to hedges makes the event possible; "!word" takes a bundled word out again', () => {
  const hedged = 'Russia supposedly delivered 20 tanks to Syria on Monday.';
  assert.deepEqual(code(hedged).map((e) => e.modality), ['asserted']);
  assert.deepEqual(code(hedged, 'hedges: [supposedly]\n').map((e) => e.modality), ['possible']);
  const may = 'China may send troops to Nepal.';
  assert.deepEqual(code(may).map((e) => e.modality), ['possible']);
  assert.deepEqual(code(may, 'hedges: ["!may"]\n').map((e) => e.modality), ['asserted']);
});

test('a word list no one reads is reported (E301), so a misspelt name does not pass unnoticed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-words-'));
  try {
    writeFileSync(join(dir, 'words.yaml'), 'hegdes: [supposedly]\n');
    const { problems } = loadLexicon({ lexiconDirs: [dir] });
    assert.ok(problems.some((p) => p.code === 'E301' && p.message.includes('hegdes')), JSON.stringify(problems));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without Dyad\'s lexicon (builtin: false) the word lists are still Dyad\'s: they are grammar, not vocabulary of actors', () => {
  const { lexicon } = loadLexicon({ builtin: false, lexiconDirs: ['test/fixtures/lexicon-mini'] });
  assert.ok(lexicon.wordLists.verbs_of_saying.has('say'));
  assert.ok(lexicon.wordLists.hedges.has('may'));
});
