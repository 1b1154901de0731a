// Tests: bytes → text (UTF-8, BOM, Windows-1252 fallback) and the binary / empty refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DyadError } from '../types/problem.js';
import { declaredCharset, decodeLine, decodeText, looksBinary } from './decode-text.js';

test('decodeText reads UTF-8, drops a BOM, and falls back to Windows-1252', () => {
  const cases: Array<{ name: string; bytes: Buffer; text: string }> = [
    { name: 'plain UTF-8', bytes: Buffer.from('Talks in Orléans on Monday.', 'utf8'), text: 'Talks in Orléans on Monday.' },
    { name: 'UTF-8 with BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Kyiv asked for aid.')]), text: 'Kyiv asked for aid.' },
    { name: 'Latin-1 é', bytes: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x74, 0x61, 0x6c, 0x6b, 0x73]), text: 'Café talks' },
    { name: 'Windows-1252 curly quotes', bytes: Buffer.from([0x93, 0x4e, 0x6f, 0x94, 0x2c, 0x20, 0x68, 0x65, 0x20, 0x73, 0x61, 0x69, 0x64]), text: '“No”, he said' },
  ];
  for (const { name, bytes, text } of cases) assert.equal(decodeText(bytes, 'x.txt'), text, name);
});

test('decodeText refuses empty, whitespace-only and binary input with the right code', () => {
  const cases: Array<{ name: string; bytes: Buffer; code: string }> = [
    { name: 'empty', bytes: Buffer.alloc(0), code: 'E101' },
    { name: 'whitespace', bytes: Buffer.from(' \n\t\r\n  '), code: 'E101' },
    { name: 'NUL bytes', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]), code: 'E102' },
    { name: 'control characters', bytes: Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), code: 'E102' },
  ];
  for (const { name, bytes, code } of cases) {
    assert.throws(() => decodeText(bytes, 'notes/x.txt'), (err: unknown) => {
      assert.ok(err instanceof DyadError, name);
      assert.equal(err.code, code, name);
      assert.equal(err.input, 'notes/x.txt', name);
      assert.ok(!err.message.includes('    at '), 'no stack in the message');
      return true;
    });
  }
});

test('looksBinary tells text from binary by the first 8 KiB', () => {
  assert.equal(looksBinary(Buffer.from('An ordinary line of news.\r\n\tIndented.\f')), false);
  assert.equal(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])), true);
  const lateNul = Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]);
  assert.equal(looksBinary(lateNul), false, 'only the first 8 KiB are looked at');
});

test('decodeLine decides per piece, so a mixed file keeps its UTF-8 lines', () => {
  assert.equal(decodeLine(Buffer.from('Zürich', 'utf8')), 'Zürich');
  assert.equal(decodeLine(Buffer.from([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68])), 'Zürich');
});

test('a declared charset decodes bytes that are not UTF-8', () => {
  const cyrillic = Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]); // "Москва" in Windows-1251
  assert.equal(decodeLine(cyrillic, 'windows-1251'), 'Москва');
  assert.equal(decodeLine(Buffer.from('Москва'), 'windows-1251'), 'Москва', 'valid UTF-8 wins over a wrong declaration');
  assert.equal(decodeLine(Buffer.from([0xe9]), 'no-such-charset'), 'é', 'an unknown charset falls back to Windows-1252');
  assert.equal(decodeLine(Buffer.from([0x93, 0x41, 0x94]), 'iso-8859-1'), '“A”', 'Latin-1 labels read as Windows-1252');
});

test('declaredCharset reads <meta charset> and the XML declaration', () => {
  const cases: Array<[string, string | null]> = [
    ['<html><head><meta charset="windows-1251"><title>x</title>', 'windows-1251'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">', 'koi8-r'],
    ['<?xml version="1.0" encoding="ISO-8859-2"?><rss>', 'iso-8859-2'],
    ['<html><body>no declaration</body></html>', null],
  ];
  for (const [head, charset] of cases) assert.equal(declaredCharset(Buffer.from(head)), charset, head);
});
