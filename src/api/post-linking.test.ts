// API tests: POST /api/articles links what it stores as `dyad ingest` does — reports of one happening join one event, a request and its delivery one thread, whatever requests run at once.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { z } from 'zod';
import { createCoderSync } from '../coder/create-coder.js';
import { ingestArticles } from '../pipeline/ingest-articles.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { sampleStore, type TestStore } from './api-fixtures.js';
import { createApp } from './create-app.js';
import { eventDetailSchema, eventPageSchema, postArticlesSchema, threadsSchema } from './schemas.js';
import { DELIVERY_2021, HELICOPTERS, HELICOPTERS_RECEIVED, HELICOPTERS_RETOLD, PATROL_BOATS_MOZAMBIQUE, REQUEST_2019, TERMS_2020, TURKISH_BOATS_2020, syndicated } from '../../test/fixtures/linking-stories.js';

const TOKEN = 'link-token-0123';
const coder = createCoderSync();

/** Our own text: two outlets' reports of one delivery, a request it answered, and unrelated happenings. */
const HELICOPTERS_SAHEL = { id: 'sahel-courier', source: 'Sahel Courier', date: '2022-05-05',
  text: HELICOPTERS };
const HELICOPTERS_BAMAKO = { id: 'bamako-post', source: 'Bamako Post', date: '2022-05-06',
  text: HELICOPTERS_RETOLD };
const REQUEST = { id: 'baghdad-times-2019', source: 'Baghdad Times', date: '2019-09-23',
  text: REQUEST_2019 };
const DELIVERY = { id: 'baghdad-times-2021', source: 'Baghdad Times', date: '2021-03-04',
  text: DELIVERY_2021 };
const OTHERS = [
  { id: 'desert-ledger', source: 'Desert Ledger', date: '2022-05-07',
    text: HELICOPTERS_RECEIVED },
  { id: 'indian-ocean-0406', source: 'Indian Ocean Daily', date: '2022-04-06',
    text: PATROL_BOATS_MOZAMBIQUE },
  { id: 'gulf-observer-2020', source: 'Gulf Observer', date: '2020-07-03',
    text: TERMS_2020 },
  { id: 'anatolia-notes-2020', source: 'Anatolia Notes', date: '2020-09-11',
    text: TURKISH_BOATS_2020 },
];

let fixture: TestStore;
let app: ReturnType<typeof createApp>;
let logged: string[];

beforeEach(async () => {
  fixture = await sampleStore({ empty: true });
  logged = [];
  app = createApp({ store: fixture.store, token: TOKEN, coder, uiDir: null, log: (line) => logged.push(line) });
});
afterEach(async () => {
  assert.deepEqual(logged, [], 'no server error was logged');
  await fixture.dispose();
});

/** Posts one body in its own request; asserts it was stored. */
async function post(article: object): Promise<z.infer<typeof postArticlesSchema>> {
  const res = await app.request('/api/articles', {
    method: 'POST', body: JSON.stringify(article), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
  });
  const body: unknown = await res.json();
  assert.equal(res.status, 201, JSON.stringify(body));
  return postArticlesSchema.parse(body);
}

async function getJson<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  const res = await app.request(path);
  const body: unknown = await res.json();
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(body)}`);
  return schema.parse(body);
}

describe('POST /api/articles links into events and threads', () => {
  it('gives one happening with both reports when two outlets\' reports come in two requests at once', async () => {
    await Promise.all([post(HELICOPTERS_SAHEL), post(HELICOPTERS_BAMAKO)]);
    const { events } = await getJson('/api/events?source=RUS', eventPageSchema);
    const deliveries = events.filter((c) => c.root === '07');
    assert.equal(deliveries.length, 1, JSON.stringify(events));
    const [happening] = deliveries;
    assert.equal(happening?.target, 'MLI');
    assert.deepEqual([happening?.mentionCount, happening?.independentSources], [2, 2]);
    assert.deepEqual(happening?.outlets, ['Bamako Post', 'Sahel Courier']);

    const detail = await getJson(`/api/events/${happening?.id ?? ''}`, eventDetailSchema);
    assert.equal(detail.event.id, happening?.id);
    assert.deepEqual(detail.reports.map((m) => m.article?.id).sort(), ['bamako-post', 'sahel-courier']);
  });

  it('shows a request and the delivery that answered it, posted apart, as one thread', async () => {
    assert.deepEqual((await getJson('/api/threads', threadsSchema)).threads, []);
    await post(REQUEST);
    await post(DELIVERY);
    const { threads } = await getJson('/api/threads?party=IRQ', threadsSchema);
    assert.equal(threads.length, 1, JSON.stringify(threads));
    const [thread] = threads;
    assert.deepEqual([thread?.supplier, thread?.recipient], ['CHN', 'IRQ']);
    assert.deepEqual(thread?.steps.map((s) => s.role), ['request', 'delivery']);
  });

  it('stores a syndicated copy of a posted article linked to it, not as another report', async () => {
    await post(HELICOPTERS_SAHEL);
    const copy = { ...HELICOPTERS_SAHEL, id: 'wire-echo', source: 'Wire Echo', text: `${HELICOPTERS_SAHEL.text} (Distributed by Wire Echo.)` };
    const answer = await post(copy);
    assert.deepEqual(answer.articles.map((a) => [a.id, a.new, a.events.length]), [['wire-echo', true, 0]]);
    const { events } = await getJson('/api/events?source=RUS', eventPageSchema);
    assert.deepEqual(events.filter((c) => c.root === '07').map((c) => c.mentionCount), [1]);
  });

  it('writes and links one request at a time, whatever requests run at once', async () => {
    // the served store, watched: which writes happen in what order (methods bound to the store, which has private fields)
    const calls: string[] = [];
    const watched = ['putArticle', 'applyClusterChange', 'putThreads'];
    const store = new Proxy(fixture.store, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        const method = (value as (...args: unknown[]) => unknown).bind(target);
        return watched.includes(String(name)) ? (...args: unknown[]) => { calls.push(String(name)); return method(...args); } : method;
      },
    });
    const watchedApp = createApp({ store, token: TOKEN, coder, uiDir: null, log: (line) => logged.push(line) });
    const three = [HELICOPTERS_SAHEL, REQUEST, OTHERS[1]];
    const answers = await Promise.all(three.map((article) => watchedApp.request('/api/articles', {
      method: 'POST', body: JSON.stringify(article), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    })));
    assert.deepEqual(answers.map((res) => res.status), [201, 201, 201]);
    // each request stores its article, then its mentions join clusters and threads are rebuilt, before the next one writes
    assert.deepEqual(calls, three.flatMap(() => watched));
  });

  it('ends, with every article posted in a request of its own at once, with the events and threads of one ingest of them', async () => {
    const all = [HELICOPTERS_SAHEL, HELICOPTERS_BAMAKO, REQUEST, DELIVERY, ...OTHERS];
    await Promise.all(all.map((article) => post(article)));

    // a second store beside the served one (its folder goes with the fixture)
    const input = join(fixture.dir, 'all.jsonl');
    writeFileSync(input, all.map((a) => JSON.stringify(a)).join('\n') + '\n');
    const ingested = await openSqliteStore(join(fixture.dir, 'ingested.db'));
    try {
      await ingestArticles([input], { store: ingested, coder });
      const linked = async (store: Store) => ({
        clusters: await store.clusters({}, { sort: 'id', limit: 1000 }), threads: await store.threads(),
      });
      const expected = await linked(ingested);
      assert.ok(expected.threads.length >= 2, 'the articles make threads');
      assert.deepEqual(await linked(fixture.store), expected);
    } finally {
      await ingested.close();
    }
  });
});

describe('POST /api/articles beside other writers', () => {
  it('answers 409 (E601) while another process writes the store, then links a copy of what that process stored', async () => {
    await post(HELICOPTERS_BAMAKO); // the server's linker is now seeded and kept
    const other = await openSqliteStore(join(fixture.dir, 'dyad.db'));
    const lock = await other.acquireWriter();
    const busy = await app.request('/api/articles', {
      method: 'POST', body: JSON.stringify(DELIVERY), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(busy.status, 409);
    assert.equal(((await busy.json()) as { error: { code: string } }).error.code, 'E601');
    await lock.release();
    // the other process ingests an article; a syndicated copy posted after it is linked, not coded again
    const input = join(fixture.dir, 'other.jsonl');
    writeFileSync(input, JSON.stringify(HELICOPTERS_SAHEL) + '\n');
    await ingestArticles([input], { store: other, coder });
    await other.close();
    assert.equal((await app.request('/api/articles/sahel-courier')).status, 200, 'what another process stored is served at once');
    const copy = { id: 'wire-echo', source: 'Wire Echo', date: '2022-05-05', text: syndicated('Wire Echo') };
    const posted = await post(copy);
    assert.deepEqual(posted.articles.map((a) => [a.id, a.new, a.events.length]), [['wire-echo', true, 0]]);
    assert.equal((await fixture.store.getArticle('wire-echo'))?.nearDuplicateOf, 'sahel-courier');
  });
});
