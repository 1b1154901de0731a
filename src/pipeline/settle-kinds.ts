// Pipeline: a store about to be coded into + the item kinds the coder's lexicon adds → the kinds recorded in the store
// and the tree its reports are linked by; refused (E500) when the two place a kind differently.
import { recordedKindTree, type KindTree } from '../link/kind-tree.js';
import { compareKinds, type KindConflict } from '../link/lexicon-kinds.js';
import type { Store } from '../store/store.js';
import { DyadError, type ItemKind } from '../types/index.js';

/** A kind as its equipment.yaml line would read: "under drone, military". */
function describe(kind: ItemKind): string {
  return `${kind.parent === null ? 'at the top' : `under ${kind.parent}`}, ${kind.military ? 'military' : kind.economic ? 'economic' : 'civilian'}`;
}

function conflictText(c: KindConflict): string {
  return `${c.kind} (the store: ${describe(c.stored)}; the lexicon: ${describe(c.lexicon)})`;
}

const names = (kinds: readonly ItemKind[]): string => kinds.map((k) => k.kind).join(', ');

function conflictError(store: Store, conflicts: readonly KindConflict[]): DyadError {
  return new DyadError('E500', store.location, `this lexicon defines item kinds otherwise than the store's reports were coded and linked with: `
    + `${conflicts.map(conflictText).join('; ')}. Pass the --lexicon the store was coded with, or use a new store`);
}

/**
 * Throws the E500 `settleKinds` would throw for a lexicon adding `added`, writing nothing and taking no lock: a
 * server that will code posted articles checks its lexicon against the store when it starts.
 */
export async function checkKinds(store: Store, added: readonly ItemKind[]): Promise<void> {
  const { conflicts } = compareKinds(await store.lexiconKinds(), added);
  if (conflicts.length > 0 && (await holdsReports(store))) throw conflictError(store, conflicts);
}

/** True when the store holds at least one report. */
async function holdsReports(store: Store): Promise<boolean> {
  return (await store.queryEvents({}, { limit: 1 })).events.length > 0;
}

/**
 * Settles which item kinds a writer that codes with a lexicon adding `added` to Dyad's kinds (`addedKinds`) links a
 * store's reports by, and records them in the store, so that every later reader links by the same tree:
 *  - a store with no report yet takes the lexicon's kinds;
 *  - a kind the store records (or, recording none, Dyad's own) that the lexicon defines otherwise (parent, military,
 *    economic) is refused with E500, before anything is written: events made by one tree and linked by another
 *    would contradict each other;
 *  - kinds the lexicon adds are recorded beside the store's (`onWarning`: the reports stored before were coded
 *    without them), and kinds the store records that the lexicon lacks are kept (`onWarning`: reports coded now name
 *    none of them; pass the `--lexicon` the store was coded with).
 * Returns the tree to link by. Call it holding the store's writer lock, before coding into the store.
 */
export async function settleKinds(store: Store, added: readonly ItemKind[], onWarning?: (message: string) => void): Promise<KindTree> {
  const recorded = await store.lexiconKinds();
  if (!(await holdsReports(store))) {
    if (JSON.stringify(recorded) !== JSON.stringify(added)) await store.putLexiconKinds(added);
    return recordedKindTree(added);
  }
  const difference = compareKinds(recorded, added);
  if (difference.conflicts.length > 0) throw conflictError(store, difference.conflicts);
  if (difference.lacking.length > 0) {
    onWarning?.(`the store was coded with item kinds this lexicon lacks (${names(difference.lacking)}): articles coded now name none of them, `
      + 'though events are linked by them; pass the --lexicon the store was coded with');
  }
  if (difference.added.length === 0) return recordedKindTree(recorded);
  const kinds = [...recorded, ...difference.added].sort((a, b) => (a.kind < b.kind ? -1 : 1));
  await store.putLexiconKinds(kinds);
  onWarning?.(`item kinds new to the store are recorded (${names(difference.added)}, from a --lexicon folder's equipment.yaml): `
    + 'the reports stored before were coded without them');
  return recordedKindTree(kinds);
}
