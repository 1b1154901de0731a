// Lexicon stage: LexiconSource → CompiledLexicon (phrase, trigger and set indexes); problems for bad patterns.
import type { LexiconSource, Problem } from '../types/index.js';
import { phraseKeys } from '../nlp/normalize.js';
import type { CompiledLexicon, CompiledVerbEntry, PhraseHit, PhraseIndex, PhraseKind, SetIndex, Trigger } from './compiled.js';
import { compilePattern, type CompiledPattern } from './pattern.js';
import { pluralize } from './plural.js';

/** Short all-caps names ("US", "UN", "IS") match only in capitals. */
function exactSpelling(phrase: string): string[] | null {
  const letters = phrase.replace(/[^A-Za-z]/g, '');
  if (letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase() && !/\s/.test(phrase.trim())) {
    return [phrase.trim()];
  }
  return null;
}

function addPhrase(index: PhraseIndex, phrase: string, kind: PhraseKind, ref: number): void {
  const keys = phraseKeys(phrase);
  const first = keys[0];
  if (first === undefined) return;
  const hit: PhraseHit = { keys, kind, ref, exact: exactSpelling(phrase), needsCapital: /^\p{Lu}/u.test(phrase.trim()) && kind !== 'agent' };
  const list = index.get(first);
  if (list === undefined) index.set(first, [hit]);
  else if (!list.some((h) => h.kind === kind && h.ref === ref && h.keys.join(' ') === hit.keys.join(' '))) list.push(hit);
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

const byKeysDesc = (a: { keys: readonly string[] }, b: { keys: readonly string[] }): number => b.keys.length - a.keys.length;
const byLengthDesc = (a: readonly string[], b: readonly string[]): number => b.length - a.length;

/** Compiles a merged lexicon. Malformed patterns are skipped with a problem each. */
export function compileLexicon(source: LexiconSource): { lexicon: CompiledLexicon; problems: Problem[] } {
  const problems: Problem[] = [];
  const phrases: PhraseIndex = new Map();
  source.countries.forEach((c, i) => {
    for (const n of [c.name, ...c.names]) addPhrase(phrases, n, 'country', i);
    for (const d of c.demonyms) addPhrase(phrases, d, 'demonym', i);
    for (const cap of c.capitals) addPhrase(phrases, cap, 'capital', i);
  });
  source.actors.forEach((a, i) => {
    for (const n of new Set([a.name, ...a.names])) addPhrase(phrases, n, 'actor', i);
  });
  source.agents.forEach((a, i) => {
    for (const w of a.words) {
      addPhrase(phrases, w, 'agent', i);
      addPhrase(phrases, pluralize(w), 'agent', i);
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
  source.verbs.forEach((v, i) => {
    const patterns: CompiledPattern[] = [];
    for (const p of v.patterns) {
      try {
        const compiled = compilePattern(p.pattern, p.code, order++);
        const missing = [...compiled.before, ...compiled.after].find((e) => e.type === 'set' && !sets.has(e.set));
        if (missing !== undefined && missing.type === 'set') throw new Error(`pattern "${p.pattern}" uses unknown set @${missing.set}`);
        patterns.push(compiled);
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
        for (const w of key) byWord.set(w, [...(byWord.get(w) ?? []), p]);
        continue;
      }
      const set = elements.find((e) => e.type === 'set' && !e.optional);
      const setKey = set !== undefined && set.type === 'set' ? set.set : '';
      bySet.set(setKey, [...(bySet.get(setKey) ?? []), p]);
    }
    verbs.push({ id: v.id ?? v.verbs[0] ?? v.nouns[0] ?? `entry-${i}`, code: v.code, patterns, byWord, bySet, file: v.file });
    for (const verb of v.verbs) addTrigger(verbTriggers, verb, entry);
    for (const noun of v.nouns) {
      addTrigger(nounTriggers, noun, entry);
      if (/^[a-z]/i.test(noun) && !/s$/.test(noun)) addTrigger(nounTriggers, pluralize(noun), entry);
    }
  });
  for (const list of [...verbTriggers.values(), ...nounTriggers.values()]) list.sort((a, b) => b.rest.length - a.rest.length);

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
    },
    problems,
  };
}
