// API tests: GET /api/threads (filters, paging, count) and GET /api/threads/:id (steps in order with their evidence) on a clustered, threaded store.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { DELIVERY, useLinkedSampleApp } from './api-fixtures.js';
import { errorSchema, threadDetailSchema, threadsSchema } from './schemas.js';

const api = useLinkedSampleApp();
const { getJson } = api;

const pairs = (answer: z.infer<typeof threadsSchema>): string[] => answer.threads.map((t) => `${t.supplier}>${t.recipient}:${t.status}`);

describe('GET /api/threads', () => {
  const cases: [string, string[]][] = [
    ['', ['NATO>IRQ:open', 'CHN>IRQ:partly-fulfilled', 'TUR>IRQ:fulfilled']],
    ['party=chn', ['CHN>IRQ:partly-fulfilled']],
    ['party=IRQ&status=fulfilled', ['TUR>IRQ:fulfilled']],
    ['kind=patrol-boat', ['TUR>IRQ:fulfilled']],
    ['kind=military', ['NATO>IRQ:open', 'CHN>IRQ:partly-fulfilled', 'TUR>IRQ:fulfilled']],
    ['kind=economic', []],
    ['since=2021', ['NATO>IRQ:open']],
    ['until=2019-12', ['CHN>IRQ:partly-fulfilled']],
    ['party=USA', []],
  ];
  for (const [query, expected] of cases) {
    it(query === '' ? 'lists every thread, latest step first' : query, async () => {
      const answer = await getJson(`/api/threads?${query}`, threadsSchema);
      assert.deepEqual(pairs(answer), expected);
      assert.equal(answer.total, expected.length);
    });
  }
  it('pages with limit and offset, the total counting every match', async () => {
    const page = await getJson('/api/threads?limit=1&offset=1', threadsSchema);
    assert.deepEqual(pairs(page), ['CHN>IRQ:partly-fulfilled']);
    assert.equal(page.total, 3);
  });
  it('gives a long thread\'s first two and latest steps, with the counts', async () => {
    const [china] = (await getJson('/api/threads?party=CHN&steps=3', threadsSchema)).threads;
    assert.deepEqual(china?.steps.map((s) => s.order), [0, 1, 3]);
    assert.equal(china?.stepCount, 4);
    assert.equal(china?.relatedCount, china?.related.length);
    const full = (await getJson('/api/threads?party=CHN', threadsSchema)).threads[0];
    assert.deepEqual(full?.steps.map((s) => s.order), [0, 1, 2, 3]);
  });
  it('refuses malformed filters by name', async () => {
    const bad: [string, RegExp][] = [
      ['status=done', /status/], ['since=2020-13', /since/], ['since=2021&until=2019', /since.*after/], ['party=C%20N', /party/],
      ['kind=Patrol%20boat', /kind/], ['limit=0', /limit/], ['offset=-1', /offset/], ['steps=1', /steps/], ['source=CHN', /unknown parameter "source"/],
    ];
    for (const [query, message] of bad) assert.match((await getJson(`/api/threads?${query}`, errorSchema, 400)).error.message, message, query);
  });
});

describe('GET /api/threads/:id', () => {
  it('gives the steps in order, each with its event and its evidence reports', async () => {
    const { threads } = await getJson('/api/threads?party=CHN', threadsSchema);
    const id = threads[0]?.id ?? '';
    const detail = await getJson(`/api/threads/${id}`, threadDetailSchema);
    assert.equal(detail.thread.id, id);
    assert.deepEqual(detail.steps.map((s) => s.step.role), ['request', 'offer', 'request', 'delivery']);
    assert.deepEqual(detail.steps.map((s) => s.step.order), [0, 1, 2, 3]);
    for (const { step, event, reports } of detail.steps) {
      assert.equal(event?.id, step.cluster);
      assert.deepEqual(reports.map((m) => m.report.id).sort(), [...step.evidence].sort());
      assert.equal(reports[0]?.report.id, step.lead, 'the strongest report first');
      for (const m of reports) assert.equal(m.article?.id, m.report.doc);
    }
    assert.deepEqual(threads[0]?.steps.map((s) => s.lead), detail.steps.map((s) => s.step.lead), 'a list names the lead its step shows first');
    const delivery = detail.steps[3];
    assert.deepEqual(delivery?.reports.map((m) => [m.report.id, m.article?.source]), [[DELIVERY, 'Gulf Ledger'], ['rifles-wire-2020.txt:1:1', 'Euphrates Wire']]);
    // Third parties' help to the same recipient, with their own evidence.
    assert.deepEqual(detail.related.map((r) => r.step.supplier), detail.thread.related.map((r) => r.supplier));
    for (const { step, event, reports } of detail.related) {
      assert.notEqual(step.supplier, 'CHN');
      assert.equal(event?.id, step.cluster);
      assert.deepEqual(reports.map((m) => m.report.id).sort(), [...step.evidence].sort());
    }
  });
  it('pages the steps of a thread', async () => {
    const { threads } = await getJson('/api/threads?party=CHN', threadsSchema);
    const page = await getJson(`/api/threads/${threads[0]?.id ?? ''}?offset=1&limit=2`, threadDetailSchema);
    assert.deepEqual(page.steps.map((s) => s.step.order), [1, 2]);
    assert.equal(page.thread.stepCount, 4);
    await getJson(`/api/threads/${threads[0]?.id ?? ''}?limit=0`, errorSchema, 400);
  });
  it('answers 404 for an unknown thread', async () => {
    assert.equal((await getJson('/api/threads/t-nothing', errorSchema, 404)).error.code, 'not_found');
  });
});
