// Bench `scale`: a corpus with syndicated copies and copies of copies → `dyad ingest` into SQLite and into PostgreSQL (child processes) → articles/s, events/s, peak RSS; then kills and resumes, compared with one run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.js';
import { testDatabases } from '../src/store/postgres/pg-test-server.js';
import { jsonLines, syndicatedChains } from '../test/fixtures/syndicated-chains.js';
import { ensureBuild } from './code.js';
import { measureChild } from './measure-child.js';
import type { Bench, BenchContext, Figures } from './bench.js';

/** What a store holds after an ingest, to compare runs. */
async function contents(db: string): Promise<string> {
  const store = await openStore(db);
  try {
    const stats = await store.stats();
    return `${stats.articles} articles (${stats.nearDuplicates} copies), ${stats.events} events, ${await store.countClusters({})} happenings, ${await store.countThreads()} threads`;
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

export const scaleBench: Bench = {
  name: 'scale',
  describe: 'dyad ingest of a corpus with copies of copies (--sentences N articles, default 100,000) into SQLite and PostgreSQL; kill -9 and resume',
  async run(context: BenchContext): Promise<Record<string, Figures>> {
    const out = join(context.root, 'bench', 'out');
    mkdirSync(out, { recursive: true });
    const stories = Math.max(10, Math.floor(context.sentences / 3));
    const corpus = join(out, `scale-${stories}.jsonl`);
    if (!existsSync(corpus)) {
      context.progress(`writing ${(stories * 3).toLocaleString('en-US')} articles`);
      writeFileSync(corpus, jsonLines(syndicatedChains(stories, 50)));
    }
    const build = ensureBuild(context.root);
    const cli = join(context.root, 'bin', 'dyad.js');
    const databases = await testDatabases();
    const targets: Array<[string, () => Promise<string | null>]> = [
      ['SQLite', async () => {
        const db = join(out, `scale-${Math.random().toString(36).slice(2)}.db`);
        for (const suffix of ['', '-wal', '-shm', '-writer']) rmSync(db + suffix, { force: true });
        return db;
      }],
      ['PostgreSQL', async () => (typeof databases === 'string' ? null : databases.create())],
    ];
    const groups: Record<string, Figures> = {};
    for (const [name, fresh] of targets) {
      const db = await fresh();
      if (db === null) {
        groups[name] = { skipped: typeof databases === 'string' ? databases : 'no server' };
        continue;
      }
      context.progress(`ingesting into ${name}`);
      const child = await measureChild(cli, ['ingest', corpus, '--db', db, '-q'], { cwd: context.root, oneCore: true });
      const once = await contents(db);
      const store = await openStore(db);
      const stats = await store.stats();
      await store.close();
      const seconds = child.wallMs / 1000;
      context.progress(`${name}: killing an ingest five times and resuming`);
      const resumed = await fresh();
      if (resumed !== null) await killAndResume(cli, corpus, resumed, 5, Math.max(300, child.wallMs / 8), context.root);
      const after = resumed === null ? 'n/a' : await contents(resumed);
      groups[name] = {
        build,
        'exit code': child.exitCode ?? 'killed',
        'articles/s (1 process)': Math.round(stats.articles / seconds),
        'events/s (1 process)': Math.round(stats.events / seconds),
        'wall s': Number(seconds.toFixed(1)),
        'peak RSS MB': child.peakRssKb === null ? 'n/a' : Number((child.peakRssKb / 1024).toFixed(1)),
        'one run': once,
        'killed 5× and resumed': after,
        'resume exact': after === once ? 'yes' : 'NO',
        'workers 2 and 4': 'not built (issue 12, part 4)',
      };
    }
    if (typeof databases !== 'string') await databases.dropAll();
    return groups;
  },
};
