// API tests: the UI's static files — paths stay inside the folder, the policy header is set, an unbuilt UI says how to build it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sampleStore, type TestStore } from './api-fixtures.js';
import { createApp } from './create-app.js';
import { uiFile } from './serve-ui.js';

let fixture: TestStore;
let dir: string;

before(async () => {
  fixture = await sampleStore({ empty: true });
  dir = mkdtempSync(join(tmpdir(), 'dyad-ui-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
});
after(async () => {
  await fixture.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('uiFile', () => {
  const cases: [string, string | null][] = [
    ['/', 'index.html'],
    ['/assets/app.js', 'assets/app.js'],
    ['/../secret', null],
    ['/assets/../../secret', null],
    ['/%2e%2e/secret', null],
    ['/a%00b', null],
    ['/%zz', null],
    ['/a\\..\\b', null],
  ];
  for (const [path, expected] of cases) {
    it(`${path} → ${String(expected)}`, () => assert.equal(uiFile('/srv/ui', path), expected === null ? null : join('/srv/ui', expected)));
  }
});

describe('serving the UI', () => {
  it('serves index.html with the content security policy, and hashed assets cached', async () => {
    const app = createApp({ store: fixture.store, uiDir: dir });
    const index = await app.request('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    assert.match(index.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
    const asset = await app.request('/assets/app-1234.js');
    assert.match(asset.headers.get('content-type') ?? '', /javascript/);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    assert.equal((await app.request('/missing.js')).status, 404);
    assert.equal((await app.request('/api/missing')).status, 404);
  });
  it('tells how to build the UI when it is not built', async () => {
    const app = createApp({ store: fixture.store, uiDir: join(dir, 'nothing-here') });
    const res = await app.request('/');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /npm run build/);
  });
});
