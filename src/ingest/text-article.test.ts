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
    dateBasis: null,
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

test('textArticle reads the publication date from the dateline, stamp lines or byline, and keeps them out of the body', () => {
  const cases: Array<{ name: string; raw: string; date: string | null; basis: string | null; text: string; byline?: string | null; dateline?: string | null }> = [
    { name: 'dateline', raw: 'Envoys meet\n\nKABUL, March 3, 2020 (Reuters) - Envoys met the Taliban.',
      date: '2020-03-03', basis: 'dateline', text: 'KABUL, March 3, 2020 (Reuters) - Envoys met the Taliban.', dateline: 'KABUL, March 3, 2020 (Reuters) -' },
    { name: 'year-less dateline and an updated line', raw: 'Envoys meet\nUpdated: March 4, 2020 10:15 GMT\n\nKABUL, March 3 (Reuters) - Envoys met the Taliban.',
      date: '2020-03-03', basis: 'dateline', text: 'KABUL, March 3 (Reuters) - Envoys met the Taliban.', dateline: 'KABUL, March 3 (Reuters) -' },
    { name: 'year-less dateline alone', raw: 'KABUL, March 3 (Reuters) - Envoys met the Taliban on March 1, 2019.',
      date: null, basis: null, text: 'KABUL, March 3 (Reuters) - Envoys met the Taliban on March 1, 2019.' },
    { name: 'published line', raw: 'Envoys meet\nPublished on March 3, 2020\n\nEnvoys met the Taliban.', date: '2020-03-03', basis: 'published-line', text: 'Envoys met the Taliban.' },
    { name: 'dated byline', raw: 'Envoys meet\n\nBy Jane Doe | March 3, 2020\n\nEnvoys met the Taliban.',
      date: '2020-03-03', basis: 'byline', text: 'Envoys met the Taliban.', byline: 'Jane Doe | March 3, 2020' },
  ];
  for (const { name, raw, date, basis, text, byline, dateline } of cases) {
    const article = textArticle('a.txt', raw);
    assert.deepEqual([article.date, article.dateBasis, article.text], [date, basis, text], name);
    if (byline !== undefined) assert.equal(article.byline, byline, name);
    if (dateline !== undefined) assert.equal(article.dateline, dateline, name);
  }
});

test('textArticle refuses text that is nothing but clutter', () => {
  assert.throws(() => textArticle('junk.txt', 'Advertisement\n\nShare this article\n'), (err: unknown) => err instanceof DyadError && err.code === 'E101');
});
