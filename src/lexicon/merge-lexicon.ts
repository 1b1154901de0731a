// Lexicon stage: several LexiconSources → one; a later source wins where its entries truly conflict with earlier ones.
import type { ActorEntry, AgentEntry, CountryEntry, LexiconSource, VerbEntry } from '../types/index.js';
import { phraseKeys } from '../nlp/normalize.js';

function mergeBy<T>(base: T[], extra: T[], key: (item: T) => string): T[] {
  const index = new Map<string, number>();
  const out = [...base];
  out.forEach((item, i) => index.set(key(item), i));
  for (const item of extra) {
    const k = key(item);
    const at = index.get(k);
    if (at === undefined) {
      index.set(k, out.length);
      out.push(item);
    } else out[at] = item;
  }
  return out;
}

/** Countries with the same code pool their names, demonyms and capitals; the later name and dates win. */
function mergeCountries(base: CountryEntry[], extra: CountryEntry[]): CountryEntry[] {
  const out = [...base];
  const index = new Map(out.map((c, i) => [c.code, i]));
  const union = (a: string[], b: string[]): string[] => [...new Set([...a, ...b])];
  for (const c of extra) {
    const at = index.get(c.code);
    if (at === undefined) {
      index.set(c.code, out.length);
      out.push(c);
      continue;
    }
    const old = out[at] as CountryEntry;
    out[at] = { ...old, ...c, names: union(old.names, c.names), demonyms: union(old.demonyms, c.demonyms), capitals: union(old.capitals, c.capitals) };
  }
  return out;
}

// ---- actor phrases: countries' names, demonyms and capitals, actors' names, agents' words ----

/** What a phrase stands for: two phrases with equal meanings do not conflict. */
type Meaning =
  | { kind: 'country'; code: string }
  | { kind: 'actor'; code: string | undefined; roles: string }
  | { kind: 'agent'; sector: string; country: string | undefined };

/** Where an earlier source uses a phrase, and what it means there. */
interface Owner {
  list: 'countries' | 'actors' | 'agents';
  index: number;
  meaning: Meaning;
}

const phraseKey = (phrase: string): string => phraseKeys(phrase).join(' ');
const rolesKey = (a: ActorEntry): string => (a.roles === undefined || a.roles.length === 0 ? '' : JSON.stringify(a.roles.map((r) => [r.code, r.from ?? '', r.until ?? ''])));

/** Same meaning: the same agent sector (and country), or the same code with the same dated roles (a country has none). */
function sameMeaning(a: Meaning, b: Meaning): boolean {
  if (a.kind === 'agent' || b.kind === 'agent') return a.kind === 'agent' && b.kind === 'agent' && a.sector === b.sector && a.country === b.country;
  const roles = (m: Meaning): string => (m.kind === 'actor' ? m.roles : '');
  return a.code === b.code && roles(a) === roles(b);
}

/** A phrase's first word as its first matching key would be, when that is plain to see (letters, digits, `-`, `.`). */
function plainFirstWord(phrase: string): string | null {
  const space = phrase.indexOf(' ');
  const word = (space < 0 ? phrase : phrase.slice(0, space)).toLowerCase();
  return /^[a-z0-9][a-z0-9.-]*$/.test(word) ? word : null;
}

/** The earlier sources' actor phrases by matching key, and the first keys they start with (a quick way to miss). */
class PhraseOwners {
  readonly byKey = new Map<string, Owner[]>();
  readonly firstKeys = new Set<string>();

  constructor(source: Pick<LexiconSource, 'countries' | 'actors' | 'agents'>) {
    source.countries.forEach((c, index) => {
      const meaning: Meaning = { kind: 'country', code: c.code };
      for (const p of new Set([c.name, ...c.names, ...c.demonyms, ...c.capitals])) this.add(p, { list: 'countries', index, meaning });
    });
    source.actors.forEach((a, index) => {
      const meaning: Meaning = { kind: 'actor', code: a.code, roles: rolesKey(a) };
      for (const p of new Set([a.name, ...a.names])) this.add(p, { list: 'actors', index, meaning });
    });
    source.agents.forEach((a, index) => {
      const meaning: Meaning = { kind: 'agent', sector: a.sector, country: a.country };
      for (const w of a.words) this.add(w, { list: 'agents', index, meaning });
    });
  }

  private add(phrase: string, owner: Owner): void {
    const keys = phraseKeys(phrase);
    if (keys[0] === undefined) return;
    this.firstKeys.add(keys[0]);
    const key = keys.join(' ');
    const list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, [owner]);
    else list.push(owner);
  }

  /** The earlier owners of a phrase (none for most phrases of a large dictionary: checked by first word first). */
  find(phrase: string): { key: string; owners: Owner[] } | null {
    const first = plainFirstWord(phrase);
    if (first !== null && !this.firstKeys.has(first)) return null;
    const key = phraseKey(phrase);
    const owners = this.byKey.get(key);
    return owners === undefined ? null : { key, owners };
  }
}

/** An entry without the phrases whose keys are in `drop`; its display name becomes its first remaining name. */
function withoutPhrases<T extends { name: string; names: string[] }>(entry: T, drop: Set<string>): T | null {
  const names = entry.names.filter((p) => !drop.has(phraseKey(p)));
  const name = drop.has(phraseKey(entry.name)) ? names[0] : entry.name;
  return name === undefined ? null : { ...entry, name, names };
}

/**
 * Resolves the actor-phrase conflicts between what is merged so far (`earlier`) and the next source (`later`).
 * A phrase conflicts when both use it (same matching keys) as a name (of a country or an actor) with another code or
 * other dated roles, or both as a role word (agent) with another sector. The later source wins: the phrase is taken
 * out of the earlier entries. A phrase both use with the same meaning is no conflict: the earlier entry keeps it, with
 * its own reading (a capital stands for the government, a demonym is a nationality), and the later drops it. Nor is a
 * name in one source and a role word in the other: the coder reads such a phrase as the name, and both are kept.
 * (A country keeps its display name even when another source takes it: the name is still matched, a known limit.)
 */
function resolvePhrases(earlier: LexiconSource, later: LexiconSource): { earlier: LexiconSource; later: LexiconSource } {
  if (earlier.countries.length + earlier.actors.length + earlier.agents.length === 0) return { earlier, later };
  const owners = new PhraseOwners(earlier);
  const taken = { countries: new Map<number, Set<string>>(), actors: new Map<number, Set<string>>(), agents: new Map<number, Set<string>>() };
  /** The key of a phrase the later source must drop (same meaning as an earlier one), else null; records what the earlier entries lose. */
  const dropped = (phrase: string, meaning: Meaning): string | null => {
    const found = owners.find(phrase);
    if (found === null) return null;
    // a role word and a name are different kinds of reading: the coder arbitrates between them (a name first)
    const rivals = found.owners.filter((o) => (o.meaning.kind === 'agent') === (meaning.kind === 'agent'));
    if (rivals.some((o) => sameMeaning(o.meaning, meaning))) return found.key;
    for (const o of rivals) {
      const lost = taken[o.list].get(o.index) ?? new Set<string>();
      lost.add(found.key);
      taken[o.list].set(o.index, lost);
    }
    return null;
  };

  const countries: CountryEntry[] = later.countries.map((c) => {
    const meaning: Meaning = { kind: 'country', code: c.code };
    const keep = (p: string): boolean => dropped(p, meaning) === null;
    return { ...c, names: c.names.filter(keep), demonyms: c.demonyms.filter(keep), capitals: c.capitals.filter(keep) };
  });
  const actors: ActorEntry[] = [];
  for (const a of later.actors) {
    const meaning: Meaning = { kind: 'actor', code: a.code, roles: rolesKey(a) };
    let drop: Set<string> | null = null;
    for (const p of a.name === a.names[0] ? a.names : [a.name, ...a.names]) {
      const key = dropped(p, meaning);
      if (key !== null) (drop ??= new Set()).add(key);
    }
    const entry = drop === null ? a : withoutPhrases(a, drop);
    if (entry !== null) actors.push(entry);
  }
  const agents: AgentEntry[] = [];
  for (const a of later.agents) {
    const meaning: Meaning = { kind: 'agent', sector: a.sector, country: a.country };
    const words = a.words.filter((w) => dropped(w, meaning) === null);
    if (words.length > 0) agents.push(words.length === a.words.length ? a : { ...a, words });
  }

  const updated: LexiconSource = { ...earlier };
  if (taken.countries.size > 0) {
    updated.countries = earlier.countries.map((c, i) => {
      const drop = taken.countries.get(i);
      if (drop === undefined) return c;
      const keep = (p: string): boolean => !drop.has(phraseKey(p));
      return { ...c, names: c.names.filter(keep), demonyms: c.demonyms.filter(keep), capitals: c.capitals.filter(keep) };
    });
  }
  if (taken.actors.size > 0) {
    updated.actors = [];
    earlier.actors.forEach((a, i) => {
      const drop = taken.actors.get(i);
      const entry = drop === undefined ? a : withoutPhrases(a, drop);
      if (entry !== null) updated.actors.push(entry);
    });
  }
  if (taken.agents.size > 0) {
    updated.agents = [];
    earlier.agents.forEach((a, i) => {
      const drop = taken.agents.get(i);
      const words = drop === undefined ? a.words : a.words.filter((w) => !drop.has(phraseKey(w)));
      if (words.length > 0) updated.agents.push(words === a.words ? a : { ...a, words });
    });
  }
  return { earlier: updated, later: { ...later, countries, actors, agents } };
}

// ---- verb triggers ----

/**
 * Resolves trigger conflicts between the native verb entries merged so far and the next source's native entries.
 * When a later entry and an earlier one share a trigger phrase (a verb or an event noun, same matching keys), that
 * phrase gets one combined entry holding the later entry's patterns, then the earlier one's, and the later entry's
 * default code, else the earlier one's. The coder tries the most specific pattern first and, between equally specific
 * ones, the first listed: so the later source wins where both have a pattern that matches equally well, or both give
 * the bare trigger a code (a true conflict), while an earlier, more specific pattern still refines it, and a later entry
 * with no pattern that matches and no default code hides nothing. The shared phrases leave both original entries.
 * Translated entries (PETRARCH) never combine: they are listed after the native ones, which decide shared triggers.
 */
function combineTriggers(earlier: VerbEntry[], later: VerbEntry[]): { earlier: VerbEntry[]; later: VerbEntry[]; combined: VerbEntry[] } {
  if (earlier.length === 0) return { earlier, later, combined: [] };
  const verbOwner = new Map<string, number>();
  const nounOwner = new Map<string, number>();
  earlier.forEach((e, i) => {
    for (const v of e.verbs) if (!verbOwner.has(phraseKey(v))) verbOwner.set(phraseKey(v), i);
    for (const n of e.nouns) if (!nounOwner.has(phraseKey(n))) nounOwner.set(phraseKey(n), i);
  });
  const lost = new Map<number, Set<string>>();
  const combined = new Map<string, VerbEntry>();
  const out: VerbEntry[] = [];
  for (const [index, v] of later.entries()) {
    const own = { verbs: [] as string[], nouns: [] as string[] };
    for (const kind of ['verbs', 'nouns'] as const) {
      const owners = kind === 'verbs' ? verbOwner : nounOwner;
      for (const phrase of v[kind]) {
        const key = phraseKey(phrase);
        const at = owners.get(key);
        if (at === undefined) {
          own[kind].push(phrase);
          continue;
        }
        const e = earlier[at] as VerbEntry;
        const pair = `${at}:${index}`;
        let entry = combined.get(pair);
        if (entry === undefined) {
          entry = { id: `${v.id ?? v.verbs[0] ?? v.nouns[0] ?? 'entry'}+${e.id ?? e.verbs[0] ?? e.nouns[0] ?? 'entry'}`, verbs: [], nouns: [], code: v.code ?? e.code, patterns: [...v.patterns, ...e.patterns] };
          if (v.file !== undefined) entry.file = v.file;
          combined.set(pair, entry);
        }
        entry[kind].push(phrase);
        const gone = lost.get(at) ?? new Set<string>();
        gone.add(`${kind}:${key}`);
        lost.set(at, gone);
      }
    }
    if (own.verbs.length === v.verbs.length && own.nouns.length === v.nouns.length) out.push(v);
    else if (own.verbs.length + own.nouns.length > 0) out.push({ ...v, verbs: own.verbs, nouns: own.nouns });
  }
  const kept: VerbEntry[] = [];
  earlier.forEach((e, i) => {
    const gone = lost.get(i);
    if (gone === undefined) return kept.push(e);
    const verbs = e.verbs.filter((p) => !gone.has(`verbs:${phraseKey(p)}`));
    const nouns = e.nouns.filter((p) => !gone.has(`nouns:${phraseKey(p)}`));
    if (verbs.length + nouns.length > 0) kept.push({ ...e, verbs, nouns });
    return undefined;
  });
  return { earlier: kept, later: out, combined: [...combined.values()] };
}

/**
 * Merges lexicon sources in order; a later source wins where it truly conflicts with an earlier one:
 * - countries with one code pool their names; actors with the same kind and name, verb entries with the same id, sets
 *   with the same name, CAMEO codes, discard phrases and frame ids: the later entry replaces the earlier one;
 * - word lists (words.yaml) and terms (terms.yaml) are pooled in order: a later source adds words or phrases, or
 *   removes them with "!word";
 * - actor phrases (country names, demonyms and capitals, actor names, agent words) used by both with different
 *   meanings go to the later source; used with the same meaning, the earlier reading stays (see resolvePhrases);
 * - verb triggers shared by native entries of both: one combined entry, the later source's patterns and default first
 *   (combineTriggers); translated (PETRARCH) entries are listed after every native one: a native entry decides the
 *   triggers it knows, a translated one codes the rest.
 */
export function mergeLexicon(sources: LexiconSource[]): LexiconSource {
  let out: LexiconSource = { countries: [], actors: [], agents: [], verbs: [], sets: [], cameo: [], discards: [], frames: [], words: [], terms: [] };
  for (const source of sources) {
    const resolved = resolvePhrases(out, source);
    out = resolved.earlier;
    const s = resolved.later;
    out.countries = mergeCountries(out.countries, s.countries);
    out.actors = mergeBy(out.actors, s.actors, (a) => `${a.kind}:${a.name.toLowerCase()}`);
    out.agents = [...out.agents, ...s.agents];
    const replaced = mergeBy(out.verbs, s.verbs.filter((v) => v.id !== undefined), (v) => v.id ?? '');
    const ids = new Set(out.verbs.map((v) => v.id));
    const fresh = s.verbs.filter((v) => v.id === undefined || !ids.has(v.id));
    const freshSet = new Set(fresh);
    const earlierVerbs = replaced.filter((v) => !freshSet.has(v));
    const native = (v: VerbEntry): boolean => v.translated !== true;
    const triggers = combineTriggers(earlierVerbs.filter(native), fresh.filter(native));
    // translated entries come last: a trigger takes the first entry listed for it (find-triggers)
    out.verbs = [...triggers.earlier, ...triggers.combined, ...triggers.later, ...earlierVerbs.filter((v) => !native(v)), ...fresh.filter((v) => !native(v))];
    out.sets = mergeBy(out.sets, s.sets, (w) => w.name);
    out.cameo = mergeBy(out.cameo, s.cameo, (c) => c.code);
    out.discards = mergeBy(out.discards, s.discards, (d) => d.phrase.toLowerCase());
    out.frames = mergeBy(out.frames ?? [], s.frames ?? [], (f) => f.id);
    // word lists are not replaced but pooled in order: compiling adds each source's words and removes its "!words"
    out.words = [...(out.words ?? []), ...(s.words ?? [])];
    out.terms = [...(out.terms ?? []), ...(s.terms ?? [])];
  }
  return out;
}
