import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DyadRow } from '../../store/store.js';
import { dyadsCommand } from './dyads.js';
import { runCommand, sampleStore } from './command-harness.js';

const { db } = sampleStore('dyad-cli-dyads-');

const run = (args: string[], isTTY = false): ReturnType<typeof runCommand> => runCommand(dyadsCommand, db, args, isTTY);

test('dyad dyads --by month counts pairs per month with Goldstein means and quad shares', async () => {
  const table = (await run(['--by', 'month', '--source', 'CHN'], true)).out.split('\n');
  assert.match(table[0]!, /^PERIOD\s+SOURCE\s+TARGET\s+REPORTS\s+GOLDSTEIN\s+VERBAL COOP\s+MATERIAL COOP\s+VERBAL CONFLICT\s+MATERIAL CONFLICT$/);
  assert.match(table[2]!, /^2019-03\s+CHN\s+IRQ\s+2\s+3\.1\s+100%\s+0%\s+0%\s+0%$/);
  assert.match(table[3]!, /^2020-05\s+CHN\s+IRQ\s+1\s+7\.4\s+0%\s+100%\s+0%\s+0%$/);
  const rows = (await run(['--by', 'year', '--nodes', 'actor', '--format', 'jsonl'])).out.trim().split('\n').map((l) => JSON.parse(l) as DyadRow);
  assert.deepEqual(rows.map((r) => `${r.source}>${r.target}@${r.period}:${r.count}`), [
    'CHNGOV>IRQGOV@2019:2', 'IRQ>CHN@2019:1', 'CHN>IRQMIL@2020:1', 'IRQ>CHN@2020:1', 'TUR>IRQMIL@2020:1', 'IRQCVL>TURGOV@2021:1', 'NATO>IRQMIL@2021:1',
  ]);
  const csv = (await run(['--by', 'week', '--target', 'TUR', '--format', 'csv'])).out;
  assert.equal(csv, 'PERIOD,SOURCE,TARGET,REPORTS,GOLDSTEIN,VERBAL COOP,MATERIAL COOP,VERBAL CONFLICT,MATERIAL CONFLICT\n2021-W01,IRQ,TUR,1,-7.5,0%,0%,0%,100%\n');
});

test('dyad dyads refuses an unknown period with exit code 2', async () => {
  const io = await run(['--by', 'decade']);
  assert.deepEqual([io.code, io.errors.length], [2, 1]);
  assert.match(io.errors[0]!, /^dyad dyads: E700 option '--by <period>' argument 'decade' is invalid/);
});

test('dyads says when --limit may have cut the rows, and refuses a limit the store cannot give', async () => {
  const one = await run(['--limit', '1', '--format', 'jsonl']);
  assert.equal(one.code, 0);
  assert.deepEqual(one.errors, ['the first 1 rows; there may be more (raise --limit)']);
  const huge = await run(['--limit', '2000000']);
  assert.equal(huge.code, 2);
  assert.match(huge.errors[0] ?? '', /at most 1000000 rows can be listed at once, not 2000000/);
});
