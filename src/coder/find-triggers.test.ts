// Triggers and the merge rule at work: test/fixtures/lexicon-mini (native) with the PETRARCH files of
// test/fixtures/petrarch/overlap (translated), which overlap it on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPetrarchDictionaries } from '../lexicon/petrarch/load-petrarch.js';
import { analyze } from '../nlp/analyze.js';
import type { EventRecord } from '../types/index.js';
import { createCoderSync } from './create-coder.js';
import { findActors } from './find-actors.js';
import { findTriggers } from './find-triggers.js';

const mini = { builtin: false, lexiconDirs: ['test/fixtures/lexicon-mini'] };
const dictionaries = loadPetrarchDictionaries(['test/fixtures/petrarch/overlap']);
const native = createCoderSync(mini);
const both = createCoderSync({ ...mini, extra: [dictionaries.source] });
const brief = (e: EventRecord): string => `${e.source.code}>${e.target?.code ?? '-'}:${e.cameo}`;
const code = (text: string): string[] => both.codeArticle({ id: 'doc-1', text, date: '2020-05-01' }).map(brief);

test('the overlapping dictionaries load and merge without problems', () => {
  assert.deepEqual([dictionaries.problems, both.problems], [[], []]);
});

test('findTriggers takes a native entry before a translated one for the same word', () => {
  const doc = analyze({ id: 'doc-1', text: 'Iraq attacked Somali troops.' });
  const sent = doc.sentences[0];
  assert.ok(sent);
  const mentions = findActors(doc, sent, both.lexicon, null);
  const inside = (i: number): boolean => mentions.some((m) => i >= m.first && i < m.last);
  const hits = findTriggers(doc, sent, both.lexicon, inside);
  assert.deepEqual(hits.map((h) => both.lexicon.verbs[h.entry]?.id), ['attack']);
});

const cases: { name: string; text: string; native: string[]; merged: string[] }[] = [
  // actors
  { name: 'a new name for a known country', text: 'Mesopotamia attacked Somalia.', native: [], merged: ['IRQ>SOM:190'] },
  { name: 'a capital both know stays a capital (the government)', text: 'Baghdad attacked Somali troops.', native: ['IRQGOV>SOMMIL:190'], merged: ['IRQGOV>SOMMIL:190'] },
  { name: 'a name both know with other codes: the dictionary wins', text: 'Al-Shabaab attacked Somali troops.', native: ['SHABAAB>SOMMIL:190'], merged: ['SOMREB>SOMMIL:190'] },
  { name: 'an agent word with another sector: the dictionary wins', text: 'Somali militants attacked Russia.', native: ['SOMREB>RUS:190'], merged: ['SOMUAF>RUS:190'] },
  { name: 'a state coded by its present code', text: 'Ostland attacked Iraq.', native: [], merged: ['OST>IRQ:190'] },
  { name: 'a name in one, a role word in the other: read as the name', text: 'The African Union attacked Somalia.', native: ['AU>SOM:190'], merged: ['AU>SOM:190'] },
  // verbs
  { name: 'a shared verb: the native entry decides it, not the translated pattern', text: 'Iraq attacked Somali troops.', native: ['IRQ>SOMMIL:190'], merged: ['IRQ>SOMMIL:190'] },
  { name: 'a verb only the dictionary knows, with an actor after it', text: 'Iraq shelled Somalia.', native: [], merged: ['IRQ>SOM:195'] },
  { name: 'a translated verb with no one on the other side codes nothing', text: 'Iraq shelled the border.', native: [], merged: [] },
  { name: 'a coordinated subject is its own other side', text: 'Iraq and Somalia clashed on Monday.', native: [], merged: ['IRQ>SOM:195', 'SOM>IRQ:195'] },
  { name: 'a translated verb is not read into a noun', text: 'Iraq, after the clashes with Somalia, met Russia.', native: ['IRQ>RUS:040'], merged: ['IRQ>RUS:040'] },
  { name: '"according to" is no verb', text: 'Iraqi troops are in Somalia, according to Russia.', native: [], merged: [] },
  { name: "an imported synset does not replace the lexicon's set of the same name", text: 'Iraq asked China for aid.', native: ['IRQ>CHN:023'], merged: ['IRQ>CHN:023'] },
  // discards
  { name: 'a year is no discard: the event is dated instead', text: 'Iraq attacked Somalia in 1988.', native: ['IRQ>SOM:190'], merged: ['IRQ>SOM:190'] },
  { name: 'a relative time is no discard', text: 'Iraq attacked Somalia years ago.', native: ['IRQ>SOM:190'], merged: ['IRQ>SOM:190'] },
  { name: 'a sentence discard applies', text: 'Iraq attacked Somalia after the chess match.', native: ['IRQ>SOM:190'], merged: [] },
];

test('coding with a Dyad lexicon and PETRARCH dictionaries that overlap it', () => {
  for (const c of cases) {
    assert.deepEqual(native.codeArticle({ id: 'doc-1', text: c.text, date: '2020-05-01' }).map(brief), c.native, `${c.name} (native only)`);
    assert.deepEqual(code(c.text), c.merged, c.name);
  }
});
