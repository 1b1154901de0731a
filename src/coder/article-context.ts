// Coder stage: what one article says about its actors beyond a single sentence — the dateline's country, the
// country each kind of agent was last given, and the people introduced with a country and a title.
import { cityPlace, cityRows, defaultGazetteer, foldName } from '../details/gazetteer.js';
import { findDateline } from '../ingest/find-dateline.js';
import type { CompiledLexicon } from '../lexicon/compiled.js';
import type { WordLists } from '../lexicon/word-lists.js';
import { spanText, TOKEN_FLAGS, type Doc, type Sentence } from '../nlp/doc.js';
import { normalizeWord } from '../nlp/normalize.js';
import { POS } from '../nlp/pos.js';
import type { Mention } from './mention.js';

/** A person as first introduced ("Iraqi interim Prime Minister Ayad Allawi"): what a later "Allawi" stands for. */
export interface KnownPerson {
  code: string;
  country: string;
  sector: string | null;
  name: string;
}

/** What carries over from one sentence of an article to the next. */
export interface ArticleContext {
  /** The last subject, for "He said …" / "It delivered …". */
  lastSubject: Mention[] | null;
  /** The country of the dateline ("NAJAF, Iraq (Reuters) -" → IRQ), once read. */
  datelineCountry: string | null;
  /** Where the dateline ends (a character offset), 0 when there is none: its words are no actors. */
  datelineEnd: number;
  /** Sector → the country of the last mention of that kind that named one ("Iraqi police" … "the police"). */
  sectorCountry: Map<string, string>;
  /** Surname (matching key) → the person introduced with it. */
  people: Map<string, KnownPerson>;
  /** First word of a person's name (matching key) → the person: "President Hu" for "Hu Jintao", after a title only. */
  nameStarts: Map<string, KnownPerson>;
}

/** A fresh context for an article. */
export function newArticleContext(): ArticleContext {
  return { lastSubject: null, datelineCountry: null, datelineEnd: 0, sectorCountry: new Map(), people: new Map(), nameStarts: new Map() };
}

/** How many sentences of an article's lead are read for people before its headline is coded. */
export const LEAD_SENTENCES = 4;

/** How many sentences from the start a dateline may open (the title is usually the first). */
const DATELINE_SENTENCES = 3;

/** The country of a place name: a country or capital of the lexicon, else the gazetteer's most populous city. */
export function placeCountry(name: string, lexicon: CompiledLexicon): string | null {
  const keys = name.trim().split(/\s+/).map(normalizeWord);
  const hits = lexicon.phrases.get(keys[0] ?? '') ?? [];
  for (const hit of hits) {
    if (hit.keys.length !== keys.length || !hit.keys.every((k, i) => k === keys[i])) continue;
    if (hit.kind === 'country' || hit.kind === 'capital') return lexicon.countries[hit.ref]?.code ?? null;
  }
  const g = defaultGazetteer();
  const folded = foldName(name);
  const area = (g.areas.get(folded) ?? []).find((a) => a.country !== null && (a.type === 'country' || a.type === 'region'));
  if (area !== undefined) return area.country;
  let best: { country: string | null; population: number } | null = null;
  for (const row of cityRows(g, folded)) {
    const place = cityPlace(g, row);
    if (best === null || place.population > best.population) best = place;
  }
  return best?.country ?? null;
}

/**
 * The dateline of the first sentences, as its end offset and its country: the region or country after the place
 * ("NAJAF, Iraq"), else the place itself ("KABUL" → AFG, "GAZA CITY" → PSE); country null when none is named.
 */
export function readDateline(doc: Doc, lexicon: CompiledLexicon): { end: number; country: string | null } {
  for (const sent of doc.sentences.slice(0, DATELINE_SENTENCES)) {
    const found = findDateline(doc.text.slice(sent.start, Math.min(sent.end, sent.start + 200)));
    if (found === null) continue;
    const end = sent.start + found.dateline.length;
    const [placePart, regionPart] = found.dateline.split(/\s*[(/–—:]|\s+-/)[0]?.split(',').map((s) => s.trim()) ?? [];
    for (const part of [regionPart, placePart]) {
      if (part === undefined || part === '' || /\d/.test(part)) continue;
      const country = placeCountry(titleCase(part), lexicon);
      if (country !== null) return { end, country };
    }
    return { end, country: null };
  }
  return { end: 0, country: null };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}


/** True when the mention names a role with no country ("the troops", "officials", "a spokesman"). */
export function isUnresolvedAgent(m: Mention): boolean {
  return m.country === null && m.basis === 'agent' && m.code.startsWith('---');
}

/**
 * Gives a country to agents the sentence left without one: the country an earlier mention of the same kind had in
 * this article, else the dateline's (never for the lexicon's `diplomats`). Records what this sentence teaches for the next ones.
 */
export function resolveAgents(doc: Doc, mentions: Mention[], context: ArticleContext, wordLists: WordLists): void {
  for (const m of mentions) {
    if (!isUnresolvedAgent(m) || m.media || m.sector === null) continue;
    // "the Dalai Lama's special envoy": an owner is named, though not one the lexicon knows
    if (doc.norm[m.first - 1] === "'s") continue;
    // the dateline places the reporter and the story: it speaks for the people on the ground there, though not for
    // envoys and delegations, who are by trade from somewhere else
    const local = wordLists.diplomats.has(doc.norm[m.last - 1] ?? '') ? null : context.datelineCountry;
    const country = context.sectorCountry.get(m.sector) ?? local;
    if (country === null || country === undefined) continue;
    m.country = country;
    m.code = `${country}${m.sector}`;
  }
  for (const m of mentions) if (m.country !== null && m.sector !== null && !m.media) context.sectorCountry.set(m.sector, m.country);
}

/** Remembers the people a sentence introduces with a country and a title ("Iraqi Prime Minister Ayad Allawi"). */
export function rememberPeople(doc: Doc, mentions: Mention[], context: ArticleContext): void {
  for (const m of mentions) {
    if (m.country === null || m.media || (m.basis !== 'person' && m.sector === null)) continue;
    // the name is the capitalised run that ends the mention
    let k = m.last - 1;
    if (doc.pos[k] !== POS.PROPN || ((doc.flags[k] ?? 0) & TOKEN_FLAGS.CAPITALIZED) === 0) continue;
    const surname = doc.norm[k] ?? '';
    if (surname.length < 3) continue;
    while (k > m.first && doc.pos[k - 1] === POS.PROPN) k--;
    if (k === m.last - 1 && m.basis !== 'person') continue; // one capitalised word after a title may be a place
    const person = { code: m.code, country: m.country, sector: m.sector, name: spanText(doc, k, m.last) };
    context.people.set(surname, person);
    // (names that put the family name first — "Hu Jintao", "Kim Jong Il" — are given by it after a title)
    if (k < m.last - 1 && (doc.norm[k] ?? '').length >= 2) context.nameStarts.set(doc.norm[k] ?? '', person);
  }
}

/**
 * Mentions for people introduced earlier in the article and now named by surname alone ("Allawi said …"); added in
 * token order, never inside an existing mention.
 */
export function findKnownPeople(doc: Doc, sent: Sentence, mentions: Mention[], context: ArticleContext): Mention[] {
  if (context.people.size === 0 && context.nameStarts.size === 0) return mentions;
  // "President Hu" after (or, in a headline, before) "Chinese President Hu Jintao": a title with a known surname and
  // no country is that person
  for (const m of mentions) {
    if (!isUnresolvedAgent(m) || m.media || m.last - m.first < 2 || ((doc.flags[m.last - 1] ?? 0) & TOKEN_FLAGS.CAPITALIZED) === 0) continue;
    const key = doc.norm[m.last - 1] ?? '';
    const person = context.people.get(key) ?? context.nameStarts.get(key);
    if (person === undefined || (m.sector !== null && person.sector !== null && m.sector !== person.sector)) continue;
    m.code = person.code;
    m.country = person.country;
    m.sector = person.sector;
    m.name = person.name;
  }
  const inside = (i: number): boolean => mentions.some((m) => i >= m.first && i < m.last);
  const added: Mention[] = [];
  for (let i = sent.first; i < sent.last; i++) {
    if (((doc.flags[i] ?? 0) & TOKEN_FLAGS.CAPITALIZED) === 0) continue;
    const person = context.people.get(doc.norm[i] ?? '');
    if (person === undefined || inside(i)) continue;
    // "Ayad Allawi" again: take the capitalised words before the surname too
    let first = i;
    while (first > sent.first && doc.pos[first - 1] === POS.PROPN && !inside(first - 1)) first--;
    added.push({ first, last: i + 1, code: person.code, country: person.country, name: person.name, sector: person.sector, basis: 'person', group: -1, media: false, generic: false });
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.first - b.first);
}
