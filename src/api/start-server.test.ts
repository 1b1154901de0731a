// API tests: a real server on a random loopback port with a real database — reading, writing with the token, and the host guard.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createCoderSync } from '../coder/create-coder.js';
import { sampleStore, type TestStore } from './api-fixtures.js';
import { reportPageSchema, postArticlesSchema, statsSchema } from './schemas.js';
import { startServer, type RunningServer } from './start-server.js';

const TOKEN = 'tok-' + 'x'.repeat(20);
let fixture: TestStore;
let running: RunningServer;

before(async () => {
  fixture = await sampleStore();
  running = await startServer({ store: fixture.store, port: 0, token: TOKEN, coder: createCoderSync(), uiDir: null, log: () => {} });
});
after(async () => {
  await running.close();
  await fixture.dispose();
});

/** A raw request with a chosen Host header (fetch does not let one set it). */
function withHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: running.port, path, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startServer', () => {
  it('listens on a random loopback port', () => {
    assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(running.port, 0);
  });

  it('answers the API over the socket', async () => {
    const page = reportPageSchema.parse(await (await fetch(`${running.url}/api/events?level=reports&source=TUR`)).json());
    assert.deepEqual(page.reports.map((e) => e.id), ['boats-2020.txt:0:1']);
    const csv = await fetch(`${running.url}/api/events?level=reports&format=csv`);
    assert.equal((await csv.text()).trimEnd().split('\n').length, 11);
  });

  it('refuses writing without the token and stores nothing, then writes with it', async () => {
    const body = JSON.stringify({ id: 'socket-1', text: 'Iraq asked Russia to supply attack helicopters.', date: '2022-02-01' });
    const refused = await fetch(`${running.url}/api/articles`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    assert.equal(refused.status, 401);
    const wrong = await fetch(`${running.url}/api/articles`, { method: 'POST', body, headers: { Authorization: 'Bearer nope' } });
    assert.equal(wrong.status, 401);
    assert.equal(statsSchema.parse(await (await fetch(`${running.url}/api/stats`)).json()).reports, 10);
    const ok = await fetch(`${running.url}/api/articles`, { method: 'POST', body, headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(ok.status, 201);
    const coded = postArticlesSchema.parse(await ok.json());
    assert.equal(coded.articles[0]?.events[0]?.cameo.slice(0, 2), '02');
    const stats = statsSchema.parse(await (await fetch(`${running.url}/api/stats`)).json());
    assert.equal(stats.reports, 11);
    assert.equal(stats.events, (await fixture.store.clusters({}, { limit: 1000 })).length, 'a post links the store: its events are counted');
  });

  it('answers only to loopback host names (DNS rebinding guard)', async () => {
    assert.equal(await withHost('/api/health', `127.0.0.1:${running.port}`), 200);
    assert.equal(await withHost('/api/health', `localhost:${running.port}`), 200);
    assert.equal(await withHost('/api/health', 'evil.example'), 403);
  });

  it('rejects when the port is taken', async () => {
    await assert.rejects(startServer({ store: fixture.store, port: running.port, uiDir: null }), /EADDRINUSE/);
  });
});
