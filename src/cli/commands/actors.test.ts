import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActorCount } from '../../store/store.js';
import { actorsCommand } from './actors.js';
import { runCommand, sampleStore } from './command-harness.js';

const { db } = sampleStore('dyad-cli-actors-');

const run = (args: string[], isTTY = false): ReturnType<typeof runCommand> => runCommand(actorsCommand, db, args, isTTY);

test('dyad actors lists the most frequent actors first, in every format', async () => {
  const rows = (await run(['--format', 'jsonl'])).out.trim().split('\n').map((l) => JSON.parse(l) as ActorCount);
  assert.deepEqual(rows[0], { code: 'CHN', name: 'China', country: 'CHN', sector: null, asSource: 1, asTarget: 2, total: 3 });
  assert.equal(rows.length, 12);
  const table = (await run(['--limit', '2'], true)).out.split('\n');
  assert.match(table[0]!, /^CODE\s+NAME\s+COUNTRY\s+SECTOR\s+AS SOURCE\s+AS TARGET\s+TOTAL$/);
  assert.match(table[2]!, /^CHN\s+China\s+CHN\s+1\s+2\s+3$/);
  const csv = (await run(['--source', 'TUR', '--format', 'csv'])).out;
  assert.equal(csv, 'CODE,NAME,COUNTRY,SECTOR,AS SOURCE,AS TARGET,TOTAL\nIRQMIL,Iraqi navy,IRQ,MIL,0,1,1\nTUR,Turkey,TUR,,1,0,1\n');
});

test('dyad actors refuses bad options with exit code 2', async () => {
  for (const args of [['--limit', '0'], ['--until', 'May'], ['--format', 'yaml']]) {
    const io = await run(args);
    assert.deepEqual([io.code, io.errors.length, io.out], [2, 1, ''], args.join(' '));
    assert.match(io.errors[0]!, /^dyad actors: E700 --(limit|until|format)/);
  }
});

test('actors refuses a --limit past the store page size instead of cutting it short', async () => {
  const io = await run(['--limit', '20000']);
  assert.equal(io.code, 2);
  assert.match(io.errors[0] ?? '', /at most 10000 actors can be listed at once, not 20000/);
});
