import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalName, cityPlace, cityRows, defaultGazetteer, foldName } from './gazetteer.js';

test('foldName and canonicalName match news spellings to gazetteer names', () => {
  const cases: Array<[string, string, string]> = [
    ["Mek'ele", 'mekele', 'mekele'],
    ['Deir ez-Zor', 'deir ez zor', 'deir ez zor'],
    ['Al Fallūjah', 'al fallujah', 'falluja'],
    ['Basrah', 'basrah', 'basra'],
    ['Sāmarrā’', 'samarra', 'samarra'],
    ['Washington, D.C.', 'washington d c', 'washington d c'],
  ];
  for (const [name, folded, canon] of cases) {
    assert.equal(foldName(name), folded, name);
    assert.equal(canonicalName(foldName(name)), canon, name);
  }
});

test('the gazetteer reads the whole cities package and the places lexicon', () => {
  const g = defaultGazetteer();
  assert.ok(g.cityName.length > 130000, `only ${g.cityName.length} cities`);
  const kabul = cityRows(g, 'kabul').map((i) => cityPlace(g, i)).find((p) => p.country === 'AFG');
  assert.equal(kabul?.geonamesId, 1138958);
  assert.equal(kabul?.type, 'capital');
  assert.ok(Math.abs((kabul?.lat ?? 0) - 34.53) < 0.05 && Math.abs((kabul?.lon ?? 0) - 69.17) < 0.05);
  assert.deepEqual(cityRows(g, 'kiev').map((i) => cityPlace(g, i).name), ['Kyiv']);
  assert.deepEqual(g.areas.get('georgia')?.map((p) => p.country).sort(), ['GEO', 'USA']);
});
