// API tests: the OpenAPI description covers every route the app answers, and only those.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sampleStore, type TestStore } from './api-fixtures.js';
import { createApp } from './create-app.js';
import { FILTER_PARAMETERS } from './openapi.js';
import { filterParams } from './query-params.js';

let fixture: TestStore;
let app: ReturnType<typeof createApp>;

before(async () => {
  fixture = await sampleStore({ empty: true });
  app = createApp({ store: fixture.store, uiDir: null });
});
after(async () => fixture.dispose());

type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: { name: string }[] }>> };

async function document(): Promise<Doc> {
  const res = await app.request('/api/openapi.json');
  assert.equal(res.status, 200);
  return (await res.json()) as Doc;
}

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1', async () => {
    assert.equal((await document()).openapi, '3.1.0');
  });

  it('describes every route of the app, and no route the app lacks', async () => {
    const routes = new Set(app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)\{[^}]*\}/g, '{$1}').replace(/:(\w+)/g, '{$1}')}`));
    const doc = await document();
    const described = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`)));
    assert.deepEqual([...routes].sort(), [...described].sort());
  });

  it('gives every operation responses, and every filtering route all the filter parameters', async () => {
    const doc = await document();
    const filterNames = Object.keys(filterParams).sort();
    assert.deepEqual(FILTER_PARAMETERS.map((p) => p.name).sort(), filterNames);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(Object.keys(op.responses).length > 0, `${method} ${path} has responses`);
        if (['/api/events', '/api/actors', '/api/dyads', '/api/network', '/api/export'].includes(path)) {
          const names = new Set((op.parameters ?? []).map((p) => p.name));
          for (const name of filterNames) assert.ok(names.has(name), `${path} describes ${name}`);
        }
      }
    }
  });
});
