import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLocations } from './locations.js';

type Want = [text: string, name: string, country: string | null];
const cases: Array<[string, string[], Want[], Array<[number, number]>?]> = [
  ['BAGHDAD, May 14 (Reuters) - A bomb exploded in the northern city of Kirkuk.', ['IRQ'], [['BAGHDAD', 'Baghdad', 'IRQ'], ['Kirkuk', 'Kirkuk', 'IRQ']]],
  ['Talks were held in Geneva and in Tbilisi, Georgia.', [], [['Geneva', 'Genève', 'CHE'], ['Tbilisi', 'Tbilisi', 'GEO'], ['Georgia', 'Georgia', 'GEO']]],
  // Georgia the country or the US state, by the actors' countries
  ['The governor met farmers in Georgia.', ['USA'], [['Georgia', 'Georgia', 'USA']]],
  ['Russian troops withdrew from Georgia.', ['RUS', 'GEO'], [['Georgia', 'Georgia', 'GEO']]],
  ['Police said the attack happened near the town of Samarra.', ['IRQ'], [['Samarra', 'Sāmarrā’', 'IRQ']]],
  // everyday words that are also towns
  ['The convoy left from Mobile on Monday.', ['USA'], [['Mobile', 'Mobile', 'USA']]],
  ['The convoy left from Mobile on Monday.', ['IRQ'], []],
  ['He arrived at Police Headquarters in Reading.', ['GBR'], [['Reading', 'Reading', 'GBR']]],
  ['Ministers met in Nice in March.', [], [['Nice', 'Nice', 'FRA']]],
  ['The deal was signed in May in Of.', [], []],
  ['Clashes erupted in south Lebanon and in the West Bank.', ['ISR'], [['Lebanon', 'Lebanon', 'LBN'], ['West Bank', 'West Bank', 'PSE']]],
  ['The Iraqi city of Basra was shelled.', [], [['Basra', 'Basrah', 'IRQ']]],
  ['Gunmen attacked a village in the western province of Herat.', ['AFG'], [['Herat', 'Herāt', 'AFG']]],
  ['Fighting continued in East Timor\'s capital Dili.', [], [['East Timor', 'Timor-Leste', 'TLS'], ['Dili', 'Dili', 'TLS']]],
  ['Forces entered Fallujah and Raqqa.', [], [['Fallujah', 'Al Fallūjah', 'IRQ'], ['Raqqa', 'Ar Raqqah', 'SYR']]],
  ['Troops searched the village of Khan Bani Saad.', ['IRQ'], [['Khan Bani Saad', 'Khan Bani Saad', 'IRQ']]],
  // the government, not the city: the actor finder passes its span
  ['Washington said it would send aid to Kiev.', ['USA', 'UKR'], [['Kiev', 'Kyiv', 'UKR']], [[0, 10]]],
  ['Aid from Washington arrived in Kiev.', ['USA', 'UKR'], [['Kiev', 'Kyiv', 'UKR']], [[9, 19]]],
];

test('findLocations finds and resolves place names', () => {
  for (const [sentence, countries, want, spans] of cases) {
    const got = findLocations(sentence, 0, { countries, actorSpans: (spans ?? []).map(([start, end]) => ({ start, end })) });
    assert.deepEqual(got.map((l) => [l.text, l.name, l.country]), want, sentence);
  }
});

test('findLocations gives article offsets, coordinates and GeoNames ids', () => {
  const sentence = 'A bomb exploded in Kirkuk.';
  const [loc] = findLocations(sentence, 500, { countries: [], actorSpans: [] });
  assert.equal(loc?.start, 500 + sentence.indexOf('Kirkuk'));
  assert.equal(loc?.end, 500 + sentence.indexOf('.'));
  assert.equal(loc?.geonamesId, 94787);
  assert.ok(Math.abs((loc?.lat ?? 0) - 35.47) < 0.05 && Math.abs((loc?.lon ?? 0) - 44.39) < 0.05);
});
