// End to end: `dyad ingest` is idempotent, links syndicated copies, and resumes after kill -9 with no loss and no duplicate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { jsonLines, syndicatedChains } from './fixtures/syndicated-chains.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';

const CLI = ['--import', 'tsx', 'src/cli/bin.ts'];
const dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-'));

function dyad(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

function snapshot(db: string): { articles: string[]; events: string[] } {
  const d = new Database(db, { readonly: true });
  try {
    const articles = (d.prepare('SELECT id, near_duplicate_of AS near FROM articles ORDER BY id').all() as Array<{ id: string; near: string | null }>)
      .map((r) => (r.near === null ? r.id : `${r.id} → ${r.near}`));
    const events = (d.prepare('SELECT e.id FROM events e ORDER BY e.id').all() as Array<{ id: string }>).map((r) => r.id);
    return { articles, events };
  } finally {
    d.close();
  }
}

/** Articles stored so far (0 before the file exists), read beside the writer. */
function storedArticles(db: string): number {
  if (!existsSync(db)) return 0;
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } catch {
    return 0; // the schema is not there yet
  } finally {
    d.close();
  }
}

const STORIES = [
  'Iraqi officials asked China for military help on Monday.',
  'China handed Iraq 20,000 assault rifles, the ministry said.',
  'Russia promised to deliver helicopters to Mali.',
  'Al-Shabaab militants attacked Somali troops near Mogadishu.',
  'Turkey refused to supply drones to Iraq.',
];

const FILLER = 'harvest river market winter council bridge school railway festival border museum factory harbour election budget weather football concert hospital airport village mountain coastline library theatre'.split(' ');

/** Articles that share a story sentence but differ in the rest, so that none is a near-duplicate of another. */
function corpus(path: string, n: number): void {
  const lines: string[] = [];
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < n; i++) {
    const story = STORIES[i % STORIES.length] as string;
    const words = Array.from({ length: 40 }, () => FILLER[next() % FILLER.length]).join(' ');
    lines.push(JSON.stringify({ id: `r${i}`, date: '2020-05-01', title: `Report ${i}`, text: `${story} Local notes: ${words}.` }));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

test('ingesting the same file twice stores it once', () => {
  const input = join(dir, 'small.jsonl');
  corpus(input, 20);
  const db = join(dir, 'twice.db');
  assert.equal(dyad(['ingest', input, '--db', db, '-q']).status, 0);
  const first = snapshot(db);
  assert.equal(first.articles.length, 20);
  assert.ok(first.events.length >= 16, `expected events, got ${first.events.length}`);
  assert.equal(dyad(['ingest', input, '--db', db, '-q']).status, 0);
  assert.deepEqual(snapshot(db), first);
});

test('a syndicated copy is linked to the first article, not coded again', () => {
  const story = 'BAGHDAD, May 14 (Dyad Wire) - Iraqi officials have asked China for military help, in particular for the free supply of armed drones. China has already handed Iraq 20,000 assault rifles, the ministry said. Talks will continue next month in Beijing, officials said.';
  writeFileSync(join(dir, 'a.txt'), `Iraq asks China for drones\n\n${story}\n`);
  const copy = story.replace('BAGHDAD, May 14 (Dyad Wire) -', 'BAGHDAD (Dyad Wire) -').replace('Talks will continue', 'Talks are to continue');
  writeFileSync(join(dir, 'b.txt'), `Iraq seeks Chinese drones - The Other Paper\n\n${copy}\n\nThe Other Paper carried this report from the wire.\n`);
  const db = join(dir, 'syndicated.db');
  assert.equal(dyad(['ingest', join(dir, 'a.txt'), join(dir, 'b.txt'), '--db', db, '-q']).status, 0);
  const d = new Database(db, { readonly: true });
  const rows = d.prepare('SELECT id, near_duplicate_of AS dup FROM articles ORDER BY id').all() as Array<{ id: string; dup: string | null }>;
  const events = d.prepare('SELECT a.id AS doc FROM events e JOIN articles a ON a.seq = e.article').all() as Array<{ doc: string }>;
  d.close();
  assert.equal(rows.length, 2);
  assert.equal(rows.find((r) => r.id.endsWith('b.txt'))?.dup, join(dir, 'a.txt'));
  assert.ok(events.length > 0);
  assert.ok(events.every((e) => e.doc.endsWith('a.txt')));

  // the copy arriving in a later run is linked too
  const later = join(dir, 'syndicated-later.db');
  assert.equal(dyad(['ingest', join(dir, 'a.txt'), '--db', later, '-q']).status, 0);
  assert.equal(dyad(['ingest', join(dir, 'b.txt'), '--db', later, '-q']).status, 0);
  const d2 = new Database(later, { readonly: true });
  const linked = d2.prepare('SELECT near_duplicate_of AS dup FROM articles WHERE id = ?').get(join(dir, 'b.txt')) as { dup: string | null };
  d2.close();
  assert.equal(linked.dup, join(dir, 'a.txt'));
});

test('an ingest killed with SIGKILL and started again ends with the same database, copies of copies included', async () => {
  // 1,000 stories, each copied 50 records later and the copy copied again 50 records after that: a kill anywhere
  // past the first batches leaves copies stored whose own copies are still to come
  const input = join(dir, 'big.jsonl');
  writeFileSync(input, jsonLines(syndicatedChains(1000, 50)));
  const whole = join(dir, 'whole.db');
  assert.equal(dyad(['ingest', input, '--db', whole, '-q', '--batch', '50']).status, 0);
  const expected = snapshot(whole);

  const killed = join(dir, 'killed.db');
  const child = spawn(process.execPath, [...CLI, 'ingest', input, '--db', killed, '-q', '--batch', '50'], { stdio: 'ignore' });
  // kill once the first copies of copies are stored, at a moment of the child's own making
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    if (storedArticles(killed) >= 600) break;
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const partial = snapshot(killed);
  assert.ok(partial.articles.length < expected.articles.length, 'the kill came before the end');

  assert.equal(dyad(['ingest', input, '--db', killed, '-q', '--batch', '50']).status, 0);
  assert.deepEqual(snapshot(killed), expected);
});

test('a second writer of one store waits for the first, saying so, or with --no-wait is refused', async () => {
  const input = join(dir, 'writers.jsonl');
  corpus(input, 10);
  const db = join(dir, 'writers.db');
  const holder = await openSqliteStore(db);
  const lock = await holder.acquireWriter();

  const refused = dyad(['ingest', input, '--db', db, '-q', '--no-wait']);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /E601 .*writers\.db: another process is writing to .*writers\.db/);

  const child = spawn(process.execPath, [...CLI, 'ingest', input, '--db', db, '-q'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  await new Promise<void>((resolve) => child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.includes('waiting for it to finish')) resolve();
  }));
  assert.equal((await holder.stats()).articles, 0, 'nothing written while it waits');
  await lock.release();
  const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(status, 0);
  assert.equal((await holder.stats()).articles, 10);
  await holder.close();
});
