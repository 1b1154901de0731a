// Store tests (SQLite): one writer at a time — a second waits (and is told why) or is refused with E601; a lock dies with its holder.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DyadError } from '../../types/index.js';
import { openSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-writer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite writer lock', () => {
  it('refuses a second writer with E601 naming the store, and lets it in once the first releases', async () => {
    const path = join(dir, 'refuse.db');
    const first = await openSqliteStore(path);
    const second = await openSqliteStore(path);
    const lock = await first.acquireWriter();
    await assert.rejects(second.acquireWriter(), (err: unknown) => err instanceof DyadError && err.code === 'E601'
      && err.message.includes(path) && /another process is writing/.test(err.message));
    await lock.release();
    const again = await second.acquireWriter();
    await again.release();
    await first.close();
    await second.close();
  });

  it('makes a waiting writer say so, then go on when the holder is done', async () => {
    const path = join(dir, 'wait.db');
    const first = await openSqliteStore(path);
    const second = await openSqliteStore(path);
    const lock = await first.acquireWriter();
    const told: string[] = [];
    let resolveTold: () => void = () => {};
    const waiting = new Promise<void>((resolve) => { resolveTold = resolve; });
    const pending = second.acquireWriter({ wait: true, pollMs: 10, onWait: (message) => { told.push(message); resolveTold(); } });
    await waiting;
    assert.match(told[0] ?? '', /waiting for it to finish/);
    await lock.release();
    const got = await pending;
    assert.equal(told.length, 1, 'said once');
    await got.release();
    await first.close();
    await second.close();
  });

  it('frees the lock when the store is closed, and when the holding process is killed', async () => {
    const path = join(dir, 'killed.db');
    const first = await openSqliteStore(path);
    await first.acquireWriter();
    await first.close();
    const second = await openSqliteStore(path);
    await (await second.acquireWriter()).release();
    await second.close();

    // a child takes the lock, says so, and is killed with SIGKILL: the lock goes with it
    const script = `import { openSqliteStore } from ${JSON.stringify(new URL('./sqlite-store.ts', import.meta.url).href)};
      const store = await openSqliteStore(${JSON.stringify(path)}); await store.acquireWriter(); console.log('held'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => { if (chunk.toString().includes('held')) resolve(); }));
    const third = await openSqliteStore(path);
    await assert.rejects(third.acquireWriter(), (err: unknown) => err instanceof DyadError && err.code === 'E601');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    await (await third.acquireWriter()).release();
    await third.close();
  });
});
