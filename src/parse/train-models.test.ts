import { test } from 'node:test';
import assert from 'node:assert/strict';
import { POS_TAGS } from '../nlp/pos.js';
import { readConllu } from './conllu.js';
import { DEPRELS } from './deprels.js';
import { Parser } from './parser.js';
import { pack } from './perceptron.js';
import { tagDictionary } from './tag-words.js';
import { trainParser, trainTagger, type TrainOptions } from './train-models.js';

// A tiny treebank of our own: passives with agents, a relative clause, a particle verb, a possessive.
const TREEBANK = readConllu(`
1	Rebels	_	NOUN	_	_	2	nsubj	_	_
2	seized	_	VERB	_	_	0	root	_	_
3	the	_	DET	_	_	4	det	_	_
4	town	_	NOUN	_	_	2	obj	_	_
5	.	_	PUNCT	_	_	2	punct	_	_

1	The	_	DET	_	_	2	det	_	_
2	town	_	NOUN	_	_	4	nsubj:pass	_	_
3	was	_	AUX	_	_	4	aux:pass	_	_
4	seized	_	VERB	_	_	0	root	_	_
5	by	_	ADP	_	_	6	case	_	_
6	rebels	_	NOUN	_	_	4	obl:agent	_	_
7	.	_	PUNCT	_	_	4	punct	_	_

1	Russia	_	PROPN	_	_	2	nsubj	_	_
2	sent	_	VERB	_	_	0	root	_	_
3	tanks	_	NOUN	_	_	2	obj	_	_
4	that	_	PRON	_	_	5	nsubj	_	_
5	arrived	_	VERB	_	_	3	acl:relcl	_	_
6	in	_	ADP	_	_	7	case	_	_
7	May	_	PROPN	_	_	5	obl	_	_
8	.	_	PUNCT	_	_	2	punct	_	_

1	Iraq	_	PROPN	_	_	3	nmod:poss	_	_
2	's	_	PART	_	_	1	case	_	_
3	minister	_	NOUN	_	_	4	nsubj	_	_
4	called	_	VERB	_	_	0	root	_	_
5	off	_	ADP	_	_	4	compound:prt	_	_
6	the	_	DET	_	_	7	det	_	_
7	talks	_	NOUN	_	_	4	obj	_	_
`);

const OPTIONS: TrainOptions = { seed: 3, maxEpochs: 15, patience: 15, tagBits: 12, moveBits: 14, labelBits: 12, explore: 0.9, folds: 0, progress: () => {} };

test('a tiny treebank is learnt exactly: tags, heads and labels reproduced after a few epochs', () => {
  const tagged = trainTagger(TREEBANK, TREEBANK, OPTIONS);
  assert.equal(tagged.accuracy, 1);
  const tagger = { table: pack(tagged.table), dict: tagDictionary(tagged.dict) };
  const parsed = trainParser(TREEBANK, TREEBANK, tagger, OPTIONS);
  const parser = new Parser(tagger, { moves: pack(parsed.moves), labels: pack(parsed.labels), allowed: parsed.allowed });
  for (const sent of TREEBANK) {
    const out = parser.parse(sent.words);
    assert.deepEqual(Array.from(out.upos, (id) => POS_TAGS[id]), sent.upos, sent.words.join(' '));
    assert.deepEqual([...out.head], sent.head, sent.words.join(' '));
    assert.deepEqual(Array.from(out.deprel, (id) => DEPRELS[id]), sent.deprel, sent.words.join(' '));
  }
});

test('training is reproducible: the same seed gives the same weights', () => {
  const a = trainTagger(TREEBANK, TREEBANK, { ...OPTIONS, maxEpochs: 3 });
  const b = trainTagger(TREEBANK, TREEBANK, { ...OPTIONS, maxEpochs: 3 });
  assert.deepEqual(pack(a.table).codes, pack(b.table).codes);
});
