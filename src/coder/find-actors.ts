// Coder stage: Doc sentence + CompiledLexicon → Mention[] (actors: countries, capitals, organisations, people, roles).
import { TOKEN_FLAGS, type Doc, type Sentence } from '../nlp/doc.js';
import { POS } from '../nlp/pos.js';
import type { CompiledLexicon, PhraseHit } from '../lexicon/compiled.js';
import { hasWordOrPrefix, type WordLists } from '../lexicon/word-lists.js';
import type { ActorEntry } from '../types/index.js';
import type { Mention } from './mention.js';
import { placeCountry } from './article-context.js';

/** A lexicon phrase found in the sentence, before pieces are combined into mentions. */
interface Piece {
  first: number;
  last: number;
  hit: PhraseHit;
}

/** Length of the longest phrase of a lexicon set starting at token i (matched on form or lemma), else 0. */
function setPhraseAt(doc: Doc, i: number, end: number, lexicon: CompiledLexicon, set: string): number {
  const index = lexicon.sets.get(set);
  if (index === undefined) return 0;
  for (const key of [doc.norm[i] ?? '', doc.lemma[i] ?? '']) {
    for (const phrase of index.get(key) ?? []) {
      if (i + phrase.length > end) continue;
      let ok = true;
      for (let k = 1; k < phrase.length && ok; k++) ok = doc.norm[i + k] === phrase[k] || doc.lemma[i + k] === phrase[k];
      if (ok) return phrase.length;
    }
  }
  return 0;
}

/**
 * "Israeli helicopters", "a U.S. AC-130 gunship", "Palestinian homes": the nationality names the state whose
 * forces use the thing, or who owns what is hit. Model designations and adjectives may stand between.
 */
function thingAfter(doc: Doc, at: number, end: number, lexicon: CompiledLexicon): { last: number; thing: 'platform' | 'property' | 'proposal' } | null {
  for (let k = at; k < Math.min(end, at + 3); k++) {
    for (const [set, thing] of [['armed_platform', 'platform'], ['owned_target', 'property'], ['owned_proposal', 'proposal']] as const) {
      // a thing is a noun: "China demanded …" names no Chinese demand
      if (doc.pos[k] === POS.VERB || doc.pos[k] === POS.AUX) break;
      const n = setPhraseAt(doc, k, end, lexicon, set);
      if (n > 0) return { last: k + n, thing };
    }
    if (!(doc.pos[k] === POS.ADJ || /\d/.test(doc.norm[k] ?? '') || doc.pos[k] === POS.PROPN || doc.pos[k] === POS.NUM)) break;
  }
  return null;
}

/**
 * "Israeli air strikes", "the US invasion of Iraq", "a Chinese offer": whether an event noun of the lexicon heads the
 * noun phrase after a nationality (adjectives and compounding nouns may stand between), so that the nationality names
 * the one who acts. An event noun that modifies another noun ("attack helicopters") names a thing, and does not count.
 */
function eventNounAfter(doc: Doc, at: number, end: number, lexicon: CompiledLexicon): boolean {
  for (let k = at; k < Math.min(end, at + 4); k++) {
    const pos = doc.pos[k];
    if (pos !== POS.NOUN && pos !== POS.ADJ && pos !== POS.PROPN) return false;
    for (const key of [doc.norm[k] ?? '', doc.lemma[k] ?? '']) {
      for (const t of lexicon.nounTriggers.get(key) ?? []) {
        let stop = k + 1;
        for (const word of t.rest) {
          if (stop < end && (doc.norm[stop] === word || doc.lemma[stop] === word)) stop++;
          else { stop = -1; break; }
        }
        if (stop > 0) return stop >= end || doc.pos[stop] !== POS.NOUN;
      }
    }
  }
  return false;
}

/**
 * The index of the piece naming an actor after describing words that start at token `from` — "militant", a
 * nationality, "group", adjectives — or -1 when something else stands between.
 */
function describedName(doc: Doc, pieces: readonly Piece[], firstPiece: number, from: number, wordLists: WordLists): number {
  let at = from;
  if (doc.norm[at] === 'the') at++;
  for (let q = firstPiece; q < pieces.length && at - from <= 5; q++) {
    const piece = pieces[q] as Piece;
    while (at < piece.first && (doc.pos[at] === POS.ADJ || wordLists.group_words.has(doc.norm[at] ?? ''))) at++;
    if (at !== piece.first) return -1;
    if (piece.hit.kind === 'actor') return q;
    at = piece.last;
  }
  return -1;
}

function isCapitalized(doc: Doc, i: number): boolean {
  return ((doc.flags[i] ?? 0) & TOKEN_FLAGS.CAPITALIZED) !== 0;
}

function hitMatches(doc: Doc, at: number, end: number, hit: PhraseHit): boolean {
  const n = hit.keys.length;
  if (at + n > end) return false;
  for (let k = 0; k < n; k++) if (doc.norm[at + k] !== hit.keys[k]) return false;
  if (hit.exact !== null) {
    for (let k = 0; k < n; k++) if (doc.text.slice(doc.start[at + k], doc.end[at + k]) !== hit.exact[k]) return false;
  } else if (hit.needsCapital && !isCapitalized(doc, at)) return false;
  return true;
}

const KIND_RANK = { actor: 0, country: 1, capital: 2, demonym: 3, agent: 4 } as const;

/** Lists of phrases sharing a first word longer than this are also indexed by their second word. */
const LONG_LIST = 16;
/** Long candidate lists by second word ('' for one-word phrases), each in the list's order (longest first). */
const bySecondWord = new WeakMap<readonly PhraseHit[], Map<string, PhraseHit[]>>();

/**
 * The phrases that can match at token `i`: those starting with its word and, when there are many ("minister …" has
 * hundreds with agent dictionaries loaded), only those whose second word is the next token's, then the one-word ones.
 */
function candidatesAt(doc: Doc, i: number, lexicon: CompiledLexicon): readonly PhraseHit[] | undefined {
  const all = lexicon.phrases.get(doc.norm[i] ?? '');
  if (all === undefined || all.length <= LONG_LIST) return all;
  let index = bySecondWord.get(all);
  if (index === undefined) {
    index = new Map();
    for (const hit of all) {
      const second = hit.keys[1] ?? '';
      const list = index.get(second);
      if (list === undefined) index.set(second, [hit]);
      else list.push(hit);
    }
    bySecondWord.set(all, index);
  }
  const multi = index.get(doc.norm[i + 1] ?? '') ?? [];
  const single = index.get('') ?? [];
  return multi.length === 0 ? single : single.length === 0 ? multi : [...multi, ...single];
}

/** Longest lexicon phrases, left to right, no overlaps. */
function findPieces(doc: Doc, sent: Sentence, lexicon: CompiledLexicon): Piece[] {
  const pieces: Piece[] = [];
  for (let i = sent.first; i < sent.last; ) {
    const candidates = candidatesAt(doc, i, lexicon);
    let best: PhraseHit | null = null;
    if (candidates !== undefined) {
      for (const hit of candidates) {
        if (best !== null && hit.keys.length < best.keys.length) break;
        if (!hitMatches(doc, i, sent.last, hit)) continue;
        if (best === null || KIND_RANK[hit.kind] < KIND_RANK[best.kind]) best = hit;
      }
    }
    if (best !== null) {
      pieces.push({ first: i, last: i + best.keys.length, hit: best });
      i += best.keys.length;
    } else i++;
  }
  return pieces;
}

/**
 * The code an actor holds on a date: the role in force, else its fixed code. Undated, a group keeps its own code
 * (the Taliban is TALIBAN, not the government it was in some years) and a person the latest office.
 */
export function actorCodeOn(actor: ActorEntry, date: string | null): { code: string; title: string | null } | null {
  const roles = actor.roles ?? [];
  if (roles.length > 0 && !(date === null && actor.code !== undefined)) {
    const day = date?.slice(0, 10) ?? null;
    const inForce = roles.filter((r) => day === null ? r.until === undefined : (r.from === undefined || r.from <= day) && (r.until === undefined || day <= r.until));
    const role = inForce[inForce.length - 1] ?? (day === null ? roles[roles.length - 1] : undefined);
    if (role !== undefined) return { code: role.code, title: role.title ?? null };
  }
  return actor.code !== undefined ? { code: actor.code, title: null } : null;
}

const frameVerbSets = new WeakMap<CompiledLexicon, Set<string>>();

/** One-word verbs of the lexicon's frames ("plan", "vow", "threaten"), for telling a verb the tagger took for a noun. */
function frameVerbs(lexicon: CompiledLexicon): Set<string> {
  let set = frameVerbSets.get(lexicon);
  if (set === undefined) {
    set = new Set(lexicon.frames.flatMap((f) => f.verbs).filter((v) => !v.includes(' ')));
    frameVerbSets.set(lexicon, set);
  }
  return set;
}

/**
 * Is the noun at `k` a verb in the third person that the tagger took for a plural ("arrests", "jails", "warns"): an
 * -s form whose lemma is a verb of the lexicon, with an object after it (an article, a count, a name, an adjective)?
 */
export function verbLikeNoun(doc: Doc, k: number, end: number, lexicon: CompiledLexicon): boolean {
  const lemma = doc.lemma[k] ?? '';
  if (!/[^s]s$/.test(doc.norm[k] ?? '') || !(lexicon.verbTriggers.has(lemma) || lexicon.wordLists.light_verbs.has(lemma) || frameVerbs(lexicon).has(lemma))) return false;
  const after = k + 1 < end ? doc.pos[k + 1] : undefined;
  // a frame verb takes its infinitive: "Poland plans to reduce …"
  if (doc.norm[k + 1] === 'to' && frameVerbs(lexicon).has(lemma)) return true;
  return after === POS.DET || after === POS.NUM || after === POS.PROPN || after === POS.ADJ || after === POS.PRON;
}

/** Whether a possessive pronoun ("its 3,000 troops") stands before token `first`, numbers and adjectives between. */
export function ownedBefore(doc: Doc, sent: Sentence, first: number, wordLists: WordLists): boolean {
  let k = first - 1;
  while (k > sent.first && (doc.pos[k] === POS.NUM || doc.pos[k] === POS.ADJ)) k--;
  return k >= sent.first && wordLists.possessive_pronouns.has(doc.norm[k] ?? '');
}

/** Capitalised proper-noun run starting at i (an unknown person's name after a title: "Ambassador John Smith"). */
function nameRun(doc: Doc, i: number, end: number, wordLists: WordLists, isVerb: (k: number) => boolean = () => false): number {
  let j = i;
  // (in a title-case headline every word is capitalised: a verb the tagger took for a plural noun ends the name)
  while (j < end && isCapitalized(doc, j) && (doc.pos[j] === POS.PROPN || ((doc.pos[j] === POS.NOUN || doc.pos[j] === POS.ADJ) && !isVerb(j))) && /^\p{L}/u.test(doc.norm[j] ?? '')) j++;
  // particles inside Arabic/Dutch names: "Mohammed Shia al-Sudani", "bin Salman"
  while (j < end && hasWordOrPrefix(wordLists.name_particles, doc.norm[j] ?? '') && j > i) {
    j++;
    while (j < end && isCapitalized(doc, j) && doc.pos[j] === POS.PROPN) j++;
  }
  return j;
}

interface Base { code: string; country: string | null; name: string; sector: string | null; basis: Mention['basis']; media: boolean }

function baseOf(piece: Piece, lexicon: CompiledLexicon, date: string | null): Base | null {
  const { kind, ref } = piece.hit;
  if (kind === 'country' || kind === 'demonym' || kind === 'capital') {
    const c = lexicon.countries[ref];
    if (c === undefined) return null;
    return kind === 'capital'
      ? { code: `${c.code}GOV`, country: c.code, name: `${c.name} government`, sector: 'GOV', basis: 'capital', media: false }
      : { code: c.code, country: c.code, name: c.name, sector: null, basis: kind, media: false };
  }
  if (kind === 'actor') {
    const a = lexicon.actors[ref];
    if (a === undefined) return null;
    const held = actorCodeOn(a, date);
    if (held === null) return null;
    const country = a.country ?? (/^[A-Z]{3}/.test(held.code) && lexicon.countries.some((c) => c.code === held.code.slice(0, 3)) ? held.code.slice(0, 3) : null);
    const sector = a.sector ?? (held.code.length >= 6 ? held.code.slice(3, 6) : null);
    return { code: held.code, country, name: a.name, sector, basis: a.kind === 'person' ? 'person' : 'actor', media: a.kind === 'media' };
  }
  return null;
}

/** Is the piece part of a phrase of the `country_word_places` set that starts at most two words before it? */
function insidePlaceName(doc: Doc, sent: Sentence, piece: Piece, lexicon: CompiledLexicon): boolean {
  if (piece.hit.kind !== 'country' && piece.hit.kind !== 'demonym') return false;
  for (let start = Math.max(sent.first, piece.first - 2); start <= piece.first; start++) {
    const n = setPhraseAt(doc, start, sent.last, lexicon, 'country_word_places');
    if (n > 0 && start + n >= piece.last) return true;
  }
  return false;
}

/** Finds the actor mentions of one sentence. `date` (the article's) picks office-holders' roles. */
export function findActors(doc: Doc, sent: Sentence, lexicon: CompiledLexicon, date: string | null): Mention[] {
  // a country word inside the name of a region or feature ("Latin America", "New Mexico", "Indian Ocean") is no actor
  const pieces = findPieces(doc, sent, lexicon).filter((piece) => !insidePlaceName(doc, sent, piece, lexicon));
  const mentions: Mention[] = [];
  const used = new Set<number>();
  const glueOnly = (from: number, to: number): boolean => {
    if (to - from > 3) return false;
    // model designations may stand between too ("a U.S. AC-130 gunship")
    // "US-led forces", "a NATO-led peacekeeping force": the forces of whoever leads them
    const start = doc.norm[from] === '-' && lexicon.wordLists.leader_marks.has(doc.norm[from + 1] ?? '') && doc.start[from + 1] === doc.end[from] ? from + 2 : from;
    // (a designation has letters and digits, "AC-130"; a bare number is a count: "gave Iraq 100 military trucks")
    for (let k = start; k < to; k++) if (!lexicon.wordLists.role_glue.has(doc.norm[k] ?? '') && doc.pos[k] !== POS.ADJ && !/\d/.test(doc.norm[k] ?? '')) return false;
    for (let k = start; k < to; k++) if (/^[\d.,]+$/.test(doc.norm[k] ?? '')) return false;
    return true;
  };

  for (let p = 0; p < pieces.length; p++) {
    if (used.has(p)) continue;
    const piece = pieces[p] as Piece;
    const next = pieces[p + 1];
    let base = baseOf(piece, lexicon, date);
    let first = piece.first;
    let last = piece.last;
    let sector = base?.sector ?? null;
    let basis: Mention['basis'] = base?.basis ?? 'agent';
    let name = base?.name ?? '';
    let generic = false;

    if (base !== null && next !== undefined && next.hit.kind === 'agent' && glueOnly(piece.last, next.first)) {
      // "Iraqi officials", "Iraq's Prime Minister", "Al-Shabaab militants"
      const agent = lexicon.agents[next.hit.ref];
      if (agent !== undefined && (base.basis !== 'actor' || base.sector === null)) sector = agent.sector;
      last = next.last;
      used.add(p + 1);
      // "Iraqi government officials", "US military commanders", "an Israeli army spokesman": a role word right after
      // the first one is part of the same name (the organisation's sector stays)
      for (let q = p + 2; q < pieces.length; q++) {
        const more = pieces[q] as Piece;
        if (more.first !== last || more.hit.kind !== 'agent' || doc.pos[more.last - 1] !== POS.NOUN) break;
        last = more.last;
        used.add(q);
      }
      const after = pieces.find((x, q) => q > p + 1 && !used.has(q) && x.first >= last);
      if (after !== undefined && after.first === last && after.hit.kind === 'actor') {
        const person = baseOf(after, lexicon, date);
        if (person !== null && person.basis === 'person') { name = person.name; last = after.last; used.add(pieces.indexOf(after)); }
      } else {
        const run = nameRun(doc, last, sent.last, lexicon.wordLists, (k) => sent.headline === true && verbLikeNoun(doc, k, sent.last, lexicon));
        if (run > last) { name = doc.text.slice(doc.start[last], doc.end[run - 1]); last = run; }
      }
      if (base.basis === 'country' || base.basis === 'demonym' || base.basis === 'capital') {
        base = { ...base, code: `${base.country ?? ''}${agent?.sector ?? ''}`, sector: agent?.sector ?? null };
        if (name === base.name || name === '') name = `${lexicon.countries.find((c) => c.code === base?.country)?.name ?? ''} ${doc.text.slice(doc.start[next.first], doc.end[next.last - 1])}`.trim();
        basis = base.basis;
      }
    } else if (base === null && piece.hit.kind === 'agent') {
      // A role word alone or with a name or a following country: "Ambassador Smith", "officials in Baghdad", "the army of Iraq"
      const agent = lexicon.agents[piece.hit.ref];
      if (agent === undefined) continue;
      sector = agent.sector;
      basis = 'agent';
      const run = nameRun(doc, last, sent.last, lexicon.wordLists, (k) => sent.headline === true && verbLikeNoun(doc, k, sent.last, lexicon));
      // "Prime Minister Medvedev", "the paramilitary Rapid Support Forces", "militant group Hamas"
      const namedNext = next !== undefined && next.hit.kind === 'actor' && (next.first === last || (next.first === last + 1 && lexicon.wordLists.group_words.has(doc.norm[last] ?? '')));
      const known = namedNext && next !== undefined ? baseOf(next, lexicon, date) : null;
      if (known !== null) {
        base = known.sector === null ? { ...known, sector: agent.sector } : known;
        sector = base.sector;
        name = known.name;
        last = next?.last ?? last;
        used.add(p + 1);
        basis = known.basis;
      } else if (piece.last - piece.first === 1 && doc.pos[piece.first] === POS.ADJ && (doc.pos[last] === POS.NOUN || (doc.pos[last] === POS.PROPN && !isCapitalized(doc, piece.first))) && (run === last || doc.pos[last] === POS.PROPN)) {
        // a role word used as an adjective names no one ("military aid", "civilian casualties", "the official MAP
        // news agency" — a capitalised title before a name is a title: "Official Spokesman John Smith")
        continue;
      } else {
        if (run > last) { name = doc.text.slice(doc.start[last], doc.end[run - 1]); last = run; }
        const linkAt = last;
        const link = doc.norm[linkAt];
        // ("its 3,000 troops in Iraq", "withdrew their forces from Lebanon": after a possessive the place is where they are)
        // (forces only: "closed its embassy in Georgia" is the embassy for Georgia)
        const possessed = agent.sector === 'MIL' && ownedBefore(doc, sent, first, lexicon.wordLists);
        let owner = next !== undefined && (link === 'of' || ((link === 'in' || link === 'from') && !possessed)) && (next.first === linkAt + 1 || (next.first === linkAt + 2 && doc.norm[linkAt + 1] === 'the')) ? next : undefined;
        // "the leader of militant Lebanese group Hezbollah": describing words may stand before the owner's name
        const described = link === 'of' && owner !== undefined && owner.hit.kind !== 'actor' ? describedName(doc, pieces, p + 1, linkAt + 1, lexicon.wordLists) : -1;
        if (described > 0) {
          for (let q = p + 1; q < described; q++) used.add(q);
          owner = pieces[described];
        }
        const ownerBase = owner !== undefined && owner.hit.kind !== 'agent' ? baseOf(owner, lexicon, date) : null;
        if (ownerBase !== null && owner !== undefined) {
          base = ownerBase.basis === 'actor' ? ownerBase : { ...ownerBase, code: `${ownerBase.country ?? ''}${agent.sector}`, sector: agent.sector };
          if (name === '') name = `${ownerBase.name} ${doc.text.slice(doc.start[piece.first], doc.end[piece.last - 1]).toLowerCase()}`;
          last = owner.last;
          used.add(pieces.indexOf(owner));
        } else if (agent.country !== undefined) {
          base = { code: `${agent.country}${agent.sector}`, country: agent.country, name: doc.text.slice(doc.start[first], doc.end[last - 1]), sector: agent.sector, basis: 'agent', media: false };
        } else {
          generic = name === '' && lexicon.wordLists.generic_sources.has(doc.norm[piece.last - 1] ?? '');
          base = { code: `---${agent.sector}`, country: null, name: name !== '' ? name : doc.text.slice(doc.start[first], doc.end[last - 1]), sector: agent.sector, basis: 'agent', media: agent.sector === 'MED' };
        }
        if (name === '') name = base.name;
      }
    } else if (base !== null && (base.basis === 'demonym' || base.basis === 'country')) {
      // "Chinese drones", "the Iraq war": a nationality modifying a thing is no actor.
      const following = last < sent.last ? doc.pos[last] : undefined;
      const preceding = first > sent.first ? doc.pos[first - 1] : undefined;
      // a country name right after a verb is an object even before a noun ("handed Iraq weapons")
      const modifier = (base.basis === 'demonym' || !(preceding === POS.VERB || preceding === POS.AUX)) && !lexicon.wordLists.not_modified_nouns.has(doc.norm[last] ?? '');
      // "Chinese-made drones", "Iranian-backed militias": a maker or backer is no party to what the thing does
      if (doc.norm[last] === '-' && lexicon.wordLists.maker_marks.has(doc.norm[last + 1] ?? '') && doc.start[last + 1] === doc.end[last]) continue;
      // ("Poland plans to reduce …": a verb the tagger took for a noun is no thing of the country's)
      const thing = modifier && !(base.basis === 'country' && verbLikeNoun(doc, last, sent.last, lexicon)) ? thingAfter(doc, last, sent.last, lexicon) : null;
      if (thing !== null && (next === undefined || next.first >= thing.last)) {
        const country = base.country ?? '';
        const military = thing.thing === 'platform';
        mentions.push({
          first: first > sent.first && doc.norm[first - 1] === 'the' ? first - 1 : first,
          last: thing.last,
          code: military ? `${country}MIL` : country,
          country: base.country,
          name: military ? `${base.name} forces` : base.name,
          sector: military ? 'MIL' : null,
          basis: base.basis,
          group: -1,
          media: false,
          generic: false,
          thing: thing.thing,
        });
        continue;
      }
      // "Israeli air strikes killed …", "condemned the US invasion": a nationality before an event noun is its doer
      // (a country's name only where written as a nationality is, in capitals — "US", "UK" —: "the Iraq war" is a place's)
      const agentive = modifier && (base.basis === 'demonym' || ((doc.flags[first] ?? 0) & TOKEN_FLAGS.ALL_CAPS) !== 0) && eventNounAfter(doc, last, sent.last, lexicon);
      // (a noun that is the verb of a headline or a terse sentence — "Russia arrests two officers", "Zimbabwe jails UK
      // plotter" — leaves the country its subject)
      const verbAfter = following === POS.NOUN && base.basis === 'country' && verbLikeNoun(doc, last, sent.last, lexicon);
      if (!agentive && modifier && ((following === POS.NOUN && !verbAfter) || (base.basis === 'demonym' && following === POS.PROPN && next?.first !== last)) && doc.norm[last] !== "'s") continue;
      if (!agentive && base.basis === 'demonym' && following === POS.ADJ) continue;
    }
    if (base === null) continue;

    // A country or capital after "in", "near", ... is a place.
    // ("in eastern Syria", "into northern Iraq": a direction may stand between)
    const directed = first > sent.first + 1 && lexicon.wordLists.place_directions.has(doc.norm[first - 1] ?? '') && (base.basis === 'country' || base.basis === 'capital');
    const before = doc.norm[directed ? first - 2 : first - 1];
    // ("a mountainous region of western Morocco", "the province of Aceh": a place word and "of" stand for "in")
    const placeOf = before === 'of' && lexicon.wordLists.place_descriptors.has(doc.norm[directed ? first - 3 : first - 2] ?? '');
    if (first > sent.first && before !== undefined && (lexicon.wordLists.locative_prepositions.has(before) || placeOf) && (base.basis === 'country' || base.basis === 'capital' || base.basis === 'demonym')) {
      // "arrived in Kuwait": kept as a place, which only a verb pattern's $T may take as its target
      if ((before === 'in' || before === 'into' || placeOf) && base.basis !== 'demonym' && base.country !== null && last - first === piece.last - piece.first) {
        mentions.push({ first, last, code: base.country, country: base.country, name: base.name, sector: null, basis: 'country', group: -1, media: false, generic: false, thing: 'place' });
      }
      continue;
    }
    // Include a preceding determiner in the text ("the Iraqi army") but not in the code.
    if (first > sent.first && doc.norm[first - 1] === 'the' && basis !== 'country') first--;

    mentions.push({
      first,
      last,
      code: base.code,
      country: base.country,
      name: name !== '' ? name : base.name,
      sector,
      basis,
      group: -1,
      media: base.media || sector === 'MED',
      generic,
    });
  }
  addCityPlaces(doc, sent, lexicon, mentions);
  markGroups(doc, mentions, lexicon.wordLists);
  return mentions;
}

/** "visited Seattle", "sent troops to Darfur": a city or region after in/to/into, as a place of its country. */
function addCityPlaces(doc: Doc, sent: Sentence, lexicon: CompiledLexicon, mentions: Mention[]): void {
  for (let i = sent.first + 1; i < sent.last; i++) {
    // ("in northern Baghdad", "in the city of Mosul": a direction or a place descriptor may stand between)
    let lead = i - 1;
    // ("in the Gaza Strip", "into the West Bank": an article may stand first)
    if (lead > sent.first && doc.norm[lead] === 'the' && doc.pos[lead] === POS.DET) lead--;
    if (lead > sent.first && lexicon.wordLists.place_directions.has(doc.norm[lead] ?? '')) lead--;
    else if (lead > sent.first + 2 && doc.norm[lead] === 'of' && lexicon.wordLists.place_descriptors.has(doc.norm[lead - 1] ?? '') && doc.norm[lead - 2] === 'the') lead -= 3;
    const prev = doc.norm[lead];
    if ((prev !== 'in' && prev !== 'to' && prev !== 'into' && doc.lemma[lead] !== 'visit') || doc.pos[i] !== POS.PROPN || !isCapitalized(doc, i)) continue;
    if (mentions.some((m) => i >= m.first && i < m.last)) continue;
    let end = i + 1;
    while (end < sent.last && end - i < 3 && doc.pos[end] === POS.PROPN && isCapitalized(doc, end)) end++;
    if (mentions.some((m) => m.first < end && m.last > i)) continue;
    // a name that modifies a noun names the thing, not a place ("changes to the Wye River land-for-security deal"),
    // unless the noun says what kind of place it is ("in Montenegro province")
    if (end < sent.last && doc.pos[end] === POS.NOUN && !lexicon.wordLists.place_descriptors.has(doc.norm[end] ?? '')) continue;
    const country = placeCountry(doc.text.slice(doc.start[i], doc.end[end - 1]), lexicon);
    if (country === null) continue;
    const name = lexicon.countries.find((c) => c.code === country)?.name ?? country;
    mentions.push({ first: i, last: end, code: country, country, name, sector: null, basis: 'country', group: -1, media: false, generic: false, thing: 'place' });
  }
  mentions.sort((a, b) => a.first - b.first);
}

/** Joins mentions separated only by "and", "," or "as well as" into coordination groups. */
function markGroups(doc: Doc, mentions: Mention[], wordLists: WordLists): void {
  let group = 0;
  for (let m = 1; m < mentions.length; m++) {
    const a = mentions[m - 1] as Mention;
    const b = mentions[m] as Mention;
    const between = doc.norm.slice(a.last, b.first).join(' ');
    // "… a settlement with Israel, Mahmoud Abbas told the Arab League": a speaker after a comma starts the reporting clause
    if ((between === ',' || between === ', the') && wordLists.verbs_of_saying.has(doc.lemma[b.last] ?? '')) continue;
    if (between === 'and' || between === ',' || between === ', and' || between === 'as well as' || between === 'and the' || between === ', the') {
      if (a.group < 0) a.group = group++;
      b.group = a.group;
      // "US and Iraqi officials": the role word of the last one applies to all
      if (a.sector === null && b.sector !== null && a.country !== null && (a.basis === 'country' || a.basis === 'demonym') && b.basis !== 'actor') {
        a.sector = b.sector;
        a.code = `${a.country}${b.sector}`;
      }
      // "Danish media and government", "Iraqi police and soldiers": a bare role word shares the nationality before it
      if (b.basis === 'agent' && b.country === null && b.sector !== null && a.country !== null && a.basis !== 'actor' && (between === 'and' || between === ',') && b.last - b.first === 1) {
        b.country = a.country;
        b.code = `${a.country}${b.sector}`;
      }
    }
  }
}
