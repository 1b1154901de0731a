// Link stage: a lexicon's equipment → the item kinds it adds to Dyad's own (what a store coded with it records), and
// how those differ from the kinds a store recorded: new, lacking, or placed otherwise.
import type { CompiledLexicon } from '../lexicon/compiled.js';
import { defaultEquipment } from '../lexicon/equipment.js';
import type { ItemKind } from '../types/link.js';

/** A kind as linking reads it: its id, parent and flags (an equipment entry's words and models left out). */
function asItemKind(kind: ItemKind): ItemKind {
  return { kind: kind.kind, parent: kind.parent, military: kind.military, economic: kind.economic };
}

function sameKind(a: ItemKind, b: ItemKind): boolean {
  return a.parent === b.parent && a.military === b.military && a.economic === b.economic;
}

const byId = (a: ItemKind, b: ItemKind): number => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);

/**
 * The item kinds of a lexicon's equipment that Dyad's own lacks or defines otherwise (another parent, another flag),
 * by kind: empty for Dyad's own lexicon. A kind's words and models change what the coder finds, not how kinds nest.
 */
export function addedKinds(lexicon: Pick<CompiledLexicon, 'equipment'>): ItemKind[] {
  const own = defaultEquipment().kinds;
  if (lexicon.equipment.kinds === own) return [];
  const added: ItemKind[] = [];
  for (const kind of lexicon.equipment.kinds.values()) {
    const dyads = own.get(kind.kind);
    if (dyads === undefined || !sameKind(dyads, kind)) added.push(asItemKind(kind));
  }
  return added.sort(byId);
}

/** A kind that a store and a lexicon define differently. */
export interface KindConflict {
  kind: string;
  /** As the store was linked with it (Dyad's own definition when the store recorded none). */
  stored: ItemKind;
  /** As the lexicon defines it. */
  lexicon: ItemKind;
}

/** How a lexicon's kinds (Dyad's with `added`) differ from a store's (Dyad's with `recorded`). */
export interface KindDifference {
  /** Kinds both know but define differently: linking by one tree would contradict the events made by the other. */
  conflicts: KindConflict[];
  /** Kinds the lexicon adds that the store's tree lacks: reports stored before were coded without them. */
  added: ItemKind[];
  /** Kinds the store records that the lexicon lacks: reports coded with it name none of them. */
  lacking: ItemKind[];
}

/** Compares the kinds a store records with those a lexicon adds, both over Dyad's own; each list by kind. */
export function compareKinds(recorded: readonly ItemKind[], added: readonly ItemKind[]): KindDifference {
  const own = defaultEquipment().kinds;
  const stored = new Map(recorded.map((k) => [k.kind, k]));
  const lexicon = new Map(added.map((k) => [k.kind, k]));
  const difference: KindDifference = { conflicts: [], added: [], lacking: [] };
  for (const id of [...new Set([...stored.keys(), ...lexicon.keys()])].sort()) {
    const ownKind = own.get(id);
    const inStore = stored.get(id) ?? (ownKind === undefined ? undefined : asItemKind(ownKind));
    const inLexicon = lexicon.get(id) ?? (ownKind === undefined ? undefined : asItemKind(ownKind));
    if (inStore === undefined && inLexicon !== undefined) difference.added.push(inLexicon);
    else if (inLexicon === undefined && inStore !== undefined) difference.lacking.push(inStore);
    else if (inStore !== undefined && inLexicon !== undefined && !sameKind(inStore, inLexicon)) {
      difference.conflicts.push({ kind: id, stored: inStore, lexicon: inLexicon });
    }
  }
  return difference;
}
