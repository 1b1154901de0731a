import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseExpected, sampleInputs, scoreSamples, type ExpectedEvent } from './samples.js';
import { fakeEvent } from '../fake-event.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const expected: ExpectedEvent[] = [
  { doc: 'd1', source: 'IRQGOV', target: 'CHN', cameo: '0232', status: 'requested', items: [{ kind: 'drone', text: 'armed drones' }, { kind: 'rifle', text: '500 rifles', quantity: 500 }], attribution: 'the agency said' },
  { doc: 'd1', source: 'USA', target: 'UKR', cameo: '072', negated: true },
  { doc: 'd2', source: 'SHABAAB', target: 'SOMMIL', cameo: '190' },
];

test('scoreSamples: exact, root-level and primary-actor triples; details on matched events', () => {
  const item = { model: null, unit: null, start: 0, end: 0 };
  const events = [
    fakeEvent({
      doc: 'd1', cameo: '0232', source: { code: 'IRQGOV' }, target: { code: 'CHN' },
      overrides: {
        status: 'requested',
        items: [{ ...item, text: 'drones', kind: 'drone', quantity: null }, { ...item, text: 'rifles', kind: 'rifle', quantity: 50 }],
        attribution: { text: 'the agency said', actor: null, start: 0, end: 0 },
      },
    }),
    fakeEvent({ doc: 'd1', cameo: '071', source: { code: 'USA' }, target: { code: 'UKR' } }),
    fakeEvent({ doc: 'd2', cameo: '193', source: { code: 'SHABAAB' }, target: { code: 'SOM' } }),
  ];
  const result = scoreSamples(expected, events);
  assert.deepEqual(result.triple, { p: 0.3333, r: 0.3333, f1: 0.3333 });
  assert.deepEqual(result.root, { p: 0.6667, r: 0.6667, f1: 0.6667 });
  assert.deepEqual(result['actor-root'], { p: 1, r: 1, f1: 1 });
  assert.equal(result['status-accuracy'], 1);
  assert.equal(result['items-recall'], 0.5); // the drone is found; the rifle count is wrong
  assert.equal(result['attribution-recall'], 1);
  assert.equal(result['negated-accuracy'], 1);
});

test('samples/expected.jsonl: well-formed, every doc is a bundled sample file or JSONL record, and each has events', () => {
  const lines = parseExpected(readFileSync(join(ROOT, 'samples', 'expected.jsonl'), 'utf8'));
  const inputs = sampleInputs(ROOT);
  const recordIds = inputs
    .filter((path) => path.endsWith('.jsonl'))
    .flatMap((path) => readFileSync(join(ROOT, path), 'utf8').split('\n').filter((l) => l.trim() !== ''))
    .map((line) => (JSON.parse(line) as { id: string }).id);
  const docs = new Set([...inputs.filter((path) => !path.endsWith('.jsonl')), ...recordIds]);
  assert.ok(lines.length >= 20);
  for (const line of lines) {
    assert.ok(docs.has(line.doc), `unknown doc ${line.doc}`);
    assert.match(line.cameo, /^(0[1-9]|1\d|20)\d{0,2}$/, `bad CAMEO code ${line.cameo}`);
    assert.match(line.source, /^[A-Z-]{2,}$/);
  }
  // every sample article has at least one expected event
  for (const doc of docs) assert.ok(lines.some((line) => line.doc === doc), `no expected event for ${doc}`);
});
