// Lexicon stage (PETRARCH import): PETRARCH discard list text → DiscardEntry[] (sentence- and story-level phrases).
import type { DiscardEntry, Problem } from '../../types/index.js';
import { dictionaryLines, malformed, phraseWords, type PetrarchParseResult } from './dictionary-lines.js';

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|few|several|many';
/** A bare year, a month and year, or "(N) years/months/weeks/days/decades ago/later/earlier". */
const TIME_EXPRESSION = new RegExp(
  `^(?:(?:(?:${MONTHS}) )?(?:1\\d|20)\\d{2}|(?:(?:\\d+|${NUMBER_WORDS}) )?(?:days|weeks|months|years|decades) (?:ago|later|earlier))$`,
);

/**
 * Parses a discard list: one phrase a line; a leading `+` discards the whole story, otherwise the sentence.
 * Phrases are written in lower case with `_` → space. PETRARCH treats a phrase without a final `_` as a stem
 * ("BASEBALL" also discards "BASEBALLS"); Dyad matches whole words, so that difference is lost. A line holding
 * brackets (a code, as in TABARI's `[###]`) is not a discard phrase and is reported.
 *
 * Time expressions (`1988`, `APRIL 1942`, `YEARS AGO`, `FIFTY YEARS AGO`, `MONTHS LATER`) are read but not kept, and
 * counted in a note: PETRARCH uses them to skip historical background it cannot date, and a year is "the past" only
 * relative to when the list was written (Phoenix's stops at 2013). Dyad dates every event from the sentence's own date
 * expressions (the record's `date`, `dateBasis`), so such a sentence keeps its current events ("Libya offered to hand
 * over the suspects of the 1988 bombing") and its background events carry their own dates.
 */
export function parseDiscards(text: string, file: string): PetrarchParseResult {
  const problems: Problem[] = [];
  const discards: DiscardEntry[] = [];
  const seen = new Set<string>();
  let times = 0;
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
    if (TIME_EXPRESSION.test(phrase)) times++;
    else discards.push({ phrase, scope: story ? 'story' : 'sentence' });
  }
  const notes = times === 0 ? [] : [`${file}: ${times} time expression(s) (years, "years ago", …) not used as discards: Dyad dates each event instead`];
  return { source: { discards }, problems, notes };
}
