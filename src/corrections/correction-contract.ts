// Corrections tests: the corrections contract of every Store adapter — the log stored append-only and idempotently, and
// every kind of correction read back through `correctedStore` over the adapter, so both adapters give the same answers.
// Run for each adapter by correction-contract.test.ts (it sits here, not in src/store, as it exercises corrections).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DyadError, type Correction } from '../types/index.js';
import type { Store } from '../store/store.js';
import { clusteredSample } from '../store/cluster-contract.js';
import { correctedStore } from './corrected-store.js';
import { proposeCorrection, type CorrectionRequest } from './propose-correction.js';
import { correctionsFromJsonl, correctionsToJsonl } from './corrections-file.js';
import { exportFromStore } from '../export/export-store.js';
import { buildThreads } from '../link/build-threads.js';
import type { Thread } from '../types/link.js';
import { defaultKindTree } from '../link/kind-tree.js';

const B1 = 'baghdad-2019.txt:0:1', B2 = 'baghdad-2019.txt:1:2', B3 = 'baghdad-2019.txt:2:3';
const D1 = 'drones-2020.txt:0:1', D2 = 'drones-2020.txt:1:2', D3 = 'drones-2020.txt:2:3';
const T1 = 'boats-2020.txt:0:1', P1 = 'protest-2021.txt:0:1', P2 = 'protest-2021.txt:1:2', P3 = 'protest-2021.txt:2:3';
const C = (id: string): string => `c-${id}`;
const ALL = [B1, B2, B3, D1, D2, D3, T1, P1, P2, P3];

let clock = 0;
/** Corrections made one second apart, in the order the test makes them. */
async function correct(store: Store, request: CorrectionRequest, reason = 'checked against the source'): Promise<Correction> {
  const at = new Date(Date.UTC(2026, 11, 7, 12, 0, clock++)).toISOString();
  const correction = await proposeCorrection(correctedStore(store), request, { by: 'analyst', reason, at });
  await store.appendCorrections([correction]);
  return correction;
}

const ids = async (store: Store, filter = {}): Promise<string[]> => (await store.queryEvents(filter, { limit: 1000 })).events.map((e) => e.id);
const clusterIds = async (store: Store, filter = {}): Promise<string[]> => (await store.clusters(filter, { sort: 'id', limit: 1000 })).map((c) => c.id);

/** Registers the corrections contract for one adapter (as `storeContract` registers the store's). */
export function correctionContract(name: string, open: () => Promise<Store>, skip: Record<string, string> = {}): void {
  const it = (title: string, fn: () => Promise<void>): void => {
    void test(title, { skip: skip[title] ?? false }, fn);
  };

  void describe(`Store contract, corrections: ${name}`, () => {
    it('keeps the log in the order appended, each correction once however often it is appended', async () => {
      const { store } = await clusteredSample(open);
      const reject = await correct(store, { kind: 'reject', id: C(D3) });
      const edit = await correct(store, { kind: 'edit', id: T1, set: { status: 'pledged' } });
      assert.equal(await store.appendCorrections([reject, edit]), 0);
      assert.deepEqual(await store.corrections(), [reject, edit]);
      await assert.rejects(store.appendCorrections([{ ...reject, id: 'not-an-id' }]), (err: unknown) => err instanceof DyadError && err.code === 'E602');
      assert.equal((await store.corrections()).length, 2);
      await store.close();
    });

    it('rejects an event: gone from every read, while the stored rows stay as coded', async () => {
      const { store } = await clusteredSample(open);
      const view = correctedStore(store);
      const correction = await correct(store, { kind: 'reject', id: C(D3) }, 'the delivery was a rumour');
      assert.deepEqual(correction.reports, [D3]);
      assert.deepEqual(correction.before, { reports: [D3] });
      assert.deepEqual(await ids(view, { status: ['delivered'] }), [T1]);
      assert.equal(await view.countEvents({}), 9);
      assert.equal(await view.getEvent(D3), null);
      assert.equal((await view.eventsById([D3])).has(D3), false, 'nor by eventsById');
      assert.equal(await view.cluster(C(D3)), null);
      assert.deepEqual(await clusterIds(view, { status: ['delivered'] }), [C(T1)]);
      assert.equal(await view.countClusters({}), 9);
      assert.equal((await view.stats()).events, 9);
      // never edited in place
      assert.equal((await store.getEvent(D3))?.id, D3);
      assert.equal(await store.countEvents({}), 10);
      await store.close();
    });

    it('edits actors, code, status and items: queries filter, count and summarise the corrected values', async () => {
      const { store } = await clusteredSample(open);
      const view = correctedStore(store);
      await correct(store, { kind: 'edit', id: C(T1), set: { source: { code: 'RUS', name: 'Russia' }, target: { code: 'SYRMIL', name: 'Syrian navy' } } });
      await correct(store, { kind: 'edit', id: B1, set: { cameo: '0231', status: 'pledged' } });
      await correct(store, { kind: 'edit', id: C(D3), set: { items: [{ text: 'three drones', kind: 'drone', model: null, quantity: 3, unit: null }] } });
      const t1 = await view.getEvent(T1);
      assert.deepEqual([t1?.source.code, t1?.source.country, t1?.source.name, t1?.target?.code, t1?.target?.country, t1?.target?.sector], ['RUS', 'RUS', 'Russia', 'SYRMIL', 'SYR', 'MIL']);
      assert.equal(t1?.source.text, 'Turkey', 'the words in the sentence stay');
      const byId = await view.eventsById([T1, B1, P1, 'missing']);
      for (const id of [T1, B1, P1]) assert.deepEqual(byId.get(id), await view.getEvent(id), `eventsById answers ${id} as getEvent does`);
      assert.equal(byId.has('missing'), false);
      assert.deepEqual(await ids(view, { source: ['RUS'] }), [T1]);
      assert.deepEqual(await ids(view, { actor: ['TUR'] }), [P1]);
      assert.equal(await view.countEvents({ target: ['SYR'] }), 1);
      assert.equal(await view.countEvents({ target: ['IRQ'] }), 4);
      const b1 = await view.getEvent(B1);
      assert.deepEqual([b1?.cameo, b1?.root, b1?.quad, b1?.status], ['0231', '02', 1, 'pledged']);
      assert.equal(b1?.cameoName, 'Appeal for economic aid');
      assert.deepEqual(await ids(view, { code: ['0231'] }), [B1]);
      assert.deepEqual(await ids(view, { item: 'rifle' }), [B1]);
      assert.deepEqual(await ids(view, { item: 'drones' }), [B1, D1, D3]);
      // the events level is summarised from the corrected reports
      const [event] = await view.clusters({ source: ['RUS'] });
      assert.deepEqual([event?.id, event?.source, event?.target], [C(T1), 'RUS', 'SYR']);
      assert.deepEqual((await view.cluster(C(B1)))?.status, 'pledged');
      assert.deepEqual(await clusterIds(view, { status: ['pledged'] }), [C(B1), C(P3)]);
      assert.equal(await view.countClusters({ code: ['0231'] }), 1);
      // summaries
      const actors = await view.actors({});
      assert.equal(actors.find((a) => a.code === 'RUS')?.asSource, 1);
      assert.equal(actors.find((a) => a.code === 'TUR'), undefined);
      const dyads = await view.dyads({}, { by: 'year' });
      assert.deepEqual(dyads.filter((d) => d.source === 'RUS').map((d) => [d.target, d.period, d.count]), [['SYR', '2020', 1]]);
      assert.equal(dyads.some((d) => d.source === 'TUR'), false);
      await store.close();
    });

    it('merges two events into one and splits it again; a retired event id finds the event holding its report', async () => {
      const { store } = await clusteredSample(open);
      const view = correctedStore(store);
      const merge = await correct(store, { kind: 'merge', ids: [C(D1), C(B1)] }, 'one request, reported twice');
      assert.deepEqual(merge.before, { events: [C(D1), C(B1)] });
      assert.equal(await view.countClusters({}), 9);
      const merged = await view.cluster(C(B1));
      assert.deepEqual(merged?.mentionIds, [B1, D1].sort());
      assert.equal(merged?.mentionCount, 2);
      assert.equal((await view.cluster(C(D1)))?.id, merged?.id, 'the retired id answers with the merged event');
      assert.equal((await view.clusterOf(D1))?.id, merged?.id);
      assert.deepEqual((await view.mentionsOf(merged?.id ?? '')).map((e) => e.id).sort(), [B1, D1].sort());
      assert.equal(await view.countEvents({}), 10, 'a merge changes no report');
      const asked = [C(B1), C(D1), C(B2), 'c-missing'];
      const byId = await view.eventRanksById(asked);
      for (const id of asked) {
        const cluster = await view.cluster(id);
        const rank = cluster === null ? null : { id: cluster.id, cameo: cluster.cameo, date: cluster.date, modality: cluster.modality, disputingMentionIds: cluster.disputingMentionIds };
        assert.deepEqual(byId.get(id) ?? null, rank, `eventRanksById answers ${id} as cluster does`);
      }
      const ranks = await view.reportRanksOfMany(asked);
      for (const [id, reports] of await view.mentionsOfMany(asked)) {
        assert.deepEqual(ranks.get(id), reports.map((r) => ({ id: r.id, cameo: r.cameo, modality: r.modality, date: r.date, itemCount: r.items.length })), `ranks of ${id}`);
      }
      await correct(store, { kind: 'split', id: merged?.id ?? '', reports: [D1] }, 'two requests after all');
      assert.deepEqual(await clusterIds(view), ALL.map(C).sort());
      await store.close();
    });

    it('reverts a correction, and says which id is unknown', async () => {
      const { store } = await clusteredSample(open);
      const view = correctedStore(store);
      const reject = await correct(store, { kind: 'reject', id: C(P2) });
      assert.equal(await view.countEvents({}), 9);
      await correct(store, { kind: 'revert', correction: reject.id });
      assert.equal(await view.countEvents({}), 10);
      assert.equal((await store.corrections()).length, 2, 'the log only grows');
      await assert.rejects(proposeCorrection(view, { kind: 'reject', id: 'c-nothing' }, { by: 'a' }), (err: unknown) => err instanceof DyadError && err.code === 'E801');
      await assert.rejects(proposeCorrection(view, { kind: 'edit', id: B1, set: { cameo: '9999' } }, { by: 'a' }), (err: unknown) => err instanceof DyadError && err.code === 'E800');
      await store.close();
    });

    it('orders and pages reports and events with the corrected ones in place', async () => {
      const { store } = await clusteredSample(open);
      const view = correctedStore(store);
      await correct(store, { kind: 'edit', id: T1, set: { cameo: '0231' } });
      await correct(store, { kind: 'reject', id: B2 });
      const byGoldstein = (await view.queryEvents({}, { sort: 'goldstein', limit: 100 })).events;
      const values = byGoldstein.map((e) => e.goldstein);
      assert.deepEqual(values, [...values].sort((a, b) => a - b));
      assert.equal(byGoldstein.length, 9);
      const first = await view.queryEvents({}, { limit: 4 });
      const second = await view.queryEvents({}, { limit: 4, cursor: first.next });
      const third = await view.queryEvents({}, { limit: 4, cursor: second.next });
      assert.deepEqual([...first.events, ...second.events, ...third.events].map((e) => e.id), ALL.filter((id) => id !== B2));
      assert.equal(third.next, null);
      const streamed: string[] = [];
      for await (const event of view.iterateEvents({ root: ['02'] })) streamed.push(event.id);
      assert.deepEqual(streamed, [B1, D1, T1]);
      await store.close();
    });

    it('pages on when a correction is made or undone between two pages', async () => {
      const { store } = await clusteredSample(open);
      const view = correctedStore(store);
      const first = await view.queryEvents({}, { limit: 4 });
      const reject = await correct(store, { kind: 'reject', id: D3 });
      const second = await view.queryEvents({}, { limit: 4, cursor: first.next });
      assert.deepEqual(second.events.map((e) => e.id), [D2, T1, P1], 'the store\'s own cursor: its page, the rejected report left out');
      const corrected = await view.queryEvents({}, { limit: 4, offset: 4 });
      assert.deepEqual(corrected.events.map((e) => e.id), [D2, T1, P1, P2]);
      assert.equal(corrected.next, 'k:8');
      await correct(store, { kind: 'revert', correction: reject.id });
      const last = await view.queryEvents({}, { limit: 4, cursor: corrected.next });
      assert.deepEqual(last.events.map((e) => e.id), [P2, P3]);
      await store.close();
    });

    it('survives a re-ingest: the log, exported and imported into a store built again, gives the same answers', async () => {
      const first = await clusteredSample(open);
      await correct(first.store, { kind: 'reject', id: C(D3) });
      await correct(first.store, { kind: 'edit', id: C(T1), set: { source: { code: 'RUS' } } });
      await correct(first.store, { kind: 'merge', ids: [C(B1), C(D1)] });
      const file = correctionsToJsonl(await first.store.corrections());
      const again = await clusteredSample(open);
      const imported = correctionsFromJsonl(file, 'corrections.jsonl');
      assert.equal(await again.store.appendCorrections(imported), 3);
      assert.equal(await again.store.appendCorrections(correctionsFromJsonl(file, 'corrections.jsonl')), 0, 'importing twice adds nothing');
      assert.deepEqual(await again.store.corrections(), await first.store.corrections());
      const [a, b] = [correctedStore(first.store), correctedStore(again.store)];
      assert.deepEqual(await a.clusters({}, { limit: 100 }), await b.clusters({}, { limit: 100 }));
      assert.deepEqual(await ids(a), await ids(b));
      assert.deepEqual(await a.threads(), await b.threads());
      await first.store.close();
      await again.store.close();
    });

    it('applies to exports and threads', async () => {
      const { store, clusters } = await clusteredSample(open);
      await store.putThreads(buildThreads(clusters, { kinds: defaultKindTree() }));
      const view = correctedStore(store);
      const step = (threads: Thread[]): boolean => threads.some((t) => t.steps.some((s) => s.cluster === C(D3)));
      assert.equal(step(await view.threads({ party: 'CHN' })), true);
      await correct(store, { kind: 'reject', id: C(D3) });
      let csv = '';
      for await (const chunk of exportFromStore(view, { format: 'csv', filter: {}, level: 'mentions' }, {})) csv += chunk;
      assert.equal(csv.includes(D3), false);
      assert.equal(csv.includes(T1), true);
      assert.equal(step(await view.threads({ party: 'CHN' })), false);
      assert.equal(step(await store.threads({ party: 'CHN' })), true, 'the stored threads stay as linked');
      await store.close();
    });
  });
}
