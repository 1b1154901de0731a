// API tests: POST /api/articles — the token guards writing; bodies as one article, an array, JSON Lines, plain text; what was coded comes back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCoderSync } from '../coder/create-coder.js';
import { sampleStore, type TestStore } from './api-fixtures.js';
import { authorized } from './article-routes.js';
import { createApp } from './create-app.js';
import { errorSchema, postArticlesSchema, statsSchema } from './schemas.js';

const TOKEN = 's3cret-token';
const coder = createCoderSync();
let fixture: TestStore;
let app: ReturnType<typeof createApp>;

before(async () => {
  fixture = await sampleStore({ empty: true });
  app = createApp({ store: fixture.store, token: TOKEN, coder, uiDir: null, log: () => {} });
});
after(async () => fixture.dispose());

const post = (body: string, headers: Record<string, string> = {}): Promise<Response> =>
  Promise.resolve(app.request('/api/articles', { method: 'POST', body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers } }));

async function events(): Promise<number> {
  return statsSchema.parse(await (await app.request('/api/stats')).json()).events;
}

describe('authorized', () => {
  const cases: [string | undefined, string | null, boolean][] = [
    [`Bearer ${TOKEN}`, TOKEN, true],
    [`bearer ${TOKEN}`, TOKEN, true],
    [`Bearer ${TOKEN}x`, TOKEN, false],
    [`Basic ${TOKEN}`, TOKEN, false],
    ['Bearer', TOKEN, false],
    [undefined, TOKEN, false],
    [`Bearer ${TOKEN}`, null, false],
    ['Bearer ', '', false],
  ];
  for (const [header, token, expected] of cases) {
    it(`${String(header)} vs ${String(token)} → ${expected}`, () => assert.equal(authorized(header, token), expected));
  }
});

describe('POST /api/articles auth', () => {
  const article = JSON.stringify({ id: 'auth-1', text: 'China delivered 20 thousand rifles to the Iraqi army.', date: '2021-05-03' });
  const cases: [string, Record<string, string>][] = [
    ['no Authorization header', { Authorization: '' }],
    ['a wrong token', { Authorization: 'Bearer wrong' }],
    ['a token of another scheme', { Authorization: `Basic ${TOKEN}` }],
  ];
  for (const [name, headers] of cases) {
    it(`401 and nothing stored with ${name}`, async () => {
      const res = await post(article, headers);
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer');
      errorSchema.parse(await res.json());
      assert.equal(await events(), 0);
      assert.equal(await fixture.store.getArticle('auth-1'), null);
    });
  }
  it('401 when the server has no token at all', async () => {
    const readOnly = createApp({ store: fixture.store, uiDir: null, coder });
    const res = await readOnly.request('/api/articles', { method: 'POST', body: article, headers: { Authorization: 'Bearer ' } });
    assert.equal(res.status, 401);
    assert.match((errorSchema.parse(await res.json())).error.message, /writing is off/);
    assert.equal(await fixture.store.getArticle('auth-1'), null);
  });
  it('405/404 for other methods on the article routes', async () => {
    const res = await app.request('/api/articles', { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.ok(res.status === 404 || res.status === 405);
  });
});

describe('POST /api/articles bodies', () => {
  it('codes and stores one article, and answers with its events', async () => {
    const res = await post(JSON.stringify({ id: 'one', text: 'China delivered 20 thousand rifles to the Iraqi army in Baghdad.', date: '2021-05-03', title: 'Rifles' }));
    assert.equal(res.status, 201);
    const body = postArticlesSchema.parse(await res.json());
    assert.equal(body.articles.length, 1);
    assert.equal(body.articles[0]?.id, 'one');
    assert.equal(body.articles[0]?.new, true);
    assert.deepEqual(body.articles[0]?.events.map((e) => [e.source.code, e.target?.code, e.cameo]), [['CHN', 'IRQMIL', '072']]);
    assert.equal((await fixture.store.getArticle('one'))?.title, 'Rifles');
  });
  it('is idempotent: the same text again is not new and gives the stored events', async () => {
    const res = await post(JSON.stringify({ id: 'one-again', text: 'China delivered 20 thousand rifles to the Iraqi army in Baghdad.' }));
    assert.equal(res.status, 200);
    const body = postArticlesSchema.parse(await res.json());
    assert.deepEqual(body.articles.map((a) => [a.id, a.new, a.events.length]), [['one', false, 1]]);
  });
  it('takes an array and JSON Lines, giving ids from content when absent and problems for bad records', async () => {
    const array = await post(JSON.stringify([{ text: 'Iraq asked Russia to supply attack helicopters.' }, { title: 'no text' }]));
    const a = postArticlesSchema.parse(await array.json());
    assert.equal(a.articles.length, 1);
    assert.match(a.articles[0]?.id ?? '', /^api-[0-9a-f]{16}$/);
    assert.deepEqual(a.problems.map((p) => [p.code, p.line]), [['E105', 2]]);
    const lines = ['{"id":"l1","text":"Turkey attacked Kurdish rebels."}', 'not json', '{"id":"l2","text":"Iran condemned the strike."}'].join('\n');
    const jsonl = postArticlesSchema.parse(await (await post(lines, { 'Content-Type': 'application/x-ndjson' })).json());
    assert.deepEqual(jsonl.articles.map((x) => x.id), ['l1', 'l2']);
    assert.deepEqual(jsonl.problems.map((p) => [p.code, p.line]), [['E104', 2]]);
  });
  it('takes a plain-text article', async () => {
    const res = await post('Rifles for Iraq\n\nChina delivered 500 rifles to Iraq on Monday.', { 'Content-Type': 'text/plain' });
    const body = postArticlesSchema.parse(await res.json());
    const stored = await fixture.store.getArticle(body.articles[0]?.id ?? '');
    assert.equal(stored?.title, 'Rifles for Iraq');
  });
  it('answers 400 when nothing in the body is an article', async () => {
    for (const body of ['', '{"title":"x"}', 'garbage', '[]']) {
      const before = await events();
      const res = await post(body);
      assert.equal(res.status, 400, body);
      errorSchema.parse(await res.json());
      assert.equal(await events(), before);
    }
  });
  it('reports an id taken by other content as a problem and stores the rest', async () => {
    const res = await post(JSON.stringify([{ id: 'one', text: 'Different words about Iran.' }, { id: 'fresh', text: 'Egypt hosted talks with Sudan.' }]));
    const body = postArticlesSchema.parse(await res.json());
    assert.deepEqual(body.articles.map((a) => a.id), ['fresh']);
    assert.deepEqual(body.problems.map((p) => [p.code, p.input]), [['E600', 'one']]);
  });
  it('answers with warnings for what it dropped: a date that is no calendar date, in a record or in page metadata', async () => {
    const res = await post(JSON.stringify({ id: 'bad-date', text: 'Egypt hosted talks with Sudan on the border.', date: '2024-02-30' }));
    assert.equal(res.status, 201);
    const body = postArticlesSchema.parse(await res.json());
    assert.deepEqual(body.articles.map((a) => a.id), ['bad-date']);
    assert.equal(body.warnings.length, 1);
    assert.match(body.warnings[0] ?? '', /^request:1: record "bad-date": "date" "2024-02-30" is not a calendar date; dropped/);
    assert.equal((await fixture.store.getArticle('bad-date'))?.date ?? null, null);
    const page = '<html><head><meta name="date" content="yesterday"></head><body><article><p>Jordan hosted talks between Syria and Turkey on water from the Euphrates on Monday.</p></article></body></html>';
    const html = postArticlesSchema.parse(await (await post(page, { 'Content-Type': 'text/html' })).json());
    assert.equal(html.articles.length, 1);
    assert.deepEqual(html.warnings, ['request: page metadata date "yesterday" is not a calendar date up to tomorrow; dropped (the date comes from the text or --date)']);
    const clean = postArticlesSchema.parse(await (await post(JSON.stringify({ id: 'good-date', text: 'Chad hosted talks with Niger.', date: '2024-02-29' }))).json());
    assert.deepEqual(clean.warnings, []);
  });
  it('answers 413 for a body over the limit', async () => {
    const res = await post(JSON.stringify({ text: 'x'.repeat(17 * 1024 * 1024) }));
    assert.equal(res.status, 413);
  });
});
