// Tests: the first calendar date written in a short text (a dateline, a stamp line, a byline).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWrittenDate } from './read-written-date.js';

test('readWrittenDate reads the date forms of datelines, stamps and bylines', () => {
  const cases: Array<[string, [y: number | null, m: number, d: number, text: string] | null]> = [
    ['KABUL, March 3 (Reuters) -', [null, 3, 3, 'March 3']],
    ['WASHINGTON (AP) — Jan. 5, 2021 —', [2021, 1, 5, 'Jan. 5, 2021']],
    ['BEIRUT, Lebanon, Oct 12, 2019 /PRNewswire/', [2019, 10, 12, 'Oct 12, 2019']],
    ['Updated on Tuesday, March 3, 2020 at 10:15 a.m. EST', [2020, 3, 3, 'March 3, 2020']],
    ['Jane Doe, Reuters  3 March 2020 10:15 GMT', [2020, 3, 3, '3 March 2020']],
    ['LONDON, 3rd of March (Reuters) -', [null, 3, 3, '3rd of March']],
    ['Published: 2020-03-03T10:15:00Z', [2020, 3, 3, '2020-03-03']],
    ['Posted 2020/03/03 10:15', [2020, 3, 3, '2020/03/03']],
    ['10:15 GMT, Sept. 12 2023', [2023, 9, 12, 'Sept. 12 2023']],
    ['Updated Feb 29, 2021', null],
    ['Updated 2 hours ago', null],
    ['The ministers may 3 times meet.', null],
    ['Iraq asked China for drones.', null],
  ];
  for (const [text, want] of cases) {
    const got = readWrittenDate(text);
    assert.deepEqual(got === null ? null : [got.y, got.m, got.d, text.slice(got.start, got.end)], want, text);
  }
});
