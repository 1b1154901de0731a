import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseVerbCode, parseVerbs } from './parse-verbs.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/petrarch/${name}`, import.meta.url));
const result = parseVerbs(readFileSync(fixture('zembla.verbs.txt'), 'utf8'), 'zembla.verbs.txt');
const byId = new Map((result.source.verbs ?? []).map((v) => [v.id, v]));

test('parseVerbs reads synsets with plurals, embedded sets and the no-plural mark', () => {
  assert.deepEqual(result.source.sets, [
    { name: 'weapon', words: ['rifle', 'rifles', 'gunboat', 'gunboats', 'armored car', 'armored cars', 'ammunition', 'army', 'armies'] },
    { name: 'auxverb', words: ['would', 'will'] },
    { name: 'small_arms', words: ['pistol', 'pistols', 'rifle', 'rifles', 'gunboat', 'gunboats', 'armored car', 'armored cars', 'ammunition', 'army', 'armies'] },
    { name: 'broken', words: ['knife', 'knifes'] },
  ]);
});

test('parseVerbs makes one entry per block and own-code verb group, with lemmas and forms', () => {
  const cases: [string, string[], string | null][] = [
    ['petrarch:zembla.verbs:send', ['send', 'sends', 'sent', 'sending', 'ship', 'hand over', 'hands over', 'handed over', 'handing over'], '070'],
    ['petrarch:zembla.verbs:send:072', ['dispatch'], '072'],
    ['petrarch:zembla.verbs:pledge', ['pledge', 'wire tap', 'wire taps', 'wire tapped'], null],
    ['petrarch:zembla.verbs:greet', ['greet'], '010'],
    ['petrarch:zembla.verbs:broken', ['break', 'broke', 'broken'], '010'],
  ];
  assert.deepEqual([...byId.keys()], cases.map(([id]) => id));
  for (const [id, verbs, code] of cases) {
    assert.deepEqual(byId.get(id)?.verbs, verbs, id);
    assert.equal(byId.get(id)?.code, code, id);
    assert.equal(byId.get(id)?.file, 'zembla.verbs.txt');
  }
  assert.deepEqual(byId.get('petrarch:zembla.verbs:send:072')?.patterns, byId.get('petrarch:zembla.verbs:send')?.patterns);
});

test('parseVerbs translates every pattern element into Dyad syntax', () => {
  const patterns = byId.get('petrarch:zembla.verbs:send')?.patterns.map((p) => [p.pattern, p.code]);
  assert.deepEqual(patterns, [
    ['_ ... @weapon', '0712'],
    ['_ ... armored car ... to ... $T', '0713'],
    ['$S ... _ ... troops ... to ... $T', '0714'],
    ['_ ... aid ... from ... $S ... to ... $T', '0715'],
    ['$S ... _ ... @small_arms', '0716'],
    ['_ ... in ... with ... gifts', '0717'],
    ['@auxverb ... not _', '0718'],
    ['_ ... gifts to the king', '0719'],
    ['_ ... by|with ... ships', '042'],
    ['_ ... before ... court', '---'],
    ['_ ... greetings', '---'],
    // The repeated `- * &WEAPON [0799]` is dropped: the first of two identical patterns wins.
  ]);
  assert.deepEqual(byId.get('petrarch:zembla.verbs:greet')?.patterns, [{ pattern: '_ ... warmly', code: '042' }]);
});

test('parseVerbs reports malformed lines and counts what it cannot represent', () => {
  assert.deepEqual(result.problems.map((p) => p.line), [2, 3, 22, 58, 59, 60, 61, 62, 63, 64]);
  for (const p of result.problems) assert.deepEqual([p.code, p.input], ['E302', 'zembla.verbs.txt']);
  const notes = result.notes.join('\n');
  for (const expected of [/1 verb\+verb transformation/, /2 paired code/, /1 reverse-only/, /1 pattern\(s\) with the compound marker %/, /1 multi-word verb/]) {
    assert.match(notes, expected);
  }
});

test('parseVerbs reads a file that opens with <!-- and says so', () => {
  const { source, problems } = parseVerbs(readFileSync(fixture('commented/opens-with-comment.verbs.txt'), 'utf8'), 'c.verbs.txt');
  assert.deepEqual(problems.map((p) => [p.code, p.line]), [['E302', 1]]);
  assert.match(problems[0]?.message ?? '', /<!--/);
  assert.deepEqual(source.verbs?.[0]?.patterns, [{ pattern: '_ ... to ... $T', code: '042' }]);
});

test('parseVerbCode reads plain, null, paired and reverse-only codes', () => {
  const cases: [string, unknown][] = [
    ['042', { code: '042', reverse: null }],
    ['---', { code: null, reverse: null }],
    ['042:043', { code: '042', reverse: '043' }],
    [':173', { code: null, reverse: '173' }],
    ['174K', { code: '174K', reverse: null }],
    ['080!', 'string'],
    ['def', 'string'],
    ['1:2:3', 'string'],
  ];
  for (const [input, expected] of cases) {
    const got = parseVerbCode(input);
    if (expected === 'string') assert.equal(typeof got, 'string', input);
    else assert.deepEqual(got, expected, input);
  }
});
