import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderRows, parseFormat, type Column } from './format-output.js';

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
