// The item kinds a lexicon adds to Dyad's own, how they differ from a store's, and the tree a store's kinds make.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEquipment, loadLexicon } from '../lexicon/load-lexicon.js';
import { defaultKindTree, kindContext, recordedKindTree } from './kind-tree.js';
import { addedKinds, compareKinds } from './lexicon-kinds.js';

const FOO = { kind: 'foo-drone', parent: 'drone', military: true, economic: false };

test('a lexicon adds the kinds of its folders\' equipment.yaml; Dyad\'s own lexicon adds none', () => {
  assert.deepEqual(addedKinds(loadLexicon().lexicon), []);
  assert.deepEqual(addedKinds({ equipment: loadEquipment(['test/fixtures/lexicon-foo-drone']) }), [FOO]);
  assert.deepEqual(addedKinds({ equipment: loadEquipment(['test/fixtures/lexicon-foo-aircraft']) }), [{ ...FOO, parent: 'aircraft' }]);
});

test('a store\'s recorded kinds make Dyad\'s tree with them; none recorded is Dyad\'s own tree', () => {
  assert.equal(recordedKindTree([]), defaultKindTree());
  const tree = recordedKindTree([FOO]);
  assert.ok(tree.isUnder('foo-drone', 'drone'));
  assert.equal(kindContext(tree, 'foo-drone'), 'military');
  assert.ok(tree.isUnder('armed-drone', 'drone'), 'Dyad\'s kinds stay');
  assert.equal(defaultKindTree().isUnder('foo-drone', 'drone'), false);
  // a recorded kind that redefines one of Dyad's wins
  assert.ok(recordedKindTree([{ kind: 'drone', parent: 'aircraft', military: true, economic: false }]).isUnder('armed-drone', 'aircraft'));
});

test('compares a store\'s kinds with a lexicon\'s: the same, added, lacking, or placed otherwise', () => {
  assert.deepEqual(compareKinds([FOO], [FOO]), { conflicts: [], added: [], lacking: [] });
  assert.deepEqual(compareKinds([], [FOO]), { conflicts: [], added: [FOO], lacking: [] });
  assert.deepEqual(compareKinds([FOO], []), { conflicts: [], added: [], lacking: [FOO] });
  const elsewhere = { ...FOO, parent: 'aircraft' };
  assert.deepEqual(compareKinds([FOO], [elsewhere]), { conflicts: [{ kind: 'foo-drone', stored: FOO, lexicon: elsewhere }], added: [], lacking: [] });
  // a lexicon that redefines one of Dyad's kinds disagrees with a store that recorded none (linked with Dyad's own)
  const drone = { kind: 'drone', parent: 'aircraft', military: true, economic: false };
  const { conflicts } = compareKinds([], [drone]);
  assert.deepEqual(conflicts.map((c) => [c.kind, c.stored.parent, c.lexicon.parent]), [['drone', null, 'aircraft']]);
  assert.deepEqual(compareKinds([drone], []).conflicts.map((c) => [c.kind, c.stored.parent, c.lexicon.parent]), [['drone', 'aircraft', null]]);
});
