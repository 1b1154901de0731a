// Lexicon: countries and named actors of a lexicon source → name ↔ code lookups for filters and labels ("Turkey" ↔ TUR).
import type { LexiconSource } from '../types/index.js';
import { builtinLexiconDir } from './load-lexicon.js';
import { readLexiconDir } from './read-lexicon-dir.js';

/** Names and codes of the countries and of the actors that have a code of their own (IGOs, groups, parties…). */
export interface ActorNames {
  /** The code a name stands for ("Turkey", "turkey", "Türkiye" → TUR; "African Union" → AU), or null. */
  codeOf(name: string): string | null;
  /** The display name of a code that is one country's or one organisation's own (CHN → China), or null. */
  nameOf(code: string): string | null;
}

/** Folds case, diacritics, curly quotes and runs of spaces, so that names compare as the lexicon matches them. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The lookups of a lexicon source. A name shared by two codes names neither (it would be a guess); people are left
 * out, since a person's code (USAGOV) is their office's, shared with every other holder.
 */
export function actorNames(source: LexiconSource): ActorNames {
  const codes = new Map<string, string | null>();
  const names = new Map<string, string>();
  const add = (name: string, code: string): void => {
    const key = fold(name);
    if (key === '') return;
    const known = codes.get(key);
    codes.set(key, known === undefined || known === code ? code : null);
  };
  for (const country of source.countries) {
    if (!names.has(country.code)) names.set(country.code, country.name);
    for (const name of [country.name, ...country.names]) add(name, country.code);
  }
  for (const actor of source.actors) {
    if (actor.kind === 'person' || actor.code === undefined) continue;
    if (!names.has(actor.code)) names.set(actor.code, actor.name);
    for (const name of [actor.name, ...actor.names]) add(name, actor.code);
  }
  return {
    codeOf: (name) => codes.get(fold(name)) ?? null,
    nameOf: (code) => names.get(code.toUpperCase()) ?? null,
  };
}

let builtin: ActorNames | null = null;

/** The lookups of Dyad's own lexicon (lexicon/), read once. */
export function builtinActorNames(): ActorNames {
  builtin ??= actorNames(readLexiconDir(builtinLexiconDir()).source);
  return builtin;
}

/** What an actor filter value stands for: a code, or a problem saying why it is neither a code nor a known name. */
export type ActorFilterValue = { code: string } | { problem: string };

/**
 * Reads an actor filter value: a name of a country or organisation gives its code ("Turkey" → TUR); a code or code
 * prefix (TUR, IRQGOV, chn) stays as it is. A value with spaces or punctuation that names nothing, or a
 * mixed-case word longer than a code that names nothing ("Turkei"), is a problem rather than a filter matching nothing.
 */
export function readActorFilter(value: string, names: ActorNames = builtinActorNames()): ActorFilterValue {
  if (/^[A-Z0-9_-]+$/.test(value)) return { code: value };
  const code = names.codeOf(value);
  if (code !== null) return { code };
  if (/^[A-Za-z0-9_-]{1,3}$/.test(value) || /^[a-z0-9_-]+$/.test(value)) return { code: value };
  return { problem: `"${value}" is neither an actor code nor the name of a country or organisation in the lexicon` };
}
