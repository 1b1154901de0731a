// Tests: MinHash signatures recognise a syndicated copy of a story and keep different stories about one event apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSignature, encodeSignature, isNearDuplicate, lshKeys, signature, similarity, SIGNATURE_SIZE } from './near-duplicate.js';

const WIRE = [
  'BAGHDAD, May 14 (Reuters) - Iraq has asked the United States for a new batch of attack helicopters and more surveillance drones to help its forces hunt militant cells in the western desert, the defence ministry said on Tuesday.',
  'Defence Minister Karim Nouri made the request during a meeting in Baghdad with a visiting U.S. delegation, according to a ministry statement.',
  '"Our pilots are flying aircraft that are older than some of them," the statement quoted Nouri as saying. "We need helicopters that can fly at night and reach the border quickly."',
  'The ministry did not say how many aircraft it wanted. Iraqi officials have previously spoken of at least a dozen helicopters, to be paid for partly through U.S. foreign military financing.',
  'A spokesman for the U.S. embassy said Washington would study the request and continue to support the Iraqi security forces, but declined to give a timetable.',
  'Iraq declared victory over the militants in 2017, but their remnants still carry out ambushes against soldiers and villagers in Anbar, Salahuddin and Diyala provinces.',
].join('\n\n');

/** The same wire story as another outlet runs it: its own headline and footer, American spelling, one sentence cut. */
const SYNDICATED = [
  'Iraq seeks U.S. attack helicopters, drones',
  WIRE.replace(/defence/g, 'defense').replace(/Defence/g, 'Defense').replace(' Iraqi officials have previously spoken of at least a dozen helicopters, to be paid for partly through U.S. foreign military financing.', ''),
  'This story was published from a wire agency feed without modifications to the text. Follow the Gulf Ledger for more regional news.',
].join('\n\n');

/** Another report of the same request, in other words. */
const SAME_EVENT = [
  'WASHINGTON — The Pentagon is weighing an Iraqi request for attack helicopters and drones, two U.S. officials said on Wednesday, as Baghdad presses for help against militants hiding in the desert.',
  'The officials, who spoke on condition of anonymity, said no decision had been made and that any sale would need approval from Congress.',
  'Iraq\'s defence minister raised the request with a visiting American delegation in Baghdad on Tuesday, saying his pilots needed aircraft able to fly at night.',
  'U.S. forces have trained Iraqi aircrews for more than a decade, and Washington has sold Baghdad helicopters, fighter jets and armoured vehicles since 2011.',
].join('\n\n');

const UNRELATED = 'SANTIAGO (Meridian) — Chile and Argentina agreed on Wednesday to build a joint research station on the Southern Patagonian Ice Field, ending a decade of dispute over the border in the area.';

test('a syndicated copy is a near-duplicate; another report of the same event is not', () => {
  const wire = signature(WIRE);
  const cases: Array<{ name: string; text: string; near: boolean; min?: number; max?: number }> = [
    { name: 'identical', text: WIRE, near: true, min: 1 },
    { name: 'reflowed and re-cased', text: WIRE.toUpperCase().replace(/\n\n/g, ' '), near: true, min: 1 },
    { name: 'syndicated copy', text: SYNDICATED, near: true, min: 0.6 },
    { name: 'same event, other story', text: SAME_EVENT, near: false, max: 0.15 },
    { name: 'unrelated', text: UNRELATED, near: false, max: 0.05 },
  ];
  for (const { name, text, near, min, max } of cases) {
    const sim = similarity(wire, signature(text));
    assert.equal(isNearDuplicate(wire, signature(text)), near, `${name}: similarity ${sim}`);
    if (min !== undefined) assert.ok(sim >= min, `${name}: similarity ${sim} < ${min}`);
    if (max !== undefined) assert.ok(sim <= max, `${name}: similarity ${sim} > ${max}`);
  }
});

test('signatures are deterministic, fixed-size, and survive encoding', () => {
  const sig = signature(WIRE);
  assert.equal(sig.length, SIGNATURE_SIZE);
  assert.deepEqual(signature(WIRE), sig);
  assert.deepEqual(decodeSignature(encodeSignature(sig)), sig);
});

test('short and empty texts still compare sensibly', () => {
  assert.equal(similarity(signature('Kenya sent police.'), signature('Kenya sent police.')), 1);
  assert.ok(similarity(signature('Kenya sent police to Haiti.'), signature('Chile built a station.')) < 0.2);
  assert.equal(similarity(signature(''), signature('')), 0, 'no words: never a duplicate');
});

test('lshKeys put near-duplicates in a shared bucket and unrelated texts apart', () => {
  const shared = (a: string, b: string): number => {
    const keys = new Set(lshKeys(signature(a)));
    return lshKeys(signature(b)).filter((k) => keys.has(k)).length;
  };
  assert.ok(shared(WIRE, SYNDICATED) > 0);
  assert.equal(shared(WIRE, UNRELATED), 0);
});
