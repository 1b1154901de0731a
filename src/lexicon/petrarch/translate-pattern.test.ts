import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translatePattern } from './translate-pattern.js';

const sets = new Set(['WEAPON', 'FIGHT_GAMES', 'TIES']);

test('translatePattern maps PETRARCH2 and TABARI pattern syntax onto Dyad patterns', () => {
  const cases: [string, string, boolean?][] = [
    ['* AID', '_ ... aid'],
    ['* {FINANCIAL AID}', '_ ... financial aid'],
    ['* (FOR {FINANCIAL AID})', '_ ... for ... financial aid'],
    ['$ * (TO +)', '$S ... _ ... to ... $T'],
    ['+ * ROCKET', '$T ... _ ... rocket'],
    ['* &FIGHT_GAMES IN +', '_ ... @fight_games ... in ... $T'],
    ['* NEW_&TIES_RELATIONS', '_ ... new @ties relations'],
    ['IN_*', 'in _'],
    ['*_OUT', '_ out'],
    ['FAILED_TO_*', 'failed to _'],
    ['* OFF_', '_ ... off'],
    ['* EID AT ^ WITH +', '_ ... eid ... at ... with ... $T'],
    ['* (IN ^) (WITH)', '_ ... in ... with'],
    ['* (BY/WITH &WEAPON)', '_ ... by|with ... @weapon'],
    ["* DID N'T", "_ ... did ... n't"],
    ['% * TALKS', '$S ... _ ... talks', true],
  ];
  for (const [body, pattern, compound = false] of cases) assert.deepEqual(translatePattern(body, sets), { pattern, compound }, body);
});

test('translatePattern rejects what PETRARCH would ignore or cannot mean', () => {
  const cases: [string, RegExp][] = [
    ['* &NOWHERE', /undefined synset/],
    ['TRUCE', /no "\*"/],
    ['* * TWICE', /more than one "\*"/],
    ['$ * BY $', /more than one source/],
    ['{UNCLOSED *', /unclosed/],
    ['* CLOSED}', /unmatched/],
    ['* A=B', /unexpected/],
  ];
  for (const [body, message] of cases) {
    const got = translatePattern(body, sets);
    assert.ok('error' in got, body);
    assert.match(got.error, message, body);
  }
});
