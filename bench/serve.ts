// Bench `serve`: a store of 1,000,000 synthetic events (bench/serve-store.ts, cached) → the real `dyad serve` in a child
// process on a loopback port → a closed-loop load generator per view of the UI → requests/s and p50/p99 latency per view.
//
// Each view runs for a fixed time with a fixed number of connections, each sending its next request as soon as the
// previous answer is read in full (a closed loop: latency includes the wait behind the other connections'
// requests, since the server answers from one thread). Requests vary (actors, codes, periods, pages) from a seeded
// generator, so caches help no more than they would for real users. Each view is measured with 1 connection (the
// latency one user sees) and with 4 (several users at once: requests wait for each other). Environment:
// DYAD_SERVE_EVENTS (default 1,000,000), DYAD_SERVE_CONNECTIONS (default "1,4"), DYAD_SERVE_SECONDS per view (default 5).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import type { Bench, BenchContext, Figures } from './bench.js';
import { COUNTRIES } from './serve-data.js';
import { eventId, random, serveStore } from './serve-store.js';

/** What one view asks: the next path for a connection (connections keep state for cursor paging). */
interface View {
  name: string;
  /** Counted against the target of p99 ≤ 100 ms (filtered event pages and dyad series). */
  target: boolean;
  next(rand: () => number, state: ConnectionState): string;
}

interface ConnectionState {
  /** The next page's cursor of a paging session, and the pages left in it. */
  cursor: string | null;
  pages: number;
  base: string;
  /** The last answer's body, for views that follow it. */
  lastBody: string;
}

const TOP = COUNTRIES.slice(0, 15).map(([code]) => code);
const PREFIXES = ['19*', '17*', '04*', '07*', '0231', '18*', '11*', '02*', '03*', '14*'];
const pick = <T>(list: readonly T[], rand: () => number): T => list[Math.floor(rand() * list.length)] as T;
const pair = (rand: () => number): [string, string] => {
  const a = pick(TOP, rand);
  let b = pick(TOP, rand);
  while (b === a) b = pick(TOP, rand);
  return [a, b];
};
const month = (rand: () => number): [string, string] => {
  const year = 2005 + Math.floor(rand() * 20);
  const first = 1 + Math.floor(rand() * 10);
  const last = first + Math.floor(rand() * 3);
  const mm = (m: number): string => String(m).padStart(2, '0');
  return [`${year}-${mm(first)}`, `${year}-${mm(last)}`];
};

function views(events: number, threadIds: string[]): View[] {
  return [
    { name: 'events by actor (source, newest first)', target: true, next: (r) => `/api/events?source=${pick(TOP, r)}&sort=-date&limit=100` },
    { name: 'events by dyad (source + target)', target: true, next: (r) => { const [a, b] = pair(r); return `/api/events?source=${a}&target=${b}&sort=-date&limit=100`; } },
    { name: 'events by code prefix', target: true, next: (r) => `/api/events?code=${encodeURIComponent(pick(PREFIXES, r))}&sort=-date&limit=100` },
    { name: 'events by period (1-3 months)', target: true, next: (r) => { const [since, until] = month(r); return `/api/events?since=${since}&until=${until}&sort=date&limit=100`; } },
    { name: 'events by actor + code + period', target: true, next: (r) => { const [since] = month(r); return `/api/events?actor=${pick(TOP, r)}&code=${encodeURIComponent(pick(PREFIXES, r))}&since=${since.slice(0, 4)}&sort=-date&limit=100`; } },
    {
      name: 'reports, cursor paging (10 pages of a source)', target: true,
      next: (r, s) => {
        if (s.cursor !== null && s.pages > 0) {
          s.pages -= 1;
          return `${s.base}&cursor=${s.cursor}`;
        }
        s.base = `/api/events?level=reports&source=${pick(TOP, r)}&sort=-date&limit=100`;
        s.pages = 9;
        return s.base;
      },
    },
    { name: 'dyad series by month (one pair)', target: true, next: (r) => { const [a, b] = pair(r); return `/api/dyads?source=${a}&target=${b}&by=month&nodes=country&limit=100000`; } },
    { name: 'dyad series by month (one source: timeline)', target: true, next: (r) => `/api/dyads?source=${pick(TOP, r)}&by=month&nodes=country&limit=100000` },
    { name: 'dyad series by month (no filter: timeline)', target: false, next: () => '/api/dyads?by=month&nodes=country&limit=100000' },
    { name: 'actors (filters bar, no filter)', target: false, next: () => '/api/actors?limit=300' },
    { name: 'actors of one source', target: false, next: (r) => `/api/actors?source=${pick(TOP, r)}&limit=100` },
    { name: 'network (no filter)', target: false, next: () => '/api/network?level=country&limit=150' },
    { name: 'network (one year)', target: false, next: (r) => { const year = 2005 + Math.floor(r() * 20); return `/api/network?since=${year}&until=${year}&nodes=country&limit=150`; } },
    { name: 'one report with its event and every report of it', target: false, next: (r) => `/api/reports/${eventId(Math.floor(r() * events))}` },
    { name: 'events of a source (with strongest reports)', target: false, next: (r) => `/api/events?source=${pick(TOP, r)}&sort=-date&limit=100` },
    { name: 'event timeline by month (no filter)', target: false, next: () => '/api/timeline?by=month' },
    { name: 'store counts (page header; polled every 5 s)', target: false, next: () => '/api/stats' },
    { name: 'threads (no filter)', target: false, next: () => '/api/threads?limit=50' },
    { name: 'threads of one party', target: false, next: (r) => `/api/threads?party=${pick(TOP, r)}&limit=50` },
    { name: 'one thread with its evidence', target: false, next: (r) => `/api/threads/${encodeURIComponent(pick(threadIds, r))}` },
  ];
}

/** Starts `dyad serve` (the CLI, through tsx) on a free loopback port; resolves with its base URL. */
function startServer(root: string, db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'bin.ts'), 'serve', '--db', db, '--port', '0'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /at http:\/\/[^:]+:(\d+)\//.exec(out)?.[1];
      if (port !== undefined) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code) => reject(new Error(`dyad serve exited (${code}) before listening: ${err.trim().split('\n').slice(-3).join(' | ')}`)));
  });
}

/** One GET, read in full: status, body, milliseconds. */
function get(agent: Agent, url: string): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { Accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface ViewResult { requests: number; perSecond: number; p50: number; p99: number; max: number; errors: number; lastError: string; meanBytes: number }

/** Runs one view: `connections` closed loops for `seconds`, after a short warm-up. */
async function load(base: string, view: View, connections: number, seconds: number, seed: number): Promise<ViewResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let lastError = '';
  let bytes = 0;
  const run = async (until: number, record: boolean, n: number): Promise<void> => {
    const rand = random(seed * 1000 + n);
    const state: ConnectionState = { cursor: null, pages: 0, base: '', lastBody: '' };
    while (performance.now() < until) {
      let answer: { status: number; body: string; ms: number };
      try {
        answer = await get(agent, base + view.next(rand, state));
      } catch (err) {
        // a connection reset or refused: counted, never fatal (the figures say how many)
        if (record) errors += 1;
        lastError = (err as Error).message;
        state.cursor = null;
        continue;
      }
      state.cursor = answer.status === 200 ? (/"next":"([^"]+)"/.exec(answer.body)?.[1] ?? null) : null;
      if (!record) continue;
      latencies.push(answer.ms);
      bytes += answer.body.length;
      if (answer.status !== 200) errors += 1;
    }
  };
  const warm = performance.now() + 1000;
  await Promise.all(Array.from({ length: connections }, (_, n) => run(warm, false, n + 100)));
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, n) => run(started + seconds * 1000, true, n)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? 0, errors, lastError, meanBytes: latencies.length === 0 ? 0 : bytes / latencies.length,
  };
}

function peakRssMb(pid: number | undefined): number | string {
  if (pid === undefined) return 'n/a';
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 'n/a' : Number((Number(kb) / 1024).toFixed(0));
  } catch {
    return 'n/a';
  }
}

const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

export const serveBench: Bench = {
  name: 'serve',
  describe: 'dyad serve under load on 1M synthetic events (DYAD_SERVE_EVENTS, _CONNECTIONS, _SECONDS): requests/s, p50/p99 per view',
  async run(context: BenchContext): Promise<Record<string, Figures>> {
    const events = Math.round(envNumber('DYAD_SERVE_EVENTS', 1_000_000));
    const phases = (process.env['DYAD_SERVE_CONNECTIONS'] ?? '1,4').split(',').map((c) => Number(c.trim()));
    if (phases.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('DYAD_SERVE_CONNECTIONS must be whole numbers ≥ 1, comma-separated');
    const seconds = envNumber('DYAD_SERVE_SECONDS', 5);
    const info = await serveStore(context.root, events, context.progress);
    const store: Figures = {
      events: info.events, articles: info.articles, 'happenings (clusters)': info.clusters, threads: info.threads,
      'database MB': info.sizeMb,
      'build s': info.cached ? `${info.buildSeconds} (by an earlier run; cached in bench/out/)` : info.buildSeconds,
      'build parts': info.parts,
    };
    context.progress('starting dyad serve (the first open of a store applies pending migrations)');
    const opening = performance.now();
    const { child, url } = await startServer(context.root, info.path);
    store['server start s'] = Number(((performance.now() - opening) / 1000).toFixed(1));
    const load0 = loadavg()[0] ?? 0;
    try {
      const agent = new Agent({ keepAlive: true });
      const threadIds: string[] = [];
      for (const party of TOP.slice(0, 8)) {
        const answer = await get(agent, `${url}/api/threads?party=${party}&limit=20`);
        for (const m of answer.body.matchAll(/"id":"(t-c-[^"]+)"/g)) threadIds.push(m[1] as string);
      }
      agent.destroy();
      if (threadIds.length === 0) threadIds.push('t-none');
      const groups: Record<string, Figures> = { store };
      const summary: Figures = {};
      for (const connections of phases) {
        const figures: Figures = {};
        const missed: string[] = [];
        let seed = 1;
        for (const view of views(info.events, threadIds)) {
          context.progress(`${connections} connection${connections === 1 ? '' : 's'}: ${view.name}`);
          const r = await load(url, view, connections, seconds, seed++);
          figures[view.name] = `${r.perSecond.toFixed(0).padStart(5)} req/s · p50 ${r.p50.toFixed(1).padStart(6)} ms · p99 ${r.p99.toFixed(1).padStart(6)} ms`
            + ` · ${(r.meanBytes / 1024).toFixed(0)} KiB${r.errors > 0 ? ` · ${r.errors} errors (${r.lastError || 'status ≠ 200'})` : ''}`
            + `${view.target ? (r.p99 <= 100 ? ' · target met' : ' · TARGET MISSED') : ''}`;
          if (view.target && r.p99 > 100) missed.push(view.name);
        }
        groups[`${connections} connection${connections === 1 ? '' : 's'}, ${seconds} s per view`] = figures;
        summary[`p99 ≤ 100 ms, event pages and dyad series, ${connections} conn.`] = missed.length === 0 ? 'met by every such view' : `missed by: ${missed.join('; ')}`;
      }
      summary['server peak RSS MB'] = peakRssMb(child.pid);
      summary['machine load average (1 min) before / after'] = `${load0.toFixed(1)} / ${(loadavg()[0] ?? 0).toFixed(1)} (2 cores; other work on the machine slows every figure)`;
      groups['summary'] = summary;
      return groups;
    } finally {
      child.kill('SIGTERM');
    }
  },
};
