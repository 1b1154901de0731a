// Lexicon stage (PETRARCH import): PETRARCH discard list text → DiscardEntry[] (sentence- and story-level phrases).
import type { DiscardEntry, Problem } from '../../types/index.js';
import { dictionaryLines, malformed, phraseWords, type PetrarchParseResult } from './dictionary-lines.js';

/**
 * Parses a discard list: one phrase a line; a leading `+` discards the whole story, otherwise the sentence.
 * Phrases are written in lower case with `_` → space. PETRARCH treats a phrase without a final `_` as a stem
 * ("BASEBALL" also discards "BASEBALLS"); Dyad matches whole words, so that difference is lost. A line holding
 * brackets (a code, as in TABARI's `[###]`) is not a discard phrase and is reported.
 */
export function parseDiscards(text: string, file: string): PetrarchParseResult {
  const problems: Problem[] = [];
  const discards: DiscardEntry[] = [];
  const seen = new Set<string>();
  for (const { line, text: content } of dictionaryLines(text).lines) {
    const story = content.startsWith('+');
    const phrase = phraseWords(story ? content.slice(1) : content).toLowerCase();
    if (phrase === '' || /[[\]{}]/.test(phrase)) {
      problems.push(malformed(file, line, `not a discard phrase: "${content}"`));
      continue;
    }
    const key = `${story ? 'story' : 'sentence'}:${phrase}`;
    if (seen.has(key)) continue;
    seen.add(key);
    discards.push({ phrase, scope: story ? 'story' : 'sentence' });
  }
  return { source: { discards }, problems, notes: [] };
}
