// Link stage: the equipment lexicon's kinds → a small tree the linker asks "is one kind under the other?" and "military?".
import { defaultEquipment, type Equipment } from '../lexicon/equipment.js';

/** The kinds of items and how they nest ("armed-drone" under "drone", "rifle" under "small-arms" under "arms"). */
export interface KindTree {
  /** True when `kind` is `than` or lies under it. */
  isUnder(kind: string, than: string): boolean;
  /** True for arms and military services, false for civilian aid, null for a kind the tree does not know. */
  military(kind: string): boolean | null;
}

/** Civilian kinds that are economic help rather than humanitarian relief. */
const ECONOMIC_KINDS: ReadonlySet<string> = new Set(['money', 'fuel', 'electricity', 'reconstruction']);

/** The kind of help an item kind stands for. */
export function kindContext(tree: KindTree, kind: string): 'military' | 'economic' | 'humanitarian' | null {
  const military = tree.military(kind);
  if (military === null) return null;
  if (military) return 'military';
  return ECONOMIC_KINDS.has(kind) ? 'economic' : 'humanitarian';
}

/** A tree over the kinds of a compiled equipment lexicon; the ancestors of each kind are cached on first use. */
export function kindTree(equipment: Equipment): KindTree {
  const ancestors = new Map<string, ReadonlySet<string>>();
  const chain = (kind: string): ReadonlySet<string> => {
    let set = ancestors.get(kind);
    if (set === undefined) {
      const found = new Set<string>();
      // The bound guards against a cycle written into a user's lexicon.
      for (let k: string | null = kind, n = 0; k !== null && n < 16; n++) {
        found.add(k);
        k = equipment.kinds.get(k)?.parent ?? null;
      }
      set = found;
      ancestors.set(kind, set);
    }
    return set;
  };
  return {
    isUnder: (kind, than) => kind === than || chain(kind).has(than),
    military: (kind) => equipment.kinds.get(kind)?.military ?? null,
  };
}

let bundled: KindTree | null = null;

/** The tree of Dyad's own lexicon/equipment.yaml, built on first use. */
export function defaultKindTree(): KindTree {
  bundled ??= kindTree(defaultEquipment());
  return bundled;
}
