// Lexicon stage: several LexiconSources → one; a later source wins where entries clash.
import type { CountryEntry, LexiconSource } from '../types/index.js';

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

/**
 * Merges lexicon sources in order. Countries with one code pool their names. Other clashes (same actor name, agent sector+words, verb id or
 * trigger set, set name, CAMEO code, discard phrase, frame id) resolve to the later source.
 * Verb entries without an id are appended: their patterns add to the earlier ones, and where two patterns are
 * identical the later one wins at compile time.
 */
export function mergeLexicon(sources: LexiconSource[]): LexiconSource {
  const out: LexiconSource = { countries: [], actors: [], agents: [], verbs: [], sets: [], cameo: [], discards: [], frames: [] };
  for (const s of sources) {
    out.countries = mergeCountries(out.countries, s.countries);
    out.actors = mergeBy(out.actors, s.actors, (a) => `${a.kind}:${a.name.toLowerCase()}`);
    out.agents = [...out.agents, ...s.agents];
    out.verbs = mergeBy(out.verbs, s.verbs.filter((v) => v.id !== undefined), (v) => v.id ?? '');
    out.verbs.push(...s.verbs.filter((v) => v.id === undefined));
    out.sets = mergeBy(out.sets, s.sets, (w) => w.name);
    out.cameo = mergeBy(out.cameo, s.cameo, (c) => c.code);
    out.discards = mergeBy(out.discards, s.discards, (d) => d.phrase.toLowerCase());
    out.frames = mergeBy(out.frames ?? [], s.frames ?? [], (f) => f.id);
  }
  return out;
}
