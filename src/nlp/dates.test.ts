import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEventDate } from './dates.js';

// 2019-03-08 is a Friday.
const PUB = '2019-03-08';
type Want = [date: string | null, precision: string, basis: string, approx?: boolean];

const cases: Array<[string, string | null, Want, { future?: boolean }?]> = [
  ['The deal was signed on March 3, 2019 in Baghdad.', PUB, ['2019-03-03', 'day', 'stated']],
  ['Russia delivered the jets in 2012.', PUB, ['2012', 'year', 'stated']],
  ['Russia delivered the jets in 2012-13.', PUB, ['2012', 'year', 'stated', true]],
  ['The helicopters arrived in March 2018.', PUB, ['2018-03', 'month', 'stated']],
  ['Iraq must pay before June 2020.', PUB, ['2020-06', 'month', 'stated', true]],
  ['The ministers met yesterday.', PUB, ['2019-03-07', 'day', 'relative']],
  ['The ministers met on Thursday.', PUB, ['2019-03-07', 'day', 'relative']],
  ['The ministers met on Tuesday.', PUB, ['2019-03-05', 'day', 'relative']],
  ['The ministers met on Saturday.', PUB, ['2019-03-02', 'day', 'relative']],
  ['The ministers met last Friday.', PUB, ['2019-03-01', 'day', 'relative']],
  ['The ministers met last week.', PUB, ['2019-03-01', 'day', 'relative', true]],
  ['The shipment arrived in May.', PUB, ['2018-05', 'month', 'relative']],
  ['The shipment arrived in February.', PUB, ['2019-02', 'month', 'relative']],
  ['The shipment arrived on Feb. 9.', PUB, ['2019-02-09', 'day', 'relative']],
  ['The shipment arrived on Dec. 20.', PUB, ['2018-12-20', 'day', 'relative']],
  ['The shipment arrived last month.', PUB, ['2019-02', 'month', 'relative']],
  ['Two days ago the convoy crossed the border.', PUB, ['2019-03-06', 'day', 'relative']],
  // a future pledge: forward
  ['China will deliver the drones on Tuesday.', PUB, ['2019-03-12', 'day', 'relative']],
  ['The drones are due to arrive in May.', PUB, ['2019-05', 'month', 'relative']],
  ['The ministers meet on Tuesday.', PUB, ['2019-03-12', 'day', 'relative'], { future: true }],
  ['China will deliver the drones next week.', PUB, ['2019-03-15', 'day', 'relative', true]],
  // nothing stated: the publication date
  ['China handed Iraq 20 thousand assault rifles.', PUB, ['2019-03-08', 'day', 'publication']],
  ['China handed Iraq 20 thousand assault rifles.', null, [null, 'unknown', 'unknown']],
  ['The ministers met yesterday.', null, [null, 'unknown', 'unknown']],
  ['The deal was signed on March 3, 2019.', null, ['2019-03-03', 'day', 'stated']],
  // not dates
  ['Officials said they may send Su-25 jets and T-72 tanks.', PUB, ['2019-03-08', 'day', 'publication']],
  ['China sold 2,500 rifles to the army.', PUB, ['2019-03-08', 'day', 'publication']],
];

test('resolveEventDate resolves stated and relative dates against the publication date', () => {
  for (const [sentence, pub, [date, precision, basis, approx], options] of cases) {
    const got = resolveEventDate(sentence, pub, options);
    assert.deepEqual([got.date, got.precision, got.basis, got.approx], [date, precision, basis, approx], sentence);
  }
});

test('resolveEventDate keeps the words and picks the date nearest the trigger', () => {
  const s = 'After talks in Moscow on Monday with envoys from Iraq and Syria, Russia delivered the jets on Wednesday.';
  assert.equal(resolveEventDate(s, PUB).text, 'on Monday');
  assert.equal(resolveEventDate(s, PUB, { near: s.indexOf('delivered') }).date, '2019-03-06');
});

test('resolveEventDate reads relative dates that open a sentence and dates far from the first date word', () => {
  assert.equal(resolveEventDate('Last year, Germany opened its borders to refugees.', PUB).date, '2018');
  assert.equal(resolveEventDate('Last week, Myanmar rejected any cooperation with the court.', PUB).basis, 'relative');
  // chrono reads only the stretches around date words: a date at the far end of a long sentence is still found
  const long = 'On Monday officials said that the long-awaited shipment of armoured vehicles, which had been delayed for months by paperwork, finally reached the port on March 3, 2018.';
  assert.equal(resolveEventDate(long, PUB, { near: long.indexOf('reached') }).date, '2018-03-03');
});

test('resolveEventDate gives an undated sentence the publication date with the basis of that date', () => {
  const got = resolveEventDate('China handed Iraq 20 thousand assault rifles.', PUB, { basis: 'dateline' });
  assert.deepEqual([got.date, got.precision, got.basis], ['2019-03-08', 'day', 'dateline']);
  // a relative date stays relative, counted from the date the dateline gave
  const relative = resolveEventDate('The ministers met on Tuesday.', PUB, { basis: 'dateline' });
  assert.deepEqual([relative.date, relative.basis], ['2019-03-05', 'relative']);
});
