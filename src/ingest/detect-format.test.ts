// Tests: an input's format from its name and first bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFormat } from './detect-format.js';

test('detectFormat trusts telling extensions and sniffs the rest', () => {
  const cases: Array<[string, string, string]> = [
    ['a.txt', '<p>looks like markup</p>', 'text'],
    ['a.HTM', 'plain words', 'html'],
    ['a.ndjson', '{"id":1}', 'jsonl'],
    ['a.jsonl.gz', '{"id":1}', 'jsonl'],
    ['a.json', '  [{"id":1}]', 'E110'],
    ['feed.xml', '<?xml version="1.0"?><rss version="2.0">', 'feed'],
    ['sitemap.xml', '<?xml version="1.0"?><urlset>', 'E110'],
    ['a.atom', 'not even xml', 'feed'],
    ['scan.PDF', '%PDF', 'E110'],
    ['backup.tar.gz', 'x', 'E110'],
    ['', '\n\n  {"id":"x","text":"t"}', 'jsonl'],
    ['', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 'feed'],
    ['', '<!DOCTYPE html><html><body>', 'html'],
    ['notes', 'Kenya sent police to Haiti.', 'text'],
    ['notes.md', '# Heading', 'text'],
  ];
  for (const [name, head, want] of cases) {
    const decision = detectFormat(name, Buffer.from(head));
    assert.equal('format' in decision ? decision.format : decision.code, want, `${name} / ${head}`);
  }
});
