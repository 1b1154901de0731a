// Lexicon tests: names ↔ codes of countries and organisations, and actor filter values read as codes or names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinActorNames, readActorFilter } from './actor-names.js';

describe('actor names of the built-in lexicon', () => {
  const names = builtinActorNames();
  it('gives the code of a country or organisation name, whatever the case or accents', () => {
    for (const [name, code] of [['Turkey', 'TUR'], ['turkey', 'TUR'], ['United States', 'USA'], ['Islamic State', 'ISIS'], ['China', 'CHN']]) {
      assert.equal(names.codeOf(name as string), code, name);
    }
    assert.equal(names.codeOf('Nowhereland'), null);
  });
  it('names a code only when it is a country\'s or an organisation\'s own', () => {
    assert.equal(names.nameOf('CHN'), 'China');
    assert.equal(names.nameOf('AU'), 'African Union');
    assert.equal(names.nameOf('---GOV'), null);
    assert.equal(names.nameOf('USAGOV'), null);
  });
});

describe('readActorFilter', () => {
  it('takes codes as they are and names as their codes', () => {
    assert.deepEqual(readActorFilter('TUR'), { code: 'TUR' });
    assert.deepEqual(readActorFilter('---GOV'), { code: '---GOV' });
    assert.deepEqual(readActorFilter('Turkey'), { code: 'TUR' });
    assert.deepEqual(readActorFilter('chn'), { code: 'chn' });
  });
  it('refuses a name it does not know rather than match nothing', () => {
    assert.ok('problem' in readActorFilter('Turkei'));
    assert.ok('problem' in readActorFilter('Republic of Nowhere'));
  });
});
