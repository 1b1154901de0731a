import { createCoder } from '../../src/index.js';
import { loadPetrarchDictionaries } from '../../src/lexicon/petrarch/load-petrarch.js';
import { formatPetrarchTable, runPetrarchSuite } from './petrarch.js';
for (const builtin of [false, true]) {
  const t0 = performance.now();
  const result = await runPetrarchSuite({
    withDyadLexicon: builtin,
    createCoder: async ({ builtin: b, petrarch }) => {
      const load = loadPetrarchDictionaries(petrarch);
      const coder = await createCoder({ builtin: b, extra: [load.source] });
      console.log('coder problems', coder.problems.length, coder.problems.slice(0, 5).map((p) => p.message));
      return coder;
    },
  });
  console.log(`builtin=${builtin}`, (performance.now() - t0).toFixed(0) + 'ms');
  console.log(formatPetrarchTable(result));
}
