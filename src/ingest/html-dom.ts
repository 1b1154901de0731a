// Ingest HTML: the one wrapper around linkedom and @mozilla/readability — HTML string → light DOM → readable article element.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** The few DOM node members ingest reads (linkedom implements them; the DOM lib is not in our tsconfig). */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

/** The few DOM element members ingest uses. */
export interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  readonly isConnected: boolean;
  remove(): void;
}

/** The few DOM document members ingest uses. */
export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

/** What readability found: the article's element and the metadata it read. */
export interface ReadableArticle {
  content: DomElement | null;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
}

/** Parses an HTML page (or fragment) into a light DOM. Tolerant of malformed markup. */
export function parseDocument(html: string): DomDocument {
  const source = /<html[\s>]/i.test(html.slice(0, 4096)) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source) as unknown as { document: DomDocument };
  return document;
}

/**
 * Runs @mozilla/readability on a document (which it changes: parse a fresh one if the page is needed again).
 * Returns the article element itself (not serialised HTML), or null when readability finds no article.
 * With `maxElements`, readability refuses a page with more elements. Null too when readability fails on the tree.
 */
export function readArticle(document: DomDocument, maxElements = 0): ReadableArticle | null {
  const reader = new Readability<DomElement>(document as never, {
    serializer: (node) => node as unknown as DomElement,
    // readability throws past this many elements (0: no limit); cleanHtml refuses such pages before parsing anyway
    maxElemsToParse: maxElements,
    charThreshold: 200,
    disableJSONLD: true,
  });
  let parsed: ReturnType<typeof reader.parse>;
  try {
    parsed = reader.parse();
  } catch {
    // readability walks up from its best candidate to <body>; on some malformed trees (a second <html> inside the
    // body, say) it walks off the top and throws. Then it found no article, and the caller's fallback takes over.
    return null;
  }
  if (parsed === null) return null;
  return {
    content: parsed.content ?? null,
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    siteName: parsed.siteName ?? null,
    publishedTime: parsed.publishedTime ?? null,
    lang: parsed.lang ?? null,
  };
}
