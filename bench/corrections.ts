// Bench `corrections`: what reading through the corrected store costs — the synthetic store of the serve bench
// (DYAD_CORRECTIONS_EVENTS events, default 100,000; cached in bench/out/), copied, queried in process through
// `correctedStore` with an empty log and then with a log of N corrections (DYAD_CORRECTIONS_N, default 100: rejects,
// edits of actors and status, merges and splits of random events) → p50/p99 per query, and the time to read the view.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { correctedStore, type CorrectedStore } from '../src/corrections/corrected-store.js';
import { proposeCorrection, type CorrectionRequest } from '../src/corrections/propose-correction.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Bench, BenchContext, Figures } from './bench.js';
import { COUNTRIES } from './serve-data.js';
import { random, serveStore } from './serve-store.js';

const TOP = COUNTRIES.slice(0, 15).map(([code]) => code);

/** The queries timed, each a function of a seeded random source. */
const QUERIES: Array<[string, (store: CorrectedStore, rand: () => number) => Promise<unknown>]> = [
  ['events page by source (-date, 100)', (s, r) => s.queryEvents({ source: [pick(TOP, r)] }, { sort: '-date', limit: 100 })],
  ['events page, storage order, offset 1,000', (s) => s.queryEvents({}, { limit: 100, offset: 1000 })],
  ['count of events by source', (s, r) => s.countEvents({ source: [pick(TOP, r)] })],
  ['happenings page by source (-date, 100)', (s, r) => s.clusters({ source: [pick(TOP, r)] }, { sort: '-date', limit: 100 })],
  ['count of happenings', (s) => s.countClusters({})],
  ['actors (top 20)', (s) => s.actors({}, { limit: 20 })],
  ['dyads of a source by month', (s, r) => s.dyads({ source: [pick(TOP, r)] }, { by: 'month' })],
  ['threads (first 50)', (s) => s.threads({}, { limit: 50 })],
];

function pick<T>(list: readonly T[], rand: () => number): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const ms = (value: number): number => Number(value.toFixed(1));

/** p50 and p99 of each query over `runs` runs, in milliseconds. */
async function timeQueries(store: CorrectedStore, runs: number): Promise<Figures> {
  const figures: Figures = {};
  for (const [name, query] of QUERIES) {
    const rand = random(11);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await query(store, rand);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    figures[`${name}: p50 / p99 ms`] = `${ms(quantile(times, 0.5))} / ${ms(quantile(times, 0.99))}`;
  }
  return figures;
}

/** N corrections of random events: 40% rejects, 40% edits, 10% merges, 10% splits (of merged pairs). */
export async function makeLog(store: CorrectedStore, n: number): Promise<number> {
  const rand = random(5);
  const ids = (await store.clusters({}, { sort: 'id', limit: 10_000 })).map((c) => c.id);
  let made = 0;
  let clock = Date.UTC(2026, 0, 1);
  const merged: string[] = [];
  while (made < n) {
    const kind = rand();
    let request: CorrectionRequest;
    if (kind < 0.4) request = { kind: 'reject', id: pick(ids, rand) };
    else if (kind < 0.8) request = { kind: 'edit', id: pick(ids, rand), set: { source: { code: pick(TOP, rand) }, status: 'delivered' } };
    else if (kind < 0.9 || merged.length === 0) request = { kind: 'merge', ids: [pick(ids, rand), pick(ids, rand)] };
    else request = { kind: 'split', id: merged.pop() as string, reports: [] };
    try {
      if (request.kind === 'split') {
        const event = await store.cluster(request.id);
        if (event === null || event.mentionIds.length < 2) continue;
        request.reports = [event.mentionIds[event.mentionIds.length - 1] as string];
      }
      const correction = await proposeCorrection(store, request, { by: 'bench', at: new Date(clock += 1000).toISOString() });
      await store.appendCorrections([correction]);
      if (request.kind === 'merge') merged.push(request.ids[0] as string);
      made++;
    } catch {
      // a rejected or merged-away event picked again: pick another
    }
  }
  return made;
}

export const correctionsBench: Bench = {
  name: 'corrections',
  describe: 'query latency through the corrected store, with no corrections and with a log of N (DYAD_CORRECTIONS_EVENTS, DYAD_CORRECTIONS_N)',
  async run(context: BenchContext): Promise<Record<string, Figures>> {
    const events = Number(process.env['DYAD_CORRECTIONS_EVENTS'] ?? 100_000);
    const n = Number(process.env['DYAD_CORRECTIONS_N'] ?? 100);
    const built = await serveStore(context.root, events, context.progress);
    const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-corrections-'));
    try {
      const path = join(dir, 'store.db');
      copyFileSync(built.path, path);
      const store = correctedStore(await openSqliteStore(path));
      const runs = 20;
      context.progress('timing with an empty log');
      const before = await timeQueries(store, runs);
      context.progress(`making ${n} corrections`);
      const made = await makeLog(store, n);
      const t = performance.now();
      await store.view();
      const viewMs = performance.now() - t;
      context.progress('timing with the log');
      const after = await timeQueries(store, runs);
      await store.close();
      return {
        store: { events: built.events, happenings: built.clusters, threads: built.threads, corrections: made, runs },
        'no corrections': before,
        [`${made} corrections`]: { 'read the view (log + touched reports and events) ms': ms(viewMs), ...after },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
