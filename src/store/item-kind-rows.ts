// Store: item kinds to record (Store.putLexiconKinds) → the rows both adapters write, and a row read back → the kind.
import type { ItemKind } from '../types/link.js';
import { argumentError } from './argument-error.js';

/** One row of the `lexicon_kinds` table (flags as 0/1, as both databases keep them). */
export interface ItemKindRow {
  kind: string;
  parent: string | null;
  military: number;
  economic: number;
}

/** The rows of item kinds to record, by kind. Throws E602 naming a malformed kind or one given twice. */
export function itemKindRows(kinds: readonly ItemKind[]): ItemKindRow[] {
  const seen = new Set<string>();
  const rows: ItemKindRow[] = [];
  for (const k of kinds) {
    if (typeof k.kind !== 'string' || k.kind === '') throw argumentError('kinds', `"${String(k.kind)}" is not an item kind`);
    if (k.parent !== null && (typeof k.parent !== 'string' || k.parent === '')) throw argumentError('kinds', `kind ${k.kind}: its parent must be a kind or null`);
    if (typeof k.military !== 'boolean' || typeof k.economic !== 'boolean') throw argumentError('kinds', `kind ${k.kind}: military and economic must be true or false`);
    if (seen.has(k.kind)) throw argumentError('kinds', `kind ${k.kind} is given twice`);
    seen.add(k.kind);
    rows.push({ kind: k.kind, parent: k.parent, military: k.military ? 1 : 0, economic: k.economic ? 1 : 0 });
  }
  return rows.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** A stored row as the kind it records. */
export function itemKindOf(row: Record<string, unknown>): ItemKind {
  return { kind: String(row.kind), parent: row.parent === null ? null : String(row.parent), military: Number(row.military) === 1, economic: Number(row.economic) === 1 };
}
