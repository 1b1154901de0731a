import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { LexiconSource, VerbEntry } from '../types/index.js';
import { mergeLexicon } from './merge-lexicon.js';
import { loadPetrarchDictionaries } from './petrarch/load-petrarch.js';
import { readLexiconDirUncached } from './read-lexicon-dir.js';

const fixture = (path: string): string => fileURLToPath(new URL(`../../test/fixtures/${path}`, import.meta.url));
const mini = (): LexiconSource => readLexiconDirUncached(fixture('lexicon-mini')).source;
const overlap = (): LexiconSource => loadPetrarchDictionaries([fixture('petrarch/overlap')]).source;

test('mergeLexicon: an actor phrase used with another meaning goes to the later source, one used with the same meaning stays', () => {
  const earlier = mini();
  const later = overlap();
  const before = structuredClone([earlier, later]);
  const merged = mergeLexicon([earlier, later]);
  assert.deepEqual([earlier, later], before, 'the sources are not changed');

  const iraq = merged.countries.find((c) => c.code === 'IRQ');
  // same country: Baghdad stays a capital (the government) and Iraqi a demonym; the new name is added
  assert.deepEqual([iraq?.capitals, iraq?.demonyms, iraq?.names], [['Baghdad'], ['Iraqi', 'Iraqis'], ['Iraq', 'Mesopotamia']]);
  // another code for the same name: the later source's entry is the only one left
  assert.deepEqual(merged.actors.filter((a) => a.names.some((n) => n.toLowerCase() === 'al-shabaab')).map((a) => a.code), ['SOMREB']);
  // the same dated code: the earlier entry (which has titles) stays, the later one is dropped
  const wang = merged.actors.filter((a) => a.names.some((n) => n.toLowerCase() === 'wang yi'));
  assert.deepEqual(wang.map((a) => a.roles?.[0]?.title), ['Foreign Minister']);

  const sectorsOf = (word: string): string[] => merged.agents.filter((a) => a.words.includes(word)).map((a) => a.sector);
  const cases: [string, string[]][] = [['militant', ['UAF']], ['soldier', ['MIL']], ['harbour master', ['GOV']], ['rebel', ['REB']], ['african union', ['GOV']]];
  for (const [word, sectors] of cases) assert.deepEqual(sectorsOf(word), sectors, word);
  // a name in one source and a role word in the other do not conflict: the organisation keeps its name
  assert.deepEqual(merged.actors.find((a) => a.code === 'AU')?.names, ['AU', 'African Union']);
});

test('mergeLexicon keeps imported synsets apart from the lexicon sets of the same name', () => {
  const merged = mergeLexicon([mini(), overlap()]);
  const words = (name: string): string[] | undefined => merged.sets.find((s) => s.name === name)?.words;
  assert.ok(words('aid')?.includes('aid'), "lexicon-mini's @aid is intact");
  assert.deepEqual(words('petrarch.aid'), ['cake', 'cakes']);
  const shell = merged.verbs.find((v) => v.verbs.includes('shell'));
  assert.deepEqual(shell?.patterns.map((p) => p.pattern), ['_ ... @petrarch.aid']);
});

test('mergeLexicon lists translated (PETRARCH) verb entries after every native one, and never combines them', () => {
  const merged = mergeLexicon([mini(), overlap()]);
  const firstTranslated = merged.verbs.findIndex((v) => v.translated === true);
  assert.ok(firstTranslated > 0);
  assert.ok(merged.verbs.slice(firstTranslated).every((v) => v.translated === true));
  const attack = merged.verbs.filter((v) => v.verbs.includes('attack'));
  assert.deepEqual(attack.map((v) => [v.id, v.code]), [['attack', '190'], ['petrarch:overlap.verbs:attack', '180']]);
});

test('mergeLexicon combines native entries that share a trigger: the later patterns and default first, the earlier ones kept', () => {
  const entry = (id: string, verbs: string[], code: string | null, patterns: Record<string, string>): VerbEntry => ({
    id, verbs, nouns: [], code, patterns: Object.entries(patterns).map(([pattern, c]) => ({ pattern, code: c })),
  });
  const source = (verbs: VerbEntry[]): LexiconSource => ({ countries: [], actors: [], agents: [], verbs, sets: [], cameo: [], discards: [] });
  const earlier = source([entry('attack', ['attack', 'assault'], '190', { '_ $T with @weapon': '195' })]);
  const cases: { name: string; later: VerbEntry; combined: Omit<VerbEntry, 'nouns'>; earlierLeft: string[] }[] = [
    {
      name: 'a later default wins over the earlier one; its patterns come first',
      later: entry('raid', ['attack', 'raid'], '180', { '_ $T at night': '186' }),
      combined: { id: 'raid+attack', verbs: ['attack'], code: '180', patterns: [{ pattern: '_ $T at night', code: '186' }, { pattern: '_ $T with @weapon', code: '195' }] },
      earlierLeft: ['assault'],
    },
    {
      name: 'a later entry with patterns only keeps the earlier default',
      later: entry('strike', ['attack'], null, { '_ $T from the air': '195' }),
      combined: { id: 'strike+attack', verbs: ['attack'], code: '190', patterns: [{ pattern: '_ $T from the air', code: '195' }, { pattern: '_ $T with @weapon', code: '195' }] },
      earlierLeft: ['assault'],
    },
  ];
  for (const { name, later, combined, earlierLeft } of cases) {
    const merged = mergeLexicon([earlier, source([later])]);
    const got = merged.verbs.find((v) => v.id === combined.id);
    assert.deepEqual(got && { id: got.id, verbs: got.verbs, code: got.code, patterns: got.patterns }, combined, name);
    assert.deepEqual(merged.verbs.find((v) => v.id === 'attack')?.verbs, earlierLeft, name);
    assert.equal(merged.verbs.filter((v) => v.verbs.includes('attack')).length, 1, `${name}: one entry per trigger`);
  }
});
