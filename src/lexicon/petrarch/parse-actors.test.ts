import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { actorName, isoDate, parseActors, parseCodeGroup } from './parse-actors.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/petrarch/${name}`, import.meta.url));
const parse = (name: string) => parseActors(readFileSync(fixture(name), 'utf8'), name);

test('parseActors reads entries, synonyms, inline and tab-indented codes', () => {
  const { source } = parse('zembla.actors.txt');
  const byName = new Map((source.actors ?? []).map((a) => [a.name, a]));
  const cases: { name: string; expect: Record<string, unknown> }[] = [
    {
      name: 'Charles Kinbote',
      expect: {
        kind: 'person', code: 'ZEMELI', country: 'ZEM',
        // reverse file order: PETRARCH's first matching restriction must be Dyad's last role in force
        roles: [
          { code: 'ZEMOPP', until: '1955-12-31' },
          { code: 'ZEMELI', from: '1959-08-16' },
          { code: 'ZEMGOV', from: '1956-01-01', until: '1959-08-15' },
        ],
      },
    },
    // Consecutive primary phrases without codes share the codes that follow; spaces inside the restriction are fine.
    { name: 'John Shade', expect: { names: ['John Shade', 'Poet John Shade'], code: undefined, roles: [{ code: 'APPEDU', from: '1959-01-01', until: '1959-07-21' }] } },
    // Several groups on the entry line: a dated role and a default (here the null code).
    { name: 'Gradus', expect: { code: '---', roles: [{ code: 'ZEMREB', from: '1959-01-01', until: '1959-07-21' }] } },
    { name: 'Odon', expect: { code: 'ZEMELI', roles: [{ code: 'ZEMOPP', from: '1959-01-01' }] } },
    { name: 'Zemblan Sea', expect: { code: '---', country: null } },
    { name: 'The Alliance', expect: { code: 'ZEM/APP', country: null } },
    { name: 'National Party of Zembla', expect: { code: 'ZEMPTY', country: 'ZEM', sector: 'PTY' } },
    { name: 'Global Relief Fund', expect: { code: 'NGOZEM', country: null, sector: 'NGO' } },
    // A change of state (NZM before, ZEM after) stays a dated actor.
    { name: 'New Zembla', expect: { code: 'NZM', country: 'NZM', roles: [{ code: 'ZEM', until: '1950-01-01' }] } },
  ];
  for (const { name, expect } of cases) {
    const actor = byName.get(name);
    assert.ok(actor, `actor ${name}`);
    for (const [key, value] of Object.entries(expect)) assert.deepEqual(actor[key as keyof typeof actor], value, `${name}.${key}`);
  }
  assert.equal(byName.has('This Line Is Inside the Block'), false, 'a <!-- … --> block is a comment');
  assert.equal(source.actors?.length, 9);
});

test('parseActors turns state-level entries into countries, pooling entries that share a code', () => {
  const { source } = parse('zembla.actors.txt');
  assert.deepEqual(source.countries, [
    // ZEMBLA_, ZB and OLD_ZEMBLA_ (whose ZEMOCC period is lost) pool their names
    { code: 'ZEM', name: 'Zembla', names: ['Zembla', 'Zemblan', 'Onhava', 'Nova Zembla', 'ZB', 'Old Zembla', 'Zemblan Kingdom'], demonyms: [], capitals: [] },
    // one dated code and no default: a state that existed until then
    { code: 'USZ', name: 'U.S.Z.R.', names: ['U.S.Z.R.', 'Uszr'], demonyms: [], capitals: [], until: '1959-12-31' },
  ]);
});

test('parseActors reads a state with the dated code of its time in a union as a country with its present code', () => {
  const { source, notes } = parseActors(readFileSync(fixture('overlap/overlap.actors.txt'), 'utf8'), 'overlap.actors.txt');
  assert.deepEqual(source.countries?.find((c) => c.code === 'OST'), { code: 'OST', name: 'Ostland', names: ['Ostland', 'Ostlander'], demonyms: [], capitals: [] });
  assert.ok(!(source.actors ?? []).some((a) => a.names.includes('Ostland')));
  assert.deepEqual(notes, ['overlap.actors.txt: 1 dated code(s) of states before their present code (sub-codes, former unions, transitions such as SCGSRB) not kept: the state is coded by its present code at every date']);
  // a person with dated codes and no default has no fixed country: the coder takes it from the code in force
  const wang = source.actors?.find((a) => a.name.toLowerCase() === 'wang yi');
  assert.deepEqual([wang?.country, wang?.roles], [undefined, [{ code: 'CHNGOV', from: '2013-03-16' }]]);
});

test('parseActors reports malformed lines with file and line, and skips them', () => {
  const cases: { file: string; lines: number[] }[] = [
    { file: 'zembla.actors.txt', lines: [50, 51, 52, 53, 54, 54] },
    { file: 'stray.actors.txt', lines: [1, 2] },
  ];
  for (const { file, lines } of cases) {
    const { problems, source } = parse(file);
    assert.deepEqual(problems.map((p) => p.line), lines, file);
    for (const p of problems) assert.deepEqual([p.code, p.input, p.stage], ['E302', file, 'lexicon']);
    if (file === 'stray.actors.txt') assert.deepEqual(source.countries?.map((c) => c.names), [['First Real']]);
  }
});

test('isoDate reads six- and eight-digit dates with the 00–29 → 2000s rule', () => {
  const cases: [string, string | null][] = [
    ['090120', '2009-01-20'], ['291231', '2029-12-31'], ['300101', '1930-01-01'], ['990815', '1999-08-15'],
    ['19590721', '1959-07-21'], ['20121304', null], ['9008223', null], ['201005011', null], ['12ab01', null],
  ];
  for (const [input, expected] of cases) assert.equal(isoDate(input), expected, input);
});

test('parseCodeGroup reads <, > and range restrictions, and rejects the rest', () => {
  const cases: [string, unknown][] = [
    ['USAGOV >090120', { code: 'USAGOV', from: '2009-01-20' }],
    ['RUS <911226', { code: 'RUS', until: '1991-12-26' }],
    ['HOB < 950601', { code: 'HOB', until: '1995-06-01' }],
    ['ARMGOV 910625-920115', { code: 'ARMGOV', from: '1991-06-25', until: '1992-01-15' }],
    ['ZEMGOV 19950601 - 990815', { code: 'ZEMGOV', from: '1995-06-01', until: '1999-08-15' }],
    ['pse', { code: 'PSE' }],
    ['---', { code: '---' }],
    ['ZEM/APP', { code: 'ZEM/APP' }],
    ['USAGOV 19820101', 'string'],
    ['USAGOV 920115-910625', 'string'],
    ['US GOV', 'string'],
  ];
  for (const [input, expected] of cases) {
    const got = parseCodeGroup(input);
    if (expected === 'string') assert.equal(typeof got, 'string', input);
    else assert.deepEqual(got, expected, input);
  }
});

test('actorName keeps short acronyms in capitals and title-cases the rest', () => {
  const cases: [string, string][] = [
    ['UN_', 'UN'], ['U.S.', 'U.S.'], ['IRAN', 'Iran'], ['AFGHANISTAN_', 'Afghanistan'], ['AL-QAEDA_IN_IRAQ', 'Al-Qaeda in Iraq'],
    ['SECRETARY_GENERAL_OF_THE_UN', 'Secretary General of the UN'], ['BAN_KI-MOON', 'Ban Ki-Moon'], ['Un_', 'UN'],
  ];
  for (const [input, expected] of cases) assert.equal(actorName(input), expected, input);
});
