// Tests: day ranges merge when they touch, split when a middle is removed, and answer overlap and cover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DayRanges } from './day-ranges.js';
import { KnownRegions } from './known-regions.js';

test('ranges merge, split, and answer overlaps and covers', () => {
  const days = new DayRanges();
  days.add(10, 20);
  days.add(21, 25); // touching: one range 10–25
  days.add(40, 50);
  const cases: Array<[string, boolean, boolean]> = [
    // [first-last, overlaps, covers]
    ['10-25', true, true],
    ['5-9', false, false],
    ['24-41', true, false],
    ['26-39', false, false],
    ['45-45', true, true],
  ];
  for (const [span, overlaps, covers] of cases) {
    const [first, last] = span.split('-').map(Number) as [number, number];
    assert.equal(days.overlaps(first, last), overlaps, `overlaps ${span}`);
    assert.equal(days.covers(first, last), covers, `covers ${span}`);
  }
  days.remove(15, 45);
  assert.deepEqual([days.covers(10, 14), days.overlaps(15, 45), days.covers(46, 50)], [true, false, true]);
  days.remove(0, 100);
  assert.equal(days.empty, true);
});

test('known regions: a store read from scratch is known where read; one held whole is unknown where dropped', () => {
  const read = new KnownRegions(false);
  assert.equal(read.knowsDays('A>B|07', 0, 5), false);
  read.learnDays('A>B|07', 0, 10);
  assert.deepEqual([read.knowsDays('A>B|07', 2, 8), read.knowsDays('A>B|07', 8, 12), read.knowsDays('C>B|07', 2, 8)], [true, false, false]);
  read.forgetDays('A>B|07', 4, 4);
  assert.equal(read.knowsDays('A>B|07', 2, 8), false);
  assert.equal(read.knowsUndated('A>B|07'), false);
  read.learnUndated('A>B|07');
  assert.equal(read.knowsUndated('A>B|07'), true);

  const held = new KnownRegions(true);
  assert.deepEqual([held.knowsDays('A>B|07', 0, 5), held.knowsUndated('A>B|07')], [true, true]);
  held.forgetDays('A>B|07', 3, 3);
  assert.deepEqual([held.knowsDays('A>B|07', 0, 2), held.knowsDays('A>B|07', 0, 5)], [true, false]);
  held.learnDays('A>B|07', 0, 5);
  assert.equal(held.knowsDays('A>B|07', 0, 5), true);
});
