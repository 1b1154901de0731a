// Bench `hostile`, server part: a store of ordinary articles → `dyad serve` (compiled) → 8 connections, 20% authenticated writes (one of them a 512 KB article without punctuation) → GET and POST p50/p99.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import type { Figures } from './bench.js';

const TOKEN = 'hostile-bench-token';
const COUNTRIES = ['China', 'Iraq', 'Russia', 'Germany', 'France', 'Mali', 'Somalia', 'Ukraine', 'Japan', 'Iran', 'Turkey', 'Egypt'];
const VERBS = ['asked {B} for military help', 'promised to deliver helicopters to {B}', 'condemned the attack by {B}', 'met officials from {B}', 'sent rifles to {B}'];
const READS = ['/api/events?limit=100&sort=-date', '/api/events?source=CHN&limit=100', '/api/stats', '/api/threads?limit=50', '/api/dyads?by=month&nodes=country&limit=1000', '/api/actors?limit=100'];

/** An ordinary article of three sentences, different for each n. */
export function ordinaryArticle(n: number): { id: string; text: string; date: string; source: string } {
  const sentence = (k: number): string => {
    const a = COUNTRIES[(n + k) % COUNTRIES.length] as string;
    const b = COUNTRIES[(n * 7 + k * 3 + 1) % COUNTRIES.length] as string;
    return `${a} ${(VERBS[(n + k) % VERBS.length] as string).replace('{B}', b === a ? 'Chad' : b)} on day ${n}, officials said in report ${n * 31 + k}.`;
  };
  const day = 1 + (n % 28);
  return { id: `load-${n}`, text: [0, 1, 2].map(sentence).join(' '), date: `2024-0${1 + (n % 9)}-${String(day).padStart(2, '0')}`, source: `Outlet ${n % 40}` };
}

function send(agent: Agent, url: string, body?: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = body === undefined ? {} : { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
    const req = request(url, { agent, method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function startServe(root: string, db: string): Promise<{ child: ChildProcess; url: string }> {
  // DYAD_SERVE_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load
  const flags = (process.env['DYAD_SERVE_NODE_FLAGS'] ?? '').split(' ').filter((flag) => flag !== '');
  const child = spawn(process.execPath, [...flags, join(root, 'bin', 'dyad.js'), 'serve', '--db', db, '--port', '0'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DYAD_TOKEN: TOKEN },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /at http:\/\/[^:]+:(\d+)\//.exec(out)?.[1];
      if (port !== undefined) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code) => reject(new Error(`dyad serve exited (${code}) before listening`)));
  });
}

/**
 * CPU time (user + system, ms) the server's main thread — the one that answers requests — has used so far, from
 * /proc (Linux; null elsewhere). Unlike latency on a shared machine, it does not depend on what else runs there.
 */
function mainThreadCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 14 and 15 of stat (utime, stime), counted after the command name: indexes 11 and 12 here; clock ticks of 10 ms
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const percentile = (sorted: number[], p: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0);

/**
 * Fills a store with `articles` ordinary articles (dyad ingest), serves it, and runs `connections` closed-loop
 * connections, first a third of `seconds` (at least 5 s) of reads only, then `seconds` with each request a write with probability 0.2 (a new ordinary article; the very first write
 * is `hostileText`) and otherwise a read of one of the UI's views. Returns latency figures and the server's peak RSS.
 */
export async function loadWithWrites(root: string, dir: string, options: { articles: number; connections: number; seconds: number; hostileText: string },
  progress: (message: string) => void): Promise<Figures> {
  const db = join(dir, 'load.db');
  const seed = join(dir, 'load-seed.jsonl');
  writeFileSync(seed, Array.from({ length: options.articles }, (_, n) => JSON.stringify(ordinaryArticle(n))).join('\n') + '\n');
  progress(`load: ingesting ${options.articles} articles`);
  const ingest = spawnSync(process.execPath, [join(root, 'bin', 'dyad.js'), 'ingest', seed, '--db', db, '--quiet'], { cwd: root, encoding: 'utf8' });
  if (ingest.status !== 0) return { error: `ingest failed: ${ingest.stderr.trim().split('\n').slice(-2).join(' | ')}` };
  const { child, url } = await startServe(root, db);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const gets: number[] = [];
  const getsByView = new Map<string, number[]>(READS.map((view) => [view, []]));
  const posts: number[] = [];
  const statuses = new Map<number, number>();
  let hostileMs: number | null = null;
  let next = options.articles;
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const status = spawnSync('cat', [`/proc/${child.pid}/status`], { encoding: 'utf8' }).stdout;
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peakKb = Math.max(peakKb, kb);
    } catch { /* the process is gone */ }
  }, 1000);
  let seed32 = 1;
  const rand = (): number => ((seed32 = (Math.imul(seed32, 1103515245) + 12345) >>> 0) / 4294967296);
  const readsOnly: number[] = [];
  let cpuReads: number | null = null;
  let cpuWrites: number | null = null;
  try {
    const baseline = Math.max(5, Math.round(options.seconds / 3));
    progress(`load: ${options.connections} connections for ${baseline} s, reads only`);
    const cpuStart = mainThreadCpuMs(child.pid);
    const baselineEnd = performance.now() + baseline * 1000;
    await Promise.all(Array.from({ length: options.connections }, async () => {
      while (performance.now() < baselineEnd) readsOnly.push((await send(agent, `${url}${READS[Math.floor(rand() * READS.length)] as string}`)).ms);
    }));
    cpuReads = cpuStart === null ? null : (mainThreadCpuMs(child.pid) ?? cpuStart) - cpuStart;
    progress(`load: ${options.connections} connections for ${options.seconds} s, 20% writes`);
    const cpuWritesStart = mainThreadCpuMs(child.pid);
    const end = performance.now() + options.seconds * 1000;
    let hostileSent = false;
    await Promise.all(Array.from({ length: options.connections }, async () => {
      while (performance.now() < end) {
        if (rand() < 0.2) {
          const body = hostileSent ? JSON.stringify(ordinaryArticle(next++)) : JSON.stringify({ id: 'hostile-512k', text: options.hostileText });
          const first = !hostileSent;
          hostileSent = true;
          const answer = await send(agent, `${url}/api/articles`, body);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (first) hostileMs = answer.ms;
          else posts.push(answer.ms);
        } else {
          const view = READS[Math.floor(rand() * READS.length)] as string;
          const answer = await send(agent, `${url}${view}`);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          gets.push(answer.ms);
          getsByView.get(view)?.push(answer.ms);
        }
      }
    }));
    cpuWrites = cpuWritesStart === null ? null : (mainThreadCpuMs(child.pid) ?? cpuWritesStart) - cpuWritesStart;
  } finally {
    clearInterval(poll);
    agent.destroy();
    child.kill('SIGTERM');
  }
  gets.sort((a, b) => a - b);
  posts.sort((a, b) => a - b);
  readsOnly.sort((a, b) => a - b);
  return {
    'GET p50 / p99 ms, no writes': `${percentile(readsOnly, 0.5)} / ${percentile(readsOnly, 0.99)} (${readsOnly.length} requests, the same views)`,
    store: `${options.articles} ordinary articles, then ${posts.length + 1} posted`,
    load: `${options.connections} connections, ${options.seconds} s, 20% writes`,
    'GET p50 / p99 ms, 20% writes': `${percentile(gets, 0.5)} / ${percentile(gets, 0.99)} (${gets.length} requests; target p99 ≤ 100)`,
    'GET p99 ms by view, 20% writes': [...getsByView].map(([view, ms]) => `${view} ${percentile(ms.sort((a, b) => a - b), 0.99)}`).join('; '),
    'POST p50 / p99 ms': `${percentile(posts, 0.5)} / ${percentile(posts, 0.99)} (${posts.length} ordinary articles)`,
    // the request thread's CPU per GET with no writes, and what each POST added to it under writes (GETs at that rate subtracted)
    'request thread CPU ms per GET / per POST': cpuReads === null || cpuWrites === null || readsOnly.length === 0 || posts.length === 0 ? 'n/a'
      : `${(cpuReads / readsOnly.length).toFixed(2)} / ${((cpuWrites - (gets.length * cpuReads) / readsOnly.length) / (posts.length + 1)).toFixed(2)} (CPU time of the server's main thread, from /proc)`,
    'hostile POST ms': hostileMs === null ? 'not sent' : Math.round(hostileMs),
    statuses: [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', '),
    'server peak RSS MB': peakKb === 0 ? 'n/a' : Math.round(peakKb / 1024),
  };
}
