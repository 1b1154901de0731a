// Coder stage: Doc sentence + CompiledLexicon → trigger candidates (event verbs and event nouns).
import { TOKEN_FLAGS, type Doc, type Sentence } from '../nlp/doc.js';
import { POS } from '../nlp/pos.js';
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

function pick(doc: Doc, i: number, end: number, triggers: Trigger[] | undefined, noun: boolean, reach: number, out: TriggerHit[]): boolean {
  if (triggers === undefined) return false;
  for (const t of triggers) {
    const stop = restMatches(doc, i + 1, end, t.rest, reach);
    if (stop < 0) continue;
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
      if (pick(doc, i, sent.last, lexicon.verbTriggers.get(doc.lemma[i] ?? ''), false, PARTICLE_REACH, out)) continue;
      // the tagger sometimes tags event nouns as verbs ("talks", "attacks")
      if (pick(doc, i, sent.last, lexicon.nounTriggers.get(doc.norm[i] ?? ''), true, 0, out)) continue;
    } else if (pos === POS.NOUN || pos === POS.PROPN || pos === POS.ADJ) {
      if (pick(doc, i, sent.last, lexicon.nounTriggers.get(doc.norm[i] ?? ''), true, 0, out)) continue;
      if (pick(doc, i, sent.last, lexicon.nounTriggers.get(doc.lemma[i] ?? ''), true, 0, out)) continue;
      // and verbs as nouns or adjectives ("Iraq appeals to", "attacked" as ADJ)
      if (/(ed|s)$/.test(doc.norm[i] ?? '') && pos !== POS.PROPN) pick(doc, i, sent.last, lexicon.verbTriggers.get(doc.lemma[i] ?? ''), false, PARTICLE_REACH, out);
    }
  }
  return out;
}
