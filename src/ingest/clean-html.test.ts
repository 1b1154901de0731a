// Tests: HTML cleaning on pages written in the shape of real news sites — body only, metadata kept, no body → E107.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DyadError } from '../types/problem.js';
import { cleanHtml, cleanHtmlFragment, MAX_HTML_ELEMENTS } from './clean-html.js';

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url), 'utf8');

/** Words of clutter that must not survive cleaning of the fixture pages. */
const CLUTTER = [
  'cookies', 'Skip to', 'Home', 'Facebook', 'WhatsApp', 'REUTERS/Omar', '© Reuters', 'Photo:', 'Advertisement', 'Read more', 'ALSO READ',
  'Related', 'Turkey strikes', 'newsletter', 'inbox', 'senior correspondent', 'Share this', 'Comments', 'Join the conversation',
  'Another war nobody', 'mark my words', 'All rights reserved', 'Privacy policy', 'Page 1 of 2', 'Next', 'Reporting by', 'min read',
  'Updated 2 hours', 'Most read', 'Oil prices', 'Sign in', 'Tweet', 'not article text', 'Middle East briefing',
];

test('cleanHtml keeps the article body of a newspaper page and drops its clutter', () => {
  const page = cleanHtml(fixture('courier-helicopters.html'), 'courier.html');
  const paragraphs = page.text.split('\n\n');
  assert.equal(paragraphs.length, 6);
  assert.match(paragraphs[0] as string, /^BAGHDAD, May 14 \(Reuters\) - Iraq has asked the United States/);
  assert.match(paragraphs[5] as string, /Diyala provinces\.$/);
  for (const word of CLUTTER) assert.ok(!page.text.includes(word), `"${word}" should be cleaned away`);
  assert.deepEqual(
    { ...page, text: undefined },
    {
      text: undefined,
      title: 'Iraq asks US for attack helicopters to hunt militant cells',
      byline: 'Dana Whitlock',
      dateline: 'BAGHDAD, May 14 (Reuters) -',
      source: 'The Northgate Courier',
      url: 'https://www.northgate-courier.example/world/iraq-helicopters',
      date: '2024-05-14T09:12:00+03:00',
      dateBasis: 'page-metadata',
      language: 'en',
      warnings: [],
    },
  );
});

test('cleanHtml cleans a syndicated copy on another site the same way', () => {
  const page = cleanHtml(fixture('ledger-helicopters.html'), 'ledger.html');
  assert.match(page.text, /^BAGHDAD, May 14 \(Reuters\) - Iraq has asked/);
  assert.match(page.text, /Diyala provinces\.$/);
  assert.equal(page.text.split('\n\n').length, 6);
  for (const word of CLUTTER) assert.ok(!page.text.includes(word), `"${word}" should be cleaned away`);
  assert.equal(page.title, 'Iraq seeks U.S. attack helicopters, drones');
  assert.equal(page.source, 'Gulf Ledger');
  assert.equal(page.date, '2024-05-14');
  assert.equal(page.url, 'https://gulfledger.example/news/iraq-seeks-helicopters');
  assert.equal(page.dateline, 'BAGHDAD, May 14 (Reuters) -');
});

test('cleanHtml survives malformed markup and still finds the paragraphs', () => {
  const page = cleanHtml(fixture('malformed.html'), 'malformed.html');
  assert.equal(page.text.split('\n\n').length, 4);
  assert.match(page.text, /^KAMPALA - Uganda and Kenya agreed/);
  assert.match(page.text, /share intelligence about the raiders\.$/);
  assert.equal(page.title, 'Talks in Nairobi');
  assert.equal(page.dateline, 'KAMPALA -');
});

test('cleanHtml refuses a page with no article body with E107', () => {
  const cases = [fixture('no-body.html'), '<html><body></body></html>', '<div><nav><a href="/">Home</a></nav></div>', '<<<>>>'];
  for (const html of cases) {
    assert.throws(() => cleanHtml(html, 'empty.html'), (err: unknown) => err instanceof DyadError && err.code === 'E107' && err.input === 'empty.html');
  }
});

test('cleanHtml prefers the published date to the modified one, from whichever source the page gives', () => {
  const body = '<p>The talks between the two delegations ended on Friday without any agreement on the border.</p>';
  const cases: Array<{ head: string; date: string | null }> = [
    { head: '<meta property="article:modified_time" content="2024-06-02T10:00:00Z"><meta property="article:published_time" content="2024-06-01T08:00:00Z">', date: '2024-06-01T08:00:00Z' },
    { head: '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","dateModified":"2024-06-03","datePublished":"2024-06-01"}]}</script>', date: '2024-06-01' },
    { head: '<meta name="date" content="2024-06-01">', date: '2024-06-01' },
    { head: '<meta property="og:updated_time" content="2024-06-09T00:00:00+02:00">', date: '2024-06-09T00:00:00+02:00' },
    { head: '', date: null },
  ];
  for (const { head, date } of cases) {
    const page = cleanHtml(`<html><head>${head}</head><body><article>${body}</article></body></html>`, 'p.html');
    assert.equal(page.date, date, head);
  }
  const timed = cleanHtml(`<html><body><article><time datetime="2024-06-05">5 June</time>${body}</article></body></html>`, 't.html');
  assert.equal(timed.date, '2024-06-05');
});

test('cleanHtmlFragment cleans a feed item description without readability', () => {
  const html = '<p>NAIROBI (AP) — Kenya sent 200 police officers to Haiti on Tuesday.</p><p>Read more: Haiti mission timeline</p><figure><figcaption>Photo: AP</figcaption></figure><p>More are due next month.</p>';
  assert.equal(cleanHtmlFragment(html), 'NAIROBI (AP) — Kenya sent 200 police officers to Haiti on Tuesday.\n\nMore are due next month.');
});

test('cleanHtml reads the publication date from page metadata, else from the stamp lines and dateline of the page', () => {
  const page = fixture('dated-page.html');
  const fill = (head: string, stamp = '', dateline = ''): string =>
    page.replace('<!--HEAD-->', head).replace('<!--STAMP-->', stamp).replace('<!--DATELINE-->', dateline);
  const cases: Array<[string, string, string | null, string | null]> = [
    ['article:published_time', fill('<meta property="article:published_time" content="2021-03-03T10:15:00Z">'), '2021-03-03T10:15:00Z', 'page-metadata'],
    ['meta name=date', fill('<meta name="date" content="2021-03-03">'), '2021-03-03', 'page-metadata'],
    ['meta name=pubdate', fill('<meta name="pubdate" content="20210303">'), '2021-03-03', 'page-metadata'],
    ['JSON-LD datePublished', fill('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2021-03-03T08:00:00+03:00"}</script>'), '2021-03-03T08:00:00+03:00', 'page-metadata'],
    ['<time datetime>', fill('', '<p class="meta"><time datetime="2021-03-03">3 March</time></p>'), '2021-03-03', 'page-metadata'],
    ['<time pubdate> with the date as text', fill('', '<p class="meta"><time pubdate>March 3, 2021</time></p>'), '2021-03-03', 'page-metadata'],
    ['metadata wins over the dateline', fill('<meta name="date" content="2021-03-03">', '', 'BAGHDAD, March 2, 2021 (Reuters) - '), '2021-03-03', 'page-metadata'],
    ['a future metadata date is refused', fill('<meta name="date" content="2999-01-01">', '', 'BAGHDAD, March 2, 2021 (Reuters) - '), '2021-03-02', 'dateline'],
    ['dateline', fill('', '', 'BAGHDAD, March 2, 2021 (Reuters) - '), '2021-03-02', 'dateline'],
    ['updated line', fill('', '<p>Updated on March 4, 2021 10:15 GMT</p>'), '2021-03-04', 'updated-line'],
    ['year-less dateline and an updated line', fill('', '<p>Updated on March 4, 2021 10:15 GMT</p>', 'BAGHDAD, March 2 (Reuters) - '), '2021-03-02', 'dateline'],
    ['dated byline', fill('', '<p>By Dana Whitlock | March 3, 2021</p>'), '2021-03-03', 'byline'],
    ['nothing', fill(''), null, null],
  ];
  for (const [name, html, date, basis] of cases) {
    const cleaned = cleanHtml(html, 'dated.html');
    assert.deepEqual([cleaned.date, cleaned.dateBasis], [date, basis], name);
    assert.ok(!/Updated on|By Dana/.test(cleaned.text), `${name}: stamp and byline stay out of the text`);
    assert.match(cleaned.text, /Iraq has asked China/, name);
  }
});

test('10,000-deep nesting is flattened and the article still read', () => {
  const body = '<p>Iraqi officials condemned the attack on the base on Tuesday, the ministry said in a statement.</p>';
  const page = cleanHtml(`<html><body>${'<div>'.repeat(10_000)}${body}${'</div>'.repeat(10_000)}</body></html>`, 'deep.html');
  assert.match(page.text, /Iraqi officials condemned the attack/);
});

test('a page with more elements than the budget is refused with E111', () => {
  assert.throws(() => cleanHtml(`<html><body>${'<span>x</span>'.repeat(MAX_HTML_ELEMENTS + 1)}</body></html>`, 'big.html'),
    (err: unknown) => err instanceof DyadError && err.code === 'E111' && /elements, more than/.test(err.message));
});

test('a page on which readability itself fails (found by the fuzz suite, seed 8 case 3378) is E107, not a TypeError', () => {
  // a whole page pasted inside another's body: readability walked off the top of the tree
  assert.throws(() => cleanHtml(fixture('fuzz-readability-crash.html'), 'fuzz.html'), (err: unknown) => err instanceof DyadError && err.code === 'E107');
});

test('a metadata date that is no calendar date is dropped with a warning naming the page, not in silence', () => {
  const body = '<p>The talks between the two delegations ended on Friday without any agreement on the border.</p>';
  const cases: Array<[string, string | null, RegExp[]]> = [
    ['<meta name="date" content="2024-02-30">', null, [/^bad\.html: page metadata date "2024-02-30" is not a calendar date up to tomorrow; dropped \(the date comes from the text or --date\)$/]],
    ['<meta name="date" content="yesterday"><meta property="article:modified_time" content="2024-06-02">', '2024-06-02', [/"yesterday" .*; dropped \(a later metadata date is taken\)$/]],
    ['<meta name="date" content="2999-01-01">', null, [/"2999-01-01" is not a calendar date up to tomorrow/]],
    ['<meta name="date" content="2024-06-01">', '2024-06-01', []],
  ];
  for (const [head, date, warnings] of cases) {
    const page = cleanHtml(`<html><head>${head}</head><body><article>${body}</article></body></html>`, 'bad.html');
    assert.equal(page.date, date, head);
    assert.equal(page.warnings.length, warnings.length, head);
    warnings.forEach((pattern, i) => assert.match(page.warnings[i] ?? '', pattern, head));
  }
});
