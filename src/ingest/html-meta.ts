// Ingest HTML: a page's <head>, JSON-LD and <time> tags → article metadata (title, byline, outlet, URL, published date, language).
import { cleanByline } from './take-byline.js';
import type { DomDocument, DomElement } from './html-dom.js';
import { normaliseDate } from './normalise-date.js';

/** Metadata read from an HTML page; null where the page does not say. */
export interface HtmlMeta {
  title: string | null;
  byline: string | null;
  source: string | null;
  url: string | null;
  date: string | null;
  /** Dates the metadata gives that are no calendar date, or lie after tomorrow, passed over for `date`: as written. */
  droppedDates: string[];
  language: string | null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished', 'article.published', 'published_time',
  'publish-date', 'publish_date', 'publishdate', 'pubdate', 'date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date',
  'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'publication_date', 'original-publish-date', 'datecreated',
];
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified', 'lastmod', 'updated'];
const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl'];
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle)$/;

/** Reads a page's metadata; `jsonLd` holds the raw text of its `application/ld+json` scripts. */
export function htmlMeta(document: DomDocument, jsonLd: string[]): HtmlMeta {
  const meta = metaMap(document);
  const ld = articleLd(jsonLd);
  const pick = (keys: string[]): string | null => {
    for (const key of keys) {
      const value = meta.get(key);
      if (value) return value;
    }
    return null;
  };
  const source = pick(['og:site_name', 'application-name', 'publisher', 'dc.publisher']) ?? ldName(ld?.['publisher']);
  const title = cleanTitle(pick(['og:title', 'twitter:title', 'headline']) ?? ldString(ld?.['headline']) ?? text(first(document, 'h1')) ?? text(first(document, 'title')), source);
  const byline = cleanByline(
    nonUrl(pick(AUTHOR_KEYS)) ?? ldName(ld?.['author']) ?? text(document.querySelector('[rel="author"]')) ??
    text(document.querySelector('[itemprop="author"]')) ?? text(document.querySelector('.byline, .author-name, .article-author')) ?? '',
  );
  const canonical = linkHref(document, 'canonical');
  const url = [canonical, pick(['og:url', 'twitter:url']), ldString(ld?.['url'])].find((u) => u && /^https?:\/\//i.test(u)) ?? null;
  const timeTag = document.querySelector('time[pubdate], [itemprop="datePublished"], time[datetime]');
  // a <time pubdate> or itemprop element may write its date only as text ("March 3, 2020")
  const timeValue = timeTag?.getAttribute('datetime') ?? timeTag?.getAttribute('content') ?? text(timeTag);
  const { date, dropped: droppedDates } = firstDate([pick(PUBLISHED_KEYS), ldString(ld?.['datePublished']), ldString(ld?.['dateCreated']), timeValue, pick(MODIFIED_KEYS), ldString(ld?.['dateModified'])]);
  const lang = document.documentElement?.getAttribute('lang') ?? pick(['content-language', 'og:locale', 'language']);
  const language = lang ? (/^[a-z]{2,3}/i.exec(lang)?.[0].toLowerCase() ?? null) : null;
  return { title, byline, source, url, date, droppedDates, language };
}

/** Strips an outlet's name from a page title ("Iraq asks for aid | Daily Courier" → "Iraq asks for aid"). */
export function cleanTitle(raw: string | null, source: string | null): string | null {
  if (raw === null) return null;
  const title = raw.replace(/\s+/g, ' ').trim();
  let parts = title.split(/\s+[|–—·»]\s+|\s+-\s+|\s+::\s+/);
  if (parts.length > 1 && source) {
    const site = source.toLowerCase();
    const kept = parts.filter((part) => !site.includes(part.toLowerCase()) && !part.toLowerCase().includes(site));
    if (kept.length > 0) parts = kept;
  }
  if (parts.length > 1 && (parts[parts.length - 1] as string).split(' ').length <= 3) parts = parts.slice(0, -1);
  const cleaned = parts.join(' - ').trim();
  return cleaned === '' ? null : cleaned;
}

function first(document: DomDocument, tag: string): DomElement | null {
  return document.getElementsByTagName(tag)[0] ?? null;
}

function linkHref(document: DomDocument, rel: string): string | null {
  const links = document.getElementsByTagName('link');
  for (let i = 0; i < links.length; i++) {
    if (links[i]?.getAttribute('rel')?.toLowerCase() === rel) return links[i]?.getAttribute('href') ?? null;
  }
  return null;
}

function metaMap(document: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  const tags = document.getElementsByTagName('meta');
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (!tag) continue;
    const key = tag.getAttribute('property') ?? tag.getAttribute('name') ?? tag.getAttribute('itemprop') ?? tag.getAttribute('http-equiv');
    const content = tag.getAttribute('content')?.trim();
    if (key && content && !map.has(key.toLowerCase())) map.set(key.toLowerCase(), content);
  }
  return map;
}

/** The first JSON-LD object that is a news article (or failing that, any object with a publication date). */
function articleLd(scripts: string[]): JsonObject | null {
  let fallback: JsonObject | null = null;
  for (const script of scripts) {
    let data: Json;
    try {
      data = JSON.parse(script) as Json;
    } catch {
      continue;
    }
    const queue: Array<{ value: Json; depth: number }> = [{ value: data, depth: 0 }];
    while (queue.length > 0) {
      const { value, depth } = queue.shift() as { value: Json; depth: number };
      if (Array.isArray(value)) {
        if (depth < 4) for (const item of value) queue.push({ value: item, depth: depth + 1 });
        continue;
      }
      if (value === null || typeof value !== 'object') continue;
      const types = value['@type'];
      const typeList = Array.isArray(types) ? types : [types];
      if (typeList.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return value;
      if (fallback === null && typeof value['datePublished'] === 'string') fallback = value;
      if (depth < 4 && value['@graph'] !== undefined) queue.push({ value: value['@graph'], depth: depth + 1 });
    }
  }
  return fallback;
}

function ldString(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return ldString(value[0]);
  if (value !== null && typeof value === 'object') return ldString(value['@id'] ?? value['url']);
  return null;
}

function ldName(value: Json | undefined): string | null {
  if (typeof value === 'string') return nonUrl(value.trim() || null);
  if (Array.isArray(value)) {
    const names = value.map((v) => ldName(v)).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value !== null && typeof value === 'object' && typeof value['name'] === 'string') return value['name'].trim() || null;
  return null;
}

function nonUrl(value: string | null): string | null {
  return value !== null && !/^(https?:|www\.)/i.test(value) ? value : null;
}

function text(element: { textContent: string | null } | null): string | null {
  const value = element?.textContent?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
}

/**
 * The first candidate that is a date, skipping any after tomorrow (a page's clock or template error, never its
 * publication), and the candidates passed over on the way.
 */
function firstDate(candidates: Array<string | null>): { date: string | null; dropped: string[] } {
  const latest = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  const dropped: string[] = [];
  for (const candidate of candidates) {
    if (candidate === null || candidate.trim() === '') continue;
    const date = normaliseDate(candidate);
    if (date !== null && date.slice(0, 10) <= latest) return { date, dropped };
    dropped.push(candidate.trim().slice(0, 80));
  }
  return { date: null, dropped };
}
