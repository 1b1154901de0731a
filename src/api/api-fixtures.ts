// API tests: a real SQLite store in a temporary folder, filled with the store's written sample collection (clustered and threaded on request).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { z } from 'zod';
import { buildThreads } from '../link/build-threads.js';
import { Clusterer } from '../link/cluster-events.js';
import type { MentionInput } from '../types/link.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { sampleEntries } from '../store/store-fixtures.js';
import type { ArticleEntry, Store } from '../store/store.js';
import type { EventRecord } from '../types/index.js';
import { createApp } from './create-app.js';
import { defaultKindTree } from '../link/kind-tree.js';

export interface TestStore {
  store: Store;
  dir: string;
  /** Closes the store and removes its folder. */
  dispose(): Promise<void>;
}

/** Id of the sample event "China delivered 20 thousand rifles to the Iraqi army", which `secondReport` reports again. */
export const DELIVERY = 'drones-2020.txt:2:3';

/**
 * Another outlet's report of the sample delivery (`DELIVERY`): the same sentence in an article of its own, so that
 * clustering gives one happening with two mentions from two independent sources.
 */
export function secondReport(): ArticleEntry {
  const original = sampleEntries().flatMap((e) => e.events).find((e) => e.id === DELIVERY) as EventRecord;
  const lead = 'Officials in Baghdad confirmed the shipment. ';
  const text = `${lead}${original.sentence.text}`;
  const shift = lead.length - original.sentence.start;
  const moved = <T extends { start: number; end: number }>(span: T): T => ({ ...span, start: span.start + shift, end: span.end + shift });
  const id = 'rifles-wire-2020.txt';
  const event: EventRecord = {
    ...original, id: `${id}:1:1`, doc: id,
    sentence: { ...moved(original.sentence), index: 1 },
    source: moved(original.source), target: original.target && moved(original.target), trigger: moved(original.trigger),
    items: original.items.map(moved), location: original.location && moved(original.location),
  };
  return {
    article: { id, text, title: 'Rifles reach Iraq', date: '2020-06-04', url: 'https://wire.example/rifles', source: 'Euphrates Wire', byline: null, dateline: null, language: 'en' },
    meta: { hash: 'h-rifles-wire-2020' },
    events: [event],
  };
}

/** Clusters every stored mention into events and builds the threads, as an ingest does. */
export async function linkStore(store: Store): Promise<void> {
  const mentions: MentionInput[] = [];
  for await (const mention of store.iterateMentions()) mentions.push(mention);
  const clusterer = new Clusterer({ kinds: defaultKindTree() });
  await store.applyClusterChange(clusterer.addAll(mentions));
  await store.putThreads(buildThreads(clusterer.clusters(), { kinds: defaultKindTree() }));
}

/**
 * A store at `DIR/dyad.db` holding the sample entries (five articles, ten events); with `linked`, also a second
 * report of the delivery, and the events clustered and threaded.
 */
export async function sampleStore(options: { empty?: boolean; linked?: boolean } = {}): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-api-'));
  const store = await openSqliteStore(join(dir, 'dyad.db'));
  if (!options.empty) await store.putArticles(options.linked ? [...sampleEntries(), secondReport()] : sampleEntries());
  if (options.linked) await linkStore(store);
  return {
    store,
    dir,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What {@link useLinkedSampleApp} gives a test file: the app, and a JSON getter that checks status and schema. */
export interface LinkedSampleApp {
  readonly app: ReturnType<typeof createApp>;
  getJson<S extends z.ZodType>(path: string, schema: S, status?: number): Promise<z.infer<S>>;
}

/**
 * Registers the test file's `before`/`after` hooks: the sample collection in a clustered, threaded store, an app over
 * it (no UI), and at the end a check that the server logged no error.
 */
export function useLinkedSampleApp(): LinkedSampleApp {
  let fixture: TestStore | null = null;
  let app: ReturnType<typeof createApp> | null = null;
  const logged: string[] = [];
  before(async () => {
    fixture = await sampleStore({ linked: true });
    app = createApp({ store: fixture.store, uiDir: null, log: (line) => logged.push(line) });
  });
  after(async () => {
    assert.deepEqual(logged, [], 'no server error was logged');
    await fixture?.dispose();
  });
  const ready = (): ReturnType<typeof createApp> => {
    if (app === null) throw new Error('the app is made in before(): use it inside a test');
    return app;
  };
  return {
    get app() { return ready(); },
    async getJson<S extends z.ZodType>(path: string, schema: S, status = 200): Promise<z.infer<S>> {
      const res = await ready().request(path);
      const body: unknown = await res.json();
      assert.equal(res.status, status, `${path}: ${JSON.stringify(body)}`);
      return schema.parse(body);
    },
  };
}
