// Ingest HTML: a DOM element → its text with a blank line between blocks (paragraphs, headings, list items) and none of its media or chrome.
import type { DomElement, DomNode } from './html-dom.js';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FOOTER', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'HTML', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD',
  'TR', 'UL',
]);
/** Elements whose text is never article text: media, captions, forms, navigation, scripts. */
const SKIP = new Set([
  'ASIDE', 'AUDIO', 'BUTTON', 'CANVAS', 'DIALOG', 'EMBED', 'FIGCAPTION', 'FIGURE', 'FORM', 'HEAD', 'IFRAME', 'IMG', 'INPUT', 'LINK', 'MAP',
  'META', 'NAV', 'NOSCRIPT', 'OBJECT', 'PICTURE', 'SCRIPT', 'SELECT', 'SOURCE', 'STYLE', 'SVG', 'TEMPLATE', 'TEXTAREA', 'TITLE', 'VIDEO',
]);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Marks, on the work stack, the end of a block element. */
const BLOCK_END = null;

/**
 * Collects an element's text: blocks separated by "\n\n", <br> as "\n", table cells by a space, whitespace inside
 * a block collapsed. Walks with an explicit stack, so deeply nested (or unclosed) markup cannot overflow the call stack.
 */
export function blockText(root: DomElement | DomNode): string {
  const out: string[] = [];
  const stack: Array<DomNode | typeof BLOCK_END> = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === BLOCK_END) {
      out.push('\n\n');
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent;
      if (text) out.push(text.replace(/\s+/g, ' '));
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      out.push('\n');
      continue;
    }
    if (BLOCK.has(name)) {
      out.push('\n\n');
      stack.push(BLOCK_END);
    } else if (name === 'TD' || name === 'TH') {
      out.push(' ');
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
  }
  return out.join('');
}
