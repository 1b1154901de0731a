// Parse (features): feature templates as data — lists of atom indexes → one tight hashing loop, no per-feature calls.
import { mix } from './hash.js';

/** Templates packed as `[length, atom…]` runs, in template order (a template's position is its hash seed). */
export interface Templates {
  packed: Int16Array;
  count: number;
}

/** Packs template atom lists. */
export function compileTemplates(templates: readonly (readonly number[])[]): Templates {
  const packed: number[] = [];
  for (const atoms of templates) packed.push(atoms.length, ...atoms);
  return { packed: Int16Array.from(packed), count: templates.length };
}

/** Each template's hash seed, so templates with equal values hash apart. */
const SEEDS = Int32Array.from({ length: 256 }, (_, t) => mix(0x2545f491, t * 0x3c6ef372));

/** Hashes every template over `atoms` into buckets of a 2^bits table, written to `feats` from `offset`; returns the new end. */
export function hashTemplates(templates: Templates, atoms: Int32Array, bits: number, feats: Int32Array, offset: number, seedBase = 0): number {
  const { packed, count } = templates;
  const shift = 32 - bits;
  let p = 0;
  for (let t = 0; t < count; t += 1) {
    const len = packed[p++]!;
    let h = SEEDS[seedBase + t]!;
    for (let j = 0; j < len; j += 1) {
      h = Math.imul(h ^ atoms[packed[p++]!]!, 0x9e3779b1);
      h ^= h >>> 15;
    }
    feats[offset + t] = Math.imul(h ^ (h >>> 13), 0x85ebca6b) >>> shift;
  }
  return offset + count;
}

