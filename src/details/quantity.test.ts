import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLexicon } from '../lexicon/load-lexicon.js';
import { parseQuantity, type Quantity } from './quantity.js';

const q = (quantity: number | null, max: number | null = null, approx = false, unit: string | null = null): Quantity => ({ quantity, max, approx, unit });

const cases: Array<[string, Quantity | null]> = [
  ['five', q(5)],
  ['48', q(48)],
  ['20 thousand', q(20000)],
  ['20,000', q(20000)],
  ['1.5 million', q(1500000)],
  ['twenty-five', q(25)],
  ['two hundred and fifty', q(250)],
  ['three thousand', q(3000)],
  ['$50 million', q(50000000, null, false, 'USD')],
  ['50 million dollars', q(50000000, null, false, 'USD')],
  ['50 million US dollars', q(50000000, null, false, 'USD')],
  ['€2bn', q(2000000000, null, false, 'EUR')],
  ['US$ 3.2 billion', q(3200000000, null, false, 'USD')],
  ['10 billion yuan', q(10000000000, null, false, 'CNY')],
  ['300 million roubles', q(300000000, null, false, 'RUB')],
  ['£40m', q(40000000, null, false, 'GBP')],
  ['up to 9,000', q(null, 9000)],
  ['as many as 300', q(null, 300)],
  ['less than 50', q(null, 50)],
  ['more than 2,500', q(2500, null, true)],
  ['at least 12', q(12, null, true)],
  ['about 300', q(300, null, true)],
  ['around 300', q(300, null, true)],
  ['nearly 300', q(300, null, true)],
  ['some 300', q(300, null, true)],
  ['an estimated 4,000', q(4000, null, true)],
  ['dozens', q(24, null, true)],
  ['dozens of', q(24, null, true)],
  ['hundreds', q(200, null, true)],
  ['thousands', q(2000, null, true)],
  ['tens of thousands', q(20000, null, true)],
  ['hundreds of thousands', q(200000, null, true)],
  ['several', q(null, null, true)],
  ['several hundred', q(300, null, true)],
  ['a dozen', q(12)],
  ['two dozen', q(24)],
  ['about a dozen', q(12, null, true)],
  ['a pair of', q(2)],
  ['a couple of', q(2, null, true)],
  ['two batches of', q(2, null, false, 'batch')],
  ['10 to 12', q(10, 12)],
  ['10-12', q(10, 12)],
  ['between 10 and 12', q(10, 12)],
  ['two or three', q(2, 3)],
  ['2 to 3 million', q(2000000, 3000000)],
  ['500 tonnes of', q(500, null, false, 'tonnes')],
  ['tonnes of', q(null, null, false, 'tonnes')],
  ['1,000 metric tons', q(1000, null, false, 'tonnes')],
  ['a thousand', q(1000)],
  // not counts
  ['in 2019', null],
  ['50 percent', null],
  ['over Syria', null],
  ['Leopard', null],
  ['', null],
];

test('parseQuantity reads numbers, bounds, vague words and units', () => {
  for (const [text, want] of cases) assert.deepEqual(parseQuantity(text), want, text);
});

test('parseQuantity carries a written scale across a range', () => {
  assert.deepEqual(parseQuantity('two to three thousand'), q(2000, 3000));
  assert.deepEqual(parseQuantity('10 to 12 thousand'), q(10000, 12000));
});

test('a verb particle "over" is not "more than"', () => {
  assert.deepEqual(parseQuantity('handed over 50'), q(50));
});

test('a currency a --lexicon folder adds to currency_words is the unit of an amount', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-units-'));
  try {
    writeFileSync(join(dir, 'words.yaml'), 'currency_words: {naira: NGN}\ncontainer_words: {"!batches": null}\n');
    const { lexicon, problems } = loadLexicon({ lexiconDirs: [dir] });
    assert.deepEqual(problems, []);
    assert.equal(parseQuantity('50 million naira')?.unit ?? null, null, 'Dyad alone knows no naira');
    assert.deepEqual(parseQuantity('50 million naira', lexicon.wordLists), { quantity: 50e6, max: null, approx: false, unit: 'NGN' });
    assert.equal(parseQuantity('two batches of rifles')?.unit, 'batch');
    assert.equal(parseQuantity('two batches of rifles', lexicon.wordLists)?.unit, null, '"!batches" took the container out');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
