// Lexicon: verb-pattern strings (docs/lexicon-format.md, "Pattern syntax") → compiled elements.
import { normalizeWord } from '../nlp/normalize.js';

export type Element =
  | { type: 'word'; words: ReadonlySet<string>; optional: boolean }
  | { type: 'set'; set: string; optional: boolean }
  | { type: 'actor'; role: 'S' | 'T'; optional: boolean }
  | { type: 'gap' };

export interface CompiledPattern {
  /** Elements before the trigger, nearest first (matched right to left). */
  before: Element[];
  /** Elements after the trigger, nearest first. */
  after: Element[];
  code: string;
  /** Number of non-gap elements: the more, the more specific. */
  weight: number;
  hasSource: boolean;
  hasTarget: boolean;
  /** Order in the lexicon, for ties. */
  order: number;
  text: string;
}

/** Compiles one pattern string; throws an Error with a readable message when it is malformed. */
export function compilePattern(text: string, code: string, order: number): CompiledPattern {
  const parts = text.trim().split(/\s+/).filter((p) => p !== '');
  const triggerAt = parts.indexOf('_');
  if (triggerAt < 0) throw new Error(`pattern "${text}" has no "_" for the trigger`);
  if (parts.indexOf('_', triggerAt + 1) >= 0) throw new Error(`pattern "${text}" has more than one "_"`);
  const element = (part: string): Element => {
    if (part === '...') return { type: 'gap' };
    const optional = part.length > 1 && part.endsWith('?');
    const body = optional ? part.slice(0, -1) : part;
    if (body === '$S' || body === '$T') return { type: 'actor', role: body === '$S' ? 'S' : 'T', optional };
    if (body.startsWith('@')) {
      if (body.length < 2) throw new Error(`pattern "${text}": empty set name`);
      return { type: 'set', set: body.slice(1).toLowerCase(), optional };
    }
    if (body.includes('$') || body === '_') throw new Error(`pattern "${text}": unexpected "${part}"`);
    return { type: 'word', words: new Set(body.split('|').filter((w) => w !== '').map(normalizeWord)), optional };
  };
  const before = parts.slice(0, triggerAt).map(element).reverse();
  const after = parts.slice(triggerAt + 1).map(element);
  const all = [...before, ...after];
  const actors = all.filter((e): e is Extract<Element, { type: 'actor' }> => e.type === 'actor');
  return {
    before,
    after,
    code,
    weight: all.filter((e) => e.type !== 'gap').length,
    hasSource: actors.some((a) => a.role === 'S'),
    hasTarget: actors.some((a) => a.role === 'T'),
    order,
    text,
  };
}
