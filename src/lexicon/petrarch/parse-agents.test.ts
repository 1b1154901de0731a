import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAgents } from './parse-agents.js';

const file = fileURLToPath(new URL('../../../test/fixtures/petrarch/zembla.agents.txt', import.meta.url));
const result = parseAgents(readFileSync(file, 'utf8'), 'zembla.agents.txt');

test('parseAgents groups phrases by code and expands substitution sets and plurals', () => {
  const bySector = new Map((result.source.agents ?? []).map((a) => [a.sector, a.words]));
  const cases: [string, string[]][] = [
    // `{}` (no plural) has no Dyad equivalent: the phrase is kept as written.
    ['MIL', ['royal guard', 'palace guard', 'chief of sailor', 'chief of sailors', 'chief of seaman', 'chief of seamen',
      'head of sailor', 'head of sailors', 'head of seaman', 'head of seamen']],
    ['EDU', ['court poet', 'court poets']],
    ['CVL', ['ferrysailor', 'ferrysailors', 'ferryseaman', 'ferryseamen']],
    ['NGO', ['relief worker']],
    ['GOV', ['chancellor']],
    ['MED', ['scribe']],
  ];
  for (const [sector, words] of cases) assert.deepEqual(bySector.get(sector), words, sector);
  assert.equal(result.source.agents?.length, cases.length);
});

test('parseAgents notes prefix codes and reports malformed lines', () => {
  assert.deepEqual(result.problems.map((p) => [p.code, p.line]), [['E302', 16], ['E302', 17], ['E302', 18], ['E302', 19]]);
  assert.equal(result.notes.length, 1);
  assert.match(result.notes[0] ?? '', /NGO~/);
});
