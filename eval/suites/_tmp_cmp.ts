import { createCoder } from '../../src/index.js';
import { loadPetrarchDictionaries } from '../../src/lexicon/petrarch/load-petrarch.js';
const d = '../shared/data/petrarch2/dictionaries/';
const files = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt', 'Phoenix.agents.txt', 'CAMEO.2.0.txt', 'Phoenix.discards.txt'].map((f) => d + f);
const load = loadPetrarchDictionaries(files);
const usa = load.source.countries.find((c) => c.code === 'USA');
console.log('USA names', usa?.names.length, usa?.names.filter((n) => /united states|^us$|^u\.s\./i.test(n)));
const text = 'Iraqi troops attacked Islamic State militants near Mosul. Afghanistan asked the United States for military aid.';
for (const extra of [[], [load.source]]) {
  const coder = await createCoder({ builtin: true, extra });
  for (const e of coder.codeArticle({ id: 'x', text, date: '2016-05-03' })) console.log(extra.length, e.source.code, e.target?.code, e.cameo, e.trigger.text);
}
