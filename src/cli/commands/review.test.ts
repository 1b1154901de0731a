// CLI tests: `dyad review` — each kind of correction made from the command line, seen by `dyad events` and `dyad export`; the log exported and imported once.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Command } from 'commander';
import { Clusterer } from '../../link/cluster-events.js';
import type { MentionInput } from '../../types/link.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { sampleEntries } from '../../store/store-fixtures.js';
import { eventsCommand, ExitSignal, memoryIo, type CliIo } from './events.js';
import { exportCommand } from './export.js';
import { editFromOptions, parseItems, reviewCommand, reviewer } from './review.js';
import { makeCorrection } from '../../corrections/correction-record.js';
import { defaultKindTree } from '../../link/kind-tree.js';

const T1 = 'boats-2020.txt:0:1', D1 = 'drones-2020.txt:0:1', D3 = 'drones-2020.txt:2:3', B1 = 'baghdad-2019.txt:0:1';
const dir = mkdtempSync(join(tmpdir(), 'dyad-review-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A store file holding the sample articles, clustered as an ingest clusters them. */
async function sampleDb(name: string): Promise<string> {
  const db = join(dir, `${name}.db`);
  const store = await openSqliteStore(db);
  for (const { article, meta, events } of sampleEntries()) await store.putArticle(article, meta, events);
  const mentions: MentionInput[] = [];
  for await (const mention of store.iterateMentions()) mentions.push(mention);
  await store.applyClusterChange(new Clusterer({ kinds: defaultKindTree() }).addAll(mentions));
  await store.close();
  return db;
}

async function run(make: (io: CliIo) => Command, args: string[], isTTY = false): Promise<ReturnType<typeof memoryIo>> {
  const io = memoryIo(isTTY);
  try {
    await make(io).parseAsync(args, { from: 'user' });
  } catch (err) {
    if (!(err instanceof ExitSignal)) throw err;
  }
  return io;
}

const review = (db: string, ...args: string[]): ReturnType<typeof run> => run(reviewCommand, [...args, '--db', db, '--by', 'ana']);
/** Ids `dyad events` prints: reports unless `--level events` is given. */
const events = async (db: string, ...args: string[]): Promise<string[]> =>
  (await run(eventsCommand, ['--db', db, '--format', 'jsonl', '--limit', '0', ...(args.includes('--level') ? [] : ['--level', 'reports']), ...args])).out.trim().split('\n').filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as { id: string }).id);

describe('dyad review', () => {
  it('rejects an event: `dyad events` at both levels and `dyad export` leave it out', async () => {
    const db = await sampleDb('reject');
    const io = await review(db, 'reject', `c-${D3}`, '--reason', 'a rumour');
    assert.equal(io.code, 0, io.errors.join('\n'));
    const correction = JSON.parse(io.out) as { kind: string; by: string; reason: string; reports: string[] };
    assert.deepEqual([correction.kind, correction.by, correction.reason, correction.reports], ['reject', 'ana', 'a rumour', [D3]]);
    assert.equal((await events(db)).includes(D3), false);
    assert.equal((await events(db, '--level', 'events')).includes(`c-${D3}`), false);
    const out = join(dir, 'reject.csv');
    assert.equal((await run(exportCommand, ['--db', db, '--as', 'csv', '--out', out])).code, 0);
    assert.equal(readFileSync(out, 'utf8').includes('20 thousand rifles'), false);
  });

  it('edits actors, code, status and items, and shows the event with what was corrected', async () => {
    const db = await sampleDb('edit');
    const io = await review(db, 'edit', `c-${T1}`, '--source', 'GRC', '--source-name', 'Greece', '--target', 'none', '--cameo', '0234',
      '--status', 'pledged', '--items', '4 patrol-boat; 2 helicopter:Mi-17');
    assert.equal(io.code, 0, io.errors.join('\n'));
    assert.deepEqual(await events(db, '--source', 'GRC'), [T1]);
    assert.deepEqual(await events(db, '--code', '0234', '--status', 'pledged', '--item', 'helicopter'), [T1]);
    assert.deepEqual(await events(db, '--target', 'IRQ', '--source', 'TUR'), []);
    const shown = await review(db, 'show', `c-${T1}`, '--format', 'table');
    const text = (await run(reviewCommand, ['show', `c-${T1}`, '--db', db], true)).out;
    assert.match(text, /GRC → \(none\)\s+CAMEO 0234\s+status pledged/);
    assert.match(text, /edit c-boats-2020\.txt:0:1 source TUR → GRC, target IRQMIL → none, code 072 → 0234, status delivered → pledged, items two patrol boats → 4 patrol-boat; 2 helicopter:Mi-17/);
    assert.equal(shown.out, text, '--format table in a pipe prints what a terminal shows');
    assert.equal((await review(db, 'show', `c-${T1}`, '--format', 'csv')).code, 2);
  });

  it('merges two events and splits one; reverts a correction by its id', async () => {
    const db = await sampleDb('merge');
    const merge = JSON.parse((await review(db, 'merge', `c-${B1}`, `c-${D1}`)).out) as { id: string };
    assert.equal((await events(db, '--level', 'events')).length, 9);
    const merged = (await run(eventsCommand, ['--db', db, '--format', 'jsonl', '--level', 'events', '--code', '0232'])).out;
    assert.equal((JSON.parse(merged) as { mentionCount: number }).mentionCount, 2);
    assert.equal((await review(db, 'split', `c-${B1}`, '--reports', D1)).code, 0);
    assert.equal((await events(db, '--level', 'events')).length, 10);
    assert.equal((await review(db, 'revert', merge.id)).code, 0);
    const store = await openSqliteStore(db);
    const ghost = makeCorrection({ at: '2026-12-07T09:00:00.000Z', by: 'bo', reason: '', kind: 'reject', event: 'c-gone', reports: ['gone'], before: null, after: null, reverts: null });
    await store.appendCorrections([ghost]);
    await store.close();
    const table = await run(reviewCommand, ['log', '--db', db, '--format', 'table']);
    assert.match(table.out, new RegExp(`${ghost.id} .* \\[applies to no stored report\\]`));
    assert.equal(table.out.split('\n').filter((l) => l.includes('[applies to no stored report]')).length, 1, 'a reverted correction is not reported');
    assert.match(table.errors.join('\n'), /4 correction\(s\), 1 naming only reports no longer stored/);
    const log = (await review(db, 'log')).out.trim().split('\n').map((l) => (JSON.parse(l) as { kind: string }).kind);
    assert.deepEqual(log, ['merge', 'split', 'revert', 'reject']);
    assert.equal((await events(db, '--level', 'events')).length, 10);
  });

  it('exports the log and imports it into another store once, all lines or none', async () => {
    const db = await sampleDb('export');
    await review(db, 'reject', T1);
    await review(db, 'edit', `c-${D3}`, '--status', 'refused');
    const file = join(dir, 'corrections.jsonl');
    assert.equal((await review(db, 'export', '--out', file)).code, 0);
    const other = await sampleDb('import');
    const first = await review(other, 'import', file);
    assert.match(first.errors.join('\n'), /2 of 2 correction\(s\) new; the log holds 2/);
    const again = await review(other, 'import', file);
    assert.match(again.errors.join('\n'), /0 of 2 correction\(s\) new; the log holds 2/);
    assert.deepEqual(await events(other, '--level', 'events'), await events(db, '--level', 'events'));
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"kind":"reject"}\n`);
    const bad = await review(other, 'import', file);
    assert.equal(bad.code, 1);
    assert.match(bad.errors.join('\n'), /E800 .*corrections\.jsonl:3: /);
  });

  it('says what is wrong: usage errors exit 2, unknown ids exit 1 with E801', async () => {
    const db = await sampleDb('errors');
    assert.equal((await review(db, 'edit', T1)).code, 2);
    assert.equal((await review(db, 'edit', T1, '--status', 'given')).code, 2);
    assert.equal((await review(db, 'edit', T1, '--items', 'many rifles')).code, 2);
    const unknown = await review(db, 'reject', 'c-nothing');
    assert.equal(unknown.code, 1);
    assert.match(unknown.errors[0] ?? '', /E801/);
    assert.equal((await review(db, 'split', `c-${T1}`, '--reports', T1)).code, 1, 'a split must leave reports behind');
    assert.equal((await review(db, 'log')).out, '', 'nothing was appended');
  });
});

describe('review options', () => {
  it('reads items, edits and the reviewer', () => {
    assert.deepEqual(parseItems('20,000 rifle; armed-drone:CH-5'), [
      { text: '20,000 rifle', kind: 'rifle', model: null, quantity: 20000, unit: null },
      { text: 'armed-drone:CH-5', kind: 'armed-drone', model: 'CH-5', quantity: null, unit: null },
    ]);
    assert.deepEqual(parseItems('none'), []);
    assert.deepEqual(editFromOptions({ db: 'x', target: 'none', status: 'NONE' }), { target: null, status: null });
    assert.equal(reviewer({}, { DYAD_USER: ' ana ' }), 'ana');
    assert.equal(reviewer({ by: 'bo' }, { DYAD_USER: 'ana' }), 'bo');
  });
});
