// CLI tests: `dyad serve` — flags checked, a store served on a free port, writing only with a token, a taken port a clear error.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { sampleEntries } from '../../store/store-fixtures.js';
import { DyadError } from '../../types/index.js';
import { UsageError } from './code.js';
import { parsePort, runServe, tokenWarning } from './serve.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-serve-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('parsePort', () => {
  const cases: [string, number | null][] = [['8080', 8080], ['0', 0], ['65535', 65535], ['65536', null], ['-1', null], ['http', null], ['80.5', null]];
  for (const [value, expected] of cases) {
    it(`${value} → ${String(expected)}`, () => {
      if (expected === null) assert.throws(() => parsePort(value), UsageError);
      else assert.equal(parsePort(value), expected);
    });
  }
});

describe('runServe', () => {
  it('serves a new store on a free loopback port, read-only without a token', async () => {
    const running = await runServe({ db: join(dir, 'a.db'), port: '0', create: true }, {});
    try {
      assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const stats = (await (await fetch(`${running.url}/api/stats`)).json()) as { events: number };
      assert.equal(stats.events, 0);
      const post = await fetch(`${running.url}/api/articles`, { method: 'POST', body: '{"text":"x"}' });
      assert.equal(post.status, 401);
    } finally {
      await running.dispose();
    }
  });
  it('takes the token from DYAD_TOKEN, and refuses a short one', async () => {
    await assert.rejects(runServe({ db: join(dir, 'b.db'), port: '0', token: 'short', create: true }, {}), UsageError);
    const running = await runServe({ db: join(dir, 'b.db'), port: '0', create: true }, { DYAD_TOKEN: 'long-enough-token' });
    try {
      const wrong = await fetch(`${running.url}/api/articles`, { method: 'POST', body: '{"text":"x"}', headers: { Authorization: 'Bearer nope-nope' } });
      assert.equal(wrong.status, 401);
      const bad = await fetch(`${running.url}/api/articles`, { method: 'POST', body: '{"title":"no text"}', headers: { Authorization: 'Bearer long-enough-token' } });
      assert.equal(bad.status, 400);
    } finally {
      await running.dispose();
    }
  });
  it('refuses a store that does not exist unless told to create it, and creates nothing', async () => {
    const path = join(dir, 'typo.db');
    await assert.rejects(runServe({ db: path, port: '0' }, {}),
      (err: unknown) => err instanceof UsageError && err.message === `no store at ${path}: check the path, or give --create to start an empty one`);
    assert.equal(existsSync(path), false);
  });
  it('refuses to take writes with a --lexicon that places one of the store\'s item kinds otherwise (E500); reads it still serves', async () => {
    const db = join(dir, 'kinds.db');
    const store = await openSqliteStore(db);
    const [entry] = sampleEntries();
    assert.ok(entry);
    await store.putArticle(entry.article, entry.meta, entry.events);
    await store.putLexiconKinds([{ kind: 'foo-drone', parent: 'drone', military: true, economic: false }]);
    await store.close();
    const lexicon = ['test/fixtures/lexicon-foo-aircraft'];
    await assert.rejects(runServe({ db, port: '0', token: 'long-enough-token', lexicon }, {}),
      (err: unknown) => err instanceof DyadError && err.code === 'E500' && /foo-drone/.test(err.message));
    const reading = await runServe({ db, port: '0', lexicon }, {});
    await reading.dispose();
  });
  it('warns that --token shows in the process list, and not for DYAD_TOKEN', () => {
    assert.match(tokenWarning({ token: 'long-enough-token' }) ?? '', /--token .*process list.*DYAD_TOKEN/);
    assert.equal(tokenWarning({}), null);
  });
  it('says when the port is taken', async () => {
    const first = await runServe({ db: join(dir, 'c.db'), port: '0', create: true }, {});
    try {
      await assert.rejects(runServe({ db: join(dir, 'd.db'), port: String(first.port), create: true }, {}), (err: unknown) => err instanceof UsageError && /in use/.test(err.message));
    } finally {
      await first.dispose();
    }
  });
});
