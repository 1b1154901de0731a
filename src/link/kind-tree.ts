// Link stage: the equipment lexicon's kinds → a small tree the linker asks "is one kind under the other?" and "military?".
import type { CompiledLexicon } from '../lexicon/compiled.js';
import { defaultEquipment, type Equipment } from '../lexicon/equipment.js';
import type { ItemKind } from '../types/link.js';

/** The kinds of items and how they nest ("armed-drone" under "drone", "rifle" under "small-arms" under "arms"). */
export interface KindTree {
  /** True when `kind` is `than` or lies under it. */
  isUnder(kind: string, than: string): boolean;
  /** True for arms and military services, false for civilian aid, null for a kind the tree does not know. */
  military(kind: string): boolean | null;
  /** True for civilian help that is economic (money, fuel, reconstruction) rather than humanitarian relief. */
  economic(kind: string): boolean;
}

/** The kind of help an item kind stands for (economic: the kinds equipment.yaml marks `economic: true`). */
export function kindContext(tree: KindTree, kind: string): 'military' | 'economic' | 'humanitarian' | null {
  const military = tree.military(kind);
  if (military === null) return null;
  if (military) return 'military';
  return tree.economic(kind) ? 'economic' : 'humanitarian';
}

/** A tree over item kinds by id (a compiled equipment lexicon's, or Dyad's with a store's); the ancestors of each kind are cached on first use. */
export function kindTree(kinds: ReadonlyMap<string, ItemKind>): KindTree {
  const ancestors = new Map<string, ReadonlySet<string>>();
  const chain = (kind: string): ReadonlySet<string> => {
    let set = ancestors.get(kind);
    if (set === undefined) {
      const found = new Set<string>();
      // The bound guards against a cycle written into a user's lexicon.
      for (let k: string | null = kind, n = 0; k !== null && n < 16; n++) {
        found.add(k);
        k = kinds.get(k)?.parent ?? null;
      }
      set = found;
      ancestors.set(kind, set);
    }
    return set;
  };
  return {
    isUnder: (kind, than) => kind === than || chain(kind).has(than),
    military: (kind) => kinds.get(kind)?.military ?? null,
    economic: (kind) => kinds.get(kind)?.economic === true,
  };
}

const trees = new WeakMap<Equipment, KindTree>();

/**
 * The tree of a loaded lexicon's equipment: Dyad's equipment.yaml with each `--lexicon` folder's added, so that a
 * user's kinds nest and count as military or civilian when events are linked. Built once per equipment lexicon.
 */
export function lexiconKindTree(lexicon: Pick<CompiledLexicon, 'equipment'>): KindTree {
  let tree = trees.get(lexicon.equipment);
  if (tree === undefined) {
    tree = lexicon.equipment === defaultEquipment() ? defaultKindTree() : kindTree(lexicon.equipment.kinds);
    trees.set(lexicon.equipment, tree);
  }
  return tree;
}

let bundled: KindTree | null = null;

/** The tree of Dyad's own lexicon/equipment.yaml alone, built on first use: for linking with no lexicon at hand. */
export function defaultKindTree(): KindTree {
  bundled ??= kindTree(defaultEquipment().kinds);
  return bundled;
}

let recorded: { key: string; tree: KindTree } | null = null;

/**
 * The tree a store's reports are linked by: Dyad's own kinds with the ones it records (`Store.lexiconKinds`: those a
 * user's lexicon added or defined otherwise; theirs win). None recorded: Dyad's own tree. The last one built is kept.
 */
export function recordedKindTree(kinds: readonly ItemKind[]): KindTree {
  if (kinds.length === 0) return defaultKindTree();
  const key = JSON.stringify(kinds);
  if (recorded?.key !== key) {
    const all = new Map<string, ItemKind>(defaultEquipment().kinds);
    for (const kind of kinds) all.set(kind.kind, kind);
    recorded = { key, tree: kindTree(all) };
  }
  return recorded.tree;
}
