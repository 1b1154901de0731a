import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDiscards } from './parse-discards.js';

const file = fileURLToPath(new URL('../../../test/fixtures/petrarch/zembla.discards.txt', import.meta.url));

test('parseDiscards reads sentence- and story-level phrases, once each', () => {
  const { source, problems } = parseDiscards(readFileSync(file, 'utf8'), 'zembla.discards.txt');
  assert.deepEqual(source.discards, [
    { phrase: 'chess tournament', scope: 'sentence' },
    { phrase: 'fairy tale', scope: 'story' },
    { phrase: 'poetry reading', scope: 'story' },
    { phrase: 'crossword', scope: 'sentence' },
  ]);
  assert.deepEqual(problems.map((p) => [p.code, p.input, p.line]), [['E302', 'zembla.discards.txt', 7]]);
});

test('parseDiscards does not keep time expressions (years, "N years ago") and says how many it left out', () => {
  const { source, notes } = parseDiscards(readFileSync(file, 'utf8'), 'zembla.discards.txt');
  const phrases = (source.discards ?? []).map((d) => d.phrase);
  for (const time of ['1959', 'years ago', 'fifty years ago', 'april 1942']) assert.ok(!phrases.includes(time), time);
  assert.deepEqual(notes, ['zembla.discards.txt: 4 time expression(s) (years, "years ago", …) not used as discards: Dyad dates each event instead']);
});
