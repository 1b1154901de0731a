// API tests: events on a clustered store — GET /api/events (pages, cursor, sorts, downloads), GET /api/events/:id and
// GET /api/reports/:id with every report, and the deprecated GET /api/clusters/:id.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { readCsv } from '../export/read-table.js';
import { DELIVERY, linkStore, sampleStore, secondReport, useLinkedSampleApp } from './api-fixtures.js';
import { createApp } from './create-app.js';
import { clusterDetailSchema, clusterSchema, errorSchema, eventDetailSchema, eventPageSchema, reportDetailSchema } from './schemas.js';

const api = useLinkedSampleApp();
const { getJson } = api;

const SECOND = 'rifles-wire-2020.txt:1:1';

describe('GET /api/reports/:id and GET /api/events/:id on a clustered store', () => {
  it('gives a report with the event it reports and every report of it, each with its article', async () => {
    for (const id of [DELIVERY, SECOND]) {
      const detail = await getJson(`/api/reports/${id}`, reportDetailSchema);
      assert.equal(detail.report.id, id);
      assert.equal(detail.article?.id, detail.report.doc);
      assert.ok(detail.event);
      assert.equal(detail.event.id, `c-${DELIVERY}`);
      assert.deepEqual([detail.event.mentionCount, detail.event.independentSources], [2, 2]);
      assert.deepEqual(detail.event.outlets, ['Euphrates Wire', 'Gulf Ledger']);
      assert.deepEqual([detail.event.firstReport, detail.event.lastReport], ['2020-06-02', '2020-06-04']);
      assert.deepEqual(detail.event.items.map((i) => [i.kind, i.quantity, i.sources]), [['rifle', 20000, 2]]);
      assert.deepEqual(detail.reports.map((m) => [m.report.id, m.article?.source, m.article?.date]), [
        [DELIVERY, 'Gulf Ledger', '2020-06-02'], [SECOND, 'Euphrates Wire', '2020-06-04'],
      ]);
      for (const m of detail.reports) assert.equal(m.article?.id, m.report.doc);
    }
  });
  it('gives an event by its id with every report and its strongest report as lead', async () => {
    const detail = await getJson(`/api/events/c-${DELIVERY}`, eventDetailSchema);
    assert.equal(detail.event.id, `c-${DELIVERY}`);
    assert.deepEqual(detail.reports.map((r) => r.report.id), [DELIVERY, SECOND]);
    assert.equal(detail.event.lead?.id, DELIVERY);
  });
  it('redirects a report id given as an event to the report, and answers 404 for neither', async () => {
    const res = await api.app.request(`/api/events/${DELIVERY}?doc=drones-2020.txt`);
    assert.equal(res.status, 308);
    assert.equal(res.headers.get('location'), `/api/reports/${encodeURIComponent(DELIVERY)}?doc=drones-2020.txt`);
    await getJson('/api/events/c-nothing', errorSchema, 404);
  });
  it('gives an event of one report with that report alone', async () => {
    const detail = await getJson('/api/reports/boats-2020.txt:0:1', reportDetailSchema);
    assert.equal(detail.event?.mentionCount, 1);
    assert.deepEqual(detail.reports.map((m) => m.report.id), ['boats-2020.txt:0:1']);
  });
});

describe('GET /api/events (level events, the default)', () => {
  it('lists events with their strongest reports, newest first by default, filtered like reports', async () => {
    const all = await getJson('/api/events', eventPageSchema);
    assert.deepEqual(all, await getJson('/api/events?level=events', eventPageSchema));
    assert.equal(all.events.length, 10, 'eleven reports of ten events');
    for (const event of all.events) assert.ok(event.lead !== null && event.mentionIds.includes(event.lead.id));
    for (const event of all.events) {
      assert.deepEqual(event.lead, (await getJson(`/api/events/${encodeURIComponent(event.id)}`, eventDetailSchema)).event.lead, `the list names ${event.id}'s lead as its own view does`);
    }
    assert.equal(all.next, null);
    const dates = all.events.map((c) => c.date ?? '');
    assert.deepEqual(dates.filter((d) => d !== ''), [...dates.filter((d) => d !== '')].sort().reverse());
    const delivered = await getJson('/api/events?source=CHN&status=delivered', eventPageSchema);
    assert.deepEqual(delivered.events.map((c) => [c.id, c.mentionCount]), [[`c-${DELIVERY}`, 2]]);
    const bySources = await getJson('/api/events?sort=-sources&limit=1', eventPageSchema);
    assert.equal(bySources.events[0]?.id, `c-${DELIVERY}`);
  });
  it('pages with a cursor to the end, each event once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: z.infer<typeof eventPageSchema> = await getJson(`/api/events?sort=id&limit=3${cursor ? `&cursor=${cursor}` : ''}`, eventPageSchema);
      seen.push(...page.events.map((c) => c.id));
      cursor = page.next;
    } while (cursor !== null);
    assert.equal(seen.length, 10);
    assert.deepEqual(seen, [...seen].sort());
  });
  it('downloads every event as JSON Lines and CSV', async () => {
    const jsonl = await (await api.app.request('/api/events?format=jsonl&root=07')).text();
    const records = jsonl.trimEnd().split('\n').map((line) => clusterSchema.parse(JSON.parse(line)));
    assert.deepEqual(records.map((c) => c.root), ['07', '07']);
    const res = await api.app.request('/api/events?format=csv&limit=4');
    assert.match(res.headers.get('content-disposition') ?? '', /dyad-events\.csv/);
    const lines = (await res.text()).trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^id,doc,date,date_precision,date_basis,source_code,/);
    assert.equal(lines.length, 1 + 4);
  });
  it('refuses a sort of the other level, a cursor of the other level and a foreign cursor', async () => {
    const reportsPage = await (await api.app.request('/api/events?level=reports&limit=1')).json() as { next: string };
    const cases: [string, RegExp][] = [
      ['/api/events?sort=goldstein', /sort.*level events/],
      ['/api/events?level=reports&sort=-sources', /sort.*level reports/],
      [`/api/events?cursor=${reportsPage.next}`, /cursor/],
      ['/api/events?level=events&cursor=WyJldmVudHMiLCJkYXRlIiwxXQ', /made for sort "date"/],
      ['/api/events?level=happenings', /level/],
    ];
    for (const [path, message] of cases) assert.match((await getJson(path, errorSchema, 400)).error.message, message, path);
  });
});

describe('GET /api/clusters/:id (deprecated)', () => {
  it('gives one event with its reports in the old shape, and 404 for an unknown id', async () => {
    const detail = await getJson(`/api/clusters/c-${DELIVERY}`, clusterDetailSchema);
    assert.deepEqual(detail.mentions.map((m) => m.event.id), [DELIVERY, SECOND]);
    assert.deepEqual(detail.mentions.map((m) => m.article?.title), ['Drones, rifles and terms', 'Rifles reach Iraq']);
    await getJson('/api/clusters/c-nothing', errorSchema, 404);
    await getJson(`/api/clusters/c-${DELIVERY}?x=1`, errorSchema, 400);
  });
});

describe('a disputed event', () => {
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
      const detail = reportDetailSchema.parse(await (await app.request(`/api/reports/${DELIVERY}`)).json());
      assert.ok(detail.event);
      const cluster = clusterSchema.strict().parse((await (await app.request(`/api/clusters/${detail.event.id}`)).json() as { cluster: unknown }).cluster);
      assert.equal(detail.event.lead?.id, DELIVERY, 'the denial is never the strongest report');
      const listed = eventPageSchema.parse(await (await app.request('/api/events?source=CHN&status=delivered')).json()).events.find((e) => e.id === detail.event?.id);
      assert.equal(listed?.lead?.id, DELIVERY, 'nor in a list of events');
      assert.deepEqual([cluster.modality, cluster.disputed, cluster.negated], ['asserted', true, false]);
      assert.deepEqual(cluster.disputingMentionIds, [`${id}:1:1`]);
      assert.deepEqual([cluster.mentionCount, cluster.independentSources, cluster.outlets], [2, 2, ['Euphrates Wire', 'Gulf Ledger']]);
      assert.deepEqual([cluster.supportingSources, cluster.supportingSourceCount], [['Euphrates Wire', 'Gulf Ledger'], 2]);
      assert.deepEqual([cluster.disputingSources, cluster.disputingSourceCount], [['<Tigris> Wire'], 1]);
      // the events level is the default: the events-level columns of every CSV export (src/export/csv.ts)
      const csv = readCsv(await (await app.request('/api/events?format=csv&root=07')).text());
      const row = csv.find((r) => r.id === detail.event?.id);
      assert.deepEqual([row?.modality, row?.disputed, row?.disputing_sources], ['asserted', 'true', JSON.stringify(['<Tigris> Wire'])], JSON.stringify(csv));
    } finally {
      await fixture.dispose();
    }
  });
});
