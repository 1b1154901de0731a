// Tests: the date bases of the event contract — the type's list, the JSON schema and the publication bases agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DATE_BASES, PUBLICATION_BASES, isPublicationBasis } from './event.js';

test('schema/event.schema.json lists exactly the date bases of the type', () => {
  const schema = JSON.parse(readFileSync('schema/event.schema.json', 'utf8')) as { properties: { dateBasis: { enum: string[] } } };
  assert.deepEqual(schema.properties.dateBasis.enum, [...DATE_BASES]);
});

test('isPublicationBasis tells publication dates, wherever they came from, from dates the sentence gives', () => {
  for (const basis of PUBLICATION_BASES) assert.equal(isPublicationBasis(basis), true, basis);
  for (const basis of ['stated', 'relative', 'unknown'] as const) assert.equal(isPublicationBasis(basis), false, basis);
});
