import { loadPetrarchDictionaries } from '../../src/lexicon/petrarch/load-petrarch.js';
const d = '../shared/data/petrarch2/dictionaries/';
const load = loadPetrarchDictionaries([d + 'Phoenix.Countries.actors.txt']);
for (const a of load.source.actors) if (a.names.some((n) => /^(army|soldiers?|troops?|the army)$/i.test(n))) console.log('actor', a.name, a.code, a.names.filter((n) => /^(army|soldiers?|troops?)$/i.test(n)));
for (const c of load.source.countries) if (c.names.some((n) => /^(army|soldiers?|troops?|iraqi army)$/i.test(n))) console.log('country', c.code, c.names.filter((n) => /^(army|soldiers?|troops?|iraqi army)$/i.test(n)));
const irq = load.source.countries.find((c) => c.code === 'IRQ');
console.log(irq?.names.filter((n) => /iraqi/i.test(n)));
