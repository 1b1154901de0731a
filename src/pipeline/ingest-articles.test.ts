// Pipeline tests: ingest problems name their code and input once, and an article past its budget is a problem, not the end of the run.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createCoderSync } from '../coder/create-coder.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { ingestArticles } from './ingest-articles.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-articles-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const coder = createCoderSync({ builtin: false, lexiconDirs: ['test/fixtures/lexicon-mini'] });

test('an id stored with other content is one problem whose line names code and id once', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    writeFileSync(join(dir, 'a.jsonl'), '{"id":"w3","text":"Iraqi officials asked China for drones on Monday."}\n');
    writeFileSync(join(dir, 'b.jsonl'), '{"id":"w3","text":"Russia promised helicopters to Mali on Tuesday."}\n');
    await ingestArticles([join(dir, 'a.jsonl')], { store, coder });
    const summary = await ingestArticles([join(dir, 'b.jsonl')], { store, coder });
    assert.equal(summary.problems.length, 1);
    const [problem] = summary.problems;
    assert.deepEqual([problem?.code, problem?.input], ['E600', 'w3']);
    // the code and input are fields of their own; the message does not repeat them (the CLI's line names each once)
    assert.doesNotMatch(problem?.message ?? '', /^(E\d{3}|w3:)/);
  } finally {
    await store.close();
  }
});
