import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readConllu } from './conllu.js';

const TEXT = [
  '# newdoc id = doc-1',
  '# sent_id = s1',
  '# text = I don\'t know.',
  '1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_',
  '2-3\tdon\'t\t_\t_\t_\t_\t_\t_\t_\t_',
  '2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_',
  '3\tn\'t\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_',
  '4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No',
  '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
  '',
  '',
  '# sent_id = s2',
  '1\tSue\tSue\tPROPN\tNNP\t_\t2\tnsubj\t_\t_',
  '2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_',
  '2.1\tleft\tleave\tVERB\tVBD\t_\t_\t_\t2:conj\t_',
  '3\tand\tand\tCCONJ\tCC\t_\t4\tcc\t_\t_',
  '4\tTom\tTom\tPROPN\tNNP\t_\t2\tconj\t_\t_',
  '5\twas\tbe\tAUX\tVBD\t_\t6\taux:pass\t_\t_',
  '6\tfired\tfire\tVERB\tVBN\t_\t2\tconj\t_\t_',
].join('\r\n');

test('readConllu keeps syntactic words, drops multiword ranges, empty nodes and comments, keeps label subtypes', () => {
  const [first, second, ...rest] = readConllu(TEXT);
  assert.equal(rest.length, 0, 'two sentences, however many blank lines');
  assert.deepEqual(first, {
    words: ['I', 'do', 'n\'t', 'know', '.'],
    upos: ['PRON', 'AUX', 'PART', 'VERB', 'PUNCT'],
    head: [3, 3, 3, -1, 3],
    deprel: ['nsubj', 'aux', 'advmod', 'root', 'punct'],
  });
  assert.deepEqual(second?.words, ['Sue', 'left', 'and', 'Tom', 'was', 'fired'], 'a sentence without a final blank line still counts');
  assert.deepEqual(second?.head, [1, -1, 3, 1, 5, 1]);
  assert.equal(second?.deprel[4], 'aux:pass');
});

test('readConllu rejects a short word line and a head that is not a number', () => {
  assert.throws(() => readConllu('1\tHi\thi\tINTJ\n', 'a.conllu'), /^DyadError: E201 a\.conllu:1: expected 10 columns/);
  assert.throws(() => readConllu('# c\n1\tHi\thi\tINTJ\tUH\t_\tx\troot\t_\t_\n', 'a.conllu'), /E201 a\.conllu:2: head x is not a number/);
  assert.deepEqual(readConllu('# only a comment\n\n'), []);
});
