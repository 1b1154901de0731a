import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, csvRow } from './export-context.js';
import { parseCsv, readCsv, readTsv } from './read-table.js';

test('parseCsv reads RFC 4180 quoting, CRLF and a missing final newline', () => {
  const cases: Array<[string, string[][]]> = [
    ['a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['a,b\r\n"x, y","say ""hi"""', [['a', 'b'], ['x, y', 'say "hi"']]],
    ['a\n"two\nlines"\n', [['a'], ['two\nlines']]],
    ['a,b\n,\n', [['a', 'b'], ['', '']]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseCsv(text), expected, JSON.stringify(text));
});

test('csvRow and readCsv round-trip awkward values, formula guards included', () => {
  const values = ['=1+1', '-GOV', '@x', '+y', 'plain', 'a,"b"\nc', ''];
  const text = csvRow(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7']) + csvRow(values);
  assert.ok(text.includes("'=1+1"));
  assert.deepEqual(Object.values(readCsv(text)[0]!), values);
  assert.equal(csvRow([null, 3, true, { a: 1 }]), ',3,true,"{""a"":1}"\n');
});

test('readTsv uses a header line or the given columns, and refuses ragged lines', () => {
  assert.deepEqual(readTsv('a\tb\n1\t2\n'), [{ a: '1', b: '2' }]);
  assert.deepEqual(readTsv('1\t2\n', ['x', 'y']), [{ x: '1', y: '2' }]);
  assert.throws(() => readTsv('1\t2\t3\n', ['x', 'y']), /3 fields, expected 2/);
});

test('csvField quotes separators and quotes, and defuses formulas in free text, never in codes', () => {
  const cases: Array<[unknown, string]> = [
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=cmd()', "'=cmd()"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-left the talks', "'-left the talks"],
    ['---MIL', '---MIL'],
    ['-GOV', '-GOV'],
    [-3.5, '-3.5'],
    [null, ''],
    [3.5, '3.5'],
  ];
  for (const [input, expected] of cases) assert.equal(csvField(input), expected);
});
