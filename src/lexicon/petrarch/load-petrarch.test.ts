import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedData } from '../../../eval/shared-data.js';
import { classifyPetrarchFile, loadPetrarchDictionaries } from './load-petrarch.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/petrarch/', import.meta.url));
const phoenix = sharedData('petrarch2', 'dictionaries');

test('classifyPetrarchFile tells the kind from the file name', () => {
  const cases: [string, string | null][] = [
    ['Phoenix.Countries.actors.txt', 'actors'], ['dir/PETR.Validate.agents.txt', 'agents'], ['CAMEO.2.0.txt', 'verbs'],
    ['PETR.Validate.verbs.txt', 'verbs'], ['Phoenix.discards.txt', 'discards'], ['Phoenix.IssueCoding.txt', 'issues'],
    ['notes.txt', null],
  ];
  for (const [name, kind] of cases) assert.equal(classifyPetrarchFile(name), kind, name);
});

test('loadPetrarchDictionaries reads a folder: every kind, issue files and unknown names noted, problems kept', () => {
  const { source, problems, notes } = loadPetrarchDictionaries([fixtures]);
  assert.deepEqual(
    [source.actors.length, source.agents.length, source.verbs.length, source.sets.length, source.discards.length, source.countries.length, source.cameo.length],
    [9, 6, 5, 4, 4, 2, 0],
  );
  assert.ok(notes.some((n) => n.includes('zembla.issues.txt') && n.includes('issue dictionary ignored')));
  assert.ok(notes.some((n) => n.includes('readme.txt')));
  // stray.actors.txt's FIRST_REAL [ZEM] pools its name into zembla.actors.txt's ZEM
  assert.deepEqual(source.countries[0]?.names, ['First Real', 'Zembla', 'Zemblan', 'Onhava', 'Nova Zembla', 'ZB', 'Old Zembla', 'Zemblan Kingdom']);
  const files = new Set(problems.map((p) => p.input.split(/[\\/]/).pop()));
  assert.deepEqual([...files].sort(), ['stray.actors.txt', 'zembla.actors.txt', 'zembla.agents.txt', 'zembla.discards.txt', 'zembla.verbs.txt']);
  assert.ok(problems.every((p) => p.code === 'E302' && typeof p.line === 'number'));
});

test('loadPetrarchDictionaries reads files by kind whatever their names', () => {
  const { source, problems } = loadPetrarchDictionaries({ verbs: [join(fixtures, 'commented', 'opens-with-comment.verbs.txt')], discards: [join(fixtures, 'readme.txt')] });
  assert.equal(source.verbs.length, 1);
  assert.deepEqual(source.discards, [{ phrase: 'not a dictionary', scope: 'sentence' }]);
  assert.deepEqual(problems.map((p) => [p.code, p.line]), [['E302', 1]]);
});

test('loadPetrarchDictionaries reports unreadable and unclassifiable files without throwing', () => {
  const cases: [string[], string][] = [
    [[join(fixtures, 'missing.actors.txt')], 'E300'],
    [[join(fixtures, 'readme.txt')], 'E300'],
  ];
  for (const [input, code] of cases) {
    const { source, problems } = loadPetrarchDictionaries(input);
    assert.deepEqual(problems.map((p) => p.code), [code], input[0]);
    assert.equal(source.actors.length + source.countries.length + source.verbs.length, 0);
  }
});

test(
  'loadPetrarchDictionaries loads the full Phoenix dictionaries with plausible counts',
  { skip: existsSync(phoenix) ? false : `no PETRARCH2 data at ${phoenix}` },
  () => {
    const names = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt', 'Phoenix.agents.txt', 'CAMEO.2.0.txt', 'Phoenix.discards.txt'];
    const { source, problems, notes } = loadPetrarchDictionaries(names.map((n) => join(phoenix, n)));
    assert.ok(source.actors.length > 25_000, `actors ${source.actors.length}`);
    assert.ok(source.countries.length > 150, `countries ${source.countries.length}`);
    assert.ok(source.countries.find((c) => c.code === 'AFG')?.names.includes('Kabul'));
    assert.ok(source.countries.find((c) => c.code === 'IRQ')?.names.includes('Baghdad'), 'Iraq, whose code changes with dates, is a country');
    assert.ok(source.agents.length > 50, `agent groups ${source.agents.length}`);
    assert.ok(source.agents.reduce((n, a) => n + a.words.length, 0) > 2_000);
    assert.ok(source.verbs.length > 390, `verb entries ${source.verbs.length}`);
    assert.ok(source.verbs.reduce((n, v) => n + v.patterns.length, 0) > 4_500);
    assert.ok(source.sets.length > 30, `sets ${source.sets.length}`);
    assert.ok(source.discards.length > 350, `discards ${source.discards.length}`);
    assert.ok(!source.discards.some((d) => d.phrase === '1988' || d.phrase === 'years ago'), 'time expressions are not discards');
    assert.ok(notes.some((n) => /\d+ time expression/.test(n)));
    assert.ok(source.sets.every((s) => s.name.startsWith('petrarch.')), 'synsets are namespaced');
    assert.ok(problems.length < 50, `problems ${problems.length}`);
    assert.ok(notes.some((n) => /transformation/.test(n)));
    const obama = source.actors.find((a) => a.names.includes('Barack Obama'));
    assert.deepEqual(obama?.roles?.find((r) => r.code === 'USAGOV'), { code: 'USAGOV', from: '2009-01-20' });
    assert.ok(source.agents.some((a) => a.sector === 'GOV' && a.words.includes('president')));
  },
);
