import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addSetMatch, prf, prfCounts, prfSplit, ratio } from './score.js';
import { formatSuiteTable } from './format.js';
import { parseArgs, selectSuites } from './run.js';

test('prf: counts to precision, recall, F1; empty denominators give 0', () => {
  const cases = [
    { counts: { tp: 3, fp: 1, fn: 3 }, want: { p: 0.75, r: 0.5, f1: 0.6 } },
    { counts: { tp: 0, fp: 0, fn: 4 }, want: { p: 0, r: 0, f1: 0 } },
    { counts: { tp: 2, fp: 0, fn: 0 }, want: { p: 1, r: 1, f1: 1 } },
    { counts: { tp: 1, fp: 2, fn: 0 }, want: { p: 0.3333, r: 1, f1: 0.5 } },
  ];
  for (const { counts, want } of cases) assert.deepEqual(prf(counts), want);
});

test('prfSplit: precision over predictions, recall over gold units', () => {
  assert.deepEqual(prfSplit(2, 4, 1, 2), { p: 0.5, r: 0.5, f1: 0.5 });
  assert.deepEqual(prfSplit(0, 0, 0, 5), { p: 0, r: 0, f1: 0 });
});

test('addSetMatch: duplicates count once; misses and extras are counted', () => {
  const cases = [
    { pred: ['a', 'a', 'b'], gold: ['a'], want: { tp: 1, fp: 1, fn: 0 } },
    { pred: [], gold: ['a', 'b'], want: { tp: 0, fp: 0, fn: 2 } },
    { pred: ['c'], gold: [], want: { tp: 0, fp: 1, fn: 0 } },
  ];
  for (const { pred, gold, want } of cases) {
    const counts = prfCounts();
    addSetMatch(counts, pred, gold);
    assert.deepEqual(counts, want);
  }
});

test('ratio: share with a zero denominator is 0', () => {
  assert.equal(ratio(1, 3), 0.3333);
  assert.equal(ratio(0, 0), 0);
});

test('formatSuiteTable: one row per measure, P/R/F1 columns and value column', () => {
  const table = formatSuiteTable('demo', { 'n-records': 1200, accuracy: 0.5, type: { p: 0.25, r: 0.5, f1: 0.3333 } });
  const lines = table.split('\n');
  assert.equal(lines[0], 'demo');
  assert.match(table, /n-records\s+1,200/);
  assert.match(table, /accuracy\s+0\.500/);
  assert.match(table, /type\s+0\.250\s+0\.500\s+0\.333/);
});

test('parseArgs and selectSuites: flags, repeated and comma-separated suites, result-name aliases', () => {
  assert.deepEqual(parseArgs(['--json', '--suite', 'plover', '--suite=samples']), { json: true, suites: ['plover', 'samples'], help: false });
  assert.deepEqual(selectSuites(['plover-gsr,conflibert-spans']).map((s) => s.name), ['plover', 'conflibert']);
  assert.equal(selectSuites([]).length >= 5, true);
  assert.throws(() => selectSuites(['nope']), /unknown suite nope/);
  assert.throws(() => parseArgs(['--frobnicate']), /unknown argument/);
});
