// Ingest HTML: markup → the same markup with elements nested deeper than a limit unwrapped (their text kept), in one linear pass.

/** Deepest element nesting kept; real news pages stay well under 100, and the DOM and readability slow down sharply past a few hundred. */
export const MAX_HTML_DEPTH = 160;

/** Elements that never have content, so never open a level. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command']);
/** Elements that may sit inside a paragraph (every other element ends an open <p>). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span',
  'strong', 'sub', 'sup', 'time', 'u', 'var', 'font', 'label']);
/** How far down the open-element stack a closing tag looks for its match (bounds the cost of stray closing tags). */
const MATCH_WINDOW = 32;
/** Elements whose closing tag is optional: a new one of the same name closes the open one ("<li>a<li>b"). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody', 'tfoot']);
/** How far down the stack an optional-end element looks for an open one of its name. */
const SIBLING_WINDOW = 4;
// attributes are skipped up to the first ">": a quoted ">" mis-scans one tag, never the cost
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>/g;

/** The flattened markup and how many tags were unwrapped. */
export interface FlattenedHtml {
  html: string;
  /** Opening and closing tags dropped (0 when the page was within the limit: then `html` is the input itself). */
  dropped: number;
  /** The deepest nesting seen, unwrapped levels included. */
  depth: number;
  /** Opening tags seen (void elements included): the size of the tree the parser would build. */
  elements: number;
}

/**
 * Unwraps every element that would sit deeper than `maxDepth`: its opening and closing tags are replaced by a space
 * and its content stays where it was, so the text survives and the tree the parser builds is at most `maxDepth` deep.
 * A rough tag scanner (not a parser), linear in the markup: closing tags match the nearest open element of their
 * name within a small window; void and self-closed elements open no level. Comments, scripts and styles should be
 * dropped first (cleanHtml does).
 */
export function flattenDeepHtml(html: string, maxDepth: number = MAX_HTML_DEPTH): FlattenedHtml {
  const stack: { name: string; kept: boolean }[] = [];
  let depth = 0;
  let dropped = 0;
  let elements = 0;
  const parts: string[] = [];
  let last = 0;
  const drop = (from: number, to: number): void => {
    parts.push(html.slice(last, from), ' ');
    last = to;
    dropped++;
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    const name = (m[2] as string).toLowerCase();
    if (m[1] === '/') {
      let at = -1;
      for (let i = stack.length - 1; i >= Math.max(0, stack.length - MATCH_WINDOW); i--) {
        if ((stack[i] as { name: string }).name === name) {
          at = i;
          break;
        }
      }
      if (at === -1) continue; // stray: the parser ignores it
      const kept = (stack[at] as { kept: boolean }).kept;
      stack.length = at;
      if (!kept) drop(m.index, m.index + m[0].length);
      continue;
    }
    elements++;
    if (VOID.has(name) || m[0].endsWith('/>')) continue;
    if (SELF_CLOSING_SIBLINGS.has(name) || stack[stack.length - 1]?.name === 'p') {
      // "<p>a<p>b" and "<p>a<div>": the open p (or li, td …) ends here, as the parser will end it
      for (let i = stack.length - 1; i >= Math.max(0, stack.length - SIBLING_WINDOW); i--) {
        const open = stack[i] as { name: string; kept: boolean };
        if (open.name === name || (i === stack.length - 1 && open.name === 'p' && !INLINE.has(name))) {
          stack.length = i;
          break;
        }
      }
    }
    const kept = stack.length < maxDepth;
    stack.push({ name, kept });
    depth = Math.max(depth, stack.length);
    if (!kept) drop(m.index, m.index + m[0].length);
  }
  if (dropped === 0) return { html, dropped, depth, elements };
  parts.push(html.slice(last));
  return { html: parts.join(''), dropped, depth, elements };
}
