// Pipeline tests: coding in worker threads gives what coding in this thread gives, problems included, in order, and closes cleanly.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createCoderSync } from '../coder/create-coder.js';
import { inProcessCoder } from './article-coder.js';
import { workerCoder } from './worker-coder.js';

const LEXICON = { builtin: false, lexiconDirs: ['test/fixtures/lexicon-mini'] };
const coder = workerCoder(LEXICON, { workers: 2, budget: { maxTokens: 400 } });
const local = inProcessCoder(createCoderSync(LEXICON), { maxTokens: 400 });
after(() => coder.close());

const SENTENCE = 'Iraqi officials have asked China for military help, the Kommersant newspaper reported.';
const article = (id: string, text: string) => ({ id, text, date: '2020-05-01' });

test('a worker codes an article as this thread does', async () => {
  const a = article('w1', SENTENCE);
  const [inWorker, here] = await Promise.all([coder.code(a), local.code(a)]);
  assert.equal(inWorker.kind, 'events');
  assert.deepEqual(inWorker, here);
});

test('an article past its budget comes back as the same problem', async () => {
  const a = article('w2', SENTENCE.repeat(40));
  const result = await coder.code(a);
  assert.equal(result.kind, 'problem');
  assert.deepEqual(result, await local.code(a));
});

test('more articles than workers are all coded, each to its own caller', async () => {
  const texts = ['Iraqi officials have asked China for drones.', SENTENCE, 'Nothing happened here today.', SENTENCE.repeat(40), SENTENCE];
  const results = await Promise.all(texts.map((text, i) => coder.code(article(`m${i}`, text))));
  const expected = await Promise.all(texts.map((text, i) => local.code(article(`m${i}`, text))));
  assert.deepEqual(results, expected);
});

test('a closed coder refuses new work', async () => {
  const closing = workerCoder(LEXICON);
  assert.equal((await closing.code(article('c1', SENTENCE))).kind, 'events');
  await closing.close();
  await assert.rejects(closing.code(article('c2', SENTENCE)), /closed/);
});
