// Tests: an article's publication date read from its head — datelines, "Published/Updated …" lines, dated bylines — and what is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPublicationDate, type DateEvidence } from './find-publication-date.js';

const NOW = new Date('2024-06-01T12:00:00Z');
type Want = [date: string, basis: string] | null;

const cases: Array<[string, DateEvidence, Want]> = [
  // datelines
  ['dateline with a year', { text: 'KABUL, March 3, 2020 (Reuters) - Taliban officials met envoys.' }, ['2020-03-03', 'dateline']],
  ['dateline date after the agency', { text: 'WASHINGTON (AP) — Jan. 5, 2021 — The Senate voted on aid.' }, ['2021-01-05', 'dateline']],
  ['press-release dateline', { text: 'BEIRUT, Lebanon, Oct 12, 2019 /PRNewswire/ -- A charity shipped food.' }, ['2019-10-12', 'dateline']],
  ['dateline with no place', { text: 'March 3, 2020 (Reuters) - Iraq asked for help.' }, ['2020-03-03', 'dateline']],
  ['ordinary-case place', { text: 'Tashkent. May 14, 2018. Uzbekistan received trucks.' }, ['2018-05-14', 'dateline']],
  ['the dateline as the article records it', { text: 'Iraq asked for help.', dateline: 'BAGHDAD, 14 May 2019 (Reuters) -' }, ['2019-05-14', 'dateline']],
  ['dateline under a title line', { text: 'Envoys meet in Kabul\nKABUL, March 3, 2020 (Reuters) - Envoys met.' }, ['2020-03-03', 'dateline']],
  ['a year-less dateline alone is no full date', { text: 'KABUL, March 3 (Reuters) - Envoys met.' }, null],
  ['a year-less dateline takes the year of an updated line', { text: 'Updated: March 4, 2020 10:15 GMT\nKABUL, March 3 (Reuters) - Envoys met.' }, ['2020-03-03', 'dateline']],
  ['… the year before when its day would come after the stamp', { text: 'Published Jan. 2, 2021\n\nBAGHDAD, Dec. 31 (Reuters) - Iraq asked for help.' }, ['2020-12-31', 'dateline']],
  ['… or the year of a dated byline', { text: 'KABUL, March 3 (Reuters) - Envoys met.', byline: 'Jane Doe | March 5, 2020' }, ['2020-03-03', 'dateline']],
  ['… never the year of a date in the body', { text: 'KABUL, March 3 (Reuters) - The deal signed on March 1, 2019 was confirmed.' }, null],
  // Published / Updated lines
  ['published before updated', { text: 'Published: 3 March 2020\nUpdated: 5 March 2020\nIraq asked China for drones.' }, ['2020-03-03', 'published-line']],
  ['published before updated on one line', { text: 'Updated 5 March 2020 | Published 3 March 2020\nIraq asked China for drones.' }, ['2020-03-03', 'published-line']],
  ['an updated line', { text: 'Arms for Iraq\nUpdated on March 5, 2020 10:15 a.m. EST\nIraq asked China for drones.' }, ['2020-03-05', 'updated-line']],
  ['a last-modified line', { text: 'Last modified: 2020-03-05T10:15:00Z\nIraq asked China for drones.' }, ['2020-03-05', 'updated-line']],
  ['a posted-on line', { text: 'Posted on Tuesday, March 3, 2020\nIraq asked China for drones.' }, ['2020-03-03', 'published-line']],
  ['a line that is only a date', { text: 'Arms for Iraq\n14 October 2018 | 10:15 GMT\nIraq asked China for drones.' }, ['2018-10-14', 'published-line']],
  ['an update stamp with no date', { text: 'Updated 2 hours ago\nIraq asked China for drones.' }, null],
  // bylines
  ['a dated byline line', { text: 'By Jane Doe | March 3, 2020\nIraq asked China for drones.' }, ['2020-03-03', 'byline']],
  ['a byline already lifted', { text: 'Iraq asked China for drones.', byline: 'Jane Doe, Reuters  3 March 2020 10:15 GMT' }, ['2020-03-03', 'byline']],
  ['a sentence opening with "By" and a date is no byline', { text: 'By March 3, 2020 Russia had delivered 20 tanks to Mali.' }, null],
  // precedence
  ['dateline before a published line', { text: 'Published: 2020-03-04\nKABUL, March 3, 2020 (Reuters) - Envoys met.' }, ['2020-03-03', 'dateline']],
  ['updated line before a byline', { text: 'By Jane Doe | March 1, 2020\nUpdated: March 5, 2020\nIraq asked China for drones.' }, ['2020-03-05', 'updated-line']],
  // never the body's sentences
  ['a dated sentence', { text: 'Iraq asked China for drones on March 3, 2020.' }, null],
  ['a sentence opening with "Published"', { text: 'Published on March 3, 2020, the report said Iraq had asked China and Russia for drones and helicopters.' }, null],
  ['a stamp deep in the article', { text: `${'Iraq asked China for drones. '.repeat(80)}\nPublished: 2020-03-03` }, null],
  // never the future
  ['a dateline in the future is refused, the next evidence taken', { text: 'Published: 2020-03-03\nKABUL, March 3, 2099 (Reuters) - Envoys met.' }, ['2020-03-03', 'published-line']],
  ['tomorrow is accepted', { text: 'Published: 2024-06-02\nIraq asked China for drones.' }, ['2024-06-02', 'published-line']],
  ['the day after tomorrow is not', { text: 'Published: 2024-06-03\nIraq asked China for drones.' }, null],
  ['nothing', { text: 'Iraq asked China for drones.' }, null],
];

test('findPublicationDate reads datelines, Published/Updated lines and dated bylines, in that order', () => {
  for (const [name, evidence, want] of cases) {
    const got = findPublicationDate(evidence, { now: NOW });
    assert.deepEqual(got === null ? null : [got.date, got.basis], want, name);
  }
});

test('findPublicationDate says which words gave the date', () => {
  const got = findPublicationDate({ text: 'Updated on March 5, 2020 10:15 a.m. EST\nIraq asked China for drones.' }, { now: NOW });
  assert.equal(got?.text, 'Updated on March 5, 2020 10:15 a.m. EST');
  assert.equal(findPublicationDate({ text: 'KABUL, March 3, 2020 (Reuters) - Envoys met.' }, { now: NOW })?.text, 'KABUL, March 3, 2020 (Reuters) -');
});
