// Details: a sentence → the terms of a transfer it states (free, donation, grant, loan, credit, commercial, sale, lease, barter).
import type { Terms } from '../types/index.js';

/**
 * Phrases for each term, most specific term first: when a sentence states two ("sold on credit"), the one listed
 * earlier wins (credit over sale). Patterns are matched case-insensitively on word boundaries.
 */
const TERMS: ReadonlyArray<readonly [Terms, RegExp]> = [
  ['barter', /\b(?:in exchange for|in return for|bartere?d?|barter(?:ing)? (?:deal|arrangement|basis)|(?:oil|gas|grain|gold)[- ]for[- ](?:arms|weapons|food|goods)|paid (?:for )?in (?:oil|gas|gold|grain|kind)|swap(?:ped)? for)\b/i],
  ['lease', /\b(?:leas(?:e|es|ed|ing)|rent(?:s|ed|ing)?|rental|on hire)\b/i],
  ['credit', /\b(?:on credit|(?:line|lines) of credit|credit lines?|export credits?|state credits?|loan credits?|credit (?:of|worth|facility)|(?:\d|million|billion|bn|m) (?:in )?credits?\b|credits? (?:to|for) (?:buy|purchase|finance|pay))/i],
  ['loan', /\b(?:loans?|on loan|loaned)\b/i],
  ['grant', /\b(?:(?:a|as|in|military|non-repayable|the) grants?|grant aid|grant-in-aid|grants? (?:of|worth|for|to)|non-repayable|(?:\d|million|billion|bn|m) grants?)\b/i],
  ['free', /\b(?:free of charge|free-of-charge|for free|free(?:ly)? (?:supply|supplies|delivery|deliveries|transfer|of cost)|gratis|at no (?:cost|charge)|without (?:charge|payment)|cost-free|on a free basis|(?:supplied|given|provided|delivered|transferred|handed over|sent) free|free military aid|free assistance|gratuitously)\b/i],
  ['donation', /\b(?:donat(?:e|es|ed|ing|ion|ions)|as (?:a )?gifts?|gift(?:ed|s)?(?: of)?|(?:handed|given) (?:over )?as a present|presented as a gift)\b/i],
  ['commercial', /\b(?:on commercial terms|commercial (?:terms|basis|contract|deal|conditions)|on a commercial basis|for payment|at market prices?|paid for|payment in cash|cash payment|pay(?:s|ing)? for (?:it|them|the))\b/i],
  ['sale', /\b(?:s[eo]ll(?:s|ing)?|sold|sales?|purchas(?:e|es|ed|ing)|buy(?:s|ing)?|bought|(?:supply|purchase|arms|export|delivery|procurement) contracts?|contracts? (?:to|for) (?:supply|deliver|buy|purchase)|export(?:ed|s)? to|imports? from|procure(?:d|ment)?)\b/i],
];

const GLOBAL = TERMS.map(([terms, re]) => [terms, new RegExp(re.source, 'gi')] as const);
/** Every phrase in one pattern: one scan tells whether any term is stated (most sentences state none). */
const ANY = new RegExp(TERMS.map(([, re]) => `(?:${re.source})`).join('|'), 'gi');

/** A negation just before a phrase takes it back: "not free of charge", "rather than on credit". */
const NEGATED = /\b(?:not|no longer|rather than|instead of|never|refused|refuses|refuse|won't|wouldn't|cannot|can't|without)\s+(?:\w+\s+){0,2}$/i;

/**
 * The terms a sentence states for a transfer, or null: `findTerms("… asked China for the free supply of CH-5 drones")`
 * → `'free'`; `"Beijing wants the deal on commercial terms"` → `'commercial'`; `"sold on credit"` → `'credit'`.
 * A phrase right after a negation ("not", "rather than", "instead of", "refused") does not count.
 * `range` (article offsets, as for findItems) limits the search to part of the sentence, e.g. one clause.
 */
export function findTerms(sentenceText: string, sentenceStart = 0, range?: { start: number; end: number }): Terms | null {
  const from = range === undefined ? 0 : Math.max(0, range.start - sentenceStart);
  const text = range === undefined ? sentenceText : sentenceText.slice(0, Math.max(from, range.end - sentenceStart));
  ANY.lastIndex = from;
  if (!ANY.test(text)) return null;
  for (const [terms, re] of GLOBAL) {
    re.lastIndex = from;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (!NEGATED.test(before)) return terms;
    }
  }
  return null;
}
