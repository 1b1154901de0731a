// Lexicon stage (PETRARCH import): one PETRARCH/TABARI verb pattern (`- $ * (TO {BANNED PARTIES}) [1722]`) → a Dyad pattern.

/** A translated pattern, or why it could not be translated. */
export type PatternTranslation = { pattern: string; compound: boolean } | { error: string };

/** The synsets defined so far, by upper-case name without `&` (a Set or a Map will do). */
export interface SetNames {
  has(name: string): boolean;
}

const WORD = /^[A-Za-z0-9][A-Za-z0-9'.,-]*$|^[A-Za-z]*'[A-Za-z]+$/;

/**
 * Translates the body of a pattern line (between the `-` and the `[code]`) into Dyad's pattern syntax.
 *
 * - `*` (the verb) → `_`; `$` (source) → `$S`; `+` (target) → `$T`; `%` (compound actor) → `$S` (`compound` is set:
 *   Dyad reads the list of actors but not PETRARCH's "each with each" pairing); `&SET` → `@set`; words → lower case.
 * - Adjacency: words joined by `_` (TABARI's connector: `IN_*`, `*_OUT`, `NEW_&TIETYPES_RELATIONS`) and the words of a
 *   `{noun phrase}` (modifiers then head, as written) must be consecutive. Everything written apart — blank-separated
 *   elements, `(PREP NOUN)` groups (a preposition, then its noun phrase), the verb and its neighbours — is separated by
 *   a `...` gap, because PETRARCH allows other words there (determiners, adjectives, objects).
 * - `^` (skip a noun phrase) → a gap; parentheses only group, they add no element.
 * - `A/B` (alternatives, as in `(BY/WITH SANCTIONS)`) → `a|b`.
 *
 * `sets` holds the synsets defined so far (upper case, no `&`): a pattern naming an undefined synset is an error,
 * as PETRARCH ignores such patterns.
 */
export function translatePattern(body: string, sets: SetNames): PatternTranslation {
  const units: string[][] = [];
  let brace: string[] | null = null;
  let verbs = 0;
  let sources = 0;
  let targets = 0;
  let compound = false;

  for (const token of body.match(/[(){}]|[^\s(){}]+/g) ?? []) {
    if (token === '(' || token === ')') continue;
    if (token === '{') {
      if (brace !== null) return { error: 'nested "{"' };
      brace = [];
      continue;
    }
    if (token === '}') {
      if (brace === null) return { error: 'unmatched "}"' };
      if (brace.length > 0) units.push(brace);
      brace = null;
      continue;
    }
    const pieces = splitConnected(token, sets);
    if (typeof pieces === 'string') return { error: pieces };
    let unit: string[] = brace ?? [];
    for (const piece of pieces) {
      let element: string;
      if (piece === '^') {
        // A skipped noun phrase: close the unit so that a gap follows.
        if (brace === null && unit.length > 0) units.push(unit);
        unit = brace ?? [];
        continue;
      }
      if (piece === '*') {
        verbs++;
        element = '_';
      } else if (piece === '$' || piece === '%') {
        sources++;
        compound ||= piece === '%';
        element = '$S';
      } else if (piece === '+') {
        targets++;
        element = '$T';
      } else if (piece.startsWith('&')) element = `@${piece.slice(1).toLowerCase()}`;
      else if (WORD.test(piece)) element = piece.toLowerCase();
      else if (piece.split('/').every((alt) => WORD.test(alt))) element = piece.toLowerCase().split('/').join('|');
      else return { error: `unexpected "${piece}"` };
      unit.push(element);
    }
    if (brace === null && unit.length > 0) units.push(unit);
  }
  if (brace !== null) return { error: 'unclosed "{"' };
  if (verbs !== 1) return { error: verbs === 0 ? 'no "*" (verb) in the pattern' : 'more than one "*" in the pattern' };
  if (sources > 1 || targets > 1) return { error: 'more than one source ($, %) or target (+) marker' };
  return { pattern: units.map((unit) => unit.join(' ')).join(' ... '), compound };
}

/**
 * Splits a blank-free token on `_` into elements that must be consecutive. A synset name may itself contain `_`
 * (`&FIGHT_GAMES`): after `&` the longest run of pieces that names a defined set is taken. Empty pieces (a final `_`,
 * TABARI's "whole word" mark) are dropped.
 */
function splitConnected(token: string, sets: SetNames): string[] | string {
  const parts = token.split('_');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (part === '') continue;
    if (!part.startsWith('&')) {
      out.push(...splitMarkers(part));
      continue;
    }
    let name = part.slice(1).toUpperCase();
    let found = sets.has(name) ? i : -1;
    for (let j = i + 1; j < parts.length; j++) {
      name += `_${(parts[j] ?? '').toUpperCase()}`;
      if (sets.has(name)) found = j;
    }
    if (found < 0) return `undefined synset ${part}`;
    out.push(`&${parts.slice(i, found + 1).join('_').slice(1).toUpperCase()}`);
    i = found;
  }
  return out;
}

/** `*`, `$`, `+`, `%`, `^` written against a word without `_` (`*OUT` never occurs, but `$` and `+` may) split off. */
function splitMarkers(part: string): string[] {
  if (part.length === 1 || !/[*$+%^]/.test(part)) return [part];
  return part.split(/([*$+%^])/).filter((p) => p !== '');
}
