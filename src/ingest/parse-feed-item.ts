// Ingest feeds: the one wrapper around fast-xml-parser — the XML of one RSS <item> or Atom <entry> → its fields.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The fields of a feed item that make an article; null where the item has none. */
export interface FeedItem {
  title: string | null;
  link: string | null;
  /** The publication date as written (RSS `pubDate`, `dc:date`, Atom `published`, else `updated`). */
  date: string | null;
  /** The fullest body the item carries: `content:encoded`, Atom `content`, `description` or `summary` (HTML or text). */
  body: string | null;
  author: string | null;
}

type Node = string | number | boolean | null | Node[] | { [key: string]: Node };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
});

/** Parses one item's XML; returns the fields, or the parser's complaint (with its line) when the XML is malformed. */
export function parseFeedItem(xml: string): FeedItem | { error: string } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: `${valid.err.msg} (line ${valid.err.line} of the item)` };
  let parsed: Node;
  try {
    parsed = parser.parse(xml) as Node;
  } catch (err) {
    return { error: err instanceof Error ? (err.message.split('\n')[0] ?? 'parse error') : 'parse error' };
  }
  const root = isObject(parsed) ? (parsed['item'] ?? parsed['entry'] ?? Object.values(parsed)[0] ?? null) : null;
  if (!isObject(root)) return { title: null, link: null, date: null, body: null, author: null };
  const field = (...names: string[]): string | null => {
    for (const name of names) {
      const value = textOf(root[name]);
      if (value !== null) return value;
    }
    return null;
  };
  return {
    title: field('title', 'dc:title'),
    link: linkOf(root['link']) ?? permalink(root['guid']) ?? field('feedburner:origLink'),
    date: field('pubDate', 'dc:date', 'published', 'issued', 'dcterms:created', 'updated', 'modified', 'a10:updated'),
    body: field('content:encoded', 'content', 'description', 'summary', 'media:description', 'dc:description'),
    author: authorOf(root['dc:creator'] ?? root['author'] ?? root['creator'] ?? null),
  };
}

function isObject(node: Node | undefined): node is { [key: string]: Node } {
  return node !== null && node !== undefined && typeof node === 'object' && !Array.isArray(node);
}

function textOf(node: Node | undefined): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string') return node.trim() || null;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  return textOf(node['#text']);
}

/** An RSS link's text, or the href of an Atom link (rel="alternate" or no rel preferred). */
function linkOf(node: Node | undefined): string | null {
  if (node === undefined || node === null) return null;
  const links = Array.isArray(node) ? node : [node];
  let fallback: string | null = null;
  for (const link of links) {
    if (typeof link === 'string' && link.trim() !== '') return link.trim();
    if (!isObject(link)) continue;
    const href = textOf(link['@_href']) ?? textOf(link['#text']);
    if (href === null) continue;
    const rel = textOf(link['@_rel']);
    if (rel === null || rel === 'alternate') return href;
    fallback ??= href;
  }
  return fallback;
}

function permalink(node: Node | undefined): string | null {
  const value = textOf(node);
  if (value === null || !/^https?:\/\//i.test(value)) return null;
  if (isObject(node) && textOf(node['@_isPermaLink']) === 'false') return null;
  return value;
}

/** An author as a name: Atom `<author><name>`, RSS "jane@example.org (Jane Roe)" → "Jane Roe". */
function authorOf(node: Node): string | null {
  if (Array.isArray(node)) {
    const names = node.map(authorOf).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (isObject(node) && node['name'] !== undefined) return textOf(node['name']);
  const text = textOf(node);
  if (text === null) return null;
  const inParens = /^\S+@\S+\s*\(([^)]+)\)$/.exec(text);
  if (inParens) return (inParens[1] as string).trim();
  return /^\S+@\S+$/.test(text) ? null : text;
}
