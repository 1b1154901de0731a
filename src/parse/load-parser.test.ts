import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sharedData } from '../../eval/shared-data.js';
import { POS_TAGS } from '../nlp/pos.js';
import { readConllu } from './conllu.js';
import { DEPRELS } from './deprels.js';
import { loadParser } from './load-parser.js';
import { scoreTreebank } from './score-treebank.js';

const UD = sharedData('ud');
const noData = existsSync(UD) ? false : `no UD treebanks at ${UD}`;

/** Figures of the shipped models on the first 200 sentences (2,241 words) of EWT dev, measured when they were trained. */
const SAMPLE_FIGURES = { upos: 0.9509, uas: 0.8260, las: 0.7912 };
/** How far a figure may move: runs agree exactly on one machine; this allows 4 words of 2,241 for float rounding elsewhere. */
const TOLERANCE = 0.002;

test('the shipped models load once per process and parse a sentence into a tree with one root', () => {
  const parser = loadParser();
  assert.equal(loadParser(), parser, 'cached');
  const words = ['Russia', 'did', 'n\'t', 'deliver', 'the', 'tanks', 'to', 'Iraq', 'in', 'May', '.'];
  const parsed = parser.parse(words);
  assert.equal(parsed.upos.length, words.length);
  assert.equal(parsed.head.filter((h) => h === -1).length, 1, 'one root');
  assert.equal(POS_TAGS[parsed.upos[3]!], 'VERB');
  assert.equal(DEPRELS[parsed.deprel[0]!], 'nsubj');
  assert.equal(parsed.head[0], 3);
  assert.equal(DEPRELS[parsed.deprel[5]!], 'obj');
  assert.deepEqual(parser.parse([]), { upos: new Uint8Array(0), head: new Int16Array(0), deprel: new Uint8Array(0) });
});

test('the shipped models reproduce their figures on the first 200 sentences of EWT dev', { skip: noData }, () => {
  const sample = readConllu(readFileSync(resolve(UD, 'en_ewt-dev.conllu'), 'utf8')).slice(0, 200);
  const scores = scoreTreebank(loadParser(), sample);
  for (const key of ['upos', 'uas', 'las'] as const) {
    assert.ok(Math.abs(scores[key] - SAMPLE_FIGURES[key]) <= TOLERANCE, `${key} ${scores[key].toFixed(4)} vs ${SAMPLE_FIGURES[key]}`);
  }
});
