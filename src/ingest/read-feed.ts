// Ingest feeds: an RSS/Atom byte stream → one article per item (title, link, date, body cleaned as HTML) or a problem per item.
import type { Article } from '../types/article.js';
import { cleanHtmlFragment } from './clean-html.js';
import { cleanLines } from './clean-lines.js';
import { declaredCharset, decodeLine } from './decode-text.js';
import { findDateline } from './find-dateline.js';
import { findPublicationDate } from './find-publication-date.js';
import { ingestProblem, type InputResult } from './input-result.js';
import { normaliseDate } from './normalise-date.js';
import { formatBytes } from './open-input.js';
import { parseFeedItem } from './parse-feed-item.js';
import { splitFeedItems } from './split-feed-items.js';

const FEED_ROOT = /<(rss|feed|rdf:RDF)[\s>]/;
const CHANNEL_TITLE = /<title[^>]*>\s*(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?\s*<\/title>/;
const MARKUP = /<[a-zA-Z!/][^>]*>/;

/**
 * Reads a feed item by item. Each item becomes an article with id `path#n` (n counts items from 1), its title, link,
 * date and author, the channel's title as source, and its body (`content:encoded`, `content`, `description` or
 * `summary`) cleaned as HTML; an item with no body is coded from its title. A malformed item is E108 and the others
 * still yield; a feed cut off mid-way or without its closing root tag ends with E108 after the whole items it had.
 */
export async function* readFeed(chunks: AsyncIterable<Buffer>, input: string, maxItemBytes: number): AsyncGenerator<InputResult> {
  let source: string | null = null;
  let isFeed = false;
  let items = 0;
  let declared: string | null = null;
  for await (const piece of splitFeedItems(chunks, maxItemBytes)) {
    if (piece.kind === 'header') {
      declared = declaredCharset(piece.xml);
      const header = decodeLine(piece.xml, declared);
      isFeed = FEED_ROOT.test(header);
      source = plainText(CHANNEL_TITLE.exec(header)?.[1] ?? '') || null;
    } else if (piece.kind === 'too-large') {
      items++;
      yield ingestProblem('E106', input, `feed item ${piece.n} is larger than ${formatBytes(maxItemBytes)} (the limit for one article)`);
    } else if (piece.kind === 'item') {
      items++;
      yield feedItemResult(decodeLine(piece.xml, declared), input, piece.n, source);
    } else if (!isFeed && items === 0) {
      yield ingestProblem('E108', input, 'not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> element)');
    } else if (piece.unclosed !== null) {
      yield ingestProblem('E108', input, `feed XML is cut off: item ${piece.unclosed} is not closed`);
    } else if (!piece.closedRoot) {
      yield ingestProblem('E108', input, 'feed XML is cut off: the closing </rss> or </feed> tag is missing');
    } else if (items === 0) {
      yield ingestProblem('E101', input, 'feed has no items');
    }
  }
}

/** Turns one item's XML into an article, or a problem naming the item. */
export function feedItemResult(xml: string, input: string, n: number, source: string | null): InputResult {
  const item = parseFeedItem(xml);
  if ('error' in item) return ingestProblem('E108', input, `feed item ${n} is malformed XML: ${item.error}`);
  const title = item.title === null ? null : plainText(item.title) || null;
  let text = '';
  if (item.body !== null) text = MARKUP.test(item.body) ? cleanHtmlFragment(item.body) : cleanLines(item.body);
  if (text === '' && title !== null) text = title;
  if (text === '') return ingestProblem('E105', input, `feed item ${n} has no title and no text`);
  const given = normaliseDate(item.date);
  const dateline = findDateline(text)?.dateline ?? null;
  const found = given === null ? findPublicationDate({ text, dateline, byline: item.author }) : null;
  const article: Article = {
    id: `${input}#${n}`,
    text,
    title,
    date: given ?? found?.date ?? null,
    dateBasis: given !== null ? 'publication' : found?.basis ?? null,
    url: item.link,
    source,
    byline: item.author,
    dateline,
    language: null,
  };
  if (given === null && item.date !== null && item.date.trim() !== '') {
    const shown = item.date.trim().length > 60 ? `${item.date.trim().slice(0, 59)}…` : item.date.trim();
    const warning = `${input}: feed item ${n}: date ${JSON.stringify(shown)} is not a calendar date; dropped (the date comes from the text or --date)`;
    return { kind: 'article', article, warnings: [warning] };
  }
  return { kind: 'article', article };
}

/** Text of a short piece of markup (a title): tags dropped, common entities decoded, spaces collapsed. */
function plainText(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#\d+|#x[\da-f]+);/gi, (entity, name: string) => {
      const lower = name.toLowerCase();
      if (lower === 'amp') return '&';
      if (lower === 'lt') return '<';
      if (lower === 'gt') return '>';
      if (lower === 'quot') return '"';
      if (lower === 'apos') return "'";
      if (lower === 'nbsp') return ' ';
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
