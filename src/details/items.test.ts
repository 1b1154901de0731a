import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findItems } from './items.js';
import { compileEquipment, defaultEquipment, checkEquipment } from '../lexicon/equipment.js';
import { defaultWordLists } from '../lexicon/load-lexicon.js';
import { DyadError } from '../types/index.js';

type Want = [text: string, kind: string, model: string | null, quantity: number | null, extra?: { max?: number; approx?: boolean; unit?: string }];

const cases: Array<[string, Want[]]> = [
  ['Iraqi officials asked China for the free supply of CH-5 armed drones, a newspaper reported.', [['CH-5 armed drones', 'armed-drone', 'CH-5', null]]],
  ['China has already handed Iraq 20 thousand assault rifles.', [['20 thousand assault rifles', 'rifle', null, 20000]]],
  ['Moscow delivered 48 helicopters last year.', [['48 helicopters', 'helicopter', null, 48]]],
  ['Russia sent two Mi-35 attack helicopters to Mali.', [['two Mi-35 attack helicopters', 'attack-helicopter', 'Mi-35', 2]]],
  // two items in one request, with a container quantity
  ['Baghdad asked for two batches of Mi-35 helicopters and 5 Su-25.', [
    ['two batches of Mi-35 helicopters', 'attack-helicopter', 'Mi-35', 2, { unit: 'batch' }],
    ['5 Su-25', 'combat-aircraft', 'Su-25', 5]]],
  ['The package includes tanks, howitzers and Stinger missiles.', [
    ['tanks', 'tank', null, null], ['howitzers', 'artillery', null, null], ['Stinger missiles', 'manpads', 'Stinger', null]]],
  ['Washington pledged $50 million in aid and 500 tonnes of food.', [
    ['$50 million in aid', 'money', null, 50000000, { unit: 'USD' }], ['500 tonnes of food', 'food', null, 500, { unit: 'tonnes' }]]],
  ['The EU will provide 1.5 million euros of humanitarian aid.', [['1.5 million euros of humanitarian aid', 'money', null, 1500000, { unit: 'EUR' }]]],
  ['Moscow offered up to 9,000 Kalashnikov rifles.', [['up to 9,000 Kalashnikov rifles', 'rifle', 'AK-47', null, { max: 9000 }]]],
  ['Kyiv received dozens of Javelins and more than 2,500 NLAW anti-tank weapons.', [
    ['dozens of Javelins', 'anti-tank-missile', 'Javelin', 24, { approx: true }],
    ['more than 2,500 NLAW anti-tank weapons', 'anti-tank-missile', 'NLAW', 2500, { approx: true }]]],
  ['Ankara sent Bayraktar TB2 drones and Leopard 2A4 tanks.', [
    ['Bayraktar TB2 drones', 'armed-drone', 'Bayraktar TB2', null], ['Leopard 2A4 tanks', 'tank', 'Leopard 2A4', null]]],
  ['India bought 48 Mi-17V5 helicopters.', [['48 Mi-17V5 helicopters', 'transport-helicopter', 'Mi-17V5', 48]]],
  ['The army received 10 to 12 S-400 systems.', [['10 to 12 S-400 systems', 'air-defence', 'S-400', 10, { max: 12 }]]],
  ['Beijing delivered 3 Z-19 helicopters.', [['3 Z-19 helicopters', 'helicopter', 'Z-19', 3]]],
  ['The deal covers Mi-35 spare parts and maintenance.', [['Mi-35 spare parts', 'spare-parts', 'Mi-35', null], ['maintenance', 'maintenance', null, null]]],
  ['Egypt bought 24 Rafale from France.', [['24 Rafale', 'combat-aircraft', 'Rafale', 24]]],
  ['Serbia got six MiG-29s from Belarus.', [['six MiG-29s', 'combat-aircraft', 'MiG-29', 6]]],
  ['Seoul sent about 300 armoured vehicles.', [['about 300 armoured vehicles', 'armoured-vehicle', null, 300, { approx: true }]]],
  ['Boeing sold 36 F-15EX jets for $8 billion.', [['36 F-15EX jets', 'combat-aircraft', 'F-15EX', 36]]],
  // not items
  ['Islamic State fighters attacked the town with drone strikes and mortar fire.', []],
  ['The Patriot act was debated while Bradley Manning spoke.', []],
  ['The convoy advanced along the M4 highway.', []],
  ['The UN imposed an arms embargo on the country.', []],
];

test('findItems finds kinds, models and quantities', () => {
  for (const [sentence, want] of cases) {
    const got = findItems(sentence, 0).map((i) => [i.text, i.kind, i.model, i.quantity, {
      ...(i.max !== undefined ? { max: i.max } : {}), ...(i.approx !== undefined ? { approx: i.approx } : {}), ...(i.unit !== null ? { unit: i.unit } : {}),
    }]);
    assert.deepEqual(got, want.map(([a, b, c, d, e]) => [a, b, c, d, e ?? {}]), sentence);
  }
});

test('findItems gives article offsets and honours the range', () => {
  const sentence = 'China gave Iraq 20 tanks and asked for 5 Su-25.';
  const base = 1000;
  const [tanks, jets] = findItems(sentence, base);
  assert.equal(tanks?.start, base + sentence.indexOf('20 tanks'));
  assert.equal(tanks?.end, base + sentence.indexOf(' and'));
  assert.equal(jets?.text, '5 Su-25');
  const after = base + sentence.indexOf('asked');
  assert.deepEqual(findItems(sentence, base, { start: after, end: base + sentence.length }).map((i) => i.text), ['5 Su-25']);
});

test('a user equipment lexicon adds kinds and models; a bad entry is an E301', () => {
  const extra = checkEquipment({ kinds: [{ kind: 'satellite', military: false, words: ['satellite'] }], models: [{ model: 'Gokturk-1', kind: 'satellite' }] }, 'user.yaml');
  const bundled = defaultEquipment();
  const eq = compileEquipment([{ kinds: [...bundled.kinds.values()], models: [] }, extra]);
  assert.deepEqual(findItems('Ankara launched the Gokturk-1 satellite.', 0, undefined, { equipment: eq, wordLists: defaultWordLists() }).map((i) => [i.kind, i.model]), [['satellite', 'Gokturk-1']]);
  assert.throws(() => checkEquipment({ kinds: [{ kind: 'Bad Kind', military: true, words: [] }] }, 'user.yaml'), DyadError);
});

test('a spelling pair of an equipment lexicon indexes every kind word in both spellings', () => {
  const source = checkEquipment({ spellings: [['tyre', 'tire']], kinds: [{ kind: 'tyre', military: false, words: ['spare tyre'] }], models: [] }, 'user.yaml');
  const eq = compileEquipment([source]);
  const kinds = (text: string): string[] => findItems(text, 0, undefined, { equipment: eq, wordLists: defaultWordLists() }).map((i) => `${i.kind}:${i.quantity}`);
  assert.deepEqual(kinds('Japan sent 500 spare tires to Kenya.'), ['tyre:500']);
  assert.deepEqual(kinds('Japan sent 500 spare tyres to Kenya.'), ['tyre:500']);
  assert.throws(() => checkEquipment({ spellings: [['tyre']], kinds: [], models: [] }, 'user.yaml'), DyadError);
});
