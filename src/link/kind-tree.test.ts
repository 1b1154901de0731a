// The linker's kind tree is built from the loaded lexicon's equipment: a --lexicon folder's equipment.yaml counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLexicon } from '../lexicon/load-lexicon.js';
import { defaultKindTree, kindContext, lexiconKindTree } from './kind-tree.js';

test('a kind from a user equipment.yaml nests under its parent and takes its context in the tree of the lexicon', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-kinds-'));
  try {
    writeFileSync(join(dir, 'equipment.yaml'), [
      'kinds:',
      '  - {kind: water-purifier, parent: humanitarian-aid, military: false, words: [water purifier]}',
      '  - {kind: grain-credit, parent: money, military: false, economic: true, words: [grain credit]}',
      'models: []',
    ].join('\n'));
    const tree = lexiconKindTree(loadLexicon({ lexiconDirs: [dir] }).lexicon);
    assert.ok(tree.isUnder('water-purifier', 'humanitarian-aid'));
    assert.equal(kindContext(tree, 'water-purifier'), 'humanitarian');
    assert.equal(kindContext(tree, 'grain-credit'), 'economic');
    assert.equal(kindContext(defaultKindTree(), 'water-purifier'), null, 'Dyad alone does not know the kind');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Dyad\'s own kinds keep their contexts: arms military, money economic, food humanitarian', () => {
  const tree = lexiconKindTree(loadLexicon().lexicon);
  assert.equal(tree, defaultKindTree(), 'with no user equipment the bundled tree is shared');
  assert.deepEqual(['rifle', 'money', 'fuel', 'reconstruction', 'electricity', 'food'].map((k) => kindContext(tree, k)),
    ['military', 'economic', 'economic', 'economic', 'economic', 'humanitarian']);
});
