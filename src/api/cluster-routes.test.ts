// API tests: the events level on a clustered store — GET /api/events?level=events (pages, cursor, sorts, downloads), GET /api/events/:id with every mention, GET /api/clusters/:id.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { readCsv } from '../export/read-table.js';
import { DELIVERY, linkStore, sampleStore, secondReport, useLinkedSampleApp } from './api-fixtures.js';
import { createApp } from './create-app.js';
import { clusterDetailSchema, clusterPageSchema, clusterSchema, errorSchema, eventDetailSchema } from './schemas.js';

const api = useLinkedSampleApp();
const { getJson } = api;

const SECOND = 'rifles-wire-2020.txt:1:1';

describe('GET /api/events/:id on a clustered store', () => {
  it('gives the happening and every report of it, each with its article', async () => {
    for (const id of [DELIVERY, SECOND]) {
      const detail = await getJson(`/api/events/${id}`, eventDetailSchema);
      assert.equal(detail.event.id, id);
      assert.equal(detail.article?.id, detail.event.doc);
      assert.ok(detail.cluster);
      assert.equal(detail.cluster.id, `c-${DELIVERY}`);
      assert.deepEqual([detail.cluster.mentionCount, detail.cluster.independentSources], [2, 2]);
      assert.deepEqual(detail.cluster.outlets, ['Euphrates Wire', 'Gulf Ledger']);
      assert.deepEqual([detail.cluster.firstReport, detail.cluster.lastReport], ['2020-06-02', '2020-06-04']);
      assert.deepEqual(detail.cluster.items.map((i) => [i.kind, i.quantity, i.sources]), [['rifle', 20000, 2]]);
      assert.deepEqual(detail.mentions.map((m) => [m.event.id, m.article?.source, m.article?.date]), [
        [DELIVERY, 'Gulf Ledger', '2020-06-02'], [SECOND, 'Euphrates Wire', '2020-06-04'],
      ]);
      for (const m of detail.mentions) assert.equal(m.article?.id, m.event.doc);
    }
  });
  it('gives a happening of one report with that report alone', async () => {
    const detail = await getJson('/api/events/boats-2020.txt:0:1', eventDetailSchema);
    assert.equal(detail.cluster?.mentionCount, 1);
    assert.deepEqual(detail.mentions.map((m) => m.event.id), ['boats-2020.txt:0:1']);
  });
});

describe('GET /api/events?level=events', () => {
  it('lists happenings, newest first by default, filtered like events', async () => {
    const all = await getJson('/api/events?level=events', clusterPageSchema);
    assert.equal(all.clusters.length, 10, 'eleven reports of ten happenings');
    assert.equal(all.next, null);
    const dates = all.clusters.map((c) => c.date ?? '');
    assert.deepEqual(dates.filter((d) => d !== ''), [...dates.filter((d) => d !== '')].sort().reverse());
    const delivered = await getJson('/api/events?level=events&source=CHN&status=delivered', clusterPageSchema);
    assert.deepEqual(delivered.clusters.map((c) => [c.id, c.mentionCount]), [[`c-${DELIVERY}`, 2]]);
    const bySources = await getJson('/api/events?level=events&sort=-sources&limit=1', clusterPageSchema);
    assert.equal(bySources.clusters[0]?.id, `c-${DELIVERY}`);
  });
  it('pages with a cursor to the end, each happening once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: z.infer<typeof clusterPageSchema> = await getJson(`/api/events?level=events&sort=id&limit=3${cursor ? `&cursor=${cursor}` : ''}`, clusterPageSchema);
      seen.push(...page.clusters.map((c) => c.id));
      cursor = page.next;
    } while (cursor !== null);
    assert.equal(seen.length, 10);
    assert.deepEqual(seen, [...seen].sort());
  });
  it('downloads every happening as JSON Lines and CSV', async () => {
    const jsonl = await (await api.app.request('/api/events?level=events&format=jsonl&root=07')).text();
    const records = jsonl.trimEnd().split('\n').map((line) => clusterSchema.parse(JSON.parse(line)));
    assert.deepEqual(records.map((c) => c.root), ['07', '07']);
    const res = await api.app.request('/api/events?level=events&format=csv&limit=4');
    assert.match(res.headers.get('content-disposition') ?? '', /dyad-happenings\.csv/);
    const lines = (await res.text()).trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^id,doc,date,date_precision,date_basis,source_code,/);
    assert.equal(lines.length, 1 + 4);
  });
  it('refuses a sort of the other level, a cursor of the other level and a foreign cursor', async () => {
    const mentionsPage = await (await api.app.request('/api/events?limit=1')).json() as { next: string };
    const cases: [string, RegExp][] = [
      ['/api/events?level=events&sort=goldstein', /sort.*level events/],
      ['/api/events?sort=-sources', /sort.*level mentions/],
      [`/api/events?level=events&cursor=${mentionsPage.next}`, /cursor/],
      ['/api/events?level=events&cursor=WyJldmVudHMiLCJkYXRlIiwxXQ', /made for sort "date"/],
      ['/api/events?level=happenings', /level/],
    ];
    for (const [path, message] of cases) assert.match((await getJson(path, errorSchema, 400)).error.message, message, path);
  });
});

describe('GET /api/clusters/:id', () => {
  it('gives one happening with its reports, and 404 for an unknown id', async () => {
    const detail = await getJson(`/api/clusters/c-${DELIVERY}`, clusterDetailSchema);
    assert.deepEqual(detail.mentions.map((m) => m.event.id), [DELIVERY, SECOND]);
    assert.deepEqual(detail.mentions.map((m) => m.article?.title), ['Drones, rifles and terms', 'Rifles reach Iraq']);
    await getJson('/api/clusters/c-nothing', errorSchema, 404);
    await getJson(`/api/clusters/c-${DELIVERY}?x=1`, errorSchema, 400);
  });
});

describe('a disputed happening', () => {
  it('names both sides in GET /api/clusters/:id and in the events-level CSV, and counts only support', async () => {
    const fixture = await sampleStore();
    try {
      const second = secondReport();
      const id = 'denial-wire-2020.txt';
      const event = second.events[0];
      assert.ok(event);
      const denial = {
        article: { ...second.article, id, title: 'Beijing denies arms shipment', source: '<Tigris> Wire', url: null },
        meta: { hash: 'h-denial-wire-2020' },
        events: [{ ...event, id: `${id}:1:1`, doc: id, negated: true, modality: 'denied' as const, status: null }],
      };
      await fixture.store.putArticles([second, denial]);
      await linkStore(fixture.store);
      const app = createApp({ store: fixture.store, uiDir: null, log: () => {} });
      const detail = eventDetailSchema.parse(await (await app.request(`/api/events/${DELIVERY}`)).json());
      assert.ok(detail.cluster);
      const cluster = clusterSchema.strict().parse((await (await app.request(`/api/clusters/${detail.cluster.id}`)).json() as { cluster: unknown }).cluster);
      assert.deepEqual([cluster.modality, cluster.disputed, cluster.negated], ['asserted', true, false]);
      assert.deepEqual(cluster.disputingMentionIds, [`${id}:1:1`]);
      assert.deepEqual([cluster.mentionCount, cluster.independentSources, cluster.outlets], [2, 2, ['Euphrates Wire', 'Gulf Ledger']]);
      assert.deepEqual([cluster.supportingSources, cluster.supportingSourceCount], [['Euphrates Wire', 'Gulf Ledger'], 2]);
      assert.deepEqual([cluster.disputingSources, cluster.disputingSourceCount], [['<Tigris> Wire'], 1]);
      const csv = readCsv(await (await app.request('/api/events?level=events&format=csv&root=07')).text());
      const row = csv.find((r) => r.id === detail.cluster?.id);
      assert.deepEqual([row?.modality, row?.disputed, row?.disputing_sources], ['asserted', 'true', JSON.stringify(['<Tigris> Wire'])], JSON.stringify(csv));
    } finally {
      await fixture.dispose();
    }
  });
});
