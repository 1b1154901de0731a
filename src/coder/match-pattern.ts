// Coder stage: one compiled pattern against the tokens around a trigger → bound source/target mentions, or null.
import type { Doc, Sentence } from '../nlp/doc.js';
import type { CompiledLexicon } from '../lexicon/compiled.js';
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

interface Context {
  doc: Doc;
  sent: Sentence;
  lexicon: CompiledLexicon;
  /** Mention groups by first token and by last token (exclusive). */
  startsAt: Map<number, Mention[]>;
  endsAt: Map<number, Mention[]>;
}

/** Mentions as coordination groups, indexed by where the group starts and ends. */
export function indexMentions(mentions: Mention[]): { startsAt: Map<number, Mention[]>; endsAt: Map<number, Mention[]> } {
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
    const first = g[0] as Mention;
    const last = g[g.length - 1] as Mention;
    startsAt.set(first.first, g);
    endsAt.set(last.last, g);
    // a single member can also fill a slot on its own
    for (const m of g) {
      if (!startsAt.has(m.first)) startsAt.set(m.first, [m]);
      if (!endsAt.has(m.last)) endsAt.set(m.last, [m]);
    }
  }
  return { startsAt, endsAt };
}

function tokenIs(ctx: Context, i: number, words: ReadonlySet<string>): boolean {
  return words.has(ctx.doc.norm[i] ?? '') || words.has(ctx.doc.lemma[i] ?? '');
}

/** Length of a set phrase at i (forward) or ending at i (backward), or -1. */
function setMatch(ctx: Context, i: number, set: string, forward: boolean): number {
  const index = ctx.lexicon.sets.get(set);
  if (index === undefined) return -1;
  const { doc } = ctx;
  if (forward) {
    const seen = new Set<string>();
    for (const key of [doc.norm[i] ?? '', doc.lemma[i] ?? '']) {
      if (seen.has(key)) continue;
      seen.add(key);
      for (const phrase of index.get(key) ?? []) {
        if (i + phrase.length > ctx.sent.last) continue;
        let ok = true;
        for (let k = 1; k < phrase.length; k++) if (doc.norm[i + k] !== phrase[k] && doc.lemma[i + k] !== phrase[k]) { ok = false; break; }
        if (ok) return phrase.length;
      }
    }
    return -1;
  }
  // backward: try phrases of each length that end at token i
  for (let len = 1; len <= 4 && i - len + 1 >= ctx.sent.first; len++) {
    const start = i - len + 1;
    const n = setMatch(ctx, start, set, true);
    if (n === len) return len;
  }
  return -1;
}

type Bind = { S: Mention[] | null; T: Mention[] | null; edge: number };

/** Matches elements from position `at`, stepping by `dir` (+1 after the trigger, -1 before it). */
function matchFrom(ctx: Context, elements: readonly Element[], e: number, at: number, dir: 1 | -1, bind: Bind): Bind | null {
  if (e === elements.length) return { ...bind, edge: at };
  const el = elements[e] as Element;
  const inside = (i: number): boolean => i >= ctx.sent.first && i < ctx.sent.last;
  const cur = dir === 1 ? at : at - 1; // the token to look at
  if (el.type === 'gap') {
    for (let skip = 0; skip <= MAX_GAP; skip++) {
      const pos = at + dir * skip;
      if (skip > 0 && (!inside(dir === 1 ? pos - 1 : pos) || BARRIER.has(ctx.doc.norm[dir === 1 ? pos - 1 : pos] ?? ''))) break;
      const r = matchFrom(ctx, elements, e + 1, pos, dir, bind);
      if (r !== null) return r;
    }
    return null;
  }
  let result: Bind | null = null;
  if (inside(cur)) {
    if (el.type === 'word' && tokenIs(ctx, cur, el.words)) result = matchFrom(ctx, elements, e + 1, at + dir, dir, bind);
    else if (el.type === 'set') {
      const n = setMatch(ctx, cur, el.set, dir === 1);
      if (n > 0) result = matchFrom(ctx, elements, e + 1, at + dir * n, dir, bind);
    } else if (el.type === 'actor') {
      const group = dir === 1 ? ctx.startsAt.get(cur) : ctx.endsAt.get(cur + 1);
      if (group !== undefined && group.length > 0) {
        const span = dir === 1 ? (group[group.length - 1] as Mention).last - cur : cur + 1 - (group[0] as Mention).first;
        result = matchFrom(ctx, elements, e + 1, at + dir * span, dir, { ...bind, [el.role]: group });
      }
    }
  }
  if (result === null && el.optional) result = matchFrom(ctx, elements, e + 1, at, dir, bind);
  return result;
}

/** Tries a pattern around a trigger occupying tokens [first, last). */
export function matchPattern(
  doc: Doc, sent: Sentence, lexicon: CompiledLexicon, mentions: ReturnType<typeof indexMentions>,
  pattern: CompiledPattern, first: number, last: number,
): PatternMatch | null {
  const ctx: Context = { doc, sent, lexicon, ...mentions };
  const after = matchFrom(ctx, pattern.after, 0, last, 1, { S: null, T: null, edge: last });
  if (after === null) return null;
  const before = matchFrom(ctx, pattern.before, 0, first, -1, { S: after.S, T: after.T, edge: first });
  if (before === null) return null;
  return { pattern, source: before.S, target: before.T, first: before.edge, last: after.edge };
}
