// Tests: RSS and Atom feeds → one article per item; malformed items and cut-off feeds → E108 with the whole items kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { InputResult } from './input-result.js';
import { readFeed } from './read-feed.js';
import { splitFeedItems } from './split-feed-items.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url));

/** Streams bytes in small chunks, so item boundaries fall across chunks. */
async function* chunked(bytes: Buffer, size = 97): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(bytes: Buffer, max = 1 << 20): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const result of readFeed(chunked(bytes), 'feeds/world.rss', max)) out.push(result);
  return out;
}

test('readFeed turns RSS items into articles with their metadata', async () => {
  const results = await read(fixture('world.rss'));
  assert.equal(results.length, 3);
  const [kenya, chile, mali] = results.map((r) => (r.kind === 'article' ? r.article : null));
  assert.deepEqual(kenya, {
    id: 'feeds/world.rss#1',
    text: 'NAIROBI (Meridian) — Kenya sent 200 police officers to Haiti on Tuesday, the first contingent of a multinational mission meant to help the Caribbean country fight armed gangs.\n\nPresident William Ruto said the officers would "restore order" and that more would follow within weeks.',
    title: 'Kenya sends first police contingent to Haiti',
    date: '2024-06-25T18:05:00+03:00',
    dateBasis: 'publication',
    url: 'https://meridian-wire.example/world/kenya-haiti',
    source: 'Meridian Wire – World',
    byline: 'Amina Diallo',
    dateline: 'NAIROBI (Meridian) —',
    language: null,
  });
  assert.equal(chile?.text, 'SANTIAGO (Meridian) — Chile and Argentina agreed on Wednesday to build a joint research station on the Southern Patagonian Ice Field.');
  assert.equal(chile?.date, '2024-06-26T09:00:00Z');
  assert.equal(mali?.text, 'Headline-only item: Mali junta extends transition', 'an item without a body is coded from its title');
});

test('readFeed reads Atom entries (alternate link, published before updated, author name)', async () => {
  const results = await read(fixture('wire.atom'));
  const articles = results.map((r) => (r.kind === 'article' ? r.article : null));
  assert.equal(articles.length, 2);
  assert.equal(articles[0]?.title, 'Japan & Philippines sign troop access pact');
  assert.equal(articles[0]?.url, 'https://harbour-post.example/asia/japan-philippines-pact');
  assert.equal(articles[0]?.date, '2024-07-08T10:30:00+09:00');
  assert.equal(articles[0]?.byline, 'Kenji Mori');
  assert.equal(articles[0]?.source, 'Harbour Post: Asia');
  assert.equal(articles[0]?.text, "MANILA, July 8 (Harbour Post) - Japan and the Philippines signed a pact on Monday allowing their troops to train in each other's territory.");
  assert.equal(articles[1]?.url, 'https://harbour-post.example/asia/vietnam-indonesia');
  assert.equal(articles[1]?.date, '2024-07-09T08:00:00Z');
});

test('readFeed reports broken XML per item and a cut-off feed at the end, keeping the whole items', async () => {
  const whole = fixture('world.rss').toString('utf8');
  const broken = whole.replace('<title>Chile and Argentina agree on glacier research station</title>', '<title>Chile and Argentina <b>agree</title>');
  const cases: Array<{ name: string; xml: string; want: string[] }> = [
    { name: 'malformed item', xml: broken, want: ['article #1', 'E108', 'article #3'] },
    { name: 'cut inside an item', xml: whole.slice(0, whole.indexOf('</item>', whole.indexOf('Chile')) - 20), want: ['article #1', 'E108'] },
    { name: 'cut after an item', xml: whole.slice(0, whole.lastIndexOf('</item>') + 7), want: ['article #1', 'article #2', 'article #3', 'E108'] },
    { name: 'not a feed', xml: '<html><body><p>Hello</p></body></html>', want: ['E108'] },
    { name: 'no items', xml: '<rss><channel><title>Empty</title></channel></rss>', want: ['E101'] },
  ];
  for (const { name, xml, want } of cases) {
    const results = await read(Buffer.from(xml));
    const got = results.map((r) => (r.kind === 'article' ? `article ${r.article.id.slice(r.article.id.indexOf('#'))}` : r.problem.code));
    assert.deepEqual(got, want, name);
    for (const r of results) if (r.kind === 'problem') assert.match(r.problem.message, /^feeds\/world\.rss: /, name);
  }
});

test('readFeed refuses an item larger than the limit and reads on', async () => {
  const big = `<rss><channel><item><title>A</title><description>${'word '.repeat(500)}</description></item><item><title>Small item</title></item></channel></rss>`;
  const results = await read(Buffer.from(big), 1000);
  assert.deepEqual(results.map((r) => (r.kind === 'article' ? r.article.title : r.problem.code)), ['E106', 'Small item']);
});

test('splitFeedItems finds items whatever the chunking, and not tags that merely start alike', async () => {
  const xml = Buffer.from('<rss><channel><title>T</title><itemprop>x</itemprop><item>one</item><item rdf:about="u">two</item></channel></rss>');
  for (const size of [1, 3, 7, 1000]) {
    const pieces: string[] = [];
    for await (const piece of splitFeedItems(chunked(xml, size), 1000)) {
      pieces.push(piece.kind === 'item' ? piece.xml.toString() : piece.kind === 'end' ? `end ${piece.closedRoot}` : piece.kind);
    }
    assert.deepEqual(pieces, ['header', '<item>one</item>', '<item rdf:about="u">two</item>', 'end true'], `chunk size ${size}`);
  }
});

test('readFeed drops an item date that is not a calendar date, with a warning naming the item', async () => {
  const xml = '<rss><channel><item><title>A</title><pubDate>Fri, 30 Feb 2024 10:00:00 GMT</pubDate></item><item><title>B</title><pubDate>Fri, 16 Feb 2024 10:00:00 GMT</pubDate></item></channel></rss>';
  const results = await read(Buffer.from(xml));
  assert.deepEqual(results.map((r) => (r.kind === 'article' ? [r.article.date, r.warnings ?? []] : r.problem.code)), [
    [null, ['feeds/world.rss: feed item 1: date "Fri, 30 Feb 2024 10:00:00 GMT" is not a calendar date; dropped (the date comes from the text or --date)']],
    ['2024-02-16T10:00:00Z', []],
  ]);
});
