// Pipeline tests: coding one article within its budget — caps on events, long sentence text, and problems instead of throws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoderSync, type Coder } from '../coder/create-coder.js';
import { analyze } from '../nlp/analyze.js';
import { DyadError } from '../types/index.js';
import { codeWithinBudget } from './code-within-budget.js';

const coder = createCoderSync({ builtin: false, lexiconDirs: ['test/fixtures/lexicon-mini'] });
const SENTENCE = 'Iraqi officials have asked China for military help, the Kommersant newspaper reported.';
const article = (text: string) => ({ id: 'b1', text, date: '2020-05-01' });

test('an ordinary article is coded as the coder codes it, without warnings', () => {
  const outcome = codeWithinBudget(coder, article(SENTENCE));
  assert.equal(outcome.kind, 'events');
  if (outcome.kind !== 'events') return;
  assert.deepEqual(outcome.events, coder.codeArticle(article(SENTENCE)));
  assert.deepEqual(outcome.warnings, []);
});

test('events past the per-article cap are dropped, with a warning naming the article', () => {
  const text = Array.from({ length: 5 }, () => SENTENCE).join(' ');
  const outcome = codeWithinBudget(coder, article(text), { maxEventsPerArticle: 2 });
  assert.equal(outcome.kind, 'events');
  if (outcome.kind !== 'events') return;
  assert.equal(outcome.events.length, 2);
  assert.match(outcome.warnings.join('\n'), /^b1: 3 events dropped past the first 2 \(the budget for one article\)$/);
});

test('events past the per-sentence cap are dropped, with a warning', () => {
  const text = 'Iraqi officials have asked China for drones and asked China for rifles and asked China for money.';
  const all = coder.codeArticle(article(text)).length;
  assert.ok(all >= 2, `the fixture sentence gives ${all} events`);
  const outcome = codeWithinBudget(coder, article(text), { maxEventsPerSentence: 1 });
  assert.equal(outcome.kind, 'events');
  if (outcome.kind !== 'events') return;
  assert.equal(outcome.events.length, 1);
  assert.match(outcome.warnings[0] ?? '', /dropped from sentences with more than 1 \(the budget for one sentence\)/);
});

test('a long sentence text is cut in the event, its offsets kept', () => {
  const outcome = codeWithinBudget(coder, article(SENTENCE), { maxSentenceText: 20 });
  assert.equal(outcome.kind, 'events');
  if (outcome.kind !== 'events') return;
  const event = outcome.events[0];
  assert.equal(event?.sentence.text, `${SENTENCE.slice(0, 19)}…`);
  assert.equal(event?.sentence.end, SENTENCE.length);
});

test('an article past the token budget is a problem E202, not a throw', () => {
  const outcome = codeWithinBudget(coder, article(SENTENCE.repeat(20)), { maxTokens: 50 });
  assert.equal(outcome.kind, 'problem');
  if (outcome.kind !== 'problem') return;
  assert.equal(outcome.problem.code, 'E202');
  assert.equal(outcome.problem.input, 'b1');
  assert.equal(outcome.problem.stage, 'nlp');
  assert.doesNotMatch(outcome.problem.message, /E202|b1/, 'the message does not repeat the code and id');
});

test('an article past the time budget is a problem E401', () => {
  const outcome = codeWithinBudget(coder, article(SENTENCE), { maxMs: -1 });
  assert.equal(outcome.kind, 'problem');
  if (outcome.kind === 'problem') assert.equal(outcome.problem.code, 'E401');
});

test('an error inside the coder becomes a problem E400 for that article', () => {
  const broken: Coder = { ...coder, codeDoc: () => { throw new RangeError('Invalid string length'); } };
  const outcome = codeWithinBudget(broken, article(SENTENCE));
  assert.equal(outcome.kind, 'problem');
  if (outcome.kind === 'problem') assert.equal(outcome.problem.message, 'coding failed: RangeError: Invalid string length');
});

test('the time budget holds between sentences: the coder stops at the sentence after the deadline, E401', () => {
  // a parser that is slow once: it returns only when the deadline has passed, in the first sentence of three
  let deadline = 0;
  let parses = 0;
  const slowOnce = createCoderSync({
    builtin: false, lexiconDirs: ['test/fixtures/lexicon-mini'],
    parser: {
      parse(words) {
        parses++;
        while (performance.now() <= deadline) { /* the one slow sentence */ }
        return { head: new Int16Array(words.length), label: words.map(() => 'dep') };
      },
    },
  });
  const doc = analyze(article([SENTENCE, SENTENCE, SENTENCE].join(' ')));
  deadline = performance.now() + 200;
  assert.throws(() => slowOnce.codeDoc(doc, { deadline }),
    (err: unknown) => err instanceof DyadError && err.code === 'E401' && /stopped before sentence 2 of 3/.test(err.message));
  assert.equal(parses, 1, 'no sentence after the deadline is parsed');
  assert.equal(slowOnce.codeDoc(doc).length, coder.codeDoc(doc).length, 'without a deadline it codes every sentence');
});
