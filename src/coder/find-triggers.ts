// Coder stage: Doc sentence + CompiledLexicon → trigger candidates (event verbs and event nouns).
import { TOKEN_FLAGS, type Doc, type Sentence } from '../nlp/doc.js';
import { POS } from '../nlp/pos.js';
import { verbLikeNoun } from './find-actors.js';
import type { CompiledLexicon, Trigger } from '../lexicon/compiled.js';

export interface TriggerHit {
  /** Token range of the trigger words, last exclusive ("hand ... over" spans its particle too). */
  first: number;
  last: number;
  /** The token that carries the verb or noun. */
  head: number;
  entry: number;
  noun: boolean;
}

/** How far a particle may follow its verb ("handed the rifles over"). */
const PARTICLE_REACH = 4;

function restMatches(doc: Doc, from: number, end: number, rest: readonly string[], reach: number): number {
  if (rest.length === 0) return from;
  for (let start = from; start <= Math.min(end - rest.length, from + reach); start++) {
    let ok = true;
    for (let k = 0; k < rest.length; k++) {
      const norm = doc.norm[start + k];
      if (norm !== rest[k] && doc.lemma[start + k] !== rest[k]) { ok = false; break; }
    }
    if (ok) return start + rest.length;
    if (doc.pos[start] === POS.PUNCT) break;
  }
  return -1;
}

/** The sentence a trigger search runs over, and what a translated entry's conditions need. */
interface Scan {
  doc: Doc;
  first: number;
  end: number;
  lexicon: CompiledLexicon;
  insideActor: (i: number) => boolean;
}

/** Clause punctuation: an actor beyond it is not the verb's object. */
const CLAUSE_END = new Set([',', ';', ':']);

/** Whether a coordination of actors ends before token `i` in its clause: each member is the others' target. */
function coordinatedSubject(scan: Scan, i: number): boolean {
  const { first } = scan;
  let k = i - 1;
  while (k >= first && !scan.insideActor(k)) {
    if (CLAUSE_END.has(scan.doc.norm[k] ?? '')) return false;
    k--;
  }
  while (k >= first && scan.insideActor(k)) k--;
  let joined = false;
  while (k >= first && scan.lexicon.wordLists.coordination_words.has(scan.doc.norm[k] ?? '')) {
    joined ||= scan.doc.norm[k] !== 'the';
    k--;
  }
  return joined && k >= first && scan.insideActor(k);
}

/**
 * Whether a translated (PETRARCH) entry may trigger at token `i`, its words ending at `stop`. PETRARCH finds its verbs
 * as the heads of verb phrases in a parse and writes no event without a target, so here the token must be tagged as a
 * verb (not a noun or adjective taken for one) and the event must have someone on the other side: an actor after the
 * verb in its clause (the object, or the agent of a passive), or a coordinated subject whose members face each other.
 */
function translatedMayTrigger(scan: Scan, i: number, stop: number, noun: boolean): boolean {
  const pos = scan.doc.pos[i];
  if (noun || (pos !== POS.VERB && pos !== POS.AUX)) return false;
  // "according to" is a preposition, whatever the tagger says of "according"
  if (scan.doc.norm[i] === 'according' && scan.doc.norm[i + 1] === 'to') return false;
  for (let k = stop; k < scan.end; k++) {
    if (CLAUSE_END.has(scan.doc.norm[k] ?? '')) break;
    if (scan.insideActor(k)) return true;
  }
  return coordinatedSubject(scan, i);
}

function pick(scan: Scan, i: number, triggers: Trigger[] | undefined, noun: boolean, reach: number, out: TriggerHit[]): boolean {
  if (triggers === undefined) return false;
  const { doc, end } = scan;
  for (const t of triggers) {
    const stop = restMatches(doc, i + 1, end, t.rest, reach);
    if (stop < 0) continue;
    if (scan.lexicon.verbs[t.entry]?.translated === true && !translatedMayTrigger(scan, i, stop, noun)) continue;
    // an event noun that modifies another noun names a thing, not an event ("assault rifles", "attack helicopters")
    if (noun && stop < end && doc.pos[stop] === POS.NOUN) return false;
    out.push({ first: i, last: stop, head: i, entry: t.entry, noun });
    return true;
  }
  return false;
}

/** Finds verbs and event nouns of the lexicon in a sentence, skipping tokens inside actor mentions. */
export function findTriggers(doc: Doc, sent: Sentence, lexicon: CompiledLexicon, insideActor: (i: number) => boolean): TriggerHit[] {
  const out: TriggerHit[] = [];
  const scan: Scan = { doc, first: sent.first, end: sent.last, lexicon, insideActor };
  for (let i = sent.first; i < sent.last; i++) {
    // a token inside an earlier trigger ("held talks") starts no trigger of its own
    const previous = out[out.length - 1];
    if (previous !== undefined && i < previous.last) continue;
    const pos = doc.pos[i];
    // the second half of a hyphenated modifier is no event ("European-based", "Saudi-led")
    if (i > sent.first && doc.norm[i - 1] === '-' && ((doc.flags[i] ?? 0) & TOKEN_FLAGS.SPACE_BEFORE) === 0) continue;
    if (pos === POS.PUNCT || pos === POS.DET || pos === POS.ADP || insideActor(i)) continue;
    // a participle after a determiner describes a thing ("the occupied West Bank", "the proposed deal")
    if (pos === POS.VERB && i > sent.first && doc.pos[i - 1] === POS.DET && /ed$/.test(doc.norm[i] ?? '')) continue;
    if (pos === POS.VERB || pos === POS.AUX) {
      if (pick(scan, i, lexicon.verbTriggers.get(doc.lemma[i] ?? ''), false, PARTICLE_REACH, out)) continue;
      // the tagger sometimes tags event nouns as verbs ("talks", "attacks")
      if (pick(scan, i, lexicon.nounTriggers.get(doc.norm[i] ?? ''), true, 0, out)) continue;
    } else if (pos === POS.NOUN || pos === POS.PROPN || pos === POS.ADJ) {
      // "Russia arrests two officers": a third-person verb read as a plural noun, right after its subject
      if (pos === POS.NOUN && i > sent.first && insideActor(i - 1) && verbLikeNoun(doc, i, sent.last, lexicon)
        && pick(scan, i, lexicon.verbTriggers.get(doc.lemma[i] ?? ''), false, PARTICLE_REACH, out)) continue;
      // "EU and UN hand over supplies": a phrasal verb the tagger took for a noun, right after its subject, with its
      // particle right after it
      if (pos === POS.NOUN && i > sent.first && insideActor(i - 1) && phrasalAt(doc, i, lexicon.verbTriggers.get(doc.lemma[i] ?? ''))
        && pick(scan, i, lexicon.verbTriggers.get(doc.lemma[i] ?? ''), false, 0, out)) continue;
      if (pick(scan, i, lexicon.nounTriggers.get(doc.norm[i] ?? ''), true, 0, out)) continue;
      if (pick(scan, i, lexicon.nounTriggers.get(doc.lemma[i] ?? ''), true, 0, out)) continue;
      // and verbs as nouns or adjectives ("Iraq appeals to", "attacked" as ADJ)
      if (/(ed|s)$/.test(doc.norm[i] ?? '') && pos !== POS.PROPN) {
        // (an -ed word between a determiner and its noun describes a thing: "the wounded man", "detained activists")
        // (not right after an actor, its subject: "Rights groups branded Israel an aggressor")
        const attributive = i + 1 < sent.last && (doc.pos[i + 1] === POS.NOUN || doc.pos[i + 1] === POS.PROPN || doc.pos[i + 1] === POS.ADJ) && !(i > sent.first && insideActor(i - 1));
        const lemmas = attributive && doc.lemma[i] === doc.norm[i] ? [doc.lemma[i] ?? ''] : pastLemmas(doc.norm[i] ?? '', doc.lemma[i] ?? '');
        for (const lemma of lemmas) if (pick(scan, i, lexicon.verbTriggers.get(lemma), false, PARTICLE_REACH, out)) break;
      }
    }
  }
  return out;
}

/** Whether a trigger of the word at i is a phrasal verb whose particle comes right after it ("hand over"). */
function phrasalAt(doc: Doc, i: number, triggers: Trigger[] | undefined): boolean {
  return triggers?.some((t) => t.rest.length > 0 && doc.pos[i + 1] === POS.ADP && doc.norm[i + 1] === t.rest[0]) === true;
}

/**
 * The lemmas a word tagged as an adjective may have as a verb: its own lemma, and where the tagger left an -ed form
 * whole ("apprehended" as ADJ), the stems it can come from ("apprehend", "free", "nab", "deny").
 */
function pastLemmas(norm: string, lemma: string): string[] {
  if (lemma !== norm || !norm.endsWith('ed') || norm.length < 5) return [lemma];
  const stem = norm.slice(0, -2);
  const out = [lemma, stem, norm.slice(0, -1)];
  if (stem.endsWith('i')) out.push(`${stem.slice(0, -1)}y`);
  if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) out.push(stem.slice(0, -1));
  return out;
}
