// Tests: plain text → Article (title line apart, body cleaned, byline and dateline read).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DyadError } from '../types/problem.js';
import { textArticle } from './text-article.js';

test('textArticle takes the first line as title and keeps the body without it', () => {
  const raw = 'Kenya sends police to Haiti\n\nBy Amina Diallo\n\nNAIROBI (AP) — Kenya sent 200 police officers to Haiti on Tuesday.\n\nShare this article\n\nMore officers are due next month.\n';
  assert.deepEqual(textArticle('haiti.txt', raw), {
    id: 'haiti.txt',
    text: 'NAIROBI (AP) — Kenya sent 200 police officers to Haiti on Tuesday.\n\nMore officers are due next month.',
    title: 'Kenya sends police to Haiti',
    date: null,
    url: null,
    source: 'AP',
    byline: 'Amina Diallo',
    dateline: 'NAIROBI (AP) —',
    language: null,
  });
});

test('textArticle keeps everything as body when there is no headline to take', () => {
  const cases: Array<{ name: string; raw: string; text: string }> = [
    { name: 'one line', raw: 'Iraq asked the United States for helicopters.\n', text: 'Iraq asked the United States for helicopters.' },
    { name: 'dateline first', raw: 'BAGHDAD (Reuters) - Iraq asked for helicopters.\nThe US will study it.', text: 'BAGHDAD (Reuters) - Iraq asked for helicopters.\n\nThe US will study it.' },
    { name: 'long first line', raw: `${'The talks went on. '.repeat(20).trim()}\nThey ended.`, text: `${'The talks went on. '.repeat(20).trim()}\n\nThey ended.` },
  ];
  for (const { name, raw, text } of cases) {
    const article = textArticle('a.txt', raw);
    assert.equal(article.title, null, name);
    assert.equal(article.text, text, name);
  }
});

test('textArticle skips clutter above the headline', () => {
  const article = textArticle('copied.txt', 'Skip to main content\nAdvertisement\nTalks resume in Geneva\nThe two delegations met on Monday.');
  assert.equal(article.title, 'Talks resume in Geneva');
  assert.equal(article.text, 'The two delegations met on Monday.');
});

test('textArticle refuses text that is nothing but clutter', () => {
  assert.throws(() => textArticle('junk.txt', 'Advertisement\n\nShare this article\n'), (err: unknown) => err instanceof DyadError && err.code === 'E101');
});
