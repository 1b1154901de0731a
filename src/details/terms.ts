// Details: a sentence → the terms of a transfer it states (free, donation, grant, loan, credit, commercial, sale, lease, barter).
import type { CompiledTerms } from '../lexicon/compile-terms.js';
import { defaultTerms } from '../lexicon/load-lexicon.js';
import type { Terms } from '../types/index.js';

/**
 * The terms a sentence states for a transfer, or null: `findTerms("… asked China for the free supply of CH-5 drones")`
 * → `'free'`; `"Beijing wants the deal on commercial terms"` → `'commercial'`; `"sold on credit"` → `'credit'`.
 * A phrase right after a negation ("not", "rather than", "instead of", "refused") does not count.
 * `range` (article offsets, as for findItems) limits the search to part of the sentence, e.g. one clause. The phrases
 * and negations are the lexicon's (terms.yaml): when a sentence states two terms, the one listed first there wins.
 */
export function findTerms(sentenceText: string, sentenceStart = 0, range?: { start: number; end: number }, terms: CompiledTerms = defaultTerms()): Terms | null {
  const from = range === undefined ? 0 : Math.max(0, range.start - sentenceStart);
  const text = range === undefined ? sentenceText : sentenceText.slice(0, Math.max(from, range.end - sentenceStart));
  terms.any.lastIndex = from;
  if (!terms.any.test(text)) return null;
  for (const [term, re] of terms.byTerm) {
    re.lastIndex = from;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (!terms.negated.test(before)) return term;
    }
  }
  return null;
}
