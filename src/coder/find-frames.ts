// Coder stage: an event verb + the words before it → the frame verb that embeds it ("promised to deliver").
import type { Doc, Sentence } from '../nlp/doc.js';
import { POS } from '../nlp/pos.js';
import type { CompiledLexicon } from '../lexicon/compiled.js';
import type { FrameEntry } from '../types/index.js';
import type { Mention } from './mention.js';

export interface FrameHit {
  frame: FrameEntry;
  /** Token range of the frame verb (with its rest words: "is ready"). */
  first: number;
  last: number;
  /** The actor between the frame verb and "to" ("asked China to supply"). */
  object: Mention[] | null;
  /** A negator stands in or right before the frame verb ("is not ready to", "has no plans to", "did not agree to"). */
  negated: boolean;
}

/** A year between a frame verb and its complement ("promised in 2014 to"): a pattern of digits; time words are the lexicon's. */
const YEAR = /^\d{4}$/;

/** Maps an inner code through a frame: exact code, then the longest prefix, then "*"; no entry keeps the code. */
export function mapThroughFrame(frame: FrameEntry, code: string): string {
  for (let n = code.length; n >= 2; n--) {
    const mapped = frame.map[code.slice(0, n)];
    if (mapped !== undefined) return mapped;
  }
  return frame.map['*'] ?? code;
}

/** Looks left of an event verb for "FRAME [actor] to VERB" or "FRAME VERB-ing". */
export function findFrame(doc: Doc, sent: Sentence, lexicon: CompiledLexicon, triggerFirst: number, mentions: Mention[]): FrameHit | null {
  if (lexicon.frames.length === 0) return null;
  let k = triggerFirst - 1;
  while (k >= sent.first && (doc.pos[k] === POS.ADV || lexicon.wordLists.frame_skippable.has(doc.norm[k] ?? ''))) k--;
  const gerund = /ing$/.test(doc.norm[triggerFirst] ?? '');
  let object: Mention[] | null = null;
  if (doc.norm[k] === 'to') {
    k--;
    const m = mentions.find((x) => x.last === k + 1);
    if (m !== undefined) {
      object = m.group < 0 ? [m] : mentions.filter((x) => x.group === m.group);
      k = (object[0] as Mention).first - 1;
    }
  } else if (!gerund) return null;
  while (k >= sent.first && (doc.pos[k] === POS.ADV || lexicon.wordLists.frame_skippable.has(doc.norm[k] ?? ''))) k--;
  // a time phrase may stand between the frame verb and "to": "refused on Friday to supply"
  if (k - 1 > sent.first && (lexicon.wordLists.time_words.has(doc.norm[k] ?? '') || YEAR.test(doc.norm[k] ?? '')) && lexicon.wordLists.time_leads.has(doc.norm[k - 1] ?? '')) k -= 2;
  // the frame verb ends at k: try starts up to 3 tokens back ("is ready", "is willing"), a negator allowed inside it
  // ("is not ready", "are not going")
  const negator = (t: number): boolean => lexicon.wordLists.negators.has(doc.norm[t] ?? '');
  for (let start = k; start >= Math.max(sent.first, k - 3); start--) {
    for (const key of [doc.lemma[start] ?? '', doc.norm[start] ?? '']) {
      for (const cand of lexicon.frameTriggers.get(key) ?? []) {
        let t = start + 1;
        let inside = false;
        let ok = true;
        for (let r = 0; r < cand.rest.length && ok; r++, t++) {
          if (r === 0 && negator(t)) {
            inside = true;
            t++;
          }
          ok = doc.norm[t] === cand.rest[r] || doc.lemma[t] === cand.rest[r];
        }
        const frame = lexicon.frames[cand.frame];
        if (!ok || t !== k + 1 || frame === undefined) continue;
        // (or right before it, an auxiliary or "no" between: "did not agree", "has no plans")
        let before = start - 1;
        if (before >= sent.first && (doc.pos[before] === POS.AUX || doc.pos[before] === POS.ADV) && !negator(before)) before--;
        return { frame, first: start, last: k + 1, object, negated: inside || (before >= sent.first && negator(before)) };
      }
    }
  }
  return null;
}
