import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLexicon } from '../lexicon/load-lexicon.js';
import { findTerms } from './terms.js';
import type { Terms } from '../types/index.js';

const cases: Array<[string, Terms | null]> = [
  ['Iraqi officials asked China for the free supply of CH-5 armed drones.', 'free'],
  ['The rifles were delivered free of charge.', 'free'],
  ['Minsk handed over the trucks for free.', 'free'],
  ['The equipment was provided gratis by the ministry.', 'free'],
  ['Japan gave the boats as a gift to the coast guard.', 'donation'],
  ['The United States donated 20 patrol boats to Nigeria.', 'donation'],
  ['Seoul announced a $5 million grant for reconstruction.', 'grant'],
  ['Brussels will give the money as a grant, not a loan.', 'grant'],
  ['The World Bank approved a $300 million loan to Kenya.', 'loan'],
  ['Moscow will supply the jets on credit.', 'credit'],
  ['India extended a line of credit worth $500 million.', 'credit'],
  ['Beijing wants the deal on commercial terms.', 'commercial'],
  ['The tanks will be supplied on a commercial basis.', 'commercial'],
  ['Russia sold 48 helicopters to Iraq.', 'sale'],
  ['Egypt signed a contract to purchase 24 Rafale jets.', 'sale'],
  ['Kiev will lease four ships from Ankara.', 'lease'],
  ['Pyongyang supplied shells in exchange for food and fuel.', 'barter'],
  ['Moscow sold the jets on credit.', 'credit'],
  ['The drones were not free of charge, the minister said.', null],
  ['China wants payment rather than on credit.', null],
  ['Iraq asked China for military help.', null],
  ['Rebels claimed credit for the attack.', null],
  ['The president was granted asylum.', null],
  ['Free Syrian Army fighters attacked the town.', null],
];

test('findTerms reads the stated terms of a transfer', () => {
  for (const [text, want] of cases) assert.equal(findTerms(text), want, text);
});

test('findTerms looks only inside the range when one is given', () => {
  const text = 'Iraq wants the drones for free, but Beijing wants the deal on commercial terms.';
  const at = text.indexOf('but');
  assert.equal(findTerms(text, 100, { start: 100 + at, end: 100 + text.length }), 'commercial');
  assert.equal(findTerms(text, 100, { start: 100, end: 100 + at }), 'free');
});

test('a --lexicon folder\'s terms.yaml adds a phrase to a term; a phrase that is no regular expression is an E301', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-terms-'));
  try {
    writeFileSync(join(dir, 'terms.yaml'), "terms:\n  commercial: ['on a cost-plus basis']\n  lease: ['(unclosed']\n");
    const { lexicon, problems } = loadLexicon({ lexiconDirs: [dir] });
    const text = 'Ankara will supply the drones on a cost-plus basis.';
    assert.equal(findTerms(text), null);
    assert.equal(findTerms(text, 0, undefined, lexicon.terms), 'commercial');
    assert.equal(findTerms('Ankara will not supply the drones on a cost-plus basis.', 0, undefined, lexicon.terms), 'commercial', 'a negation more than two words before the phrase takes back nothing');
    assert.equal(findTerms('The rifles were leased to Iraq.', 0, undefined, lexicon.terms), 'lease', 'the bad phrase is left out, the others stay');
    assert.ok(problems.some((p) => p.code === 'E301' && p.message.includes('(unclosed')), JSON.stringify(problems));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
