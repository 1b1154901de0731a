// Bench `scale`: real-sentence articles → `dyad ingest --workers 1, 2, 4` into SQLite and PostgreSQL (articles/s, events/s, peak RSS); freshness from publish to queryable through `dyad serve` with a `dyad worker`; kill -9 and resume.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { contentHash } from '../src/ingest/content-hash.js';
import { ArticleQueue } from '../src/queue/article-queue.js';
import { openStore } from '../src/store/open-store.js';
import { testDatabases, type TestDatabases } from '../src/store/postgres/pg-test-server.js';
import { signature } from '../src/ingest/near-duplicate.js';
import type { ArticleEntry } from '../src/store/store.js';
import type { Article, EventRecord } from '../src/types/index.js';
import { jsonLines, syndicatedChains } from '../test/fixtures/syndicated-chains.js';
import { ensureBuild } from './code.js';
import { buildCorpus } from './corpus.js';
import { measureChild } from './measure-child.js';
import type { Bench, BenchContext, Figures } from './bench.js';

/** Articles in the throughput corpus (DYAD_SCALE_ARTICLES; ~10 real sentences each). */
const ARTICLES = Number(process.env.DYAD_SCALE_ARTICLES ?? 1000);
/** Articles published one by one to measure freshness (DYAD_SCALE_FRESH). */
const FRESH = Number(process.env.DYAD_SCALE_FRESH ?? 60);
const QUEUE = process.env.DYAD_TEST_NATS ?? 'nats://127.0.0.1:4222';
const WORKERS = [1, 2, 4];

/** What a store holds after an ingest, to compare runs. */
async function contents(db: string): Promise<{ text: string; articles: number; events: number }> {
  const store = await openStore(db);
  try {
    const stats = await store.stats();
    const text = `${stats.articles} articles (${stats.nearDuplicates} copies), ${stats.events} events, ${await store.countClusters({})} happenings, ${await store.countThreads()} threads`;
    return { text, articles: stats.articles, events: stats.events };
  } finally {
    await store.close();
  }
}

/** `dyad ingest` killed with SIGKILL after `afterMs`, `kills` times, then run to the end. */
async function killAndResume(cli: string, corpus: string, db: string, kills: number, afterMs: number, root: string): Promise<void> {
  for (let i = 0; i < kills; i++) {
    const child = spawn(process.execPath, [cli, 'ingest', corpus, '--db', db, '-q', '--batch', '50'], { cwd: root, stdio: 'ignore' });
    // a bench may time its kills: it asserts nothing
    await new Promise((resolve) => setTimeout(resolve, afterMs * (i + 1)));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  const last = spawn(process.execPath, [cli, 'ingest', corpus, '--db', db, '-q', '--batch', '50'], { cwd: root, stdio: 'ignore' });
  await new Promise((resolve) => last.once('exit', resolve));
}

/** The coded articles of a store, as entries to write again (ids made unique per copy by `suffix`). */
async function codedEntries(db: string): Promise<ArticleEntry[]> {
  const store = await openStore(db);
  try {
    const byDoc = new Map<string, EventRecord[]>();
    for await (const event of store.iterateEvents({}, { pageSize: 1000 })) byDoc.set(event.doc, [...(byDoc.get(event.doc) ?? []), event]);
    const entries: ArticleEntry[] = [];
    for await (const { id } of store.iterateTexts()) {
      const article = await store.getArticle(id);
      if (article === null) continue;
      const { hash, nearDuplicateOf: _near, simhash: _simhash, ingestedAt: _at, ...rest } = article;
      entries.push({ article: rest, meta: { hash, signature: signature(rest.text) }, events: byDoc.get(id) ?? [] });
    }
    return entries;
  } finally {
    await store.close();
  }
}

/**
 * The store's own write rate: coded batches of 200 articles written with `putArticles`, no coding, `copies` times
 * over with fresh ids (one process, one connection) — the ceiling every worker shares.
 */
async function writeLimit(entries: readonly ArticleEntry[], db: string, copies: number): Promise<{ articlesPerS: number; eventsPerS: number }> {
  const store = await openStore(db);
  try {
    let articles = 0;
    let events = 0;
    const started = performance.now();
    for (let copy = 0; copy < copies; copy++) {
      const renamed = entries.map(({ article, meta, events: list }): ArticleEntry => {
        const id = `${article.id}~${copy}`;
        return { article: { ...article, id }, meta: { ...meta, hash: `${meta.hash}~${copy}` }, events: list.map((e) => ({ ...e, id: `${e.id}~${copy}`, doc: id })) };
      });
      for (let i = 0; i < renamed.length; i += 200) {
        const batch = renamed.slice(i, i + 200);
        await store.putArticles(batch);
        articles += batch.length;
        events += batch.reduce((n, e) => n + e.events.length, 0);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return { articlesPerS: Math.round(articles / seconds), eventsPerS: Math.round(events / seconds) };
  } finally {
    await store.close();
  }
}

/** A new empty store of each kind: a SQLite path, or a PostgreSQL database (null without a server). */
function storeMakers(out: string, databases: TestDatabases | string): Array<[string, () => Promise<string | null>]> {
  return [
    ['SQLite', async () => {
      const db = join(out, `scale-${Math.random().toString(36).slice(2)}.db`);
      for (const suffix of ['', '-wal', '-shm', '-writer']) rmSync(db + suffix, { force: true });
      return db;
    }],
    ['PostgreSQL', async () => (typeof databases === 'string' ? null : databases.create())],
  ];
}

/** Peak resident memory of a running process, MB (VmHWM), or null. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid ?? 0}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 1024);
  } catch {
    return null;
  }
}

/** Starts a CLI command and resolves once `ready` matches its output (stdout or stderr). */
function startChild(cli: string, args: string[], root: string, ready: RegExp): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const seen = (chunk: Buffer): void => {
      output += chunk.toString();
      if (ready.test(output)) resolve({ child, output });
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited (${code}): ${output.trim().split('\n').slice(-3).join(' | ')}`)));
  });
}

/** Polls `url` until it answers 200; the milliseconds since `since`. */
async function visibleAfter(url: string, since: number, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    const res = await fetch(url).catch(() => null);
    if (res !== null) await res.arrayBuffer();
    if (res?.status === 200) return performance.now() - since;
    if (performance.now() - since > timeoutMs) return Infinity;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Freshness: a `dyad worker` and a `dyad serve` on one store; articles published one at a time, each polled through
 * GET /api/articles/:id until served. The first article (the worker loading its lexicon) is left out.
 */
async function freshness(cli: string, root: string, db: string, articles: readonly Article[]): Promise<Figures> {
  const stream = `BENCH_${process.pid}_${Date.now().toString(36)}`;
  const queueUrl = `${QUEUE}/${stream}`;
  let queue: ArticleQueue;
  try {
    queue = await ArticleQueue.open(queueUrl);
  } catch (err) {
    return { skipped: `no queue: ${(err as Error).message}` };
  }
  // a new SQLite store is made by whichever of the two opens it first
  const create = db.startsWith('postgres') ? [] : ['--create'];
  const server = await startChild(cli, ['serve', '--db', db, '--port', '0', ...create], root, /at http:\/\/[^:]+:(\d+)\//);
  const port = /at http:\/\/[^:]+:(\d+)\//.exec(server.output)?.[1] as string;
  const worker = spawn(process.execPath, [cli, 'worker', '--db', db, '--queue', queueUrl, '--batch', '50', '-q'], { cwd: root, stdio: 'ignore' });
  const latencies: number[] = [];
  try {
    for (const [i, article] of articles.entries()) {
      const started = performance.now();
      await queue.publish(article, contentHash(article.text));
      const ms = await visibleAfter(`http://127.0.0.1:${port}/api/articles/${encodeURIComponent(article.id)}`, started);
      if (i > 0) latencies.push(ms);
      // a steady trickle, as news arrives, rather than a burst
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      'articles published one by one': latencies.length,
      'freshness p50 ms (publish → served by the API)': Math.round(percentile(sorted, 50)),
      'freshness p99 ms': Math.round(percentile(sorted, 99)),
      'peak RSS MB, dyad worker': peakRssMb(worker.pid) ?? 'n/a',
      'peak RSS MB, dyad serve': peakRssMb(server.child.pid) ?? 'n/a',
    };
  } finally {
    worker.kill('SIGTERM');
    server.child.kill('SIGTERM');
    await Promise.all([worker, server.child].map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
    await queue.deleteStream().catch(() => {});
    await queue.close();
  }
}

export const scaleBench: Bench = {
  name: 'scale',
  describe: 'dyad ingest --workers 1/2/4 into SQLite and PostgreSQL (DYAD_SCALE_ARTICLES, default 1,000); freshness through a worker and the API (DYAD_SCALE_FRESH); kill -9 and resume',
  async run(context: BenchContext): Promise<Record<string, Figures>> {
    const out = join(context.root, 'bench', 'out', 'scale');
    mkdirSync(out, { recursive: true });
    context.progress(`building a corpus of ${ARTICLES.toLocaleString('en-US')} real-sentence articles`);
    const corpus = buildCorpus(out, ARTICLES * 10);
    const lines = readFileSync(corpus.path, 'utf8').trim().split('\n');
    const fresh: Article[] = lines.slice(0, FRESH + 1).map((line, i) => ({ ...(JSON.parse(line) as Article), id: `fresh-${Date.now().toString(36)}-${i}` }));
    const chains = join(out, 'chains-1500.jsonl');
    writeFileSync(chains, jsonLines(syndicatedChains(500, 50)));
    const build = ensureBuild(context.root);
    const cli = join(context.root, 'bin', 'dyad.js');
    const databases = await testDatabases();
    const groups: Record<string, Figures> = {};
    for (const [name, make] of storeMakers(out, databases)) {
      if ((await make()) === null) {
        groups[name] = { skipped: typeof databases === 'string' ? databases : 'no server' };
        continue;
      }
      const figures: Figures = { build, corpus: `${corpus.articles.toLocaleString('en-US')} articles, ${corpus.sentences.toLocaleString('en-US')} sentences` };
      let first: string | null = null;
      let firstDb: string | null = null;
      for (const workers of WORKERS) {
        const db = (await make()) as string;
        context.progress(`${name}: dyad ingest --workers ${workers}`);
        const load = loadavg()[0] ?? 0;
        const child = await measureChild(cli, ['ingest', corpus.path, '--db', db, '-q', '--workers', String(workers)], { cwd: context.root });
        const stored = await contents(db);
        const seconds = child.wallMs / 1000;
        figures[`--workers ${workers}: articles/s`] = Math.round(stored.articles / seconds);
        figures[`--workers ${workers}: events/s`] = Math.round(stored.events / seconds);
        figures[`--workers ${workers}: wall s (load before ${load.toFixed(1)})`] = Number(seconds.toFixed(1));
        figures[`--workers ${workers}: peak RSS MB (one process)`] = child.peakRssKb === null ? 'n/a' : Math.round(child.peakRssKb / 1024);
        if (child.exitCode !== 0) figures[`--workers ${workers}: exit`] = `${child.exitCode ?? 'killed'} ${child.stderrTail}`;
        first ??= stored.text;
        firstDb ??= db;
        figures[`--workers ${workers}: same store as --workers 1`] = stored.text === first ? 'yes' : `NO: ${stored.text}`;
      }
      figures['stored'] = first ?? 'n/a';
      if (firstDb !== null) {
        context.progress(`${name}: the store's write rate (coded batches, no coding)`);
        const limit = await writeLimit(await codedEntries(firstDb), (await make()) as string, 3);
        figures['write limit: articles/s (putArticles, batches of 200, one connection)'] = limit.articlesPerS;
        figures['write limit: events/s'] = limit.eventsPerS;
      }
      context.progress(`${name}: freshness through dyad worker and dyad serve`);
      const freshDb = (await make()) as string;
      Object.assign(figures, await freshness(cli, context.root, freshDb, fresh));
      context.progress(`${name}: one ingest of syndicated chains, then one killed five times and resumed`);
      const onceDb = (await make()) as string;
      const once = await measureChild(cli, ['ingest', chains, '--db', onceDb, '-q'], { cwd: context.root });
      const resumedDb = (await make()) as string;
      await killAndResume(cli, chains, resumedDb, 5, Math.max(300, once.wallMs / 8), context.root);
      const [oneRun, resumed] = [(await contents(onceDb)).text, (await contents(resumedDb)).text];
      figures['chains: one run'] = oneRun;
      figures['chains: killed 5× and resumed'] = resumed === oneRun ? 'the same' : `DIFFERENT: ${resumed}`;
      groups[name] = figures;
    }
    if (typeof databases !== 'string') await databases.dropAll();
    return groups;
  },
};
