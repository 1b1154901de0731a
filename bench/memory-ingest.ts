// Bench child of `memory`: one ingest of a corpus into a fresh SQLite store (word-window coder) with the given linker capacity, printing RSS and the live heap (after a forced GC, with --expose-gc) as it goes.
import { createCoder } from '../src/coder/create-coder.js';
import { ingestArticles } from '../src/pipeline/ingest-articles.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';

const [corpus, db, capacity, every] = process.argv.slice(2);
if (corpus === undefined || db === undefined) throw new Error('usage: memory-ingest CORPUS DB [CAPACITY|unbounded] [EVERY]');
const step = Number(every ?? 10_000);
const coder = await createCoder({ parser: null });
const store = await openSqliteStore(db);
let next = step;
const summary = await ingestArticles([corpus], {
  store,
  coder,
  linkCapacity: capacity === undefined ? undefined : capacity === 'unbounded' ? Infinity : Number(capacity),
  progressEveryMs: 1000,
  onProgress: (p) => {
    const seen = p.read;
    if (seen < next) return;
    next = (Math.floor(seen / step) + 1) * step;
    const rss = Math.round(process.memoryUsage().rss / 1048576);
    // the live heap: what stays after a full collection (RSS also holds garbage V8 has not yet collected)
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heap = gc === undefined ? '-' : String(Math.round(process.memoryUsage().heapUsed / 1048576));
    process.stdout.write(`rss ${seen} ${rss} ${heap}\n`);
  },
});
process.stdout.write(`done ${summary.new} ${summary.nearDuplicates} ${summary.events} ${summary.clusters ?? 0}\n`);
await store.close();
