// Tests: `dyad threads` and `dyad thread ID` over a temp store clustered from the shared sample articles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildThreads } from '../../link/build-threads.js';
import { Clusterer } from '../../link/cluster-events.js';
import type { Thread, ThreadStep } from '../../types/link.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { StoredMention } from '../../store/store.js';
import { sampleEntries } from '../../store/store-fixtures.js';
import { ExitSignal, memoryIo } from './events.js';
import { threadCommand, threadsCommand } from './threads.js';
import { defaultKindTree } from '../../link/kind-tree.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-cli-threads-'));
const db = join(dir, 'dyad.db');
const CHINA = 't-c-baghdad-2019.txt:0:1';
before(async () => {
  const store = await openSqliteStore(db);
  for (const { article, meta, events } of sampleEntries()) await store.putArticle(article, meta, events);
  const mentions: StoredMention[] = [];
  for await (const mention of store.iterateMentions()) mentions.push(mention);
  const clusterer = new Clusterer({ kinds: defaultKindTree() });
  await store.applyClusterChange(clusterer.addAll(mentions));
  await store.putThreads(buildThreads(clusterer.clusters(), { kinds: defaultKindTree() }));
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(command: typeof threadsCommand, args: string[], isTTY = false): Promise<ReturnType<typeof memoryIo>> {
  const io = memoryIo(isTTY);
  try {
    await command(io).parseAsync([...args, '--db', db], { from: 'user' });
  } catch (err) {
    if (!(err instanceof ExitSignal)) throw err;
  }
  return io;
}

const jsonl = (out: string): Thread[] => out.trim().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Thread);

test('dyad threads lists threads with filters, in each format', async () => {
  const cases: Array<[string[], string[]]> = [
    [[], ['NATO', 'CHN', 'TUR']],
    [['--party', 'tur'], ['TUR']],
    [['--party', 'IRQ', '--status', 'partly-fulfilled'], ['CHN']],
    [['--kind', 'patrol-boat'], ['TUR']],
    [['--since', '2021'], ['NATO']],
    [['--until', '2019'], ['CHN']],
    [['--kind', 'economic'], []],
  ];
  for (const [args, suppliers] of cases) {
    const io = await run(threadsCommand, [...args, '--format', 'jsonl']);
    assert.deepEqual([io.code, jsonl(io.out).map((t) => t.supplier)], [0, suppliers], args.join(' '));
  }
  const table = (await run(threadsCommand, ['--party', 'CHN'], true)).out.split('\n');
  assert.match(table[0]!, /^ID\s+SUPPLIER\s+RECIPIENT\s+HELP\s+STATUS\s+STEPS\s+RELATED\s+OPENED\s+LAST STEP\s+KINDS\s+MISSING$/);
  assert.match(table[2]!, /^t-c-baghdad-2019\.txt:0:1\s+CHN\s+IRQ\s+military\s+partly-fulfilled\s+4\s+/);
  const csv = (await run(threadsCommand, ['--party', 'TUR', '--format', 'csv'])).out.split('\n');
  assert.equal(csv[0], 'ID,SUPPLIER,RECIPIENT,HELP,STATUS,STEPS,RELATED,OPENED,LAST STEP,KINDS,MISSING');
  assert.match(csv[1]!, /^t-c-boats-2020\.txt:0:1,TUR,IRQ,military,fulfilled,1,0,2020,2020,patrol-boat,$/);
});

test('dyad threads refuses bad filter values by option, exit code 2', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--status', 'done'], /^dyad threads: .*--status.*"done" is not one of open/],
    [['--since', '2019-13'], /--since.*"2019-13" is not a date/],
    [['--party', 'CHN GOV'], /--party/],
    [['--format', 'xml'], /--format/],
  ];
  for (const [args, pattern] of cases) {
    const io = await run(threadsCommand, args);
    assert.equal(io.code, 2, args.join(' '));
    assert.match(io.errors[0] ?? '', pattern);
  }
});

test('dyad thread ID shows the timeline with evidence, or the whole thread as JSON', async () => {
  const lines = (await run(threadCommand, [CHINA], true)).out.split('\n');
  assert.match(lines[0]!, /^t-c-baghdad-2019\.txt:0:1: CHN → IRQ, military help, partly-fulfilled$/);
  const steps = lines.filter((l) => /^\d{4}/.test(l));
  assert.deepEqual(steps.map((l) => l.split(/\s{2,}/).slice(0, 4)), [
    ['2019-03-12', 'request', 'IRQ → CHN', '0232'],
    ['2019-03-14', 'offer', 'CHN → IRQ', '0332'],
    ['2020-05', 'request', 'IRQ → CHN', '0232'],
    ['2020-05-26', 'delivery', 'CHN → IRQ', '072'],
    ['2020', 'delivery', 'TUR → IRQ', '072'],
    ['2021-01', 'pledge', 'NATO → IRQ', '0332'],
  ]);
  assert.ok(lines.includes('Related (another supplier):'));
  assert.ok(lines.some((l) => /^\s+".*" — baghdad-2019\.txt$/.test(l)), 'the evidence sentence and its document');
  type ThreadJson = Omit<Thread, 'steps'> & { steps: Array<ThreadStep & { sentences: Array<{ id: string; doc: string; text: string }> }> };
  const whole = JSON.parse((await run(threadCommand, [CHINA, '--format', 'jsonl'])).out) as ThreadJson;
  assert.equal(whole.steps.length, 4);
  assert.deepEqual(whole.steps.map((s) => s.sentences.map((m) => m.doc)), [['baghdad-2019.txt'], ['baghdad-2019.txt'], ['drones-2020.txt'], ['drones-2020.txt']]);
  const missing = await run(threadCommand, ['t-none']);
  assert.equal(missing.code, 1);
  assert.match(missing.errors[0]!, /^dyad thread: .*t-none.*no thread with this id/);
  assert.equal((await run(threadCommand, [CHINA, '--format', 'csv'])).code, 2);
});
