// Tests: the content hash ignores case and spacing, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentHash } from './content-hash.js';

test('contentHash is the same for the same words however spaced or cased', () => {
  const base = contentHash('Kenya sent 200 police officers to Haiti.\n\nMore will follow.');
  assert.match(base, /^[0-9a-f]{32}$/);
  assert.equal(contentHash('  kenya sent 200 police  officers to haiti. more will follow.\r\n'), base);
  assert.equal(contentHash('KENYA SENT 200 POLICE OFFICERS TO HAITI.\tMORE WILL FOLLOW.'), base);
});

test('contentHash differs when a word or a number differs', () => {
  const base = contentHash('Kenya sent 200 police officers to Haiti.');
  for (const other of ['Kenya sent 400 police officers to Haiti.', 'Kenya sent 200 police officers to Haiti', 'Kenya sent 200 soldiers to Haiti.', '']) {
    assert.notEqual(contentHash(other), base, other);
  }
});
