import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPublicationDate, resolveEventDate } from './dates.js';

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

const pubCases: Array<[string, Parameters<typeof findPublicationDate>[0], { date: string | null; precision: string; basis: string; updated?: string | null }]> = [
  ['metadata wins', { text: 'BAGHDAD, May 14 (Reuters) - Iraq asked for help.', date: '2019-05-14T08:00:00Z' }, { date: '2019-05-14', precision: 'day', basis: 'metadata' }],
  ['dateline with a year', { text: 'Tashkent. May 14, 2018. Uzbekistan received trucks.' }, { date: '2018-05-14', precision: 'day', basis: 'dateline' }],
  ['dateline year from a full date in the text', { text: 'BAGHDAD, May 14 (Reuters) - The deal signed on March 3, 2019 was confirmed.' }, { date: '2019-05-14', precision: 'day', basis: 'dateline' }],
  ['dateline early in the year after the latest date', { text: 'Tashkent. Jan. 5. The trucks promised on December 20, 2018 have arrived.' }, { date: '2019-01-05', precision: 'day', basis: 'dateline' }],
  ['dateline with no evidence: no year invented', { text: 'Tashkent. May 14. Uzbekistan received 20 trucks from Turkey.' }, { date: null, precision: 'unknown', basis: 'unknown' }],
  ['an update stamp years after the article does not give the year',
    { text: 'Tashkent. May 14. Uzbekistan received trucks ordered in 2017 and 2018.\nLast updated: 2023-01-12 09:15' },
    { date: null, precision: 'unknown', basis: 'unknown', updated: '2023-01-12' }],
  ['an update stamp that the text agrees with gives the year',
    { text: 'Tashkent. May 14. The trucks ordered in 2019 arrived.\nLast updated: 2019-05-15 09:15' },
    { date: '2019-05-14', precision: 'day', basis: 'dateline', updated: '2019-05-15' }],
  ['an update stamp is never the publication date',
    { text: 'Last updated: 2023-01-12 09:15\nUzbekistan received trucks.' }, { date: null, precision: 'unknown', basis: 'unknown', updated: '2023-01-12' }],
  ['a date line in the text', { text: 'Arms for Iraq\n14 October 2018\nIraq asked China for drones.' }, { date: '2018-10-14', precision: 'day', basis: 'text' }],
  ['a published line', { text: 'Published: 2018-10-14 10:00\nIraq asked China for drones.' }, { date: '2018-10-14', precision: 'day', basis: 'text' }],
  ['the article dateline field', { text: 'Iraq asked China for drones in 2016.', dateline: 'BAGHDAD, May 14 (Reuters) -' }, { date: null, precision: 'unknown', basis: 'unknown' }],
  ['nothing', { text: 'Iraq asked China for drones.' }, { date: null, precision: 'unknown', basis: 'unknown' }],
];

test('findPublicationDate weighs metadata, datelines, text date lines and update stamps', () => {
  for (const [name, article, want] of pubCases) assert.deepEqual(findPublicationDate(article), want, name);
});
