import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detokenize, labelledClass, parseBioSentences, parseClassTsv, pentaClass, predictedClass, scoreClass, scoreSpans } from './conflibert.js';
import { fakeEvent } from '../fake-event.js';

test('pentaClass: CAMEO roots to the five classes', () => {
  const cases: [string, number | null][] = [
    ['01', 0], ['02', 1], ['05', 1], ['06', 2], ['08', 2], ['09', 3], ['13', 3], ['14', 4], ['20', 4], ['00', null], ['21', null], ['', null],
  ];
  for (const [root, want] of cases) assert.equal(pentaClass(root), want, root);
});

test('parseClassTsv: sentence and label per line; bad lines skipped', () => {
  assert.deepEqual(parseClassTsv('Ruritania praised Freedonia.\t1\n\nno label here\nBad label.\t9\nArmy shelled the town.\t4\n'), [
    { text: 'Ruritania praised Freedonia.', label: 1 },
    { text: 'Army shelled the town.', label: 4 },
  ]);
});

test('predictedClass: the event with the earliest trigger decides; no event gives null', () => {
  assert.equal(predictedClass([]), null);
  assert.equal(predictedClass([fakeEvent({ cameo: '190', triggerStart: 30 }), fakeEvent({ cameo: '0232', triggerStart: 5 })]), 1);
});

test('scoreClass: accuracy, macro-F1, coverage and per-class figures; null counts wrong', () => {
  const gold = [{ text: 'a', label: 0 }, { text: 'b', label: 4 }, { text: 'c', label: 4 }, { text: 'd', label: 1 }];
  const result = scoreClass(gold, [0, 4, 3, null], [[0], [4], [3, 4], []]);
  assert.equal(result.accuracy, 0.5);
  assert.equal(result.coverage, 0.75);
  assert.equal(result['any-event-accuracy'], 0.75);
  assert.deepEqual(result['class/0-statement'], { p: 1, r: 1, f1: 1 });
  assert.deepEqual(result['class/4-material-conflict'], { p: 1, r: 0.5, f1: 0.6667 });
  assert.deepEqual(result['class/3-verbal-conflict'], { p: 0, r: 0, f1: 0 });
  // (1 + 0 + 0 + 0 + 0.6667) / 5
  assert.equal(result['macro-f1'], 0.3333);
});

test('detokenize: punctuation, clitics, hyphens, brackets and quotes are rejoined, offsets point at tokens', () => {
  const cases: [string[], string][] = [
    [['Ruritania', "'s", 'army', ',', 'it', 'said', '.'], "Ruritania's army, it said."],
    [['Freedonia', '’', 's', 'envoy'], 'Freedonia’s envoy'],
    [['a', 'Ruritania', '-', 'led', 'force', '(', 'RLF', ')'], 'a Ruritania-led force (RLF)'],
    [['they', 'said', '"', 'no', 'deal', '"', 'today'], 'they said "no deal" today'],
    [['aid', 'worth', '$', '5', 'million', '(', '10', '%', ')'], 'aid worth $5 million (10%)'],
  ];
  for (const [tokens, want] of cases) {
    const { text, offsets } = detokenize(tokens);
    assert.equal(text, want);
    offsets.forEach((offset, i) => assert.equal(text.slice(offset.start, offset.end), tokens[i]));
  }
});

const BIO = ['The B-S', 'Ruritanian I-S', 'army I-S', 'shelled O', 'Freedonia B-T', "'s I-T", 'capital I-T', '. O', '', 'Envoys B-R', 'met O', 'Ruritania B-T', 'and O', 'Freedonia B-T', '. O', ''].join('\n');

test('parseBioSentences: rebuilt text with S and T spans; R spans ignored', () => {
  const sentences = parseBioSentences(BIO);
  assert.equal(sentences.length, 2);
  const [first, second] = sentences;
  assert.equal(first!.text, "The Ruritanian army shelled Freedonia's capital.");
  assert.deepEqual(first!.sources.map((s) => first!.text.slice(s.start, s.end)), ['The Ruritanian army']);
  assert.deepEqual(first!.targets.map((s) => first!.text.slice(s.start, s.end)), ["Freedonia's capital"]);
  assert.deepEqual(second!.sources, []);
  assert.deepEqual(second!.targets.map((s) => second!.text.slice(s.start, s.end)), ['Ruritania', 'Freedonia']);
});

test('scoreSpans: overlap and exact matching of source and target spans', () => {
  const [first, second] = parseBioSentences(BIO);
  const predictions = [
    // source "Ruritanian army" overlaps gold "The Ruritanian army" but is not exact; target exact.
    [fakeEvent({ source: { start: 4, end: 19 }, target: { start: 28, end: 47 } })],
    // one of two gold targets found exactly; the source span is a false positive (gold has none).
    [fakeEvent({ source: { start: 0, end: 6 }, target: { start: 11, end: 20 } })],
  ];
  const result = scoreSpans([first!, second!], predictions);
  assert.equal(result.coverage, 1);
  assert.deepEqual(result['source-overlap'], { p: 0.5, r: 1, f1: 0.6667 });
  assert.deepEqual(result['source-exact'], { p: 0, r: 0, f1: 0 });
  assert.deepEqual(result['target-overlap'], { p: 1, r: 0.6667, f1: 0.8 });
  assert.deepEqual(result['target-exact'], { p: 1, r: 0.6667, f1: 0.8 });
  assert.equal(result['role-swap'], 0);
});

test('labelledClass: appeals with statements and reductions of relations with verbal conflict, the rest as pentaClass', () => {
  assert.equal(labelledClass('020'), 0);
  assert.equal(labelledClass('163'), 3);
  for (const root of ['01', '03', '07', '12', '14', '19']) assert.equal(labelledClass(root), pentaClass(root), root);
});
