// Bench `ingest`: N articles → `dyad ingest` into a fresh SQLite store (child process, one core) → articles/s,
// events/s, database size, peak memory; then query latencies (p50/p99) of the common filters on the result.
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { EventFilter } from '../src/store/store.js';
import { ensureBuild } from './code.js';
import { corpusSentences } from './corpus.js';
import { measureChild } from './measure-child.js';
import type { Bench, BenchContext, Figures } from './bench.js';

const SENTENCES_PER_ARTICLE = 3;
const SYLLABLES = 'ka lo mi ren tu sa vel dor pi nak zu fen ro bi tal gu sem ol ar te'.split(' ');
const FILLER = 'harvest river market winter council bridge school railway festival border museum factory harbour budget weather concert hospital airport village mountain coastline library theatre orchard canal'.split(' ');

/** Writes `n` distinct articles (three real sentences each plus a line that keeps them from being near-duplicates). */
function writeArticles(path: string, n: number): void {
  const sentences = corpusSentences();
  // mulberry32: a small generator without the short cycles of low bits that a plain LCG has
  let seed = 99;
  const next = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const picked = Array.from({ length: SENTENCES_PER_ARTICLE }, () => sentences[next() % sentences.length]);
    // made-up words from syllables: every article gets text of its own, so none is a near-duplicate of another
    const word = (): string => Array.from({ length: 2 + (next() % 2) }, () => SYLLABLES[next() % SYLLABLES.length]).join('');
    const filler = Array.from({ length: 40 }, () => (next() % 3 === 0 ? FILLER[next() % FILLER.length] : word())).join(' ');
    const day = new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
    lines.push(JSON.stringify({ id: `a${i}`, date: day, title: `Bench article ${i}`, text: `${picked.join('\n\n')}\n\nDesk notes ${i}: ${filler}.` }));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const QUERIES: Array<[string, EventFilter]> = [
  ['--source CHN --target IRQ', { source: ['CHN'], target: ['IRQ'] }],
  ['--code 02*', { code: ['02*'] }],
  ['--quad 2', { quad: [2] }],
  ['--since 2019-01 --until 2020-12', { since: '2019-01', until: '2020-12' }],
  ['--text helicopter', { text: 'helicopter' }],
  ['--item helicopter', { item: 'helicopter' }],
  ['--status delivered', { status: ['delivered'] }],
  ['--source USA --code 19*', { source: ['USA'], code: ['19*'] }],
];

export const ingestBench: Bench = {
  name: 'ingest',
  describe: 'dyad ingest of N articles (--sentences N, default 100,000) into a fresh store, then query latencies',
  async run(context: BenchContext): Promise<Record<string, Figures>> {
    const out = join(context.root, 'bench', 'out');
    mkdirSync(out, { recursive: true });
    const n = context.sentences;
    const corpus = join(out, `ingest-${n}.jsonl`);
    if (!existsSync(corpus)) {
      context.progress(`writing ${n.toLocaleString('en-US')} articles`);
      writeArticles(corpus, n);
    }
    const build = ensureBuild(context.root);
    const db = join(out, 'ingest-bench.db');
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
    context.progress('ingesting (this takes a while)');
    const child = await measureChild(join(context.root, 'bin', 'dyad.js'), ['ingest', corpus, '--db', db, '-q'], { cwd: context.root, oneCore: true });
    const store = await openSqliteStore(db);
    const stats = await store.stats();
    const seconds = child.wallMs / 1000;
    const size = ['', '-wal'].reduce((s, suffix) => s + (existsSync(db + suffix) ? statSync(db + suffix).size : 0), 0);
    const ingest: Figures = {
      build,
      'exit code': child.exitCode ?? 'killed',
      articles: stats.articles,
      events: stats.events,
      'wall s': Number(seconds.toFixed(1)),
      'articles/s': Math.round(stats.articles / seconds),
      'events/s': Math.round(stats.events / seconds),
      'database MB': Number((size / 1e6).toFixed(1)),
      'peak RSS MB': child.peakRssKb === null ? 'n/a' : Number((child.peakRssKb / 1024).toFixed(1)),
      'one core': child.pinned ? 'taskset -c 0' : 'not pinned',
    };
    context.progress('querying');
    const queries: Figures = {};
    for (const [label, filter] of QUERIES) {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t = performance.now();
        await store.queryEvents(filter, { limit: 100, sort: i % 2 === 0 ? '-date' : 'ingested' });
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      queries[label] = `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`;
    }
    const dyadTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await store.dyads({ source: ['USA'] }, { by: 'month' });
      dyadTimes.push(performance.now() - t);
    }
    dyadTimes.sort((a, b) => a - b);
    queries['dyads --source USA --by month'] = `p50 ${percentile(dyadTimes, 50).toFixed(1)} ms, p99 ${percentile(dyadTimes, 99).toFixed(1)} ms`;
    await store.close();
    return { ingest, 'queries (limit 100)': queries };
  },
};
