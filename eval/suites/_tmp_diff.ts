import { readFileSync } from 'node:fs';
import { createCoder } from '../../src/index.js';
import { loadPetrarchDictionaries } from '../../src/lexicon/petrarch/load-petrarch.js';
import { readSuiteRecords } from './petrarch-records.js';
import { eventTriples } from './petrarch.js';
const dir = '../shared/data/petrarch2/';
const suite = readSuiteRecords(readFileSync(dir + 'text/PETR.UnitTest.records.xml', 'utf8'));
const d = (f: string[]) => f.map((x) => dir + 'dictionaries/' + x);
const load = loadPetrarchDictionaries({ actors: d(suite.dictionaries.actors), agents: d(suite.dictionaries.agents), verbs: d(suite.dictionaries.verbs), discards: d(suite.dictionaries.discards) });
const coder = await createCoder({ builtin: false, extra: [load.source] });
const cats = process.argv.slice(2);
for (const r of suite.records) {
  if (!r.scored || (cats.length && !cats.some((c) => r.category.toUpperCase().startsWith(c)))) continue;
  const pred = eventTriples(coder.codeArticle({ id: r.id, text: r.text, date: r.date }), r.requireDyad);
  const g = new Set(r.gold.map((t) => t.join(' '))); const p = new Set(pred.map((t) => t.join(' ')));
  if ([...g].every((x) => p.has(x)) && g.size === p.size) continue;
  console.log(`${r.id} [${r.date}] ${r.text}\n   gold: ${[...g].join(' | ')}\n   dyad: ${[...p].join(' | ')}`);
}
