// Coder stage: a sentence's dependency tree + its mentions + a trigger → source and target read from the tree
// (nsubj, nsubj:pass with obl:agent, obj, iobj, obl with to/for/against/…, through xcomp, conj and relative clauses).
import type { WordLists } from '../lexicon/word-lists.js';
import type { Mention } from './mention.js';

/** A parsed sentence in the coder's terms: token i of the tree is doc token `first + i`. */
export interface SentenceTree {
  first: number;
  size: number;
  /** Head of each token as a tree index, -1 for the root. */
  head: Int16Array;
  /** Dependency label of each token, as text ("nsubj", "obl:agent", …). */
  label: readonly string[];
  /** The case marker (preposition) of each token, lower case, or '' ("to" for "to Iraq"). */
  marker: readonly string[];
  /** Children of each token, in token order. */
  children: readonly (readonly number[])[];
  /** The lexicon's word lists the roles are read with (prepositions of party and owner, pronouns). */
  wordLists: WordLists;
}

/** Builds the tree view from head indexes, labels and the tokens' words, to be read with the lexicon's word lists. */
export function sentenceTree(first: number, head: Int16Array, label: readonly string[], words: readonly string[], wordLists: WordLists): SentenceTree {
  const size = head.length;
  const children: number[][] = Array.from({ length: size }, () => []);
  for (let i = 0; i < size; i++) {
    const h = head[i] ?? -1;
    if (h >= 0 && h < size) children[h]?.push(i);
  }
  const marker = new Array<string>(size).fill('');
  for (let i = 0; i < size; i++) {
    const h = head[i] ?? -1;
    if (h >= 0 && label[i] === 'case' && marker[h] === '') marker[h] = (words[i] ?? '').toLowerCase();
  }
  return { first, size, head, label, marker, children, wordLists };
}


/** What the tree says about a trigger's roles. `null` fields: the tree names no dependent for the role. */
export interface TreeRoles {
  /** The subject dependent exists (even if no actor is in it): the tree has spoken. */
  hasSubject: boolean;
  source: Mention | null;
  /** The subject is a pronoun standing for an earlier actor. */
  sourcePronoun: boolean;
  /** Where that pronoun is (a doc token index), -1 when there is none. */
  pronoun: number;
  /** The actor a pronoun subject stands for within the sentence: the subject of a clause above its own. */
  antecedent: Mention | null;
  /** An object pronoun ("urged him"), as a doc token index, -1 when there is none. */
  targetPronoun: number;
  target: Mention | null;
  passive: boolean;
}

function mentionContaining(mentions: readonly Mention[], tok: number): Mention | null {
  for (const m of mentions) if (tok >= m.first && tok < m.last) return m;
  return null;
}

/** Modifiers through which a noun phrase names its actor: "a Hamas training camp", "Iraq's army", "X, Iraq's envoy". */
const NAMING_LABELS = new Set(['compound', 'nmod:poss', 'amod', 'appos', 'flat', 'conj', 'nmod', 'nmod:unmarked', 'nmod:desc']);

/** An actor of the phrase rather than a place, and not in `skip`. */
function usable(m: Mention | null, skip?: ReadonlySet<Mention>): m is Mention {
  return m !== null && m.thing !== 'place' && !skip?.has(m);
}

/**
 * The actor a dependent stands for: the mention holding its head word, else the nearest mention among its naming
 * modifiers (compound, possessor, nmod of/for/with…, appos, conj), never one inside a clause of its own or after
 * a preposition of place or time. A role word with no country ("the leader of militant group Hezbollah") gives way
 * to the named actor it is of.
 */
export function mentionOf(tree: SentenceTree, node: number, mentions: readonly Mention[], skip?: ReadonlySet<Mention>, doer = false): Mention | null {
  // (the doer of an act: "sanctions against North Korea are one option" names no doer, nor do "talks with Iran" or
  // "aid to Iraq" — the party after against/with/to is the other side)
  const owners = doer ? tree.wordLists.doer_owner_prepositions : tree.wordLists.owner_prepositions;
  const own = mentionContaining(mentions, tree.first + node);
  const ownUnresolved = usable(own, skip) && own.country === null && own.code.startsWith('---');
  if (usable(own, skip) && !ownUnresolved) return own;
  const queue = [...(tree.children[node] ?? [])];
  let fallback: Mention | null = null;
  // breadth first, token order within a level: the nearest modifier wins
  while (queue.length > 0) {
    const k = queue.shift() as number;
    const label = tree.label[k] ?? '';
    if (!NAMING_LABELS.has(label) || (label === 'nmod' && tree.marker[k] !== '' && !owners.has(tree.marker[k] ?? ''))) continue;
    const m = mentionContaining(mentions, tree.first + k);
    if (usable(m, skip) && m !== own) {
      // a role word with no country ("a team of paratroopers to Lebanon") gives way to a named actor further in
      if (m.country !== null || !m.code.startsWith('---')) return m;
      if (!ownUnresolved && fallback === null) fallback = m;
    }
    queue.push(...(tree.children[k] ?? []));
  }
  return usable(own, skip) ? own : fallback;
}

function childWith(tree: SentenceTree, node: number, test: (label: string, child: number) => boolean): number {
  for (const c of tree.children[node] ?? []) if (test(tree.label[c] ?? '', c)) return c;
  return -1;
}

/** The clause whose subject a verb shares: up through xcomp ("promised to deliver"), conj ("met X and signed"). */
function subjectHost(tree: SentenceTree, node: number): { node: number; viaObject: boolean } | null {
  const label = tree.label[node] ?? '';
  const head = tree.head[node] ?? -1;
  if (head < 0) return null;
  if (label === 'xcomp') {
    // object control: "asked China to supply" — the object of the asking verb does the supplying
    const obj = childWith(tree, head, (l) => l === 'obj' || l === 'iobj');
    return obj >= 0 ? { node: obj, viaObject: true } : { node: head, viaObject: false };
  }
  if (label === 'conj' || label === 'advcl') return { node: head, viaObject: false };
  return null;
}

/** Reads the source and target of the trigger whose head word is tree token `node`. */
export function treeRoles(tree: SentenceTree, node: number, mentions: readonly Mention[], words: readonly string[], noun: boolean): TreeRoles {
  const roles: TreeRoles = { hasSubject: false, source: null, sourcePronoun: false, pronoun: -1, antecedent: null, targetPronoun: -1, target: null, passive: false };
  if (noun) {
    // event nouns: the possessor is the source, an nmod with a party marker the target ("Iraq's request to China")
    const poss = childWith(tree, node, (l) => l === 'nmod:poss');
    if (poss >= 0) {
      roles.hasSubject = true;
      roles.source = mentionOf(tree, poss, mentions);
      const possessor = (words[poss] ?? '').toLowerCase();
      roles.sourcePronoun = roles.source === null && (tree.wordLists.possessive_pronouns.has(possessor) || tree.wordLists.subject_pronouns.has(possessor));
    }
    for (const c of tree.children[node] ?? []) {
      if (tree.label[c] === 'nmod' && tree.wordLists.party_prepositions.has(tree.marker[c] ?? '') && tree.marker[c] !== 'of') {
        const m = mentionOf(tree, c, mentions, roles.source !== null ? new Set([roles.source]) : undefined);
        if (m !== null) { roles.target = m; break; }
      }
    }
    return roles;
  }
  // a participle modifying a noun is passive unless it is an -ing form ("a resolution drafted by Japan" / "a report accusing Iran")
  // (a clause with a subject of its own — "reports that it had sent" — is no reduced passive)
  roles.passive = childWith(tree, node, (l) => l === 'aux:pass' || l === 'nsubj:pass') >= 0
    || (tree.label[node] === 'acl' && !/ing$/i.test(words[node] ?? '') && childWith(tree, node, (l) => l === 'nsubj' || l === 'mark') < 0);
  // the subject: of this verb, else of the clause it shares its subject with; a relative clause's noun
  let at = node;
  let subject = childWith(tree, at, (l) => l === 'nsubj' || l === 'nsubj:pass' || l === 'csubj');
  let viaObject = false;
  for (let hops = 0; subject < 0 && hops < 3; hops++) {
    const label = tree.label[at] ?? '';
    if ((label === 'acl:relcl' || label === 'acl') && (tree.head[at] ?? -1) >= 0) {
      const noun = tree.head[at] as number;
      const nounHead = tree.head[noun] ?? -1;
      // "put out a report accusing the army": a document that accuses speaks for whoever issued it
      if (label === 'acl' && /ing$/i.test(words[at] ?? '') && mentionOf(tree, noun, mentions) === null && nounHead >= 0 && /^(obj|obl|nsubj)/.test(tree.label[noun] ?? '')) {
        at = nounHead;
        subject = childWith(tree, at, (l) => l === 'nsubj' || l === 'nsubj:pass');
        continue;
      }
      subject = noun;
      break;
    }
    const host = subjectHost(tree, at);
    if (host === null) break;
    if (host.viaObject) { subject = host.node; viaObject = true; break; }
    at = host.node;
    subject = childWith(tree, at, (l) => l === 'nsubj' || l === 'nsubj:pass');
  }
  let subjectMention: Mention | null = null;
  if (subject >= 0) {
    roles.hasSubject = true;
    subjectMention = mentionOf(tree, subject, mentions, undefined, !roles.passive);
    // a relative pronoun stands for the noun the clause modifies ("the army, which attacked …")
    if (subjectMention === null && tree.wordLists.relative_pronouns.has((words[subject] ?? '').toLowerCase()) && (tree.head[at] ?? -1) >= 0) {
      if ((tree.label[at] ?? '').startsWith('acl')) subjectMention = mentionOf(tree, tree.head[at] as number, mentions);
      // "… met Pope John Paul II, who urged him": a relative clause hung on the verb stands for the actor just before
      else if (tree.label[at] === 'advcl:relcl') {
        const before = tree.first + subject - (words[subject - 1] === ',' ? 2 : 1);
        subjectMention = mentions.find((m) => before >= m.first && before < m.last && m.thing !== 'place') ?? null;
      }
    }
    if (subjectMention === null) roles.sourcePronoun = tree.wordLists.subject_pronouns.has((words[subject] ?? '').toLowerCase());
    if (roles.sourcePronoun) {
      roles.pronoun = tree.first + subject;
      // "China denied reports that it had sent …": the subject of a clause above the pronoun's
      for (let up = tree.head[at] ?? -1, hops = 0; up >= 0 && hops < 4 && roles.antecedent === null; up = tree.head[up] ?? -1, hops++) {
        const s2 = childWith(tree, up, (l) => l === 'nsubj');
        if (s2 >= 0 && s2 !== subject) roles.antecedent = mentionOf(tree, s2, mentions);
      }
    }
  }
  const subjectIsTarget = roles.passive && !viaObject && (at === node || tree.label[node] === 'conj');
  if (subjectIsTarget) {
    roles.target = subjectMention;
    const agent = childWith(tree, node, (l, c) => l === 'obl:agent' || (l === 'obl' && tree.marker[c] === 'by'));
    roles.source = agent >= 0 ? mentionOf(tree, agent, mentions) : null;
    roles.hasSubject = agent >= 0;
    roles.sourcePronoun = false;
    return roles;
  }
  roles.source = subjectMention;
  const skip = new Set<Mention>(subjectMention !== null ? [subjectMention] : []);
  // the target: indirect object, object, then an oblique with a party marker, in that order
  const ranked: number[] = [];
  for (const want of ['iobj', 'obj']) for (const c of tree.children[node] ?? []) if (tree.label[c] === want) ranked.push(c);
  for (const c of tree.children[node] ?? []) {
    const label = tree.label[c] ?? '';
    if ((label === 'obl' || label === 'obl:tmod' || label === 'nmod') && tree.wordLists.party_prepositions.has(tree.marker[c] ?? '') && tree.marker[c] !== 'of') ranked.push(c);
  }
  // a phrasal verb's particle-less object may hang under xcomp: "urged Iraq to …" is handled by frames
  // a named party wins over an unnamed role ("sent troops to Iraq": Iraq, not the troops)
  let generic: Mention | null = null;
  for (const c of ranked) {
    const m = mentionOf(tree, c, mentions, skip);
    if (m !== null && m.country === null && m.code.startsWith('---')) { generic ??= m; continue; }
    if (m !== null) { roles.target = m; break; }
    if (tree.wordLists.object_pronouns.has((words[c] ?? '').toLowerCase()) && roles.targetPronoun < 0) roles.targetPronoun = tree.first + c;
  }
  if (roles.target === null && generic !== null) roles.target = generic;
  return roles;
}

/**
 * The actor asked to act in a clause under a verb of asking or demanding ("demanded that the United States match",
 * "urged that Iraq allow"): the subject of the verb's `that`-clause, or null.
 */
export function clauseSubject(tree: SentenceTree, node: number, mentions: readonly Mention[], words: readonly string[], skip?: ReadonlySet<Mention>): Mention | null {
  for (const c of tree.children[node] ?? []) {
    if (tree.label[c] !== 'ccomp') continue;
    if (childWith(tree, c, (l, k) => l === 'mark' && (words[k] ?? '').toLowerCase() === 'that') < 0) continue;
    const subject = childWith(tree, c, (l) => l === 'nsubj' || l === 'nsubj:pass');
    if (subject >= 0) return mentionOf(tree, subject, mentions, skip);
  }
  return null;
}

/**
 * The one who did what an event noun names, as the tree gives it: its possessor ("Iran's attack"), an agent after
 * "by" ("an attack by Israeli soldiers") or, with `modifiers`, a nationality before it ("the Israeli attack"); null
 * when none is named.
 */
export function eventNounAgent(tree: SentenceTree, node: number, mentions: readonly Mention[], modifiers = true): Mention | null {
  for (const c of tree.children[node] ?? []) {
    const label = tree.label[c] ?? '';
    const agentive = label === 'nmod:poss' || (label === 'nmod' && tree.marker[c] === 'by') || (modifiers && (label === 'amod' || label === 'compound'));
    if (!agentive) continue;
    const m = mentionContaining(mentions, tree.first + c);
    if (m !== null && m.thing === undefined) return m;
    if (label === 'nmod') {
      const inner = mentionOf(tree, c, mentions);
      if (inner !== null && inner.thing === undefined) return inner;
    }
  }
  return null;
}

/** The object of a verb in the tree (its `obj` dependent), or -1. */
export function objectOf(tree: SentenceTree, node: number): number {
  return childWith(tree, node, (l) => l === 'obj');
}
