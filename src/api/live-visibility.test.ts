// API tests: a running server shows what another process stores at its next request, on SQLite and PostgreSQL, and links what it is posted with what others stored.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createCoderSync } from '../coder/create-coder.js';
import { ingestArticles } from '../pipeline/ingest-articles.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { testDatabases } from '../store/postgres/pg-test-server.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { createApp } from './create-app.js';
import { eventPageSchema, postArticlesSchema } from './schemas.js';
import { HELICOPTERS, HELICOPTERS_RETOLD, syndicated } from '../../test/fixtures/linking-stories.js';

const TOKEN = 'live-token-0123';
const coder = createCoderSync();
const dir = mkdtempSync(join(tmpdir(), 'dyad-live-'));
const databases = await testDatabases();
after(async () => {
  if (typeof databases !== 'string') await databases.dropAll();
  rmSync(dir, { recursive: true, force: true });
});

/** Two connections to one new store, as a server and another process hold them. */
type OpenPair = () => Promise<{ server: Store; other: Store }>;

const ADAPTERS: Array<[string, OpenPair | string]> = [
  ['SQLite', async () => {
    const path = join(dir, `live-${Math.random().toString(36).slice(2)}.db`);
    const server = await openSqliteStore(path);
    return { server, other: await openSqliteStore(path) };
  }],
  ['PostgreSQL', typeof databases === 'string' ? databases : async () => {
    const url = await databases.create();
    const server = await openPostgresStore(url);
    return { server, other: await openPostgresStore(url) };
  }],
];

const SAHEL = { id: 'sahel-courier', source: 'Sahel Courier', date: '2022-05-05', text: HELICOPTERS };
const BAMAKO = { id: 'bamako-post', source: 'Bamako Post', date: '2022-05-06', text: HELICOPTERS_RETOLD };

for (const [name, open] of ADAPTERS) {
  describe(`dyad serve beside another writer (${name})`, () => {
    it('serves at its next request what another process stored, linked with what was posted to it', { skip: typeof open === 'string' ? open : false }, async () => {
      const { server, other } = await (open as OpenPair)();
      const logged: string[] = [];
      const app = createApp({ store: server, token: TOKEN, coder, uiDir: null, log: (line) => logged.push(line) });
      const post = async (article: object): Promise<Response> => app.request('/api/articles', {
        method: 'POST', body: JSON.stringify(article), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      });
      const deliveries = async (): Promise<Array<{ mentionCount: number; outlets: string[] }>> => {
        const res = await app.request('/api/events?level=events&source=RUS&root=07');
        assert.equal(res.status, 200);
        return eventPageSchema.parse(await res.json()).events;
      };
      try {
        assert.equal((await post(BAMAKO)).status, 201);
        assert.deepEqual((await deliveries()).map((c) => c.mentionCount), [1]);
        // another process ingests a second outlet's report of the same delivery
        const input = join(dir, `${name}-other.jsonl`);
        writeFileSync(input, JSON.stringify(SAHEL) + '\n');
        await ingestArticles([input], { store: other, coder });
        // the very next requests see it: the article, and the one happening now reported by both outlets
        assert.equal((await app.request('/api/articles/sahel-courier')).status, 200);
        assert.deepEqual((await deliveries()).map((c) => [c.mentionCount, c.outlets]), [[2, ['Bamako Post', 'Sahel Courier']]]);
        // a copy of what the other process stored, posted now, is linked to it and not coded again
        const copy = await post({ id: 'wire-echo', source: 'Wire Echo', date: '2022-05-05', text: syndicated('Wire Echo') });
        const posted = postArticlesSchema.parse(await copy.json());
        assert.deepEqual(posted.articles.map((a) => [a.id, a.new, a.events.length]), [['wire-echo', true, 0]]);
        assert.equal((await other.getArticle('wire-echo'))?.nearDuplicateOf, 'sahel-courier', 'the other process reads what the server stored');
        assert.deepEqual((await deliveries()).map((c) => c.mentionCount), [2]);
        assert.deepEqual(logged, []);
      } finally {
        await other.close();
        await server.close();
      }
    });
  });
}
