// Types tests: the error catalog and its documentation agree.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ERROR_CODES } from './problem.js';

test('docs/errors.md lists every code of the catalog with its meaning', () => {
  const doc = readFileSync('docs/errors.md', 'utf8');
  for (const [code, meaning] of Object.entries(ERROR_CODES)) assert.ok(doc.includes(`| \`${code}\` | ${meaning} |`), `${code} is documented`);
});
