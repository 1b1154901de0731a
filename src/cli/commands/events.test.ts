import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../types/index.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { sampleEvents } from '../../store/store-fixtures.js';
import { CSV_COLUMNS, readCsvEvents } from '../../export/csv.js';
import { allPages, eventsCommand, memoryIo } from './events.js';
import { runCommand, sampleStore } from './command-harness.js';

const { dir, db } = sampleStore('dyad-cli-events-');

/** `dyad events --level reports` on the fixture store (not clustered: it holds reports, no events yet). */
const run = (args: string[], isTTY = false): ReturnType<typeof runCommand> => runCommand(eventsCommand, db, ['--level', 'reports', ...args], isTTY);

const jsonl = (text: string): EventRecord[] => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as EventRecord);

test('dyad events filters like the store does, every option', async () => {
  const cases: Array<[string[], string[]]> = [
    [['--source', 'CHN', '--target', 'IRQ'], ['baghdad-2019.txt:1:2', 'baghdad-2019.txt:2:3', 'drones-2020.txt:2:3']],
    [['--code', '02*', '--quad', '1'], ['baghdad-2019.txt:0:1', 'drones-2020.txt:0:1']],
    [['--since', '2019-01', '--until', '2020-12', '--status', 'delivered'], ['drones-2020.txt:2:3', 'boats-2020.txt:0:1']],
    [['--text', 'helicopter'], []],
    [['--item', 'rifle', '--source', 'CHN,TUR'], ['drones-2020.txt:2:3']],
    [['--actor', 'NATO', '--modality', 'reported', '--root', '03'], ['protest-2021.txt:2:3']],
    [['--doc', 'boats-2020.txt'], ['boats-2020.txt:0:1']],
    [['--source', 'TUR', '--source', 'NATO'], ['boats-2020.txt:0:1', 'protest-2021.txt:2:3']],
    [['--source', 'Turkey'], ['boats-2020.txt:0:1']],
    [['--source', 'turkey,North Atlantic Treaty Organization'], ['boats-2020.txt:0:1', 'protest-2021.txt:2:3']],
  ];
  for (const [args, ids] of cases) {
    const io = await run([...args, '--format', 'jsonl']);
    assert.deepEqual([io.code, io.errors], [0, []], args.join(' '));
    assert.deepEqual(jsonl(io.out).map((e) => e.id), ids, args.join(' '));
  }
});

test('dyad events gives whole records in jsonl, sorted and paged', async () => {
  const all = jsonl((await run(['--format', 'jsonl', '--limit', '0'])).out);
  assert.deepEqual(all, sampleEvents());
  const newest = jsonl((await run(['--sort', '-date', '--limit', '2', '--format', 'jsonl'])).out);
  assert.deepEqual(newest.map((e) => e.date), ['2021-01-10', '2021-01']);
  const second = jsonl((await run(['--limit', '3', '--offset', '3', '--format', 'jsonl'])).out);
  assert.deepEqual(second.map((e) => e.id), sampleEvents().slice(3, 6).map((e) => e.id));
});

test('dyad events on a store whose reports are not merged yet says so and how to list them', async () => {
  const io = await runCommand(eventsCommand, db, ['--format', 'jsonl']);
  assert.deepEqual([io.code, io.out], [0, '']);
  assert.match(io.errors[0] ?? '', /holds 10 reports not merged into events yet .*--level reports/);
});

test('dyad events prints a table on a terminal and csv on request', async () => {
  const table = await run(['--source', 'CHNGOV', '--limit', '2'], true);
  const lines = table.out.trimEnd().split('\n');
  assert.match(lines[0]!, /^doc\s+s\s+date\s+source\s+target\s+cameo\s+/);
  assert.equal(lines.length, 4);
  for (const line of lines) assert.ok(line.length <= 100, `fits the terminal: ${line}`);
  assert.match(table.errors[0] ?? '', /^1–2 of 3 reports/);
  const csv = await run(['--source', 'TUR', '--format', 'csv']);
  const [header, row] = csv.out.split('\n');
  assert.equal(header, CSV_COLUMNS.join(','));
  assert.match(row!, /^boats-2020\.txt:0:1,boats-2020\.txt,2020,year,stated,TUR,TUR,Turkey,Turkey,/);
  assert.deepEqual(readCsvEvents(csv.out), sampleEvents().filter((e) => e.source.code === 'TUR'));
  const all = await run(['--limit', '0', '--format', 'csv']);
  assert.equal(all.out.trim().split('\n').length, 11);
});

test('bad usage is one line on stderr and exit code 2; a missing database is exit code 1', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--since', '2019-13'], /^dyad events: E700 --since: "2019-13" is not a date/],
    [['--quad', '5'], /^dyad events: E700 --quad: "5" is not 1, 2, 3 or 4/],
    [['--code', 'x'], /E700 --code: "x" is not a CAMEO code/],
    [['--status', 'shipped'], /E700 --status: "shipped" is not one of/],
    [['--limit', '-3'], /E700 --limit: "-3" is not a whole number/],
    [['--format', 'xml'], /E700 --format: unknown format "xml"/],
    [['--sort', 'size'], /^dyad events: E700 --sort: "size" is not a sort of level reports/],
    [['--source', 'Turkei'], /^dyad events: E700 --source: "Turkei" is neither an actor code nor the name/],
    [['--level', 'happenings'], /^dyad events: E700 --level: "happenings" is not one of events, reports/],
    [['--bogus'], /^dyad events: E700 unknown option '--bogus'/],
  ];
  for (const [args, pattern] of cases) {
    const io = await run(args);
    assert.equal(io.code, 2, args.join(' '));
    assert.equal(io.errors.length, 1, args.join(' '));
    assert.match(io.errors[0]!, pattern);
    assert.equal(io.out, '');
  }
  const since = await runCommand(eventsCommand, db, ['--since', '2024-02-30']);
  assert.equal(since.code, 2);
  assert.match(since.errors[0] ?? '', /--since: "2024-02-30" is not a date/, 'dates are checked against the calendar');
  const missing = memoryIo();
  await eventsCommand(missing).parseAsync(['--db', join(dir, 'nope.db')], { from: 'user' });
  assert.equal(missing.code, 1);
  assert.match(missing.errors[0]!, /^dyad events: E600 .*nope\.db: no database here/);
});

test('dyad events lists events (reports merged) by default, with their report counts; mentions and clusters are old names of the levels', async () => {
  const { writeFileSync } = await import('node:fs');
  const { createCoderSync } = await import('../../coder/create-coder.js');
  const { ingestArticles } = await import('../../pipeline/ingest-articles.js');
  const levelDir = mkdtempSync(join(tmpdir(), 'dyad-level-'));
  const input = join(levelDir, 'reports.jsonl');
  writeFileSync(input, [
    { id: 'a', source: 'Wire One', date: '2021-03-04', text: 'Russia delivered four Mi-35 helicopters to Mali on March 3, 2021.' },
    { id: 'b', source: 'Daily Two', date: '2021-03-05', text: 'Officials said Russia handed four Mi-35 attack helicopters to Mali on March 3, 2021.' },
  ].map((r) => JSON.stringify(r)).join('\n') + '\n');
  const levelDb = join(levelDir, 'level.db');
  const store = await openSqliteStore(levelDb);
  await ingestArticles([input], { store, coder: createCoderSync() });
  await store.close();
  const events = async (args: string[], isTTY = false): Promise<ReturnType<typeof memoryIo>> => runCommand(eventsCommand, levelDb, args, isTTY);
  const io = await events(['--format', 'jsonl', '--limit', '0']);
  const rows = io.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; source: string; target: string; mentionCount: number; independentSources: number });
  assert.deepEqual(io.out, (await events(['--format', 'jsonl', '--limit', '0', '--level', 'events'])).out);
  const delivery = rows.filter((r) => r.source === 'RUS' && r.target === 'MLI');
  assert.equal(delivery.length, 1, io.out);
  assert.equal(delivery[0]?.mentionCount, 2);
  assert.equal(delivery[0]?.independentSources, 2);
  const reports = (await events(['--format', 'jsonl', '--limit', '0', '--level', 'reports'])).out.trim().split('\n');
  assert.equal(reports.length, rows.reduce((n, r) => n + r.mentionCount, 0), 'every report once');
  const old = await events(['--format', 'jsonl', '--limit', '0', '--level', 'mentions']);
  assert.equal(old.out.trim().split('\n').length, reports.length);
  assert.match(old.errors[0] ?? '', /--level mentions is now --level reports/);
  assert.equal((await events(['--format', 'jsonl', '--level', 'clusters'])).out.trim().split('\n').length, rows.length);
  const table = await events(['--format', 'table', '--source', 'Russia'], true);
  assert.match(table.out, /^id\s+date\s+source\s+target\s+cameo\s+.*reports/);
  assert.match(table.out, /RUS\s+MLI\s+072\s+.*\s2\s+Russia delivered four Mi/, 'the evidence is the clause of the strongest report');
  rmSync(levelDir, { recursive: true, force: true });
});

describe('allPages (no store page size caps --limit)', () => {
  const rows = Array.from({ length: 23 }, (_, i) => i);
  // a store that gives at most 5 rows a query, as SQLite gives at most 10,000
  const fetch = async (limit: number, offset: number): Promise<number[]> => rows.slice(offset, offset + Math.min(limit, 5));
  const all = async (limit: number, offset: number): Promise<number[]> => {
    const out: number[] = [];
    for await (const page of allPages(fetch, limit, offset, 5)) out.push(...page);
    return out;
  };
  it('--limit 0 gives every row', async () => assert.deepEqual(await all(0, 0), rows));
  it('a --limit past the page size gives that many rows', async () => assert.deepEqual(await all(12, 0), rows.slice(0, 12)));
  it('an offset counts from the first row', async () => assert.deepEqual(await all(0, 20), [20, 21, 22]));
  it('a limit past the end gives what there is', async () => assert.deepEqual(await all(100, 0), rows));
});
