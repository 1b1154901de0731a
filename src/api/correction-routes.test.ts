// API tests: the corrections routes — writes need the token; every read route and the export answer with corrections applied; a log exported imports once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DELIVERY, sampleStore, type TestStore } from './api-fixtures.js';
import { createApp } from './create-app.js';
import { correctionImportSchema, correctionLogSchema, correctionMadeSchema } from './correction-schemas.js';

const TOKEN = 'correct-horse-battery';
const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
const T1 = 'boats-2020.txt:0:1';
const SECOND = 'rifles-wire-2020.txt:1:1';

let fixture: TestStore;
let app: ReturnType<typeof createApp>;

before(async () => {
  fixture = await sampleStore({ linked: true });
  app = createApp({ store: fixture.store, token: TOKEN, uiDir: null, log: (line) => assert.fail(line) });
});
after(async () => fixture.dispose());

async function post(body: unknown, headers: Record<string, string> = auth): Promise<Response> {
  return app.request('/api/corrections', { method: 'POST', headers, body: JSON.stringify(body) });
}

async function correct(body: Record<string, unknown>): Promise<string> {
  const res = await post({ by: 'ana', reason: 'checked', ...body });
  assert.equal(res.status, 201, await res.clone().text());
  return correctionMadeSchema.parse(await res.json()).correction.id;
}

/** Ids listed by GET /api/events: events (`c-…`) with `level=events`, else reports (`level=reports`). */
async function eventIds(query: string): Promise<string[]> {
  const params = new URLSearchParams(query);
  if (!params.has('level')) params.set('level', 'reports');
  const res = await app.request(`/api/events?${params.toString()}`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as { events?: { id: string }[]; reports?: { id: string }[] };
  return (body.reports ?? body.events ?? []).map((e) => e.id);
}

describe('corrections API', () => {
  it('refuses writes without the token, with a wrong one, and when writing is off', async () => {
    assert.equal((await post({ kind: 'reject', id: `c-${T1}`, by: 'x' }, { 'Content-Type': 'application/json' })).status, 401);
    assert.equal((await post({ kind: 'reject', id: `c-${T1}`, by: 'x' }, { ...auth, Authorization: 'Bearer wrong-token-here' })).status, 401);
    const readOnly = createApp({ store: fixture.store, uiDir: null });
    const res = await readOnly.request('/api/corrections', { method: 'POST', headers: auth, body: '{}' });
    assert.equal(res.status, 401);
    assert.equal((await app.request('/api/corrections/k-0000000000000000?by=x', { method: 'DELETE' })).status, 401);
    assert.equal((await app.request('/api/corrections/import', { method: 'POST', body: '' })).status, 401);
    assert.equal(correctionLogSchema.parse(await (await app.request('/api/corrections')).json()).total, 0);
  });

  it('answers a malformed correction 400 and an unknown id 404, and stores neither', async () => {
    assert.equal((await post({ kind: 'reject', id: `c-${T1}` })).status, 400, 'who is missing');
    assert.equal((await post({ kind: 'scold', id: `c-${T1}`, by: 'x' })).status, 400);
    assert.equal((await post({ kind: 'edit', id: T1, by: 'x', set: { cameo: '9999' } })).status, 400);
    assert.equal((await post({ kind: 'reject', id: 'c-nothing', by: 'x' })).status, 404);
    assert.equal((await app.request('/api/corrections', { method: 'POST', headers: auth, body: 'not json' })).status, 400);
    assert.equal(correctionLogSchema.parse(await (await app.request('/api/corrections')).json()).total, 0);
  });

  it('rejects an event: lists, counts, the event page and the export leave it out; a revert brings it back', async () => {
    const before = (await (await app.request('/api/stats')).json()) as { events: number };
    const id = await correct({ kind: 'reject', id: `c-${T1}` });
    assert.equal((await eventIds('level=events&limit=100')).includes(`c-${T1}`), false);
    assert.equal((await eventIds('limit=100')).includes(T1), false);
    assert.equal((await app.request(`/api/clusters/c-${T1}`)).status, 404);
    assert.equal(((await (await app.request('/api/stats')).json()) as { events: number }).events, before.events - 1);
    const csv = await (await app.request('/api/export?as=csv')).text();
    assert.equal(csv.includes('Turkey'), false);
    const revert = await app.request(`/api/corrections/${id}?by=ana&reason=${encodeURIComponent('it was right')}`, { method: 'DELETE', headers: auth });
    assert.equal(revert.status, 201);
    assert.equal((await eventIds('limit=100')).includes(T1), true);
    assert.equal((await app.request(`/api/clusters/c-${T1}`)).status, 200);
  });

  it('edits actors and status, and splits a report out of an event; the log names them per event', async () => {
    await correct({ kind: 'edit', id: `c-${T1}`, set: { source: { code: 'GRC', name: 'Greece' }, status: 'pledged' } });
    assert.deepEqual(await eventIds('source=GRC'), [T1]);
    const named = correctionMadeSchema.parse(await (await post({ kind: 'edit', id: `c-${T1}`, by: 'ana', set: { target: { code: 'FRA' } } })).json());
    assert.deepEqual(named.correction.after?.target, { code: 'FRA', country: 'FRA', name: 'France', sector: null }, 'a country code takes the country\'s name');
    await app.request(`/api/corrections/${named.correction.id}?by=ana`, { method: 'DELETE', headers: auth });
    assert.deepEqual(await eventIds('source=GRC&level=events'), [`c-${T1}`]);
    const actors = (await (await app.request('/api/actors?limit=100')).json()) as { actors: { code: string }[] };
    assert.ok(actors.actors.some((a) => a.code === 'GRC'));
    const delivery = (await (await app.request(`/api/clusters/c-${DELIVERY}`)).json()) as { cluster: { mentionIds: string[] } };
    assert.deepEqual(delivery.cluster.mentionIds.sort(), [DELIVERY, SECOND].sort());
    await correct({ kind: 'split', id: `c-${DELIVERY}`, reports: [SECOND] });
    const split = (await (await app.request(`/api/clusters/c-${DELIVERY}`)).json()) as { cluster: { mentionIds: string[] } };
    assert.deepEqual(split.cluster.mentionIds, [DELIVERY]);
    assert.equal((await app.request(`/api/clusters/c-${SECOND}`)).status, 200);
    const log = correctionLogSchema.parse(await (await app.request(`/api/corrections?event=c-${T1}`)).json());
    assert.deepEqual(log.corrections.map((c) => c.kind), ['reject', 'revert', 'edit', 'edit', 'revert']);
    assert.deepEqual(log.corrections[2]?.before, { source: { code: 'TUR', country: 'TUR', name: 'Turkey', sector: null }, status: 'delivered' });
  });

  it('downloads the log as JSON Lines, which another server imports once', async () => {
    const res = await app.request('/api/corrections?format=jsonl');
    assert.equal(res.headers.get('Content-Type'), 'application/x-ndjson; charset=utf-8');
    const file = await res.text();
    assert.equal(file.trim().split('\n').length, 6);
    const other = await sampleStore({ linked: true });
    try {
      const second = createApp({ store: other.store, token: TOKEN, uiDir: null });
      const importFile = async (): Promise<{ added: number; total: number }> => {
        const answer = await second.request('/api/corrections/import', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/x-ndjson' }, body: file });
        assert.equal(answer.status, 200);
        return correctionImportSchema.parse(await answer.json());
      };
      assert.deepEqual(await importFile(), { added: 6, total: 6 });
      assert.deepEqual(await importFile(), { added: 0, total: 6 });
      const [a, b] = await Promise.all([app, second].map(async (x) => (await x.request('/api/events?level=events&limit=100')).json()));
      assert.deepEqual(a, b);
      const bad = await second.request('/api/corrections/import', { method: 'POST', headers: auth, body: `${file}{"kind":"reject"}\n` });
      assert.equal(bad.status, 400);
      assert.match(((await bad.json()) as { error: { message: string } }).error.message, /:7:/);
    } finally {
      await other.dispose();
    }
  });
});
