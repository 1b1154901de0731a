// End to end: `dyad ingest --queue` publishes, `dyad worker`s killed with SIGKILL and started again store exactly what one `dyad ingest` stores; `dyad status` counts what is pending; SIGTERM stops a worker cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ArticleQueue } from '../src/queue/article-queue.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { DyadError } from '../src/types/index.js';
import { jsonLines, syndicatedChains } from './fixtures/syndicated-chains.js';

const CLI = ['--import', 'tsx', 'src/cli/bin.ts'];
const SERVER = process.env.DYAD_TEST_NATS ?? 'nats://127.0.0.1:4222';
const dir = mkdtempSync(join(tmpdir(), 'dyad-queue-'));
const QUEUE = `${SERVER}/DYAD_E2E_${process.pid}`;
const reachable = await ArticleQueue.open(QUEUE).then(async (q) => { await q.deleteStream(); await q.close(); return true; },
  (err: unknown) => `no NATS JetStream at ${SERVER} (${(err as Error).message}); .ci/run starts one`);

function dyad(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function snapshot(db: string): { articles: string[]; events: string[] } {
  const d = new Database(db, { readonly: true });
  try {
    const articles = (d.prepare('SELECT id, near_duplicate_of AS near FROM articles ORDER BY id').all() as Array<{ id: string; near: string | null }>)
      .map((r) => (r.near === null ? r.id : `${r.id} → ${r.near}`));
    const events = (d.prepare('SELECT id FROM events ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
    return { articles, events };
  } finally {
    d.close();
  }
}

function stored(db: string): number {
  if (!existsSync(db)) return 0;
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    d.close();
  }
}

test('queue-fed workers killed with SIGKILL store exactly what one ingest stores', { skip: reachable === true ? false : reachable }, async () => {
  const input = join(dir, 'chains.jsonl');
  writeFileSync(input, jsonLines(syndicatedChains(300, 30)));
  const whole = join(dir, 'whole.db');
  assert.equal(dyad(['ingest', input, '--db', whole, '-q']).status, 0);

  const published = dyad(['ingest', input, '--queue', QUEUE]);
  assert.equal(published.status, 0, published.stderr);
  assert.match(published.stderr, /Published to .*: 900 articles, 0 already there/);
  assert.match(dyad(['ingest', input, '--queue', QUEUE]).stderr, /: 0 articles, 900 already there/, 'a re-publish adds nothing');

  const db = join(dir, 'workers.db');
  for (let kill = 0; kill < 2; kill++) {
    const before = stored(db);
    const child = spawn(process.execPath, [...CLI, 'worker', '--db', db, '--queue', QUEUE, '--batch', '20', '-q'], { stdio: 'ignore' });
    // killed once it has stored more, at a moment of its own making
    while (stored(db) <= before + 40) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }
  assert.ok(stored(db) < 900, 'the kills came before the end');
  const status = JSON.parse(dyad(['status', '--db', db, '--queue', QUEUE, '--format', 'json']).stdout) as { pending: number };
  assert.ok(status.pending > 0, `pending ${status.pending}`);

  const last = dyad(['worker', '--db', db, '--queue', QUEUE, '--drain', '-q']);
  assert.equal(last.status, 0, last.stderr);
  assert.deepEqual(snapshot(db), snapshot(whole));
  assert.equal((JSON.parse(dyad(['status', '--db', db, '--queue', QUEUE, '--format', 'json']).stdout) as { pending: number }).pending, 0);

  // a waiting worker stops cleanly on SIGTERM
  const idle = spawn(process.execPath, [...CLI, 'worker', '--db', db, '--queue', QUEUE, '-q'], { stdio: 'ignore' });
  const probe = await openSqliteStore(db);
  for (;;) {
    // the worker holds the writer lock once it is running
    const lock = await probe.acquireWriter().catch((err: unknown) => (err instanceof DyadError && err.code === 'E601' ? null : Promise.reject(err)));
    if (lock === null) break;
    await lock.release();
    await new Promise((r) => setTimeout(r, 50));
  }
  idle.kill('SIGTERM');
  assert.equal(await new Promise((r) => idle.once('exit', r)), 0);
  await probe.close();
  const queue = await ArticleQueue.open(QUEUE);
  await queue.deleteStream();
  await queue.close();
});
