// Ingest HTML: a saved news page → clean article text (readability, then news line cleaning) and its metadata.
import { DyadError } from '../types/problem.js';
import { blockText } from './block-text.js';
import { cleanLines } from './clean-lines.js';
import { findDateline } from './find-dateline.js';
import { flattenDeepHtml, MAX_HTML_DEPTH } from './flatten-deep-html.js';
import { findPublicationDate, type TextDateBasis } from './find-publication-date.js';
import { parseDocument, readArticle, type DomDocument, type DomElement, type DomNode } from './html-dom.js';
import { htmlMeta } from './html-meta.js';
import { cleanByline, takeByline } from './take-byline.js';

/** A cleaned HTML article: its text and what the page says about it (null where it says nothing). */
export interface CleanedHtml {
  text: string;
  title: string | null;
  byline: string | null;
  dateline: string | null;
  source: string | null;
  url: string | null;
  date: string | null;
  /** Where `date` came from: the page's metadata, else its dateline, stamp lines or byline; null with no date. */
  dateBasis: 'page-metadata' | TextDateBasis | null;
  language: string | null;
  /** What was dropped on the way, one line each naming the input: a metadata date that is no calendar date. */
  warnings: string[];
}

const JSON_LD = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
/** Heavy elements dropped from the markup before parsing: they never hold article text and cost parse time. */
const HEAVY = /<(script|style|svg|noscript|template|iframe|canvas|object|nav|aside|footer|figcaption|select|button|dialog)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
/** Chrome removed from the DOM before readability looks for the article. */
const CHROME_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'FIGCAPTION', 'FORM', 'BUTTON', 'DIALOG', 'SELECT', 'TEXTAREA']);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'dialog', 'alertdialog', 'search']);
const CHROME_CLASS = /(^|[\s_-])(share|sharing|social|related|recommend(ed|ations)?|newsletter|subscribe|signup|cookies?|consent|gdpr|comments?|disqus|promo|advert(isement)?|ads?|ad-slot|outbrain|taboola|paywall|pagination|pager|breadcrumbs?|author-bio|bio|tags|most-read|most-popular|popular|trending|read-more|more-stories|sidebar|modal|popup|toolbar|caption|credits?|logo|masthead|site-header|skip-link|menu|navbar|top-?bar)([\s_-]|$)/i;
/** Most elements a page may have; a bigger one is refused (E111) before parsing. Real news pages have a few thousand. */
export const MAX_HTML_ELEMENTS = 60_000;
/** Wall time for cleaning one page, in ms: checked between parsing, chrome removal and readability (E111 past it). */
export const MAX_CLEAN_MS = 5_000;

/** Shortest body text readability must give before we trust it over the page's own article container. */
const MIN_BODY = 120;

/**
 * Cleans a news page: drops scripts and chrome, lets @mozilla/readability find the article body, takes its text by
 * blocks and runs the news line cleaning over it. Metadata comes from the page (Open Graph, JSON-LD, <time>,
 * canonical link), readability's findings filling gaps. The dateline stays in the text and is also reported. With no
 * date in the metadata, the date is read from the dateline, "Published/Updated …" lines or a dated byline.
 * Budgets: elements nested deeper than MAX_HTML_DEPTH are unwrapped (their text kept) before parsing; a page with
 * more than MAX_HTML_ELEMENTS elements, or whose cleaning runs past MAX_CLEAN_MS, is refused with DyadError E111.
 * Throws DyadError E107 when the page has no article text.
 */
export function cleanHtml(html: string, input: string): CleanedHtml {
  const deadline = performance.now() + MAX_CLEAN_MS;
  const jsonLd: string[] = [];
  for (const match of html.matchAll(JSON_LD)) jsonLd.push(match[1] as string);
  const light = boundedMarkup(html.replace(HEAVY, ' '), input);
  const document = parseDocument(light);
  const meta = htmlMeta(document, jsonLd);
  checkDeadline(deadline, input, 'parsing');
  removeChrome(document);
  checkDeadline(deadline, input, 'removing page chrome');
  const found = readArticle(document, MAX_HTML_ELEMENTS);
  checkDeadline(deadline, input, 'finding the article body');
  // the body's text before line cleaning is kept for the date stamps that cleaning drops
  let raw = found?.content ? blockText(found.content) : '';
  let text = raw === '' ? '' : cleanLines(raw);
  if (text.length < MIN_BODY) {
    const again = parseDocument(light);
    removeChrome(again);
    const container = again.querySelector('[itemprop="articleBody"]') ?? again.querySelector('article') ?? again.querySelector('main') ?? again.body;
    const fallbackRaw = container ? blockText(container) : '';
    const fallback = fallbackRaw === '' ? '' : cleanLines(fallbackRaw);
    if (fallback.length > text.length) [text, raw] = [fallback, fallbackRaw];
  }
  const title = meta.title ?? found?.title?.trim() ?? null;
  text = dropLeadingTitle(text, title);
  const taken = takeByline(text);
  text = taken.text;
  if (!hasProse(text)) throw new DyadError('E107', input, 'HTML has no article body (no paragraph of text)');
  const dateline = findDateline(text);
  const byline = meta.byline ?? (found?.byline ? cleanByline(found.byline) : null) ?? taken.byline;
  const inText = meta.date === null ? findPublicationDate({ text: raw, dateline: dateline?.dateline ?? null, byline: taken.byline ?? byline }) : null;
  return {
    text,
    title: title || null,
    byline,
    dateline: dateline?.dateline ?? null,
    source: meta.source ?? found?.siteName ?? dateline?.agency ?? null,
    url: meta.url,
    date: meta.date ?? inText?.date ?? null,
    dateBasis: meta.date !== null ? 'page-metadata' : inText?.basis ?? null,
    language: meta.language ?? (found?.lang ? (/^[a-z]{2,3}/i.exec(found.lang)?.[0].toLowerCase() ?? null) : null),
    warnings: meta.droppedDates.map((raw) => `${input}: page metadata date ${JSON.stringify(raw)} is not a calendar date up to tomorrow; dropped (${
      meta.date !== null ? 'a later metadata date is taken' : 'the date comes from the text or --date'})`),
  };
}

/** Cleans an HTML fragment (a feed item's description): block text and line cleaning, no readability. */
export function cleanHtmlFragment(html: string, input = 'fragment'): string {
  const document = parseDocument(boundedMarkup(html.replace(HEAVY, ' '), input));
  removeChrome(document);
  return document.body ? cleanLines(blockText(document.body)) : '';
}

/** Markup the parser can take in bounded time: too deep nesting unwrapped, too many elements refused (E111). */
function boundedMarkup(html: string, input: string): string {
  const flat = flattenDeepHtml(html, MAX_HTML_DEPTH);
  if (flat.elements > MAX_HTML_ELEMENTS) {
    throw new DyadError('E111', input, `HTML has ${flat.elements.toLocaleString('en-US')} elements, more than ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} (the limit for one page)`);
  }
  return flat.html;
}

function checkDeadline(deadline: number, input: string, step: string): void {
  if (performance.now() > deadline) {
    throw new DyadError('E111', input, `cleaning the HTML took longer than ${MAX_CLEAN_MS / 1000} s (stopped after ${step})`);
  }
}

/** Removes navigation, asides, captions, forms and share/related/comment/newsletter blocks, unless one holds most of the page's paragraphs. */
function removeChrome(document: DomDocument): void {
  const root = document.documentElement;
  if (root === null) return;
  const total = document.getElementsByTagName('p').length;
  // One walk over the tree with plain property reads: linkedom's querySelectorAll is slow on big pages.
  const doomed: DomElement[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (node.nodeType !== 1) continue;
    const element = node as DomElement;
    if (isChrome(element)) {
      doomed.push(element);
      continue;
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
  }
  for (const element of doomed) {
    // Keep a block that holds most of the page's paragraphs: a page-wide wrapper with an unlucky class name.
    if (total > 2 && element.getElementsByTagName('p').length * 2 > total) continue;
    element.remove();
  }
}

/** Navigation, asides, captions, forms, hidden parts, and share/related/comment/newsletter blocks by class or id. */
function isChrome(element: DomElement): boolean {
  const name = element.nodeName;
  if (CHROME_TAGS.has(name)) return true;
  if (name === 'HTML' || name === 'BODY' || name === 'ARTICLE' || name === 'MAIN' || name === 'HEAD') return false;
  const role = element.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  if (element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') return true;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names.length > 1 && CHROME_CLASS.test(names);
}

/** True when some paragraph reads as prose: six words or more, or a sentence end. */
function hasProse(text: string): boolean {
  return text.split('\n\n').some((p) => /[.!?"”]$/.test(p) || p.split(' ').length >= 6);
}

/** Drops the first paragraph when it repeats the title (pages print the headline above the body). */
function dropLeadingTitle(text: string, title: string | null): string {
  if (!title) return text;
  const end = text.indexOf('\n\n');
  const first = end === -1 ? text : text.slice(0, end);
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (norm(first) !== norm(title)) return text;
  return end === -1 ? '' : text.slice(end + 2);
}
