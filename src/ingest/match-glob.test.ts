// Tests: glob patterns → path matchers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasGlobChars, matchGlob } from './match-glob.js';

test('matchGlob matches the usual glob syntax over relative paths', () => {
  const cases: Array<[string, string, boolean]> = [
    ['*.txt', 'a.txt', true],
    ['*.txt', 'dir/a.txt', false],
    ['**/*.txt', 'a.txt', true],
    ['**/*.txt', 'x/y/a.txt', true],
    ['news/**', 'news/a/b.html', true],
    ['day-?.jsonl', 'day-1.jsonl', true],
    ['day-?.jsonl', 'day-10.jsonl', false],
    ['day-[0-4].txt', 'day-3.txt', true],
    ['day-[!0-4].txt', 'day-3.txt', false],
    ['*.{html,htm}', 'page.htm', true],
    ['*.{html,htm}', 'page.txt', false],
    ['{a,b{c,d}}.txt', 'bd.txt', true],
    ['a+b(1).txt', 'a+b(1).txt', true],
    ['\\*.txt', '*.txt', true],
    ['\\*.txt', 'a.txt', false],
  ];
  for (const [pattern, path, want] of cases) assert.equal(matchGlob(pattern).test(path), want, `${pattern} ~ ${path}`);
});

test('hasGlobChars spots glob syntax', () => {
  assert.equal(hasGlobChars('news/*.html'), true);
  assert.equal(hasGlobChars('news/{a,b}.txt'), true);
  assert.equal(hasGlobChars('news/a.txt'), false);
});
