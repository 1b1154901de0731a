// Ingest tests: unwrapping too deeply nested HTML in one linear pass, text kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenDeepHtml } from './flatten-deep-html.js';
import { parseDocument, type DomNode } from './html-dom.js';

function depthOf(node: DomNode): number {
  let deepest = 0;
  const stack: Array<[DomNode, number]> = [[node, 0]];
  while (stack.length > 0) {
    const [n, d] = stack.pop() as [DomNode, number];
    deepest = Math.max(deepest, d);
    for (let i = 0; i < n.childNodes.length; i++) stack.push([n.childNodes[i] as DomNode, d + 1]);
  }
  return deepest;
}

const nested = (n: number, inner: string): string => `${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}`;

test('markup within the limit comes back unchanged (the same string)', () => {
  const html = `<p>One<p>two<ul><li>a<li>b</ul>${nested(20, '<p>text</p>')}<br><img src="x"/>`;
  const flat = flattenDeepHtml(html, 30);
  assert.equal(flat.dropped, 0);
  assert.equal(flat.html, html);
});

test('10,000 nested divs are unwrapped to the limit, the text kept', () => {
  const html = `<html><body>${nested(10_000, '<p>Iraqi officials condemned the attack.</p>')}</body></html>`;
  const flat = flattenDeepHtml(html, 100);
  assert.ok(flat.dropped > 19_000);
  assert.equal(flat.depth, 10_003);
  const document = parseDocument(flat.html);
  assert.ok(depthOf(document.body as DomNode) <= 110);
  assert.match(document.body?.textContent ?? '', /Iraqi officials condemned the attack\./);
});

test('unclosed paragraphs and list items do not count as nesting', () => {
  const html = '<p>x'.repeat(500) + '<ul>' + '<li>y'.repeat(500) + '</ul>';
  assert.equal(flattenDeepHtml(html, 10).dropped, 0);
});

test('elements are counted, void ones included', () => {
  assert.equal(flattenDeepHtml('<div><br><p>a</p><img/></div>').elements, 4);
});
