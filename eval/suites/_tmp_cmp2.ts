import { createCoder } from '../../src/index.js';
import { loadPetrarchDictionaries } from '../../src/lexicon/petrarch/load-petrarch.js';
const d = '../shared/data/petrarch2/dictionaries/';
const load = loadPetrarchDictionaries([d + 'Phoenix.Countries.actors.txt', d + 'Phoenix.agents.txt', d + 'CAMEO.2.0.txt']);
const coder = await createCoder({ builtin: false, extra: [load.source] });
for (const text of ['Iraqi troops attacked Mosul.', 'Iraqi soldiers attacked the militants.', 'The Iraqi army attacked Syria.']) {
  for (const e of coder.codeArticle({ id: 'x', text, date: '2016-05-03' })) console.log(text, '=>', e.source.code, e.source.text, e.target?.code, e.cameo);
}
console.log(load.source.agents.filter((a) => a.words.includes('troop') || a.words.includes('army')).map((a) => a.sector));
