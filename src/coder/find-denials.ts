// Coder stage: a sentence → the clauses its denial verbs deny ("denied (that) it had delivered", "rejected claims that …").
import type { Doc, Sentence } from '../nlp/doc.js';
import { POS } from '../nlp/pos.js';
import type { CompiledLexicon } from '../lexicon/compiled.js';
import type { WordLists } from '../lexicon/word-lists.js';
import type { Mention } from './mention.js';
import { modalityAround, type Attribution } from './modality.js';
import { findSubject } from './roles.js';

/** One denied clause: every event whose trigger lies in [first, last) is denied, not asserted. */
export interface DenialScope {
  /** The denial verb ("denied", "rejected", the first word of "brushed off"): it codes nothing when its clause codes. */
  verb: number;
  /** Token range of the denied clause. */
  first: number;
  last: number;
  /** Who denies, as an attribution of the denied events (null when no actor stands before the verb). */
  attribution: Attribution | null;
  /** The code of the denial itself when its clause holds an event (the frame's `verbCode`, "016"); null: none. */
  verbCode: string | null;
}

/** Words of a noun phrase that may stand between a denial verb and its claim noun ("denied Western media reports"). */
const NP_POS: ReadonlySet<number> = new Set([POS.DET, POS.ADJ, POS.NOUN, POS.PROPN, POS.NUM, POS.ADV]);

/** Where a clause starting at `first` ends: the sentence end, a semicolon, "but", or ", and/while/although …". */
function clauseEnd(doc: Doc, sent: Sentence, first: number, wordLists: WordLists): number {
  for (let k = first; k < sent.last; k++) {
    const norm = doc.norm[k] ?? '';
    if (k > first && wordLists.denial_breaks.has(norm)) return k;
    if (norm === ',' && wordLists.denial_breaks_after_comma.has(doc.norm[k + 1] ?? '')) return k;
  }
  return sent.last;
}

/** Start of a finite clause right after the verb ("that it had …", "it had …", "Russia was …", "having sent …"), or -1. */
function clauseStart(doc: Doc, sent: Sentence, j: number, wordLists: WordLists): number {
  const norm = doc.norm[j] ?? '';
  if (norm === 'that') return j + 1;
  if (norm === 'having' || (doc.pos[j] === POS.VERB && norm.endsWith('ing'))) return j;
  if (wordLists.clause_subject_pronouns.has(norm) && (doc.pos[j + 1] === POS.AUX || doc.pos[j + 1] === POS.VERB)) return j;
  // a bare clause with a noun subject: a short noun phrase, then a finite verb ("denied Russian troops had crossed")
  let k = j;
  while (k < sent.last && k - j < 6 && (NP_POS.has(doc.pos[k] ?? -1) || doc.norm[k] === "'s") && doc.pos[k] !== POS.ADV) k++;
  if (k > j && k < sent.last && (doc.pos[k] === POS.AUX || (doc.pos[k] === POS.VERB && /ed$/.test(doc.norm[k] ?? '')))) return j;
  return -1;
}

/** After a claim verb: "(det/adj …) CLAIM-NOUN that|of …" → the clause start, or -1. */
function claimStart(doc: Doc, sent: Sentence, lexicon: CompiledLexicon, j: number, frame: number): number {
  for (let k = j; k < Math.min(sent.last, j + 5); k++) {
    const frames = lexicon.claimNouns.get(doc.norm[k] ?? '') ?? lexicon.claimNouns.get(doc.lemma[k] ?? '');
    if (frames?.includes(frame)) {
      const next = doc.norm[k + 1] ?? '';
      return next === 'that' || next === 'of' ? k + 2 : -1;
    }
    if (!NP_POS.has(doc.pos[k] ?? -1)) return -1;
  }
  return -1;
}

/** "confirm or deny", "neither confirmed nor denied", "did not deny", "never denied": no denial. */
function deniesNothing(doc: Doc, sent: Sentence, verb: number, wordLists: WordLists): boolean {
  const before = doc.norm[verb - 1] ?? '';
  if (before === 'nor' || (before === 'or' && doc.lemma[verb - 2] === 'confirm')) return true;
  return modalityAround(doc, sent, verb, verb + 1, wordLists).negated;
}

/** The denied clauses of a sentence, in order. Each denial verb gives at most one. */
export function findDenials(doc: Doc, sent: Sentence, lexicon: CompiledLexicon, mentions: Mention[]): DenialScope[] {
  if (lexicon.clauseTriggers.size === 0) return [];
  const out: DenialScope[] = [];
  for (let k = sent.first; k < sent.last; k++) {
    if (doc.pos[k] !== POS.VERB && doc.pos[k] !== POS.AUX) continue;
    const candidates = lexicon.clauseTriggers.get(doc.lemma[k] ?? '') ?? lexicon.clauseTriggers.get(doc.norm[k] ?? '');
    if (candidates === undefined) continue;
    let first = -1;
    let verbCode: string | null = null;
    for (const cand of candidates) {
      if (cand.rest.some((word, r) => doc.norm[k + 1 + r] !== word && doc.lemma[k + 1 + r] !== word)) continue;
      let j = k + 1 + cand.rest.length;
      while (j < sent.last && doc.pos[j] === POS.ADV && doc.norm[j] !== 'that') j++;
      const claim = claimStart(doc, sent, lexicon, j, cand.frame);
      first = claim >= 0 ? claim : cand.claimOnly ? -1 : clauseStart(doc, sent, j, lexicon.wordLists);
      verbCode = lexicon.frames[cand.frame]?.verbCode ?? null;
      if (first >= 0) break;
    }
    if (first < 0 || first >= sent.last || deniesNothing(doc, sent, k, lexicon.wordLists)) continue;
    const last = clauseEnd(doc, sent, first, lexicon.wordLists);
    const speaker = findSubject(doc, sent, k, mentions, false);
    const attribution = speaker === null ? null : { first: speaker.first, last: speaker.last, verb: k, speaker };
    out.push({ verb: k, first, last, attribution, verbCode });
    k = last - 1;
  }
  return out;
}

/** The denied clause holding token `k`, or null. */
export function denialAt(scopes: readonly DenialScope[], k: number): DenialScope | null {
  for (const s of scopes) if (k >= s.first && k < s.last) return s;
  return null;
}
