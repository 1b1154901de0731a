// NLP: part-of-speech tags as small integers, so token arrays stay packed (Uint8Array).

/** Universal POS tags, in the order of their numeric ids. */
export const POS_TAGS = ['X', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'SPACE'] as const;
export type PosTag = (typeof POS_TAGS)[number];

export const POS = Object.fromEntries(POS_TAGS.map((tag, i) => [tag, i])) as { readonly [K in PosTag]: number };

/** Numeric id of a POS tag name; unknown names map to X. */
export function posId(tag: string): number {
  const id = (POS as Record<string, number | undefined>)[tag];
  return id ?? POS.X;
}
