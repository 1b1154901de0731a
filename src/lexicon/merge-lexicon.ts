// Lexicon stage: several LexiconSources → one; a later source wins where entries clash.
import type { LexiconSource } from '../types/index.js';

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

/**
 * Merges lexicon sources in order. Clashes (same country code, actor name, agent sector+words, verb id or
 * trigger set, set name, CAMEO code, discard phrase, frame id) resolve to the later source.
 * Verb entries without an id are appended: their patterns add to the earlier ones, and where two patterns are
 * identical the later one wins at compile time.
 */
export function mergeLexicon(sources: LexiconSource[]): LexiconSource {
  const out: LexiconSource = { countries: [], actors: [], agents: [], verbs: [], sets: [], cameo: [], discards: [], frames: [] };
  for (const s of sources) {
    out.countries = mergeBy(out.countries, s.countries, (c) => c.code);
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
