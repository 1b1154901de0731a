// Tests: dates as pages and feeds write them → ISO, local time and offset kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseDate } from './normalise-date.js';

test('normaliseDate turns the common written forms into ISO 8601', () => {
  const cases: Array<[string | null | undefined, string | null]> = [
    ['2024-05-14', '2024-05-14'],
    ['2024-05-14T09:12:00+03:00', '2024-05-14T09:12:00+03:00'],
    ['2024-05-14T09:12:00.123+0300', '2024-05-14T09:12:00+03:00'],
    ['2024-05-14 09:12', '2024-05-14T09:12:00'],
    ['2024-05-14T22:00:00Z', '2024-05-14T22:00:00Z'],
    ['Tue, 14 May 2024 01:30:00 +0300', '2024-05-14T01:30:00+03:00'],
    ['Tue, 14 May 2024 10:00:00 GMT', '2024-05-14T10:00:00Z'],
    ['14 May 2024', '2024-05-14'],
    ['May 14, 2024', '2024-05-14'],
    ['Tuesday, September 3rd, 2024', '2024-09-03'],
    ['2024/5/4', '2024-05-04'],
    ['20240514', '2024-05-14'],
    ['2024-02-30', null],
    ['yesterday', null],
    ['', null],
    [null, null],
    [undefined, null],
  ];
  for (const [raw, iso] of cases) assert.equal(normaliseDate(raw), iso, String(raw));
});
