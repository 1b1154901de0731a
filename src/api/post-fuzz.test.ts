// API tests: random and mutated POST /api/articles bodies (seeded, bounded) — every answer a 200/201 or a JSON 4xx, never a 500, nothing logged.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createCoderSync } from '../coder/create-coder.js';
import { sampleStore, type TestStore } from './api-fixtures.js';
import { createApp } from './create-app.js';
import { errorSchema } from './schemas.js';
import { seededRandom } from '../parse/hash.js';

/** Requests: a tenth of the fuzz suite's FUZZ_N cases (default 10,000; see test/hostile-fuzz.test.ts), so 1,000. */
const N = Math.max(1, Math.floor(Number(process.env['FUZZ_N'] ?? 10_000) / 10));
const SEED = Number(process.env['FUZZ_SEED'] ?? 13);
const TOKEN = 'fuzz-token-0123';

let fixture: TestStore;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];
before(async () => {
  fixture = await sampleStore({ empty: true });
  app = createApp({ store: fixture.store, token: TOKEN, coder: createCoderSync(), uiDir: null, log: (line) => logged.push(line) });
});
after(async () => fixture.dispose());

/** A small deterministic generator (mulberry32), so a run can be replayed from its seed. */
const random = seededRandom;

const SAMPLES = readdirSync('samples/articles').sort().map((name) => readFileSync(`samples/articles/${name}`, 'utf8'));
const TYPES = ['application/json', 'application/x-ndjson', 'text/plain', 'text/html', 'application/octet-stream', '', 'text/html; charset=utf-16', 'multipart/form-data'];
const VALUES: unknown[] = [null, 0, -1, Number.MAX_VALUE, '', ' ', 'yesterday', '2024-02-30', '2024-05-14', [], {}, true, 'x'.repeat(5000), '\u0000', '\ud800', '<script>'];

function pick<T>(list: readonly T[], rand: () => number): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function body(rand: () => number): string {
  const text = pick(SAMPLES, rand);
  // a piece of up to 800 characters (most bodies are a few sentences: coding costs by the sentence)
  const cut = (s: string): string => {
    const start = rand() < 0.3 ? 0 : Math.floor(rand() * s.length);
    return s.slice(start, start + Math.floor(rand() * Math.min(800, s.length - start)));
  };
  const record = (): Record<string, unknown> => {
    const r: Record<string, unknown> = { text: rand() < 0.8 ? cut(text) : pick(VALUES, rand) };
    for (const field of ['id', 'date', 'title', 'url', 'source', 'html']) if (rand() < 0.3) r[field] = pick(VALUES, rand);
    return r;
  };
  switch (Math.floor(rand() * 7)) {
    case 0: return JSON.stringify(record());
    case 1: return JSON.stringify(Array.from({ length: Math.floor(rand() * 5) }, record));
    case 2: return Array.from({ length: 1 + Math.floor(rand() * 4) }, () => JSON.stringify(record())).join('\n');
    case 3: return cut(JSON.stringify(record()));
    case 4: return `<html><body>${'<div>'.repeat(Math.floor(rand() * 500))}<p>${cut(text)}</p></body></html>`;
    case 5: return String.fromCharCode(...Array.from({ length: Math.floor(rand() * 500) }, () => Math.floor(rand() * 0xffff)));
    default: return cut(text);
  }
}

test(`POST fuzz: ${N} random and mutated bodies (seed ${SEED}) answer 200/201 or a JSON 4xx, never a 500`, async (t) => {
  const rand = random(SEED);
  const statuses = new Map<number, number>();
  let slowest = 0;
  for (let i = 0; i < N; i++) {
    const type = pick(TYPES, rand);
    const started = performance.now();
    const res = await app.request('/api/articles', {
      method: 'POST', body: body(rand), headers: { Authorization: `Bearer ${TOKEN}`, ...(type === '' ? {} : { 'Content-Type': type }) },
    });
    const text = await res.text();
    slowest = Math.max(slowest, performance.now() - started);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    assert.ok([200, 201, 400, 413, 415].includes(res.status), `case ${i} (seed ${SEED}) → ${res.status} ${text.slice(0, 300)}`);
    if (res.status >= 400) errorSchema.parse(JSON.parse(text));
  }
  // figures, not assertions: speed belongs to benches
  t.diagnostic(`answers ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; slowest request ${Math.round(slowest)} ms`);
  assert.deepEqual(logged, [], 'no server error was logged');
  assert.ok((statuses.get(201) ?? 0) > 0 && (statuses.get(400) ?? 0) > 0, `both kinds of answer: ${JSON.stringify(Object.fromEntries(statuses))}`);
});
