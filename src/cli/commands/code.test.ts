// CLI tests: the --date flag of code and ingest is a day of the calendar.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDateOption, UsageError } from './code.js';

test('--date takes a calendar day and refuses the rest', () => {
  for (const ok of [undefined, '2024-02-29', '2023-12-31']) assert.doesNotThrow(() => checkDateOption(ok));
  const refused: Array<[string, RegExp]> = [
    ['2024-02-30', /^--date 2024-02-30 is not a day of the calendar$/],
    ['2023-02-29', /not a day of the calendar/],
    ['2020-13-45', /not a day of the calendar/],
    ['yesterday', /^--date must be YYYY-MM-DD, not "yesterday"$/],
    ['2024-2-3', /must be YYYY-MM-DD/],
  ];
  for (const [date, message] of refused) assert.throws(() => checkDateOption(date), (err: unknown) => err instanceof UsageError && message.test(err.message));
});
