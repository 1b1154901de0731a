import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, renderRows, parseFormat, type Column } from './format-output.js';

interface Row { a: string; n: number | null }
const columns: Column<Row>[] = [
  { header: 'A', value: (r) => r.a },
  { header: 'N', value: (r) => r.n },
];

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

test('renderRows gives each format its shape', () => {
  const rows: Row[] = [{ a: 'x', n: 1 }, { a: 'long text', n: null }];
  assert.equal(renderRows(rows, columns, 'jsonl'), '{"a":"x","n":1}\n{"a":"long text","n":null}\n');
  assert.equal(renderRows(rows, columns, 'csv'), 'A,N\nx,1\nlong text,\n');
  const table = renderRows(rows, columns, 'table').split('\n');
  assert.equal(table[0], 'A          N');
  assert.equal(table[2], 'x          1');
});

test('parseFormat refuses unknown formats by name', () => {
  assert.equal(parseFormat('csv'), 'csv');
  assert.throws(() => parseFormat('xml'), /unknown format "xml"/);
});
