// Coder stage: one compiled pattern against the tokens around a trigger → bound source/target mentions, or null.
import type { Doc, Sentence } from '../nlp/doc.js';
import { POS } from '../nlp/pos.js';
import type { CompiledLexicon, SetIndex } from '../lexicon/compiled.js';
import type { CompiledPattern, Element } from '../lexicon/pattern.js';
import type { Mention } from './mention.js';

export interface PatternMatch {
  pattern: CompiledPattern;
  source: Mention[] | null;
  target: Mention[] | null;
  /** Token span the pattern covered. */
  first: number;
  last: number;
}

const MAX_GAP = 6;
const BARRIER = new Set([';', ':']);

/** Everything a sentence's matches share, built once per sentence. */
export interface MatchContext {
  doc: Doc;
  sent: Sentence;
  lexicon: CompiledLexicon;
  /** Mention groups by first token and by last token (exclusive). */
  startsAt: Map<number, Mention[]>;
  endsAt: Map<number, Mention[]>;
  /** Every word form and lemma of the sentence: a pattern needing a word the sentence lacks is not tried. */
  vocabulary: Set<string>;
  /** The sets having a phrase that starts with a word of the sentence. */
  setsPresent: Set<string>;
}

/** Builds the per-sentence context: mention groups indexed by where they start and end, and the vocabulary. */
export function matchContext(doc: Doc, sent: Sentence, lexicon: CompiledLexicon, mentions: Mention[]): MatchContext {
  const startsAt = new Map<number, Mention[]>();
  const endsAt = new Map<number, Mention[]>();
  const groups = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (m.group < 0) {
      startsAt.set(m.first, [m]);
      endsAt.set(m.last, [m]);
    } else groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
  }
  for (const g of groups.values()) {
    startsAt.set((g[0] as Mention).first, g);
    endsAt.set((g[g.length - 1] as Mention).last, g);
    // a single member can also fill a slot on its own
    for (const m of g) {
      if (!startsAt.has(m.first)) startsAt.set(m.first, [m]);
      if (!endsAt.has(m.last)) endsAt.set(m.last, [m]);
    }
  }
  const vocabulary = new Set<string>();
  for (let i = sent.first; i < sent.last; i++) {
    vocabulary.add(doc.norm[i] ?? '');
    vocabulary.add(doc.lemma[i] ?? '');
  }
  const setsPresent = new Set<string>();
  for (const w of vocabulary) for (const set of lexicon.setsByFirstWord.get(w) ?? []) setsPresent.add(set);
  return { doc, sent, lexicon, startsAt, endsAt, vocabulary, setsPresent };
}

/** Does the sentence hold a word that can start a phrase of the set? */
export function hasSet(ctx: MatchContext, set: string): boolean {
  return ctx.setsPresent.has(set);
}

/** True when the sentence has, for every required element of the pattern, at least one word it could match. */
function mayMatch(ctx: MatchContext, pattern: CompiledPattern): boolean {
  for (const elements of [pattern.before, pattern.after]) {
    for (const el of elements) {
      if (el.type === 'word' && !el.optional) {
        let any = false;
        for (const w of el.words) if (ctx.vocabulary.has(w)) { any = true; break; }
        if (!any) return false;
      } else if (el.type === 'set' && !el.optional && !hasSet(ctx, el.set)) return false;
    }
  }
  return true;
}

function phraseAt(doc: Doc, i: number, end: number, index: SetIndex, key: string): number {
  const phrases = index.get(key);
  if (phrases === undefined) return -1;
  for (const phrase of phrases) {
    if (i + phrase.length > end) continue;
    let ok = true;
    for (let k = 1; k < phrase.length; k++) if (doc.norm[i + k] !== phrase[k] && doc.lemma[i + k] !== phrase[k]) { ok = false; break; }
    if (ok) return phrase.length;
  }
  return -1;
}

/** Length of a set phrase starting at i, or -1. */
function setForward(ctx: MatchContext, i: number, set: string): number {
  const index = ctx.lexicon.sets.get(set);
  if (index === undefined) return -1;
  const { doc } = ctx;
  const norm = doc.norm[i] ?? '';
  const lemma = doc.lemma[i] ?? '';
  const n = phraseAt(doc, i, ctx.sent.last, index, norm);
  return n > 0 || lemma === norm ? n : phraseAt(doc, i, ctx.sent.last, index, lemma);
}

/** Length of a set phrase ending at token i, or -1. */
function setBackward(ctx: MatchContext, i: number, set: string): number {
  for (let len = 1; len <= 4 && i - len + 1 >= ctx.sent.first; len++) {
    if (setForward(ctx, i - len + 1, set) === len) return len;
  }
  return -1;
}

interface Bind { S: Mention[] | null; T: Mention[] | null; edge: number }

/** Is token i a noun that frames an infinitive ("threat", "plans", "offer": a frame verb of the lexicon as a noun)? */
function frameNoun(ctx: MatchContext, i: number): boolean {
  const { doc } = ctx;
  return doc.pos[i] === POS.NOUN && (ctx.lexicon.frameTriggers.has(doc.norm[i] ?? '') || ctx.lexicon.frameTriggers.has(doc.lemma[i] ?? ''));
}

/** Matches elements from position `at`, stepping by `dir` (+1 after the trigger, -1 before it). */
function matchFrom(ctx: MatchContext, elements: readonly Element[], e: number, at: number, dir: 1 | -1, S: Mention[] | null, T: Mention[] | null): Bind | null {
  if (e === elements.length) return { S, T, edge: at };
  const el = elements[e] as Element;
  const { sent, doc } = ctx;
  if (el.type === 'gap') {
    for (let skip = 0; skip <= MAX_GAP; skip++) {
      const pos = at + dir * skip;
      if (skip > 0) {
        const crossed = dir === 1 ? pos - 1 : pos;
        if (crossed < sent.first || crossed >= sent.last || BARRIER.has(doc.norm[crossed] ?? '')) break;
        // nor the "to" of a frame noun's infinitive after the trigger: "renewed its threat to attack" renews a threat,
        // "cancel plans to sell arms" cancels plans, not the arms (a verb's — "refused to join" — and a purpose's — "sent
        // material to help" — are crossed)
        if (dir === 1 && doc.norm[crossed] === 'to' && doc.pos[crossed] === POS.PART && doc.pos[crossed + 1] === POS.VERB && frameNoun(ctx, crossed - 1)) break;
      }
      const r = matchFrom(ctx, elements, e + 1, pos, dir, S, T);
      if (r !== null) return r;
    }
    return null;
  }
  const cur = dir === 1 ? at : at - 1; // the token to look at
  let result: Bind | null = null;
  if (cur >= sent.first && cur < sent.last) {
    if (el.type === 'word') {
      if (el.words.has(doc.norm[cur] ?? '') || el.words.has(doc.lemma[cur] ?? '')) result = matchFrom(ctx, elements, e + 1, at + dir, dir, S, T);
    } else if (el.type === 'set') {
      let n = dir === 1 ? setForward(ctx, cur, el.set) : setBackward(ctx, cur, el.set);
      // a weapon naming an attack ("rocket attacks", "drone strikes") is no arms delivery
      if (n > 0 && dir === 1 && el.set === 'military_aid' && setForward(ctx, cur + n, 'attacks') > 0) n = 0;
      if (n > 0) result = matchFrom(ctx, elements, e + 1, at + dir * n, dir, S, T);
    } else {
      // after the trigger, an article or a count may stand before the actor ("freed an Indonesian woman", "two Britons")
      let start = cur;
      while (dir === 1 && start < sent.last - 1 && start < cur + 2 && !ctx.startsAt.has(start) && (ctx.lexicon.wordLists.actor_leading_words.has(doc.norm[start] ?? '') || doc.pos[start] === POS.NUM)) start++;
      const group = dir === 1 ? ctx.startsAt.get(start) : ctx.endsAt.get(cur + 1);
      if (group !== undefined && group.length > 0) {
        const span = dir === 1 ? (group[group.length - 1] as Mention).last - cur : cur + 1 - (group[0] as Mention).first;
        result = el.role === 'S'
          ? matchFrom(ctx, elements, e + 1, at + dir * span, dir, group, T)
          : matchFrom(ctx, elements, e + 1, at + dir * span, dir, S, group);
      }
    }
  }
  if (result === null && el.optional) result = matchFrom(ctx, elements, e + 1, at, dir, S, T);
  return result;
}

/** Tries a pattern around a trigger occupying tokens [first, last). */
export function matchPattern(ctx: MatchContext, pattern: CompiledPattern, first: number, last: number): PatternMatch | null {
  if (!mayMatch(ctx, pattern)) return null;
  const after = matchFrom(ctx, pattern.after, 0, last, 1, null, null);
  if (after === null) return null;
  const before = matchFrom(ctx, pattern.before, 0, first, -1, after.S, after.T);
  if (before === null) return null;
  return { pattern, source: before.S, target: before.T, first: before.edge, last: after.edge };
}

/**
 * A passive trigger's pattern read on its subject ("an Australian journalist was seized by militants" as "seized an
 * Australian journalist"): the pattern's words after the trigger are looked for in the noun phrase from `from` up to
 * the trigger. Only patterns with nothing before the trigger; the bound target is the subject's actor.
 */
export function matchPatient(ctx: MatchContext, pattern: CompiledPattern, from: number, trigger: number): PatternMatch | null {
  if (pattern.before.length > 0 || pattern.after.length === 0 || !mayMatch(ctx, pattern)) return null;
  const after = matchFrom(ctx, pattern.after, 0, from, 1, null, null);
  if (after === null || after.edge > trigger || after.S !== null) return null;
  return { pattern, source: null, target: after.T, first: from, last: after.edge };
}
