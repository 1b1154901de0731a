// Pipeline tests: an ingest coding in worker threads, several articles at once, stores exactly what one coding in this thread stores.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createCoderSync } from '../coder/create-coder.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { jsonLines, syndicatedChains } from '../../test/fixtures/syndicated-chains.js';
import { inProcessCoder, type ArticleCoder } from './article-coder.js';
import { snapshot } from './crash-fixtures.js';
import { ingestArticles, type IngestSummary } from './ingest-articles.js';
import { workerCoder } from './worker-coder.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-workers-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const LEXICON = { builtin: false, lexiconDirs: ['test/fixtures/lexicon-mini'] };
const BUDGET = { maxTokens: 300 };

/** Syndicated chains, with an article past the token budget early on, its exact copy and a near copy of it later. */
function corpus(): string {
  const records: object[] = syndicatedChains(12, 6);
  const long = Array.from({ length: 40 }, (_, i) => `Iraqi officials asked China for military help on day ${i}.`).join(' ');
  const failing = { id: 'too-long', date: '2020-05-01', source: 'Long Wire', text: long };
  records.splice(2, 0, failing);
  records.splice(5, 0, { ...failing, id: 'too-long-again' });
  records.splice(7, 0, { ...failing, id: 'too-long-edited', text: long.replace('day 3.', 'day three.') });
  const path = join(dir, 'corpus.jsonl');
  writeFileSync(path, jsonLines(records));
  return path;
}

async function ingestWith(coder: ArticleCoder, inFlight: number): Promise<{ summary: IngestSummary; stored: unknown; ids: string[] }> {
  const store = await openSqliteStore(':memory:');
  try {
    const summary = await ingestArticles([corpus()], { store, coder, inFlight, batchSize: 7 });
    const ids = [];
    for await (const article of store.iterateTexts()) ids.push(article.id);
    return { summary, stored: await snapshot(store, ids), ids };
  } finally {
    await store.close();
    await coder.close();
  }
}

test('coding in two worker threads, eight articles at once, stores what coding one at a time stores', async () => {
  const one = await ingestWith(inProcessCoder(createCoderSync(LEXICON), BUDGET), 1);
  const many = await ingestWith(workerCoder(LEXICON, { workers: 2, budget: BUDGET }), 8);
  assert.ok(one.summary.nearDuplicates > 0 && one.summary.new > 0 && one.summary.events > 0, JSON.stringify(one.summary));
  // the article past its budget fails each time it is read; its copies are not linked to it (it is not stored)
  assert.deepEqual(one.summary.problems.map((p) => [p.input, p.code]), [['too-long', 'E202'], ['too-long-again', 'E202'], ['too-long-edited', 'E202']]);
  assert.deepEqual(many.ids, one.ids, 'the same articles in the same storage order');
  assert.deepEqual(many.stored, one.stored);
  const { elapsedMs: _a, ...oneCounts } = one.summary;
  const { elapsedMs: _b, ...manyCounts } = many.summary;
  assert.deepEqual(manyCounts, oneCounts);
});
