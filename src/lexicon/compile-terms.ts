// Lexicon: the terms.yaml of every lexicon folder, in order → one regular expression per term of a transfer.
import type { Problem, Terms, TermsSource } from '../types/index.js';

const TERMS: ReadonlySet<string> = new Set<Terms>(['free', 'donation', 'grant', 'loan', 'credit', 'commercial', 'sale', 'lease', 'barter']);

/** The terms as findTerms reads them (src/details/terms.ts). */
export interface CompiledTerms {
  /** Each term's phrases as one pattern (flags `gi`), the most specific term first. */
  byTerm: ReadonlyArray<readonly [Terms, RegExp]>;
  /** Every phrase of every term (flags `gi`): one scan tells whether a sentence states any term. */
  any: RegExp;
  /** A negation word, then up to two words, at the end of the text before a phrase ("not free of charge"). */
  negated: RegExp;
}

function isTerm(name: string): name is Terms {
  return TERMS.has(name);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Pools the sources' phrases in order (a later source adds phrases; "!phrase" removes one; the terms keep the order in
 * which they first appear, most specific first) and compiles each term's phrases into a pattern matched from the start
 * to the end of words. An unknown term or a phrase that is no valid regular expression is reported (E301) and left out.
 */
export function compileTerms(sources: readonly TermsSource[]): { terms: CompiledTerms; problems: Problem[] } {
  const problems: Problem[] = [];
  const negations: string[] = [];
  const phrases = new Map<Terms, string[]>();
  for (const source of sources) {
    for (const word of source.negations) {
      if (word.length > 1 && word.startsWith('!')) {
        const at = negations.indexOf(word.slice(1));
        if (at >= 0) negations.splice(at, 1);
      } else if (!negations.includes(word)) negations.push(word);
    }
    for (const [term, list] of Object.entries(source.terms)) {
      if (!isTerm(term)) {
        problems.push({ code: 'E301', input: 'terms', message: `unknown term "${term}" (known: ${[...TERMS].join(', ')})`, stage: 'lexicon' });
        continue;
      }
      const own = phrases.get(term) ?? [];
      phrases.set(term, own);
      for (const phrase of list) {
        if (phrase.length > 1 && phrase.startsWith('!')) {
          const at = own.indexOf(phrase.slice(1));
          if (at >= 0) own.splice(at, 1);
          continue;
        }
        try {
          new RegExp(phrase);
          if (!own.includes(phrase)) own.push(phrase);
        } catch (err) {
          problems.push({ code: 'E301', input: 'terms', message: `${term}: "${phrase}" is no regular expression: ${(err as Error).message}`, stage: 'lexicon' });
        }
      }
    }
  }
  const sourceOf = (list: readonly string[]): string => `\\b(?:${list.map((p) => `(?:${p})`).join('|')})\\b`;
  const used = [...phrases].filter(([, list]) => list.length > 0);
  const byTerm = used.map(([term, list]) => [term, new RegExp(sourceOf(list), 'gi')] as const);
  // a pattern that matches nothing when no term has a phrase
  const any = used.length === 0 ? /(?!)/g : new RegExp(used.map(([, list]) => `(?:${sourceOf(list)})`).join('|'), 'gi');
  const negated = negations.length === 0 ? /(?!)/ : new RegExp(`\\b(?:${negations.map(escape).join('|')})\\s+(?:\\w+\\s+){0,2}$`, 'i');
  return { terms: { byTerm, any, negated }, problems };
}
