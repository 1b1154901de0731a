// Lexicon stage: LexiconSource + equipment → CompiledLexicon (phrase, trigger and set indexes, word lists); problems for bad patterns.
import type { LexiconSource, Problem } from '../types/index.js';
import { phraseKeys } from '../nlp/normalize.js';
import type { CompiledLexicon, CompiledVerbEntry, PhraseHit, PhraseIndex, PhraseKind, SetIndex, Trigger } from './compiled.js';
import type { Equipment } from './equipment.js';
import { compilePattern, type CompiledPattern } from './pattern.js';
import { pluralize } from './plural.js';
import { compileTerms } from './compile-terms.js';
import { compileWordLists } from './word-lists.js';

/** Short all-caps names ("US", "UN", "IS") match only in capitals. */
function exactSpelling(phrase: string): string[] | null {
  const letters = phrase.replace(/[^A-Za-z]/g, '');
  if (letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase() && !/\s/.test(phrase.trim())) {
    return [phrase.trim()];
  }
  return null;
}

/** `seen` holds `kind ref keys` of the hits added so far: one entry's phrase is indexed once. */
function addPhrase(index: PhraseIndex, seen: Set<string>, phrase: string, kind: PhraseKind, ref: number): void {
  const keys = phraseKeys(phrase);
  const first = keys[0];
  if (first === undefined) return;
  const id = `${kind} ${ref} ${keys.join(' ')}`;
  if (seen.has(id)) return;
  seen.add(id);
  const hit: PhraseHit = { keys, kind, ref, exact: exactSpelling(phrase), needsCapital: /^\p{Lu}/u.test(phrase.trim()) && kind !== 'agent' };
  const list = index.get(first);
  if (list === undefined) index.set(first, [hit]);
  else list.push(hit);
}

function addTrigger(index: Map<string, Trigger[]>, phrase: string, entry: number): void {
  const keys = phraseKeys(phrase);
  const first = keys[0];
  if (first === undefined) return;
  const list = index.get(first) ?? [];
  list.push({ entry, rest: keys.slice(1) });
  index.set(first, list);
}

function addSetPhrase(index: SetIndex, phrase: string): void {
  const keys = phraseKeys(phrase);
  const first = keys[0];
  if (first === undefined) return;
  const list = index.get(first) ?? [];
  if (!list.some((k) => k.join(' ') === keys.join(' '))) list.push(keys);
  index.set(first, list);
}

function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [item]);
  else list.push(item);
}

const byKeysDesc = (a: { keys: readonly string[] }, b: { keys: readonly string[] }): number => b.keys.length - a.keys.length;
const byLengthDesc = (a: readonly string[], b: readonly string[]): number => b.length - a.length;

/** Compiles a merged lexicon. Malformed patterns are skipped with a problem each. */
export function compileLexicon(source: LexiconSource, equipment: Equipment): { lexicon: CompiledLexicon; problems: Problem[] } {
  const problems: Problem[] = [];
  const wordLists = compileWordLists(source.words ?? []);
  problems.push(...wordLists.problems);
  const terms = compileTerms(source.terms ?? []);
  problems.push(...terms.problems);
  const phrases: PhraseIndex = new Map();
  const seen = new Set<string>();
  source.countries.forEach((c, i) => {
    for (const n of [c.name, ...c.names]) addPhrase(phrases, seen, n, 'country', i);
    for (const d of c.demonyms) addPhrase(phrases, seen, d, 'demonym', i);
    for (const cap of c.capitals) addPhrase(phrases, seen, cap, 'capital', i);
  });
  source.actors.forEach((a, i) => {
    for (const n of new Set([a.name, ...a.names])) addPhrase(phrases, seen, n, 'actor', i);
  });
  source.agents.forEach((a, i) => {
    for (const w of a.words) {
      addPhrase(phrases, seen, w, 'agent', i);
      addPhrase(phrases, seen, pluralize(w), 'agent', i);
    }
  });
  for (const list of phrases.values()) list.sort(byKeysDesc);

  const sets = new Map<string, SetIndex>();
  for (const s of source.sets) {
    const index: SetIndex = sets.get(s.name.toLowerCase()) ?? new Map();
    for (const w of s.words) {
      addSetPhrase(index, w);
      if (/^[a-z]/.test(w)) addSetPhrase(index, pluralize(w));
    }
    sets.set(s.name.toLowerCase(), index);
  }
  for (const index of sets.values()) for (const list of index.values()) list.sort(byLengthDesc);
  const setsByFirstWord = new Map<string, string[]>();
  for (const [name, index] of sets) for (const first of index.keys()) setsByFirstWord.set(first, [...(setsByFirstWord.get(first) ?? []), name]);

  const verbs: CompiledVerbEntry[] = [];
  const verbTriggers = new Map<string, Trigger[]>();
  const nounTriggers = new Map<string, Trigger[]>();
  let order = 0;
  const parsedPatterns = new Map<string, CompiledPattern>();
  source.verbs.forEach((v, i) => {
    const patterns: CompiledPattern[] = [];
    for (const p of v.patterns) {
      try {
        // entries from one PETRARCH block share its patterns: each pattern text is parsed once, numbered per use
        const key = `${p.code} ${p.pattern}`;
        let parsed = parsedPatterns.get(key);
        if (parsed === undefined) {
          parsed = compilePattern(p.pattern, p.code, 0);
          const missing = [...parsed.before, ...parsed.after].find((e) => e.type === 'set' && !sets.has(e.set));
          if (missing !== undefined && missing.type === 'set') throw new Error(`pattern "${p.pattern}" uses unknown set @${missing.set}`);
          parsedPatterns.set(key, parsed);
        }
        patterns.push({ ...parsed, order: order++ });
      } catch (err) {
        problems.push({ code: 'E301', input: v.file ?? 'lexicon', message: `verb entry ${v.id ?? v.verbs[0] ?? i}: ${(err as Error).message}`, stage: 'lexicon' });
      }
    }
    const entry = verbs.length;
    patterns.sort((a, b) => b.weight - a.weight || a.order - b.order);
    const byWord = new Map<string, CompiledPattern[]>();
    const bySet = new Map<string, CompiledPattern[]>();
    for (const p of patterns) {
      const elements = [...p.before, ...p.after];
      // key by the required word element with the fewest alternatives: the most selective
      let key: readonly string[] | null = null;
      for (const e of elements) if (e.type === 'word' && !e.optional && (key === null || e.words.size < key.length)) key = [...e.words];
      if (key !== null) {
        for (const w of key) pushTo(byWord, w, p);
        continue;
      }
      const set = elements.find((e) => e.type === 'set' && !e.optional);
      pushTo(bySet, set !== undefined && set.type === 'set' ? set.set : '', p);
    }
    verbs.push({ id: v.id ?? v.verbs[0] ?? v.nouns[0] ?? `entry-${i}`, code: v.code, patterns, byWord, bySet, file: v.file, translated: v.translated === true });
    for (const verb of v.verbs) addTrigger(verbTriggers, verb, entry);
    for (const noun of v.nouns) {
      addTrigger(nounTriggers, noun, entry);
      if (/^[a-z]/i.test(noun) && !/s$/.test(noun)) addTrigger(nounTriggers, pluralize(noun), entry);
    }
  });
  // a token takes the first trigger listed that matches: native entries before translated ones, then the longest phrase
  const translated = (t: Trigger): number => (verbs[t.entry]?.translated === true ? 1 : 0);
  for (const list of [...verbTriggers.values(), ...nounTriggers.values()]) list.sort((a, b) => translated(a) - translated(b) || b.rest.length - a.rest.length);

  const discards = new Map<string, Array<{ keys: readonly string[]; scope: 'sentence' | 'story' }>>();
  for (const d of source.discards) {
    const keys = phraseKeys(d.phrase);
    const first = keys[0];
    if (first === undefined) continue;
    const list = discards.get(first) ?? [];
    list.push({ keys, scope: d.scope });
    discards.set(first, list);
  }

  const frames = source.frames ?? [];
  const frameTriggers = new Map<string, Array<{ frame: number; rest: readonly string[] }>>();
  frames.forEach((f, i) => {
    for (const verb of f.verbs) {
      const keys = phraseKeys(verb);
      const first = keys[0];
      if (first === undefined) continue;
      const list = frameTriggers.get(first) ?? [];
      list.push({ frame: i, rest: keys.slice(1) });
      frameTriggers.set(first, list);
    }
  });
  // Verbs that embed a whole clause ("denied that …", "rejected claims that …"): see find-denials.ts.
  const clauseTriggers = new Map<string, Array<{ frame: number; rest: readonly string[]; claimOnly: boolean }>>();
  const claimNouns = new Map<string, number[]>();
  frames.forEach((f, i) => {
    const claims = f.claims ?? [];
    const verbs: Array<[string, boolean]> = [];
    if (f.clause === true || claims.length > 0) for (const v of f.verbs) verbs.push([v, f.clause !== true]);
    if (claims.length > 0) for (const v of f.claimVerbs ?? []) verbs.push([v, true]);
    for (const [verb, claimOnly] of verbs) {
      const keys = phraseKeys(verb);
      const first = keys[0];
      if (first === undefined) continue;
      const list = clauseTriggers.get(first) ?? [];
      list.push({ frame: i, rest: keys.slice(1), claimOnly });
      clauseTriggers.set(first, list);
    }
    for (const noun of claims) {
      const key = phraseKeys(noun)[0];
      if (key !== undefined) claimNouns.set(key, [...(claimNouns.get(key) ?? []), i]);
    }
  });

  return {
    lexicon: {
      countries: source.countries,
      actors: source.actors,
      agents: source.agents,
      phrases,
      verbs,
      verbTriggers,
      nounTriggers,
      sets,
      setsByFirstWord,
      cameo: new Map(source.cameo.map((c) => [c.code, c])),
      discards,
      frames,
      frameTriggers,
      clauseTriggers,
      claimNouns,
      wordLists: wordLists.words,
      equipment,
      terms: terms.terms,
    },
    problems,
  };
}
