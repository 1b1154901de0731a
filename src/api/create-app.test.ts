// API tests: every route through app.request() on a real SQLite store — statuses, filters, paging, downloads, and every answer checked against its schema.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { z } from 'zod';
import { sampleStore, type TestStore } from './api-fixtures.js';
import { createApp } from './create-app.js';
import {
  actorsSchema, articleDetailSchema, dyadsSchema, errorSchema, eventPageSchema, eventSchema, healthSchema, mentionPageSchema,
  networkSchema, reportDetailSchema, reportPageSchema, statsSchema,
} from './schemas.js';

let fixture: TestStore;
let app: ReturnType<typeof createApp>;

before(async () => {
  fixture = await sampleStore();
  app = createApp({ store: fixture.store, uiDir: null, log: () => {} });
});
after(async () => fixture.dispose());

async function getJson<S extends z.ZodType>(path: string, schema: S, status = 200): Promise<z.infer<S>> {
  const res = await app.request(path);
  const body: unknown = await res.json();
  assert.equal(res.status, status, `${path}: ${JSON.stringify(body)}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  return schema.parse(body);
}

const ids = (page: { reports: { id: string }[] }): string[] => page.reports.map((e) => e.id);

describe('GET /api/events filters', () => {
  const cases: { query: string; expect: string[] }[] = [
    { query: 'source=CHN', expect: ['baghdad-2019.txt:1:2', 'baghdad-2019.txt:2:3', 'drones-2020.txt:1:2', 'drones-2020.txt:2:3'] },
    { query: 'source=CHN&target=IRQMIL', expect: ['drones-2020.txt:2:3'] },
    { query: 'actor=TUR', expect: ['boats-2020.txt:0:1', 'protest-2021.txt:0:1'] },
    { query: 'code=02*', expect: ['baghdad-2019.txt:0:1', 'drones-2020.txt:0:1'] },
    { query: 'code=072&code=145', expect: ['drones-2020.txt:2:3', 'boats-2020.txt:0:1', 'protest-2021.txt:0:1'] },
    { query: 'code=072,145', expect: ['drones-2020.txt:2:3', 'boats-2020.txt:0:1', 'protest-2021.txt:0:1'] },
    { query: 'root=14', expect: ['protest-2021.txt:0:1', 'protest-2021.txt:1:2'] },
    { query: 'quad=2', expect: ['drones-2020.txt:2:3', 'boats-2020.txt:0:1'] },
    { query: 'since=2021-01&until=2021-12', expect: ['protest-2021.txt:0:1', 'protest-2021.txt:2:3'] },
    { query: 'text=patrol%20boats', expect: ['boats-2020.txt:0:1'] },
    { query: 'item=rifles', expect: ['baghdad-2019.txt:0:1', 'drones-2020.txt:2:3'] },
    { query: 'status=delivered', expect: ['drones-2020.txt:2:3', 'boats-2020.txt:0:1'] },
    { query: 'modality=reported', expect: ['baghdad-2019.txt:1:2', 'protest-2021.txt:2:3'] },
    { query: 'doc=boats-2020.txt', expect: ['boats-2020.txt:0:1'] },
    { query: 'source=chn&status=requested,offered', expect: ['baghdad-2019.txt:1:2'] },
    { query: 'source=XYZ', expect: [] },
  ];
  for (const c of cases) {
    it(c.query, async () => {
      assert.deepEqual(ids(await getJson(`/api/events?level=reports&${c.query}`, reportPageSchema)), c.expect);
    });
  }

  it('sorts and pages with a cursor to the end', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: z.infer<typeof reportPageSchema> = await getJson(`/api/events?level=reports&sort=-goldstein&limit=3${cursor ? `&cursor=${cursor}` : ''}`, reportPageSchema);
      seen.push(...ids(page));
      cursor = page.next;
      pages++;
    } while (cursor !== null);
    assert.equal(pages, 4);
    assert.equal(seen.length, 10);
    const all = await getJson('/api/events?level=reports&sort=-goldstein&limit=100', reportPageSchema);
    assert.deepEqual(seen, ids(all));
    const scores = all.reports.map((e) => e.goldstein);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  });
});

describe('GET /api/events downloads', () => {
  it('streams every matching report as CSV with a file name', async () => {
    const res = await app.request('/api/events?level=reports&format=csv&quad=1');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="dyad-reports\.csv"/);
    const lines = (await res.text()).trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^id,doc,/);
    assert.equal(lines.length, 1 + 5);
  });
  it('streams JSON Lines that parse as reports, capped by limit when given', async () => {
    const res = await app.request('/api/events?level=reports&format=jsonl');
    const lines = (await res.text()).trimEnd().split('\n');
    assert.equal(lines.length, 10);
    for (const line of lines) eventSchema.parse(JSON.parse(line));
    const capped = await (await app.request('/api/events?level=reports&format=jsonl&limit=3')).text();
    assert.equal(capped.trimEnd().split('\n').length, 3);
  });
  it('gives an empty CSV (header only) when nothing matches', async () => {
    const text = await (await app.request('/api/events?level=reports&format=csv&source=XYZ')).text();
    assert.equal(text.trimEnd().split('\n').length, 1);
  });
  it('refuses a cursor with a download', async () => {
    await getJson('/api/events?level=reports&format=csv&cursor=abc', errorSchema, 400);
  });
});

describe('GET /api/reports/:id', () => {
  it('gives the report, its article, and itself as the one report of a store not clustered yet', async () => {
    const detail = await getJson('/api/reports/drones-2020.txt:2:3', reportDetailSchema);
    assert.equal(detail.report.cameo, '072');
    const article = { id: 'drones-2020.txt', title: 'Drones, rifles and terms', date: '2020-06-02', url: 'https://news.example/drones', source: 'Gulf Ledger', nearDuplicateOf: null };
    assert.deepEqual(detail.article, article);
    assert.equal(detail.event, null);
    assert.deepEqual(detail.reports, [{ report: detail.report, article }]);
  });
  it('finds the report within its article when given the doc, and not in another', async () => {
    const detail = await getJson('/api/reports/drones-2020.txt:2:3?doc=drones-2020.txt', reportDetailSchema);
    assert.equal(detail.report.id, 'drones-2020.txt:2:3');
    await getJson('/api/reports/drones-2020.txt:2:3?doc=boats-2020.txt', errorSchema, 404);
  });
  it('answers 404 for an unknown id', async () => {
    const body = await getJson('/api/reports/nope', errorSchema, 404);
    assert.equal(body.error.code, 'not_found');
    await getJson('/api/events/nope', errorSchema, 404);
  });
});

describe('GET /api/events levels', () => {
  it('lists events by default (none before the store is clustered), reports with level=reports', async () => {
    assert.deepEqual(await getJson('/api/events', eventPageSchema), { events: [], next: null });
    assert.equal((await getJson('/api/events?level=reports', reportPageSchema)).reports.length, 10);
  });
  it('keeps level=mentions working in its old shape, marked deprecated', async () => {
    const res = await app.request('/api/events?level=mentions&limit=2');
    assert.equal(res.headers.get('deprecation'), 'true');
    const old = mentionPageSchema.parse(await res.json());
    assert.deepEqual(old.events.map((e) => e.id), (await getJson('/api/events?level=reports&limit=2', reportPageSchema)).reports.map((e) => e.id));
  });
});

describe('GET /api/articles/:id', () => {
  it('gives the cleaned text and the events whose offsets point into it', async () => {
    const detail = await getJson('/api/articles/baghdad-2019.txt', articleDetailSchema);
    assert.equal(detail.article.title, 'Iraq seeks Chinese arms');
    assert.equal(detail.events.length, 3);
    for (const event of detail.events) {
      assert.equal(detail.article.text.slice(event.sentence.start, event.sentence.end), event.sentence.text);
      assert.equal(detail.article.text.slice(event.trigger.start, event.trigger.end), event.trigger.text);
      assert.equal(detail.article.text.slice(event.source.start, event.source.end), event.source.text);
    }
    assert.equal('hash' in detail.article, false);
  });
  it('gives a near-duplicate with no events, and 404 for an unknown id', async () => {
    const copy = await getJson('/api/articles/syndicated-2019.txt', articleDetailSchema);
    assert.equal(copy.article.nearDuplicateOf, 'baghdad-2019.txt');
    assert.deepEqual(copy.events, []);
    await getJson('/api/articles/missing.txt', errorSchema, 404);
  });
});

describe('GET /api/actors, /api/dyads, /api/network, /api/stats', () => {
  it('lists actors most frequent first, searchable by name or code', async () => {
    const all = await getJson('/api/actors', actorsSchema);
    const totals = all.actors.map((a) => a.total);
    assert.deepEqual(totals, [...totals].sort((a, b) => b - a));
    const found = await getJson('/api/actors?q=navy', actorsSchema);
    assert.deepEqual(found.actors.map((a) => a.name), ['Iraqi navy']);
    const limited = await getJson('/api/actors?limit=2&quad=1', actorsSchema);
    assert.equal(limited.actors.length, 2);
  });
  it('gives dyads by period and level', async () => {
    const byYear = await getJson('/api/dyads?by=year&source=CHN&target=IRQ', dyadsSchema);
    assert.deepEqual(byYear.dyads.map((d) => [d.period, d.count]), [['2019', 2], ['2020', 1]]);
    const actors = await getJson('/api/dyads?nodes=actor&by=month&source=TUR', dyadsSchema);
    assert.deepEqual(actors.dyads.map((d) => `${d.source}>${d.target}@${d.period}`), ['TUR>IRQMIL@2020']);
    assert.deepEqual(await getJson('/api/dyads?level=actor&by=month&source=TUR', dyadsSchema), actors, 'level is the old name of nodes');
    await getJson('/api/dyads?level=actor&nodes=country', errorSchema, 400);
    for (const d of (await getJson('/api/dyads', dyadsSchema)).dyads) {
      assert.ok(Math.abs(d.quadShares.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    }
  });
  it('derives the network from the dyads', async () => {
    const net = await getJson('/api/network', networkSchema);
    const edge = net.edges.find((e) => e.source === 'CHN' && e.target === 'IRQ');
    assert.deepEqual(edge, { source: 'CHN', target: 'IRQ', count: 3, goldsteinMean: 4.533 });
    assert.deepEqual(net.nodes.find((n) => n.id === 'CHN'), { id: 'CHN', name: 'China', count: 5 });
    const actorLevel = await getJson('/api/network?nodes=actor&limit=1', networkSchema);
    assert.equal(actorLevel.edges.length, 1);
  });
  it('gives store counts', async () => {
    const stats = await getJson('/api/stats', statsSchema);
    assert.deepEqual([stats.events, stats.reports, stats.articles], [0, 10, 5], 'no events before the store is clustered');
  });
  it('answers health', async () => {
    const health = await getJson('/api/health', healthSchema);
    assert.equal(health.ok, true);
  });
});

describe('GET /api/export', () => {
  const formats: [string, RegExp, RegExp, (text: string) => void][] = [
    ['csv', /^text\/csv/, /dyad-csv\.csv/, (t) => assert.equal(t.trimEnd().split('\n').length, 1 + 10)],
    ['gdelt', /tab-separated/, /dyad-gdelt\.tsv/, (t) => assert.equal(t.trimEnd().split('\n').length, 10)],
    ['icews', /tab-separated/, /dyad-icews\.tsv/, (t) => assert.ok(t.split('\n').length >= 10)],
    ['plover', /ndjson/, /\.jsonl/, (t) => assert.equal(t.trimEnd().split('\n').length, 10)],
    ['sipri', /^text\/csv/, /dyad-sipri\.csv/, (t) => assert.ok(t.length > 0)],
    ['gexf', /gexf\+xml/, /\.gexf/, (t) => assert.match(t, /<gexf[\s>]/)],
    ['geojson', /geo\+json/, /\.geojson/, (t) => assert.equal((JSON.parse(t) as { type: string }).type, 'FeatureCollection')],
  ];
  for (const [as, type, name, check] of formats) {
    it(`streams ${as} as a download`, async () => {
      const res = await app.request(`/api/export?as=${as}`);
      const text = await res.text();
      assert.equal(res.status, 200, text.slice(0, 200));
      assert.match(res.headers.get('content-type') ?? '', type);
      assert.match(res.headers.get('content-disposition') ?? '', name);
      check(text);
    });
  }
  it('filters, gives the GDELT mentions table, and GEXF by country', async () => {
    const one = await (await app.request('/api/export?as=csv&source=TUR')).text();
    assert.equal(one.trimEnd().split('\n').length, 2);
    const mentions = await app.request('/api/export?as=gdelt&file=mentions');
    assert.match(mentions.headers.get('content-disposition') ?? '', /mentions/);
    assert.equal((await mentions.text()).trimEnd().split('\n').length, 10);
    await getJson('/api/export?as=csv&file=mentions', errorSchema, 400);
    const gexf = await (await app.request('/api/export?as=gexf&level=country')).text();
    assert.match(gexf, /IRQ/);
  });
  it('refuses a missing or unknown format', async () => {
    await getJson('/api/export', errorSchema, 400);
    await getJson('/api/export?as=pdf', errorSchema, 400);
  });
  it('answers 501 when the server has no exporter, and streams what a given exporter writes', async () => {
    const none = createApp({ store: fixture.store, uiDir: null, exporter: null });
    const res501 = await none.request('/api/export?as=gdelt');
    assert.equal(res501.status, 501);
    errorSchema.parse(await res501.json());
    const withExporter = createApp({
      store: fixture.store, uiDir: null,
      exporter: async ({ format, events }) => ({
        contentType: 'text/plain', filename: `x.${format}`,
        chunks: (async function* () { for await (const e of events) yield `${e.id}\n`; })(),
      }),
    });
    const res = await withExporter.request('/api/export?as=gexf&quad=2');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="x.gexf"');
    assert.equal(await res.text(), 'drones-2020.txt:2:3\nboats-2020.txt:0:1\n');
  });
});

describe('errors', () => {
  const bad: [string, RegExp][] = [
    ['/api/events?quad=5', /quad/],
    ['/api/events?since=2020-13', /since/],
    ['/api/events?since=2021&until=2019', /after/],
    ['/api/events?limit=0', /limit/],
    ['/api/events?limit=10001', /limit/],
    ['/api/events?sort=name', /sort/],
    ['/api/events?color=red', /unknown parameter "color"/],
    ['/api/events?text=%20!!', /text/],
    ['/api/events?since=2019&since=2020', /more than once/],
    ['/api/events?cursor=abc', /cursor/],
    ['/api/events?sort=date&cursor=WyJpbmdlc3RlZCIsbnVsbCwzXQ', /cursor/],
    ['/api/dyads?by=hour', /by/],
    ['/api/network?level=planet', /level/],
    ['/api/stats?x=1', /unknown/],
  ];
  for (const [path, message] of bad) {
    it(`400 for ${path}`, async () => {
      const body = await getJson(path, errorSchema, 400);
      assert.equal(body.error.code, 'bad_request');
      assert.match(body.error.message, message);
    });
  }
  it('404 JSON for an unknown API route', async () => {
    await getJson('/api/nothing', errorSchema, 404);
  });
});

describe('headers on every kind of answer', () => {
  // answers made through the context (JSON, errors, redirects) and Responses a route makes itself (downloads)
  const answers: [string, number][] = [
    ['/api/stats', 200], ['/api/events?since=2020-13', 400], ['/api/nothing', 404], ['/api/events/baghdad-2019.txt:0:1', 308],
    ['/api/events?level=reports&format=csv', 200], ['/api/export?as=gdelt', 200], ['/api/corrections?format=jsonl', 200],
  ];
  for (const [path, status] of answers) {
    it(`${path}: nosniff, and not cached`, async () => {
      const res = await app.request(path);
      await res.arrayBuffer();
      assert.equal(res.status, status);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('cache-control'), 'no-store');
    });
  }
});
