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
    ['KABUL, March 3 (Reuters) – Taliban officials met envoys.', 'KABUL, March 3 (Reuters) –', 'Reuters'],
    ['WASHINGTON (AP) — Jan. 5, 2021 — The Senate voted on aid.', 'WASHINGTON (AP) — Jan. 5, 2021 —', 'AP'],
    ['BEIRUT, Lebanon, Oct 12, 2019 /PRNewswire/ -- A charity shipped food.', 'BEIRUT, Lebanon, Oct 12, 2019 /PRNewswire/ --', 'PRNewswire'],
    ['LONDON, 3 March (Reuters) - Britain sent aid.', 'LONDON, 3 March (Reuters) -', 'Reuters'],
    ['March 3, 2020 (Reuters) - Iraq asked for help.', 'March 3, 2020 (Reuters) -', 'Reuters'],
    ['Tashkent. May 14. Uzbekistan received trucks.', 'Tashkent. May 14.', null],
    ['Kabul, March 3 (Reuters) - Envoys met.', 'Kabul, March 3 (Reuters) -', 'Reuters'],
  ];
  for (const [text, dateline, agency] of cases) assert.deepEqual(findDateline(text), { dateline, agency }, text);
});

test('findDateline finds none where a text opens otherwise', () => {
  const cases = [
    'NATO - the alliance said on Monday - will hold exercises.',
    'Iraq asked the United States for helicopters on Tuesday.',
    'The BAGHDAD office said nothing.',
    'UPDATE - adds quotes from the minister',
    'March 3, 2020 was the day the talks failed.',
    'Moscow. The Kremlin said nothing.',
    'Iraq, May 14. Nothing else.',
    '',
  ];
  for (const text of cases) assert.equal(findDateline(text), null, text);
});
