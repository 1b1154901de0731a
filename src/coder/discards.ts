// Coder stage: a token range + the lexicon's discard phrases → whether to skip the sentence or the whole story.
import type { Doc } from '../nlp/doc.js';
import type { CompiledLexicon } from '../lexicon/compiled.js';

/** 'story' when a story-level phrase occurs, 'sentence' for a sentence-level one, else null. */
export function discardScope(doc: Doc, range: { first: number; last: number }, lexicon: CompiledLexicon): 'sentence' | 'story' | null {
  if (lexicon.discards.size === 0) return null;
  let found: 'sentence' | 'story' | null = null;
  for (let i = range.first; i < range.last; i++) {
    const list = lexicon.discards.get(doc.norm[i] ?? '');
    if (list === undefined) continue;
    for (const d of list) {
      let ok = i + d.keys.length <= range.last;
      for (let k = 1; ok && k < d.keys.length; k++) if (doc.norm[i + k] !== d.keys[k]) ok = false;
      if (!ok) continue;
      if (d.scope === 'story') return 'story';
      found = 'sentence';
    }
  }
  return found;
}
