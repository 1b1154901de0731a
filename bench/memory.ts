// Bench `memory`: the syndicated news corpus at growing sizes → one ingest each with the linker bounded (default capacity) and unbounded → peak RSS, RSS along the way, wall time, and whether both stores hold the same happenings.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { LINK_CAPACITY } from '../src/pipeline/mention-linker.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { writeSyndicatedNews } from './corpus.js';
import { measureChild } from './measure-child.js';
import type { Bench, BenchContext, Figures } from './bench.js';

/** Corpus sizes in articles (DYAD_MEMORY_ARTICLES, comma-separated). */
const SIZES = (process.env.DYAD_MEMORY_ARTICLES ?? '20000,50000,100000').split(',').map(Number);
/** Which linkers to run (DYAD_MEMORY_MODES: bounded, unbounded). */
const MODES = (process.env.DYAD_MEMORY_MODES ?? 'bounded,unbounded').split(',');
/** Mentions the bounded linker holds (DYAD_MEMORY_CAPACITY; default the linker's own). */
const CAPACITY = Number(process.env.DYAD_MEMORY_CAPACITY ?? LINK_CAPACITY);

/** A digest of every happening (id and member reports), to tell two stores apart. */
async function happenings(db: string): Promise<{ count: number; digest: string }> {
  const store = await openSqliteStore(db);
  try {
    const hash = createHash('sha256');
    let count = 0;
    for (let offset = 0; ; offset += 10_000) {
      const page = await store.clusters({}, { sort: 'id', limit: 10_000, offset });
      for (const cluster of page) hash.update(`${cluster.id}:${cluster.mentionIds.join(',')}:${cluster.ambiguous}\n`);
      count += page.length;
      if (page.length < 10_000) break;
    }
    return { count, digest: hash.digest('hex').slice(0, 12) };
  } finally {
    await store.close();
  }
}

export const memoryBench: Bench = {
  name: 'memory',
  describe: 'ingest of the syndicated news corpus (word-window coder) at 20k, 50k, 100k articles with the linker bounded and unbounded: peak RSS, RSS and live heap along the way',
  async run(context: BenchContext): Promise<Record<string, Figures>> {
    const out = join(context.root, 'bench', 'out');
    mkdirSync(out, { recursive: true });
    const groups: Record<string, Figures> = {};
    for (const n of SIZES) {
      const corpus = join(out, `syndicated-${n}.jsonl`);
      if (!existsSync(corpus)) writeSyndicatedNews(corpus, n);
      const digests: string[] = [];
      for (const mode of MODES) {
        const db = join(out, `memory-${mode}-${n}.db`);
        for (const suffix of ['', '-wal', '-shm', '-writer']) rmSync(db + suffix, { force: true });
        const load = loadavg()[0]?.toFixed(1) ?? '?';
        context.progress(`${n.toLocaleString('en-US')} articles, linker ${mode} (load ${load})`);
        const samples: string[] = [];
        const heaps: string[] = [];
        let done = '';
        const child = await measureChild(process.execPath, ['--expose-gc', '--import', 'tsx', join('bench', 'memory-ingest.ts'), corpus, db, mode === 'bounded' ? String(CAPACITY) : 'unbounded', String(Math.max(1000, n / 10))], {
          cwd: context.root,
          onStdout: (chunk) => {
            for (const line of chunk.toString('utf8').split('\n')) {
              const [kind, ...rest] = line.split(' ');
              if (kind === 'rss') {
                samples.push(`${Number(rest[0]).toLocaleString('en-US')}: ${rest[1]} MB`);
                heaps.push(`${Number(rest[0]).toLocaleString('en-US')}: ${rest[2]} MB`);
              }
              if (kind === 'done') done = rest.join(' ');
            }
          },
        });
        const [coded, copies, events] = done.split(' ').map(Number);
        const stored = await happenings(db);
        digests.push(stored.digest);
        groups[`${n.toLocaleString('en-US')} articles, linker ${mode === 'bounded' ? `bounded (${CAPACITY.toLocaleString('en-US')} mentions)` : 'unbounded'}`] = {
          'exit code': child.exitCode ?? 'killed',
          'coded, copies': `${coded ?? '?'}, ${copies ?? '?'}`,
          events: events ?? '?',
          happenings: stored.count,
          'happenings digest': stored.digest,
          'wall s': Number((child.wallMs / 1000).toFixed(1)),
          'peak RSS MB': child.peakRssKb === null ? 'n/a' : Math.round(child.peakRssKb / 1024),
          'RSS by articles read': samples.join(', '),
          'live heap after GC by articles read': heaps.join(', '),
          'load average at start': load,
        };
        if (child.exitCode !== 0) context.progress(child.stderrTail);
      }
      if (digests.length > 1) groups[`${n.toLocaleString('en-US')} articles`] = { 'same happenings': digests.every((d) => d === digests[0]) ? 'yes' : 'NO' };
    }
    return groups;
  },
};
