// API tests: random and hostile query strings (seeded, bounded) — every answer is a 200 or a JSON 400, never a 500, and the store is unchanged.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sampleStore, type TestStore } from './api-fixtures.js';
import { createApp } from './create-app.js';
import { errorSchema, statsSchema } from './schemas.js';

let fixture: TestStore;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

before(async () => {
  fixture = await sampleStore({ linked: true });
  app = createApp({ store: fixture.store, uiDir: null, log: (line) => logged.push(line) });
});
after(async () => fixture.dispose());

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTES = ['/api/events', '/api/actors', '/api/dyads', '/api/network', '/api/export', '/api/stats', '/api/health', '/api/events/x', '/api/articles/x',
  '/api/threads', '/api/threads/x', '/api/clusters/x'];
const NAMES = ['source', 'target', 'actor', 'code', 'root', 'quad', 'since', 'until', 'text', 'item', 'status', 'modality', 'doc',
  'sort', 'limit', 'cursor', 'format', 'q', 'by', 'level', 'as', 'offset', 'party', 'kind', '', 'constructor', '__proto__', 'toString', 'a b'];
const VALUES = ['', ' ', ',', ',,', 'CHN', 'chn,irq', '02*', '*', '0', '1', '4', '5', '-1', '1e3', '99999999999', 'NaN', 'Infinity',
  '2020', '2020-02-30', '2020-13', '0000-00-00', '9999-12-31', 'null', 'undefined', 'true', '[]', '{}', '%', '%zz', '%00', '%E2%82',
  '\u0000', '\uffff', '\ud800', '😀', 'ä', '"', "'", '`', '\\', '\n', '<script>', 'date', '-goldstein', 'csv', 'jsonl', 'json', 'gexf',
  'week', 'actor', 'requested', 'events', 'mentions', '-sources', 'open', 'fulfilled', 'military', 'patrol-boat', 'IRQ', 'negated',
  'x'.repeat(3000), 'NEAR(a b)', 'a OR b', 'a* NOT b', '"unclosed', '^a', 'a:b'];

const SQLI = [
  "' OR '1'='1", "'; DROP TABLE events; --", '1; DELETE FROM articles', "CHN' --", '" OR ""="', "') UNION SELECT * FROM articles --",
  '1 OR 1=1', "x'; UPDATE events SET quad=1; --", '%27%20OR%201%3D1', 'sqlite_master', "*/ OR 1=1 /*",
];

function encode(value: string, rand: () => number): string {
  // Sometimes send raw characters (including broken percent escapes), mostly well-encoded ones.
  return rand() < 0.2 ? value.replace(/[&#\s]/g, '') : encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
}

function pick<T>(list: readonly T[], rand: () => number): T {
  return list[Math.floor(rand() * list.length)] as T;
}

async function check(path: string): Promise<number> {
  const res = await app.request(path);
  const text = await res.text();
  assert.ok(res.status === 200 || res.status === 400 || res.status === 404 || res.status === 501, `${path} → ${res.status} ${text.slice(0, 200)}`);
  if (res.status !== 200 && !path.includes('format=csv') && !path.includes('format=jsonl')) errorSchema.parse(JSON.parse(text));
  return res.status;
}

/** Query strings: a fifth of the fuzz suite's FUZZ_N cases (default 10,000; see test/hostile-fuzz.test.ts), so 2,000. */
const N = Math.max(1, Math.floor(Number(process.env['FUZZ_N'] ?? 10_000) / 5));
const SEED = Number(process.env['FUZZ_SEED'] ?? 20240601);

describe('query fuzz', () => {
  it(`answers ${N} random query strings (seed ${SEED}) with 200/400, never 500`, async () => {
    const rand = random(SEED);
    const statuses = new Map<number, number>();
    const before = await fixture.store.stats();
    for (let i = 0; i < N; i++) {
      const route = pick(ROUTES, rand);
      const n = Math.floor(rand() * 4);
      const parts: string[] = [];
      for (let j = 0; j < n; j++) parts.push(`${encode(pick(NAMES, rand), rand)}=${encode(pick(VALUES, rand), rand)}`);
      const status = await check(`${route}?${parts.join('&')}`);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    assert.ok((statuses.get(200) ?? 0) > N / 40, 'some random queries are valid');
    assert.ok((statuses.get(400) ?? 0) > N / 4, 'most random queries are refused');
    assert.deepEqual(logged, [], 'no server error was logged');
    assert.deepEqual(await fixture.store.stats(), before);
  });

  it('treats SQL-looking values as plain values: 200 or 400, no effect', async () => {
    const before = await fixture.store.stats();
    for (const value of SQLI) {
      for (const name of ['source', 'code', 'text', 'item', 'doc', 'since', 'sort', 'cursor', 'q', 'status', 'by']) {
        const route = name === 'q' ? '/api/actors' : name === 'by' ? '/api/dyads' : '/api/events';
        const status = await check(`${route}?${name}=${encodeURIComponent(value)}`);
        if (name === 'code' || name === 'sort' || (name === 'source' && /[^\w-]/.test(value))) assert.equal(status, 400, `${name}=${value}`);
      }
      assert.equal(await check(`/api/events/${encodeURIComponent(value)}`), 404);
      assert.equal(await check(`/api/articles/${encodeURIComponent(value)}`), 404);
    }
    assert.deepEqual(await fixture.store.stats(), before);
    statsSchema.parse(await (await app.request('/api/stats')).json());
    const text = await app.request(`/api/events?text=${encodeURIComponent("' OR 1=1 --")}`);
    assert.equal(text.status, 200, 'search words are taken as words');
  });
});
