// Tests: the dateline at the start of a wire report, and texts that only look like they have one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDateline } from './find-dateline.js';

test('findDateline reads the datelines wire services write', () => {
  const cases: Array<[string, string, string | null]> = [
    ['BAGHDAD, May 14 (Reuters) - Iraq asked the United States for helicopters.', 'BAGHDAD, May 14 (Reuters) -', 'Reuters'],
    ['KYIV, Ukraine (AP) — Russian drones struck the city overnight.', 'KYIV, Ukraine (AP) —', 'AP'],
    ['MOSCOW, March 3. /TASS/. Russia and China signed a trade accord.', 'MOSCOW, March 3. /TASS/.', 'TASS'],
    ['BEIJING, Jan. 5 (Xinhua) -- China pledged aid to Tonga.', 'BEIJING, Jan. 5 (Xinhua) --', 'Xinhua'],
    ['UNITED NATIONS (Reuters) - The Security Council met on Friday.', 'UNITED NATIONS (Reuters) -', 'Reuters'],
    ['WASHINGTON — The Pentagon announced a new aid package.', 'WASHINGTON —', null],
    ['PORT-AU-PRINCE, Haiti, Sept. 12, 2023 (AFP) - Gangs attacked a police station.', 'PORT-AU-PRINCE, Haiti, Sept. 12, 2023 (AFP) -', 'AFP'],
  ];
  for (const [text, dateline, agency] of cases) assert.deepEqual(findDateline(text), { dateline, agency }, text);
});

test('findDateline finds none where a text opens otherwise', () => {
  const cases = [
    'NATO - the alliance said on Monday - will hold exercises.',
    'Iraq asked the United States for helicopters on Tuesday.',
    'The BAGHDAD office said nothing.',
    'UPDATE - adds quotes from the minister',
    '',
  ];
  for (const text of cases) assert.equal(findDateline(text), null, text);
});
