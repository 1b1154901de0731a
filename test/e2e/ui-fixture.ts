// Browser tests: the UI built fresh, a server over a real store holding the sample articles and a hostile one, and Chromium to drive it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { secondReport } from '../../src/api/api-fixtures.js';
import { startServer, type RunningServer } from '../../src/api/start-server.js';
import { createCoderSync, type Coder } from '../../src/coder/create-coder.js';
import { ingestArticles } from '../../src/pipeline/ingest-articles.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { sampleEntries } from '../../src/store/store-fixtures.js';
import type { Store } from '../../src/store/store.js';

export const CHROMIUM = '/usr/bin/chromium';
/** The write token of the fixture's server. */
export const TOKEN = 'e2e-token-0123456789';

/** An article written to attack the page: markup, handlers and script URLs in every field a view shows. */
export const HOSTILE = {
  id: 'hostile-<b>doc</b>.txt',
  title: '<img src=x onerror="window.__xss=\'title\';alert(\'title\')">Hostile headline',
  date: '2021-03-02',
  url: 'javascript:alert("url")',
  source: '<script>window.__xss="source";alert("source")</script>Wire',
  text: [
    'Iraq asked China to supply <script>window.__xss="script";alert("script")</script> armed drones.',
    'Turkey attacked Kurdish rebels near <a href="javascript:alert(\'link\')">Erbil</a> on Monday.',
    '<img src=x onerror="window.__xss=\'img\';alert(\'img\')"> China delivered rifles to Iraq.',
    '<iframe src="javascript:alert(\'frame\')"></iframe> <b onmouseover="alert(\'b\')">Russia</b> condemned Ukraine.',
  ].join(' '),
};

export interface UiFixture {
  url: string;
  emptyUrl: string;
  browser: Browser;
  store: Store;
  /** Serves a store of the bundled sample articles (samples/), for screenshots; the server stops with dispose(). */
  samplesUrl(): Promise<string>;
  /** Where that store of the samples is (made by samplesUrl). */
  samplesDb: string;
  dispose(): Promise<void>;
}

/**
 * A desktop-sized page of the fixture's browser that dismisses every dialog, noting its message in `dialogs`, and
 * notes every uncaught page error in `errors` (the tests assert both stay empty).
 */
export async function watchedPage(fx: UiFixture, dialogs: string[], errors: string[]): Promise<Page> {
  const page = await fx.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return page;
}

/** The bundled sample articles (not the folder's README or expected events). */
const SAMPLE_INPUTS = ['samples/articles'];

/** Builds the UI into a temporary folder (so the test sees the current source), fills a store and serves both stores. */
export async function uiFixture(): Promise<UiFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-e2e-'));
  const uiDir = join(dir, 'ui');
  await build({ configFile: 'ui/vite.config.ts', logLevel: 'error', build: { outDir: uiDir, emptyOutDir: true } });
  const store = await openSqliteStore(join(dir, 'dyad.db'));
  // The samples and a second outlet's report of one of their events, so that one happening has two reports.
  await store.putArticles([...sampleEntries(), secondReport()]);
  const empty = await openSqliteStore(join(dir, 'empty.db'));
  const coder = createCoderSync();
  const running: RunningServer = await startServer({ store, port: 0, token: TOKEN, coder, uiDir, log: () => {} });
  const emptyServer = await startServer({ store: empty, port: 0, uiDir, log: () => {} });
  // The hostile article goes in the way a user's would: posted to the API, coded, stored and linked. The first POST
  // links the whole store as `dyad ingest` does: the samples stored above join happenings, and threads are built.
  const res = await fetch(`${running.url}/api/articles`, { method: 'POST', body: JSON.stringify(HOSTILE), headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' } });
  if (res.status !== 201) throw new Error(`posting the hostile article: ${res.status} ${await res.text()}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  let samples: { server: RunningServer; store: Store } | null = null;
  return {
    url: running.url.replace('127.0.0.1', 'localhost'),
    emptyUrl: emptyServer.url,
    browser,
    store,
    samplesDb: join(dir, 'samples.db'),
    samplesUrl: async () => {
      samples ??= await servedSamples(join(dir, 'samples.db'), uiDir, coder);
      return samples.server.url;
    },
    dispose: async () => {
      await browser.close();
      if (samples) {
        await samples.server.close();
        await samples.store.close();
      }
      await running.close();
      await emptyServer.close();
      await store.close();
      await empty.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function servedSamples(path: string, uiDir: string, coder: Coder): Promise<{ server: RunningServer; store: Store }> {
  const store = await openSqliteStore(path);
  await ingestArticles(SAMPLE_INPUTS, { store, coder });
  return { server: await startServer({ store, port: 0, uiDir, log: () => {} }), store };
}
