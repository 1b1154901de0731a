// API tests: with a workerWriter, POST /api/articles is read, coded, stored and linked in a worker thread over its own connection — what it stores is read at once, errors cross as they would in-thread, reads are answered meanwhile.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sampleStore, type TestStore } from './api-fixtures.js';
import { createApp } from './create-app.js';
import { postArticlesSchema } from './schemas.js';
import { workerWriter, type WorkerWriter } from './worker-writer.js';

const TOKEN = 'writer-token-0123';
let fixture: TestStore;
let writer: WorkerWriter;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

before(async () => {
  fixture = await sampleStore({ empty: true });
  writer = workerWriter(join(fixture.dir, 'dyad.db'), {});
  app = createApp({ store: fixture.store, token: TOKEN, writer, uiDir: null, log: (line) => logged.push(line) });
});
after(async () => {
  await writer.close();
  await fixture.dispose();
});

const post = async (body: string, type = 'application/json'): Promise<Response> => app.request('/api/articles', {
  method: 'POST', body, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': type },
});

test('a posted article is stored and linked by the writer thread, and read at once through the server\'s own connection', async () => {
  const res = await post(JSON.stringify([
    { id: 'ask', text: 'Iraqi officials asked China for armed drones on Monday, the ministry said.', date: '2024-05-13', source: 'Tigris Wire' },
    { id: 'give', text: 'China delivered 20 armed drones to Iraq on Friday.', date: '2024-05-17', source: 'Gulf Ledger', extra: 1 },
  ]));
  assert.equal(res.status, 201);
  const answer = postArticlesSchema.parse(await res.json());
  assert.deepEqual(answer.articles.map((a) => [a.id, a.new, a.events.length > 0]), [['ask', true, true], ['give', true, true]]);
  const stored = await fixture.store.getArticle('give');
  assert.equal(stored?.source, 'Gulf Ledger');
  const threads = (await (await app.request('/api/threads')).json()) as { threads: Array<{ supplier: string; recipient: string }> };
  assert.deepEqual(threads.threads.map((t) => [t.supplier, t.recipient]), [['CHN', 'IRQ']], 'linked into a thread');
  assert.deepEqual(logged, []);
});

test('what the writer refuses comes back as the in-thread writer answers it: 400 with its code, problems, warnings', async () => {
  const empty = await post('{"title":"no text"}');
  assert.equal(empty.status, 400);
  assert.equal(((await empty.json()) as { error: { code: string } }).error.code, 'E105');
  const huge = postArticlesSchema.parse(await (await post(JSON.stringify({ id: 'huge', text: 'Officials met in Baghdad. '.repeat(60_000) }))).json());
  assert.deepEqual(huge.problems.map((p) => [p.code, p.input]), [['E202', 'huge']]);
  const dated = postArticlesSchema.parse(await (await post(JSON.stringify({ id: 'dated', text: 'Chad hosted talks with Niger.', date: 'yesterday' }))).json());
  assert.match(dated.warnings.join('\n'), /"yesterday" is not a calendar date/);
  assert.deepEqual(logged, []);
});

test('a read sent while an article is being written is answered before the write', async () => {
  const text = Array.from({ length: 400 }, (_, i) => `Iraqi officials asked China for ${i + 2} armed drones on Monday, the ministry said.`).join(' ');
  const order: string[] = [];
  const writing = post(JSON.stringify({ id: 'long', text, date: '2024-05-14' })).then((res) => { order.push('write'); return res; });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const reading = Promise.resolve(app.request('/api/stats')).then((res) => { order.push('read'); return res; });
  const [written, read] = await Promise.all([writing, reading]);
  assert.deepEqual([read.status, written.status], [200, 201]);
  assert.deepEqual(order, ['read', 'write']);
});
