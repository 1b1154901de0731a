// Coder stage: a trigger + the sentence's mentions → its default source (subject) and target (object).
import type { Doc, Sentence } from '../nlp/doc.js';
import { POS } from '../nlp/pos.js';
import type { WordLists } from '../lexicon/word-lists.js';
import type { Mention } from './mention.js';

const CLAUSE_BARRIER = new Set([';', ':', '"', '“', '”']);
/** How far (in tokens) an object may stand from its verb. */
const OBJECT_REACH = 14;

/** Group members of the mention (the whole "China and Russia"), or the mention alone. */
export function expandGroup(m: Mention, mentions: Mention[]): Mention[] {
  return m.group < 0 ? [m] : mentions.filter((x) => x.group === m.group);
}

/** True when the verb at `head` is in the passive voice ("was attacked", "were handed"; participles and auxiliaries: the lexicon's). */
export function isPassive(doc: Doc, sent: Sentence, head: number, wordLists: WordLists): boolean {
  const word = doc.norm[head] ?? '';
  if (!/(ed|en)$/.test(word) && !wordLists.irregular_participles.has(word)) return false;
  for (let k = head - 1; k >= Math.max(sent.first, head - 4); k--) {
    const norm = doc.norm[k] ?? '';
    if (wordLists.passive_auxiliaries.has(norm) || doc.lemma[k] === 'be') return !(norm === "'s" && doc.pos[k] === POS.PART);
    if (doc.pos[k] !== POS.ADV && doc.pos[k] !== POS.PART && norm !== 'not' && norm !== "n't" && norm !== 'reportedly') break;
  }
  // reduced passive: "a base attacked by militants", "Journalist purportedly kidnapped by militants"
  let before = head - 1;
  while (before > sent.first && doc.pos[before] === POS.ADV) before--;
  return doc.norm[head + 1] === 'by' && (doc.pos[before] === POS.NOUN || doc.pos[before] === POS.PROPN);
}

/** The mention right after "by" following the trigger (the agent of a passive). */
export function byAgent(doc: Doc, sent: Sentence, last: number, mentions: Mention[]): Mention | null {
  for (let k = last; k < Math.min(sent.last, last + 4); k++) {
    if (doc.norm[k] === 'by') {
      const m = mentions.find((x) => x.first === k + 1 || (x.first === k + 2 && doc.norm[k + 1] === 'the'));
      return m ?? null;
    }
  }
  return null;
}

/** The subject of the trigger: the nearest subject-like mention before it in the same clause. */
export function findSubject(doc: Doc, sent: Sentence, first: number, mentions: Mention[], noun: boolean, wordLists: WordLists | null = null): Mention | null {
  // event nouns: possessor ("Baghdad's appeal"), demonym ("the Iraqi request"), "by X" / "from X" after
  if (noun) {
    for (const m of mentions) {
      if (m.last === first - 1 && doc.norm[first - 1] === "'s") return m;
      if (m.last === first && (m.basis === 'demonym' || m.basis === 'capital' || m.basis === 'country')) return m;
      if (doc.norm[first - 1] === "'s" && m.last === first - 2 + 1 && doc.norm[m.last] === "'s") return m;
    }
  }
  let best: Mention | null = null;
  for (let idx = mentions.length - 1; idx >= 0; idx--) {
    const m = mentions[idx] as Mention;
    if (m.last > first) continue;
    let blocked = false;
    for (let k = m.last; k < first; k++) if (CLAUSE_BARRIER.has(doc.norm[k] ?? '')) { blocked = true; break; }
    if (blocked) break;
    const prev = m.first > sent.first ? m.first - 1 : -1;
    const prevPos = prev >= 0 ? doc.pos[prev] : undefined;
    // objects of prepositions and of other verbs are not subjects ("... with Iraq", "met Iraq and ...")
    // a mention right before a verb or auxiliary opens a clause of its own ("said Iraq must cooperate")
    const opensClause = doc.pos[m.last] === POS.AUX || doc.pos[m.last] === POS.VERB;
    // (but "a member of the Syrian parliament" is the parliament's: the member acts for it)
    const memberOf = wordLists !== null && doc.norm[prev] === 'of' && wordLists.member_words.has(doc.norm[prev - 1] ?? '');
    if ((prevPos === POS.ADP && !memberOf) || ((prevPos === POS.VERB || (prevPos === POS.AUX && doc.norm[prev] !== "'s")) && !opensClause)) continue;
    if (m.group >= 0) {
      const head = mentions.find((x) => x.group === m.group) as Mention;
      const hp = head.first > sent.first ? doc.pos[head.first - 1] : undefined;
      if (hp === POS.ADP || hp === POS.VERB) continue;
    }
    best = m;
    break;
  }
  return best;
}

/**
 * The object of the trigger: the first mention after it in the same clause (not a passive agent; clause openers: the
 * lexicon's). An event noun's object stands in its own noun phrase: a comma ends it ("since last month's U.S. invasion,
 * the Peruvian embassy said").
 */
export function findObject(doc: Doc, sent: Sentence, last: number, mentions: Mention[], skip: ReadonlySet<Mention>, wordLists: WordLists, noun = false): Mention | null {
  for (const m of mentions) {
    if (m.first < last || skip.has(m)) continue;
    if (m.first - last > OBJECT_REACH) return null;
    for (let k = last; k < m.first; k++) {
      const norm = doc.norm[k] ?? '';
      if (CLAUSE_BARRIER.has(norm) || (noun && norm === ',') || (wordLists.clause_openers.has(norm) && k > last) || (doc.pos[k] === POS.VERB && k > last + 1 && doc.norm[k - 1] !== 'to')) return null;
    }
    if (doc.norm[m.first - 1] === 'by') continue;
    return m;
  }
  return null;
}
