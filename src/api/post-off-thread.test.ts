// API tests: with a worker coder, POST /api/articles codes off the request thread — a read sent meanwhile is answered first — and stores what in-thread coding stores.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { workerCoder } from '../pipeline/worker-coder.js';
import { sampleStore, type TestStore } from './api-fixtures.js';
import { createApp } from './create-app.js';

const TOKEN = 'worker-token-0123';
const coder = workerCoder({});
let fixture: TestStore;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

before(async () => {
  fixture = await sampleStore({ empty: true });
  app = createApp({ store: fixture.store, token: TOKEN, coder, uiDir: null, log: (line) => logged.push(line) });
});
after(async () => {
  await coder.close();
  await fixture.dispose();
});

const post = async (body: object): Promise<Response> => app.request('/api/articles', {
  method: 'POST', body: JSON.stringify(body), headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
});

test('a read sent while an article is being coded is answered before the write', async () => {
  // long enough that coding it takes far longer than one read, whatever the machine
  const text = Array.from({ length: 400 }, (_, i) => `Iraqi officials asked China for ${i + 2} armed drones on Monday, the ministry said.`).join(' ');
  const order: string[] = [];
  const writing = post({ id: 'long', text, date: '2024-05-14' }).then(async (res) => { order.push('write'); return res; });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const reading = Promise.resolve(app.request('/api/stats')).then((res) => { order.push('read'); return res; });
  const [written, read] = await Promise.all([writing, reading]);
  assert.equal(read.status, 200);
  assert.equal(written.status, 201);
  assert.deepEqual(order, ['read', 'write']);
  const answer = (await written.json()) as { articles: { id: string; events: unknown[] }[] };
  assert.ok((answer.articles[0]?.events.length ?? 0) > 0);
  assert.deepEqual(logged, []);
});

test('an article past its budget is a problem in the answer, and the server goes on', async () => {
  const res = await post({ id: 'huge', text: 'Officials met in Baghdad. '.repeat(60_000) });
  assert.equal(res.status, 200);
  const answer = (await res.json()) as { articles: unknown[]; problems: { code: string; input: string }[] };
  assert.deepEqual(answer.articles, []);
  assert.deepEqual(answer.problems.map((p) => [p.code, p.input]), [['E202', 'huge']]);
  assert.equal((await app.request('/api/stats')).status, 200);
});

test('past 8 pending writes a POST is answered 503 with Retry-After, and the others are stored', async () => {
  // a few dozen sentences each, so that the first is still being coded when the last arrives
  const text = (i: number): string => Array.from({ length: 40 }, (_, k) => `Russian officials promised ${i * 100 + k + 3} helicopters to Mali on Tuesday, the ministry said in Bamako.`).join(' ');
  const answers = await Promise.all(Array.from({ length: 14 }, (_, i) => post({ id: `burst-${i}`, text: text(i), date: '2024-05-14' })));
  const statuses = answers.map((res) => res.status);
  assert.ok(statuses.includes(503), `some writes are refused: ${statuses.join(' ')}`);
  assert.equal(statuses.filter((s) => s === 201).length, 8, `eight writes are taken and stored: ${statuses.join(' ')}`);
  const busy = answers.find((res) => res.status === 503);
  assert.equal(busy?.headers.get('Retry-After'), '5');
  assert.equal(((await busy?.json()) as { error: { code: string } }).error.code, 'busy');
  assert.deepEqual(logged, [], 'a busy answer is not a server error');
});
