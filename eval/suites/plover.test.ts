import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorKey, mapPloverType, parsePloverGold, scorePlover, type PloverGold } from './plover.js';
import { fakeEvent } from '../fake-event.js';

test('mapPloverType: 0.5b1 names to today\'s', () => {
  const cases: [string, string][] = [
    ['DEMAND', 'REQUEST'], ['DISAPPROVE', 'ACCUSE'], ['INVESTIGATE', 'ACCUSE'], ['FIGHT', 'ASSAULT'],
    ['SUPPORT', 'SUPPORT'], ['agree', 'AGREE'], ['ASSAULT', 'ASSAULT'],
  ];
  for (const [old, now] of cases) assert.equal(mapPloverType(old), now);
});

test('actorKey: country, else IGO/NGO/IMG by sector, else the code', () => {
  const cases = [
    { actor: { code: 'IRQGOV', country: 'IRQ', sector: 'GOV' }, want: 'IRQ' },
    { actor: { code: 'NATO', country: null, sector: 'IGO' }, want: 'IGO' },
    { actor: { code: 'AMNESTY', country: null, sector: 'NGO' }, want: 'NGO' },
    { actor: { code: 'ALQAEDA', country: null, sector: 'REB' }, want: 'IMG' },
    { actor: { code: '---GOV', country: null, sector: 'GOV' }, want: '---GOV' },
  ];
  for (const { actor, want } of cases) assert.equal(actorKey(actor), want);
});

test('parsePloverGold: skips DOCUMENT, maps types, fixes legacy codes, tolerates empty targets', () => {
  const json = JSON.stringify([
    { id: 'DOC', event: 'DOCUMENT', eventText: 'header' },
    { id: 'R1', event: 'DEMAND', text: 'Ruritania demanded that Freedonia pay.', source: [{ actorText: 'Ruritania', code: 'RUR' }], target: [{ actorText: 'Tokyo', code: 'JAP' }] },
    { id: 'R2', event: 'AGREE', text: 'Two sides agreed.', source: [{ code: 'AAA' }, { code: 'BBB' }], target: '' },
  ]);
  assert.deepEqual(parsePloverGold(json), [
    { id: 'R1', text: 'Ruritania demanded that Freedonia pay.', type: 'REQUEST', sources: ['RUR'], targets: ['JPN'] },
    { id: 'R2', text: 'Two sides agreed.', type: 'AGREE', sources: ['AAA', 'BBB'], targets: [] },
  ]);
});

const gold: PloverGold[] = [
  { id: 'a', text: '', type: 'REQUEST', sources: ['USA'], targets: ['IRQ'] },
  { id: 'b', text: '', type: 'AGREE', sources: ['HUN', 'ROU'], targets: [] },
  { id: 'c', text: '', type: 'ASSAULT', sources: ['IMG'], targets: ['USA'] },
];

test('scorePlover: type, actors and type+dyad by the documented counting rules', () => {
  const usa = { code: 'USA', country: 'USA' };
  const irq = { code: 'IRQ', country: 'IRQ' };
  const predictions = [
    // a: right type and dyad, plus a second wrong-type event with the same dyad.
    [fakeEvent({ ploverType: 'REQUEST', source: usa, target: irq }), fakeEvent({ ploverType: 'ACCUSE', source: usa, target: irq })],
    // b: compound source coded twice; both are right; no gold target, so any target is accepted.
    [fakeEvent({ ploverType: 'AGREE', source: { code: 'HUNGOV', country: 'HUN' }, target: null }), fakeEvent({ ploverType: 'AGREE', source: { code: 'ROU', country: 'ROU' }, target: { code: 'HUN', country: 'HUN' } })],
    // c: nothing coded but a statement (no PLOVER type), which does not count.
    [fakeEvent({ cameo: '010', ploverType: '', source: usa })],
  ];
  const result = scorePlover(gold, predictions);
  assert.equal(result['n-records'], 3);
  assert.equal(result.coverage, 0.6667);
  // types: a {REQUEST, ACCUSE}, b {AGREE}, c {} → tp 2, fp 1, fn 1
  assert.deepEqual(result.type, { p: 0.6667, r: 0.6667, f1: 0.6667 });
  // sources: a {USA} tp; b {HUN, ROU} 2 tp; c gold IMG missed → tp 3, fp 0, fn 1
  assert.deepEqual(result.source, { p: 1, r: 0.75, f1: 0.8571 });
  assert.equal(result['source-accuracy'], 0.6667);
  // targets only where gold has them: a {IRQ} tp; c {USA} missed
  assert.deepEqual(result.target, { p: 1, r: 0.5, f1: 0.6667 });
  assert.equal(result['target-accuracy'], 0.5);
  // dyads: a 2 predicted (1 right), b 2 predicted (2 right) → p 3/4; found a, b → r 2/3
  assert.deepEqual(result['type+dyad'], { p: 0.75, r: 0.6667, f1: 0.7059 });
  assert.deepEqual(result['type/ACCUSE'], { p: 0, r: 0, f1: 0 });
  assert.deepEqual(result['type/ASSAULT'], { p: 0, r: 0, f1: 0 });
  assert.deepEqual(result['type/REQUEST'], { p: 1, r: 1, f1: 1 });
});

test('scorePlover: a coder that codes nothing scores zeros, not NaN', () => {
  const result = scorePlover(gold, [[], [], []]);
  assert.equal(result.coverage, 0);
  assert.deepEqual(result.type, { p: 0, r: 0, f1: 0 });
  assert.deepEqual(result['type+dyad'], { p: 0, r: 0, f1: 0 });
});
