import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitWidths, renderRows, renderTable, parseFormat, type Column } from './format-output.js';

interface Row { a: string; n: number | null }
const columns: Column<Row>[] = [
  { header: 'A', value: (r) => r.a },
  { header: 'N', value: (r) => r.n },
];

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

test('a table fits the width it is given: free text gives way first, codes last', () => {
  assert.deepEqual(fitWidths([10, 60, 6], [2, 8, 4], [null, 12, null], 40), [10, 20, 6]);
  assert.deepEqual(fitWidths([10, 60, 6], [2, 8, 4], [null, 12, null], 30), [10, 10, 6]);
  const rows = [{ a: 'CHN', n: 1, text: 'x'.repeat(200) }];
  const table = renderTable(rows, [{ header: 'code', value: (r) => r.a }, { header: 'n', value: (r) => r.n }, { header: 'evidence', value: (r) => r.text, maxWidth: 80 }], 50);
  for (const line of table.trimEnd().split('\n')) assert.ok(line.length <= 50, line);
  assert.match(table, /x…$/m);
});

test('a narrow table leaves out the columns it may drop, highest dropOrder first', () => {
  const rows = [{ a: 'CHN', b: 'delivered', c: 'x'.repeat(100) }];
  const columns: Column<{ a: string; b: string; c: string }>[] = [
    { header: 'code', value: (r) => r.a }, { header: 'status', value: (r) => r.b, dropOrder: 1 }, { header: 'evidence', value: (r) => r.c, maxWidth: 80, minWidth: 30 },
  ];
  assert.match(renderTable(rows, columns, 60), /^code\s+status\s+evidence/);
  assert.match(renderTable(rows, columns, 40), /^code\s+evidence$/m);
});
