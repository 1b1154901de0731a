// Web UI: safe DOM building — elements from tag, attributes and children; text always as text nodes, never as markup.

type Child = Node | string | number | null | undefined | false;
type Handler = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el: Element, attrs: Attrs | undefined): void {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) {
      // Handlers only as functions: a string here would be code, and no data may ever become code.
      if (typeof value !== 'function') throw new Error(`attribute ${key} must be a function`);
      el.addEventListener(key.slice(2), value);
    } else if (typeof value === 'function') {
      throw new Error(`attribute ${key} cannot be a function`);
    } else if (key === 'href' || key === 'src') {
      throw new Error(`set ${key} with safeLink, not as a plain attribute`);
    } else {
      el.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : String(value));
    }
  }
}

function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** An HTML element. String children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** The URL when it is an http(s) address, else null (javascript:, data: and the like are never links). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link to an outside page (new tab, no referrer) when the URL is http(s); plain text otherwise. */
export function externalLink(url: string | null | undefined, text: string): HTMLElement {
  const safe = safeUrl(url);
  if (safe === null) return h('span', { class: 'url' }, text);
  const a = h('a', { target: '_blank', rel: 'noopener noreferrer nofollow' }, text);
  a.href = safe;
  return a;
}

/** A link inside the app (same origin, a path and query we built). */
export function appLink(pathAndQuery: string, text: Child, onClick?: (event: MouseEvent) => void): HTMLAnchorElement {
  const a = h('a', {}, text);
  a.href = pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`;
  if (onClick) {
    a.addEventListener('click', (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      onClick(event);
    });
  }
  return a;
}

/** Replaces the children of an element. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}
