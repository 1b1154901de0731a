import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorRef, EventRecord } from '../../src/types/index.js';
import { eventTriples, formatPetrarchTable, runPetrarchSuite } from './petrarch.js';
import { sharedData } from '../shared-data.js';
import { readBaseline, readSuiteRecords } from './petrarch-records.js';
import { foldCategory, prf, scoreRecords, type ScoredRecord } from './petrarch-score.js';

const dataDir = sharedData('petrarch2');
const noData = existsSync(join(dataDir, 'text')) ? false : `no PETRARCH2 data at ${dataDir}`;
const close = (actual: number, expected: number, what: string): void => assert.ok(Math.abs(actual - expected) < 5e-4, `${what}: ${actual} ≠ ${expected}`);

// A hand-written set: four records, with duplicates, a crash and an expected-empty record.
const records: ScoredRecord[] = [
  // exact; the duplicate prediction is counted once
  { id: 'a', category: 'DEMO', gold: [['ARN', 'GON', '064']], predicted: [['ARN', 'GON', '064'], ['ARN', 'GON', '064']], crashed: false },
  // right code, wrong target; an extra event with the right root
  { id: 'b', category: 'COMPOUNDx', gold: [['GON', 'MOR', '042'], ['MOR', 'GON', '043']], predicted: [['GON', 'ARN', '042'], ['GON', 'MOR', '046']], crashed: false },
  // a crash predicts nothing
  { id: 'c', category: 'AGENTS', gold: [['ARNGOV', 'GON', '111']], predicted: [['ARNGOV', 'GON', '111']], crashed: true },
  // expects nothing, predicts nothing: exact
  { id: 'd', category: 'ERROR', gold: [], predicted: [], crashed: false },
];

test('scoreRecords counts triples as sets and codes and roots as multisets per record', () => {
  const s = scoreRecords(records);
  // predicted 1 + 2 + 0 + 0 = 3; gold 1 + 2 + 1 + 0 = 4
  assert.deepEqual(s.triple, prf(1, 3, 4));
  assert.deepEqual(s.code, prf(2, 3, 4)); // 064, 042
  assert.deepEqual(s.root, prf(3, 3, 4)); // 06, 04, 04
  assert.deepEqual([s.exact, s.records, s.crashes], [2, 4, 1]);
  assert.deepEqual(Object.keys(s.byCategory), ['COMPOUND', 'DEMO', 'AGENT', 'ERROR']);
  assert.deepEqual(s.byCategory.AGENT, { triple: prf(0, 0, 1), code: prf(0, 0, 1), root: prf(0, 0, 1), exact: 0, records: 1 });
  assert.deepEqual(s.byCategory.ERROR?.triple, { p: 1, r: 1, f1: 1 });
});

test('prf handles empty sides', () => {
  const cases: [number, number, number, { p: number; r: number; f1: number }][] = [
    [1, 2, 4, { p: 0.5, r: 0.25, f1: 1 / 3 }],
    [0, 0, 3, { p: 0, r: 0, f1: 0 }],
    [0, 2, 0, { p: 0, r: 0, f1: 0 }],
    [0, 0, 0, { p: 1, r: 1, f1: 1 }],
  ];
  for (const [tp, predicted, gold, expected] of cases) {
    const got = prf(tp, predicted, gold);
    for (const k of ['p', 'r', 'f1'] as const) close(got[k], expected[k], `${tp}/${predicted}/${gold} ${k}`);
  }
});

test('foldCategory merges the suite’s variant category names', () => {
  const cases: [string, string][] = [['COMPOUNDx', 'COMPOUND'], ['AGENTS', 'AGENT'], ['synset', 'SYNSET'], ['DATE', 'DATE']];
  for (const [input, expected] of cases) assert.equal(foldCategory(input), expected);
});

const actor = (code: string): ActorRef => ({ code, country: null, name: code, text: code, sector: null, start: 0, end: 1 });
const event = (source: string, target: string | null, cameo: string): EventRecord => ({
  id: `${source}-${cameo}`, doc: 'x', sentence: { index: 0, text: '', start: 0, end: 0 }, source: actor(source), target: target === null ? null : actor(target),
  cameo, cameoName: '', root: cameo.slice(0, 2), quad: 1, goldstein: 0, plover: { type: '', mode: null, context: null },
  trigger: { text: '', start: 0, end: 0 }, date: null, datePrecision: 'unknown', dateBasis: 'unknown', negated: false,
  modality: 'asserted', status: null, items: [], terms: null, attribution: null, location: null,
});

test('eventTriples drops events without both actors under require_dyad and de-duplicates', () => {
  const events = [event('ARN', 'GON', '064'), event('ARN', 'GON', '064'), event('ARN', null, '010'), event('---', 'GON', '020')];
  assert.deepEqual(eventTriples(events, true), [['ARN', 'GON', '064']]);
  assert.deepEqual(eventTriples(events, false), [['ARN', 'GON', '064'], ['ARN', '---', '010'], ['---', 'GON', '020']]);
});

test('the records file parses to 284 records, 279 scored, with the baseline’s gold', { skip: noData }, () => {
  const suite = readSuiteRecords(readFileSync(join(dataDir, 'text', 'PETR.UnitTest.records.xml'), 'utf8'));
  assert.equal(suite.records.length, 284);
  assert.equal(suite.records.filter((r) => r.scored).length, 279);
  assert.deepEqual(suite.dictionaries.verbs, ['PETR.Validate.verbs.txt']);
  assert.ok(suite.records.every((r) => r.text.length > 0 && r.date !== null));
  const baseline = readBaseline(readFileSync(join(dataDir, 'baseline-outputs', 'validation-records.petrarch2-py27.json'), 'utf8'));
  for (const b of baseline) {
    const r = suite.records[b.index];
    assert.equal(r?.id, b.id);
    assert.deepEqual(r?.gold, b.gold, b.id);
  }
});

test('runPetrarchSuite reproduces PETRARCH2’s measured figures and scores an oracle and a crashing coder', { skip: noData }, async () => {
  const suite = readSuiteRecords(readFileSync(join(dataDir, 'text', 'PETR.UnitTest.records.xml'), 'utf8'));
  // Ids repeat in the file (AGENTS-18, AGENTS-19), so the oracle looks records up by id and text.
  const gold = new Map(suite.records.filter((r) => r.scored).map((r) => [`${r.id} ${r.text}`, r.gold]));
  const oracle = async () => ({
    codeArticle: (a: { id: string; text: string }) => (gold.get(`${a.id} ${a.text}`) ?? []).map(([s, t, c]) => event(s, t === '---' ? null : t, c)),
  });
  const result = await runPetrarchSuite({ createCoder: oracle, dataDir });
  const p2 = result.petrarch2;
  for (const [what, got, expected] of [
    ['triple p', p2.triple.p, 0.547], ['triple r', p2.triple.r, 0.332], ['triple f1', p2.triple.f1, 0.413],
    ['code f1', p2.code.f1, 0.473], ['root f1', p2.root.f1, 0.562],
  ] as const) close(got, expected, what);
  assert.deepEqual([p2.exact, p2.records, p2.crashes], [90, 279, 36]);
  assert.deepEqual([result.dyad.triple.f1, result.dyad.exact, result.dyad.crashes], [1, 279, 0]);
  assert.match(formatPetrarchTable(result), /triple +1\.000 +1\.000 +1\.000 +0\.547 +0\.332 +0\.413/);

  const crashing = await runPetrarchSuite({ createCoder: async () => ({ codeArticle: () => { throw new Error('boom'); } }), dataDir });
  assert.equal(crashing.dyad.crashes, 279);
  assert.equal(crashing.dyad.exact, 27); // the records that expect no events: 19 noevents, 7 error, PATTERN-06 (no coding)
});
