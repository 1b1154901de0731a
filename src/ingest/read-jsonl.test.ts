// Tests: JSON Lines records → articles, with a problem naming the line for each bad record and the rest still read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InputResult } from './input-result.js';
import { jsonlRecord, readJsonl } from './read-jsonl.js';

async function read(text: string | Buffer, max = 1024): Promise<InputResult[]> {
  async function* source(): AsyncGenerator<Buffer> {
    yield typeof text === 'string' ? Buffer.from(text) : text;
  }
  const out: InputResult[] = [];
  for await (const result of readJsonl(source(), 'records.jsonl', max)) out.push(result);
  return out;
}

test('readJsonl yields good records and names the line of each bad one', async () => {
  const file = [
    '{"id": "r1", "text": "China pledged aid to Tonga.", "title": "Aid", "date": "2024-05-01", "url": "https://n.example/1", "source": "Wire"}',
    '',
    'this is not json',
    '{"id": "r4", "title": "No text here"}',
    '{"text": "A record without an id."}',
    '{"id": 42, "text": "   "}',
    '[1, 2]',
    `{"id": "big", "text": "${'x'.repeat(2000)}"}`,
    '{"id": "r9", "text": "Last one.", "date": "not a date"}',
  ].join('\n');
  const results = await read(file);
  const summary = results.map((r) => (r.kind === 'article' ? `article ${r.article.id}` : `${r.problem.code} line ${r.problem.line}`));
  assert.deepEqual(summary, ['article r1', 'E104 line 3', 'E105 line 4', 'article records.jsonl#5', 'E105 line 6', 'E105 line 7', 'E106 line 8', 'article r9']);
  const first = results[0];
  assert.ok(first?.kind === 'article');
  assert.deepEqual(first.article, {
    id: 'r1', text: 'China pledged aid to Tonga.', title: 'Aid', date: '2024-05-01', dateBasis: 'publication', url: 'https://n.example/1', source: 'Wire', byline: null, dateline: null, language: null,
  });
  for (const r of results) {
    if (r.kind === 'problem') {
      assert.ok(r.problem.message.startsWith(`records.jsonl:${r.problem.line}: `), r.problem.message);
      assert.equal(r.problem.stage, 'ingest');
    }
  }
  const last = results[results.length - 1];
  assert.ok(last?.kind === 'article' && last.article.date === null, 'an unreadable date is dropped');
});

test('jsonlRecord keeps the text exactly as given and reads its dateline', () => {
  const text = 'KYIV (AP) —  Ukraine asked  allies for air defences.\r\n\r\nMore later.';
  const result = jsonlRecord(JSON.stringify({ id: 'k1', text }), 'in.jsonl', 1);
  assert.ok(result.kind === 'article');
  assert.equal(result.article.text, text);
  assert.equal(result.article.dateline, 'KYIV (AP) —');
});

test('jsonlRecord cleans an "html" field like a page', () => {
  const html = '<html><body><nav>Home</nav><article><p>Kenya sent 200 police officers to Haiti on Tuesday, officials said.</p><p>Share this article</p></article></body></html>';
  const result = jsonlRecord(JSON.stringify({ id: 'h1', html }), 'in.jsonl', 1);
  assert.ok(result.kind === 'article');
  assert.equal(result.article.text, 'Kenya sent 200 police officers to Haiti on Tuesday, officials said.');
});

test('readJsonl decodes each line on its own (a Latin-1 line among UTF-8 ones)', async () => {
  const bytes = Buffer.concat([
    Buffer.from('{"id":"u","text":"Zürich talks."}\n', 'utf8'),
    Buffer.from('{"id":"l","text":"Z', 'latin1'), Buffer.from([0xfc]), Buffer.from('rich talks."}\n', 'latin1'),
  ]);
  const texts = (await read(bytes)).map((r) => (r.kind === 'article' ? r.article.text : r.problem.code));
  assert.deepEqual(texts, ['Zürich talks.', 'Zürich talks.']);
});
