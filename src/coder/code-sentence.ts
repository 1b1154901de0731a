// Coder stage: one analysed sentence → raw events (mentions, trigger, code, roles, modality, attribution).
import { TOKEN_FLAGS, type Doc, type Sentence } from '../nlp/doc.js';
import { POS } from '../nlp/pos.js';
import type { CompiledLexicon, CompiledVerbEntry } from '../lexicon/compiled.js';
import type { CompiledPattern } from '../lexicon/pattern.js';
import type { WordLists } from '../lexicon/word-lists.js';
import type { Modality, Status } from '../types/index.js';
import { findActors, ownedBefore } from './find-actors.js';
import { denialAt, findDenials } from './find-denials.js';
import { findFrame, mapThroughFrame, type FrameHit } from './find-frames.js';
import { findTriggers, type TriggerHit } from './find-triggers.js';
import { hasSet, matchContext, matchPattern, matchPatient, type MatchContext, type PatternMatch } from './match-pattern.js';
import type { Mention } from './mention.js';
import { findAttributions, modalityAround, type Attribution } from './modality.js';
import { findKnownPeople, isUnresolvedAgent, rememberPeople, resolveAgents, type ArticleContext } from './article-context.js';
import { clauseSubject, eventNounAgent, objectOf, sentenceTree, treeRoles, type SentenceTree } from './tree-roles.js';
import { byAgent, expandGroup, findObject, findSubject, isPassive } from './roles.js';

export interface RawEvent {
  sentence: Sentence;
  source: Mention;
  target: Mention | null;
  code: string;
  trigger: { first: number; last: number };
  /** Token span the event's words cover (trigger, pattern, roles), for finding its items. */
  span: { first: number; last: number };
  /** Where the matched pattern (or the trigger) ends. */
  patternLast: number;
  negated: boolean;
  modality: Modality;
  status: Status;
  attribution: Attribution | null;
}

/** What carries over from one sentence to the next (the last subject, agents' countries, people introduced). */
export type SentenceContext = ArticleContext;

/**
 * "her talks with Xi": the owner of an event noun named by a pronoun — in an opening phrase, the subject of the
 * main clause after the comma ("After her talks with Xi, Merkel flew home"); otherwise the previous subject.
 */
function possessorPronoun(doc: Doc, sent: Sentence, first: number, mentions: Mention[], context: SentenceContext, wordLists: WordLists): Mention[] | null {
  if (!wordLists.possessive_pronouns.has(doc.norm[first - 1] ?? '')) return null;
  let comma = first;
  while (comma < sent.last && doc.norm[comma] !== ',') comma++;
  const after = mentions.find((m) => m.first > comma && m.first <= comma + 3 && (doc.pos[m.last] === POS.VERB || doc.pos[m.last] === POS.AUX));
  if (comma < sent.last && after !== undefined) return after.group < 0 ? [after] : mentions.filter((x) => x.group === after.group);
  return context.lastSubject;
}

/**
 * "Iran … Tehran", "the United States … the White House": a state acting on its own government is one party named
 * twice, not a dyad. (A government acting on its country — "Turkish authorities imposed a curfew in Turkey" — is a
 * domestic event and stays.)
 */
function sameState(source: Mention, target: Mention): boolean {
  if (source.country === null || source.country !== target.country) return false;
  const whole = (m: Mention): boolean => (m.basis === 'country' || m.basis === 'capital') && (m.sector === null || m.sector === 'GOV');
  return whole(source) && (whole(target) || (target.sector === 'GOV' && target.basis !== 'person'));
}

/** "must", "should", "has to", "ought to" right before the verb (adverbs and "not" may stand between). */
function obligationBefore(doc: Doc, sent: Sentence, first: number, wordLists: WordLists): boolean {
  let k = first - 1;
  while (k > sent.first && (doc.pos[k] === POS.ADV || doc.norm[k] === 'not')) k--;
  const w = doc.norm[k] ?? '';
  if (wordLists.obligation_modals.has(w)) return true;
  return w === 'to' && wordLists.obligation_verbs.has(doc.norm[k - 1] ?? '');
}

function lightVerbBefore(doc: Doc, sent: Sentence, noun: number, wordLists: WordLists): boolean {
  for (let k = noun - 1; k >= Math.max(sent.first, noun - 5); k--) {
    const pos = doc.pos[k];
    if (pos === POS.VERB || pos === POS.AUX) return wordLists.light_verbs.has(doc.lemma[k] ?? '');
    // "Israel levels new accusations against Syria": a light verb in -s the tagger took for a plural noun, after a name
    if (pos === POS.NOUN && /[^s]s$/.test(doc.norm[k] ?? '') && wordLists.light_verbs.has(doc.lemma[k] ?? '') && doc.pos[k - 1] === POS.PROPN) return true;
    if (pos !== POS.DET && pos !== POS.ADJ && pos !== POS.NUM && pos !== POS.ADV && pos !== POS.NOUN && pos !== POS.PROPN && doc.norm[k] !== 'out' && doc.norm[k] !== "'s") return false;
  }
  return false;
}
/**
 * "Singh arrived in New York for talks with Bush": an event noun after "for" whose clause verb is one of travel — the
 * traveller holds the talks.
 */
function tripPurpose(doc: Doc, sent: Sentence, noun: number, wordLists: WordLists): boolean {
  let k = noun - 1;
  while (k > sent.first && (doc.pos[k] === POS.DET || doc.pos[k] === POS.ADJ || doc.pos[k] === POS.NUM)) k--;
  if (doc.norm[k] !== 'for') return false;
  for (k--; k >= Math.max(sent.first, noun - 10); k--) {
    const pos = doc.pos[k];
    if (pos === POS.VERB) return wordLists.travel_verbs.has(doc.lemma[k] ?? '');
    if (pos === POS.PUNCT || pos === POS.SCONJ || pos === POS.CCONJ) return false;
  }
  return false;
}

/**
 * Roots whose events need someone on the other side: consultation, diplomatic cooperation and reductions of relations.
 * The others stand without a target (statements, appeals, intentions, material cooperation and aid to people the text
 * does not name as an actor — "provided assistance to 550 households" —, yielding, investigations, demands,
 * disapproval, rejection, threats, protests, force posture, coercion, violence).
 */
const TARGET_REQUIRED_ROOTS = new Set(['04', '05', '16']);
/** Roots that answer a proposal, whose target may be its author named by nationality ("rejected a German proposal"). */
const ANSWER_ROOTS = new Set(['03', '05', '08', '11', '12']);
/** Tree labels of nouns after a preposition: with a preposition of place, never a subject found by word windows. */
const OBLIQUE_LABELS = new Set(['obl', 'obl:tmod', 'obl:npmod', 'obl:unmarked', 'nmod', 'nmod:tmod', 'nmod:npmod', 'nmod:unmarked']);
/** Roots whose source may be a nationality's weapons ("Israeli helicopters attacked"): threats and force. */
const THING_SOURCE_ROOTS = new Set(['13', '15', '17', '18', '19', '20']);
/** Roots whose target may be a nationality's property ("demolished Palestinian homes"). */
const THING_TARGET_ROOTS = new Set(['13', '15', '16', '17', '18', '19', '20']);

function bestMatch(ctx: MatchContext, entry: CompiledVerbEntry, t: TriggerHit): PatternMatch | null {
  // only the patterns whose key word or key set the sentence holds can match
  const candidates: CompiledPattern[] = [];
  for (const w of ctx.vocabulary) {
    const list = entry.byWord.get(w);
    if (list !== undefined) candidates.push(...list);
  }
  for (const [set, list] of entry.bySet) if (set === '' || hasSet(ctx, set)) candidates.push(...list);
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.weight - a.weight || a.order - b.order);
  let previous: CompiledPattern | null = null;
  const patient = t.noun ? -1 : passiveSubjectStart(ctx.doc, ctx.sent, t.head, ctx.lexicon.wordLists);
  for (const p of candidates) {
    if (p === previous) continue;
    previous = p;
    const m = matchPattern(ctx, p, t.first, t.last) ?? (patient >= 0 ? matchPatient(ctx, p, patient, t.first) : null);
    if (m !== null) return m;
  }
  return null;
}

/** Words of a noun phrase, read back from a passive verb to where its subject starts. */
const NP_POS: ReadonlySet<number> = new Set([POS.DET, POS.ADJ, POS.NOUN, POS.PROPN, POS.NUM]);

/**
 * Where the subject of a passive trigger starts ("two aid workers were kidnapped", "hostages seized by militants"),
 * or -1 when the trigger is not passive or no noun phrase stands before it.
 */
function passiveSubjectStart(doc: Doc, sent: Sentence, head: number, wordLists: WordLists): number {
  if (!isPassive(doc, sent, head, wordLists)) return -1;
  let end = head;
  for (let k = head - 1; k >= Math.max(sent.first, head - 4); k--) {
    if (doc.lemma[k] === 'be' || doc.pos[k] === POS.AUX) end = k;
    else if (doc.pos[k] !== POS.ADV && doc.pos[k] !== POS.PART) break;
  }
  let start = end;
  while (start > sent.first && end - start < 8 && (NP_POS.has(doc.pos[start - 1] ?? -1) || doc.norm[start - 1] === "'s" || doc.norm[start - 1] === '-')) start--;
  return start < end ? start : -1;
}

function pronounSubject(doc: Doc, sent: Sentence, first: number, context: SentenceContext, wordLists: WordLists): Mention[] | null {
  for (let k = first - 1; k >= Math.max(sent.first, first - 4); k--) {
    if (wordLists.personal_pronouns.has(doc.norm[k] ?? '')) return context.lastSubject;
    if (doc.pos[k] !== POS.AUX && doc.pos[k] !== POS.ADV && doc.pos[k] !== POS.PART && doc.pos[k] !== POS.VERB) break;
  }
  return null;
}

/** Codes one sentence. Returns raw events in trigger order; `context` is updated for the next sentence. */
/** A dependency parser as the coder sees it: words in, heads (-1 for the root) and labels out. */
export interface SentenceParser {
  parse(words: readonly string[]): { head: Int16Array; label: readonly string[] };
}

/** The code of an act that is no event of its own, demanded of someone: the demand frame's "*" maps it. */
const DEMAND_ANY = '*';

/** Roots of judging a deed ("condemned the attack"): their target is the deed's doer where it is named. */
const ANSWER_DEED_ROOTS = new Set(['11', '12']);

/** Roots of cooperation whose coming act, said not to happen ("will not attend"), is a refusal. */
const REFUSAL_ROOTS = new Set(['03', '04', '05', '06', '08']);

/** "will not", "won't", "would never": a future auxiliary among the few words before the trigger. */
function futureBefore(doc: Doc, sent: Sentence, first: number, wordLists: WordLists): boolean {
  for (let k = first - 1; k >= Math.max(sent.first, first - 4); k--) {
    const w = doc.norm[k] ?? '';
    if (wordLists.future_auxiliaries.has(w)) return true;
    if (doc.pos[k] !== POS.PART && doc.pos[k] !== POS.ADV && doc.pos[k] !== POS.AUX && w !== "n't" && w !== 'not') return false;
  }
  return false;
}

/**
 * The verb a trigger is joined to by "or" or "nor" ("will not dismantle its programs or improve ties"): the nearest
 * verb before the conjunction, within its clause, or -1.
 */
function disjoinedVerb(doc: Doc, sent: Sentence, first: number): number {
  let k = first - 1;
  while (k > sent.first && doc.pos[k] === POS.ADV) k--;
  if (doc.norm[k] !== 'or' && doc.norm[k] !== 'nor') return -1;
  for (let j = k - 1; j >= Math.max(sent.first, k - 10); j--) {
    if (doc.pos[j] === POS.VERB) return j;
    if (doc.pos[j] === POS.PUNCT && doc.norm[j] !== ',') return -1;
  }
  return -1;
}

/** A modal of possibility or of the future right before the verb ("can hit", "would strike back"). */
function modalBefore(doc: Doc, sent: Sentence, first: number, wordLists: WordLists): boolean {
  let k = first - 1;
  while (k > sent.first && doc.pos[k] === POS.ADV) k--;
  const w = doc.norm[k] ?? '';
  return doc.pos[k] === POS.AUX && (w === 'can' || wordLists.hedges.has(w) || wordLists.future_cues.has(w));
}

/** A verb of the threaten frame ("warns", "threatened") earlier in the sentence, with no full stop or semicolon between. */
function threatVerbBefore(doc: Doc, sent: Sentence, first: number, lexicon: CompiledLexicon): boolean {
  const threaten = lexicon.frames.find((f) => f.id === 'threaten');
  if (threaten === undefined) return false;
  for (let k = first - 1; k >= sent.first; k--) {
    if (doc.norm[k] === ';') return false;
    if ((doc.pos[k] === POS.VERB || doc.pos[k] === POS.NOUN) && threaten.verbs.includes(doc.lemma[k] ?? '') && doc.norm[k + 1] !== 'to') return true;
  }
  return false;
}

/** Sets of what is given that make a cut one of aid only where a recipient is named. */
const RECIPIENT_SETS = new Set(['military_aid', 'protection', 'military_units']);

/** "Blair urged to launch …": a participle of asking right after its subject, "to" right after it, and no "by". */
function askedInHeadline(doc: Doc, sent: Sentence, k: number, wordLists: WordLists): boolean {
  if (k <= sent.first || doc.norm[k + 1] !== 'to' || !wordLists.asking_verbs.has(doc.lemma[k] ?? '')) return false;
  if (!(/ed$/.test(doc.norm[k] ?? '') || wordLists.irregular_participles.has(doc.norm[k] ?? '')) || (doc.pos[k - 1] !== POS.PROPN && doc.pos[k - 1] !== POS.NOUN)) return false;
  for (let j = k + 2; j < sent.last; j++) if (doc.norm[j] === 'by') return false;
  return true;
}

/** Roots whose event with no one named on the other side is aimed at the country where it happens. */
const PLACE_TARGET_ROOTS = new Set(['03', '07', '08', '15', '17', '18', '19', '20']);

/** Roots of violence, whose victims named in a passive clause may be the target of the act named after it. */
const VIOLENT_ROOTS = new Set(['18', '19', '20']);

/** Roots of giving and cooperating, whose events stand without a named recipient ("provided aid to 550 households"). */
const GIVING_ROOTS = new Set(['06', '07']);

/** Roots of mutual acts: a group with no one else ("Japan and Australia signed a pact") is each member's target. */
const RECIPROCAL_ROOTS = new Set(['03', '04', '05', '06', '19']);

/** Roots whose future act ("will give", "will visit") is coded as the intention to act (CAMEO 03). */
const FUTURE_INTENT_ROOTS = new Set(['04', '05', '06', '07', '17', '18', '19', '20']);

/** Roots of asking and demanding: their target may be the subject of the clause that says what is asked. */
const ASKING_ROOTS = new Set(['02', '10']);

/** Labels of a noun that a misread main verb hangs on as a modifier. */
const SUBJECT_LIKE = new Set(['nsubj', 'root', 'dislocated']);

/** Longest sentence handed to the parser; longer ones keep the word-window roles. */
const PARSE_LIMIT = 120;

export function codeSentence(doc: Doc, whole: Sentence, lexicon: CompiledLexicon, date: string | null, context: SentenceContext, parser: SentenceParser | null = null): { events: RawEvent[]; mentions: Mention[] } {
  // the dateline ("KABUL, Afghanistan (Reuters) -") places the report: its words are neither actors nor clause
  let sent = whole;
  if (context.datelineEnd > whole.start && context.datelineEnd < whole.end) {
    let first = whole.first;
    while (first < whole.last && (doc.start[first] ?? 0) < context.datelineEnd) first++;
    sent = { ...whole, first };
  }
  const mentions = findKnownPeople(doc, sent, findActors(doc, sent, lexicon, date), context)
    // an outlet's tag in brackets ("(Reuters)") is where the report comes from, not a party
    .filter((m) => !(m.media && doc.norm[m.first - 1] === '(' && doc.norm[m.last] === ')'));
  resolveAgents(doc, mentions, context, lexicon.wordLists);
  rememberPeople(doc, mentions, context);
  if (mentions.length === 0 && context.lastSubject === null) return { events: [], mentions };
  const inside = new Uint8Array(sent.last - sent.first);
  for (const m of mentions) for (let k = m.first; k < m.last; k++) inside[k - sent.first] = 1;
  const triggers = findTriggers(doc, sent, lexicon, (i) => inside[i - sent.first] === 1);
  if (triggers.length === 0) return { events: [], mentions };
  const ctx = matchContext(doc, sent, lexicon, mentions);
  const attributions = findAttributions(doc, sent, mentions, lexicon.wordLists);
  const reporters = new Set(attributions.map((a) => a.speaker).filter((m): m is Mention => m !== null && m.media));
  const denials = findDenials(doc, sent, lexicon, mentions);

  // Frames: "promised to deliver" — the frame verb's own trigger gives way to the embedded event.
  const frames = new Map<TriggerHit, FrameHit>();
  const consumed = new Set<number>();
  for (const t of triggers) {
    if (t.noun) continue;
    const f = findFrame(doc, sent, lexicon, t.first, mentions);
    if (f !== null) {
      frames.set(t, f);
      for (let k = f.first; k < f.last; k++) consumed.add(k);
    }
  }
  const eventTriggers = triggers.filter((t) => !consumed.has(t.head));
  const speechVerbs = new Set(attributions.map((a) => a.verb));
  const isSpeech = (t: TriggerHit): boolean => speechVerbs.has(t.head) || (!t.noun && lexicon.wordLists.verbs_of_saying.has(doc.lemma[t.head] ?? ''));

  // the tree, parsed once and only for sentences that hold a trigger
  let tree: SentenceTree | null | undefined;
  let words: string[] = [];
  const treeOf = (): SentenceTree | null => {
    if (tree !== undefined) return tree;
    if (parser === null || sent.last - sent.first > PARSE_LIMIT) return (tree = null);
    words = [];
    for (let k = sent.first; k < sent.last; k++) {
      const word = doc.text.slice(doc.start[k], doc.end[k]);
      // a title-case headline is parsed in sentence case, as its tags were read (acronyms and the first word kept)
      words.push(sent.headline === true && k > sent.first && ((doc.flags[k] ?? 0) & TOKEN_FLAGS.ALL_CAPS) === 0 && !word.includes('.') ? word.toLowerCase() : word);
    }
    const parsed = parser.parse(words);
    // a parse that hangs a past-tense verb after a comma on the subject as its modifier ("The prime minister, Ariel
    // Sharon, apologized to Egypt" read as "Sharon, [who was] apologized") has lost the clause: roles from windows
    const rootPos = doc.pos[sent.first + parsed.head.indexOf(-1)];
    const nounRoot = rootPos !== POS.VERB && rootPos !== POS.AUX;
    if (parsed.label.some((l, k) => l === 'acl' && doc.pos[sent.first + k] === POS.VERB && /ed$/.test(words[k] ?? '') && (nounRoot || (words[k - 1] === ',' && SUBJECT_LIKE.has(parsed.label[parsed.head[k] ?? -1] ?? ''))))) return (tree = null);
    return (tree = sentenceTree(sent.first, parsed.head, parsed.label, words, lexicon.wordLists));
  };

  const out: RawEvent[] = [];
  const seen = new Set<string>();
  let victims: Mention[] | null = null;
  const covered: Array<[number, number]> = [];
  // a trigger's best pattern, found once: a verb of saying is matched to decide whether it judges, then coded
  const matches = new Map<TriggerHit, PatternMatch | null>();
  const matchOf = (t: TriggerHit, entry: CompiledVerbEntry): PatternMatch | null => {
    let m = matches.get(t);
    if (m === undefined) {
      m = bestMatch(ctx, entry, t);
      matches.set(t, m);
    }
    return m;
  };
  const codeTrigger = (t: TriggerHit, forced?: string): void => {
    const entry = lexicon.verbs[t.entry];
    if (entry === undefined) return;
    const match = forced === undefined ? matchOf(t, entry) : null;
    let code = forced ?? match?.pattern.code ?? entry.code;
    const framed = frames.get(t) ?? null;
    // "Washington said Khartoum must return the helicopter", "… must be ready to mediate": what one must do is
    // demanded of them (below), whether or not the verb codes an event of its own, and whatever frame it sits in
    const obliged = !t.noun && forced === undefined && obligationBefore(doc, sent, framed?.first ?? t.first, lexicon.wordLists)
      && (framed === null || (framed.frame.modality !== 'denied' && framed.frame.modality !== 'negated'));
    if (code === null && obliged) code = DEMAND_ANY;
    // "---" (imported PETRARCH patterns): the words match, and they say there is no event
    if (code === null || code === '---') return;
    const frame = obliged ? null : framed;
    const anchor = framed?.first ?? t.first;
    // "Blair urged to launch Iraq probe", "Iran told to halt enrichment": a headline's passive of asking names the one
    // asked and no one asking — no event of the one asked
    if (!t.noun && askedInHeadline(doc, sent, framed?.first ?? t.head, lexicon.wordLists)) return;
    const parsed = treeOf();
    let roles = parsed !== null ? treeRoles(parsed, t.head - sent.first, mentions, words, t.noun) : null;
    // a trigger the tree reads as a participle modifying a noun, with no agent ("Mugabe [who was] accused the …"), is
    // as often a main verb the greedy parse lost: the tree does not decide its roles
    if (roles !== null && parsed !== null && roles.passive && parsed.label[t.head - sent.first] === 'acl' && !roles.hasSubject) roles = null;
    // a participle with its agent right after it that the tree reads as active ("Journalist purportedly kidnapped by
    // militants" read as the journalist kidnapping) is a reduced passive the greedy parse lost: the words decide
    if (roles !== null && !roles.passive && !t.noun && doc.norm[t.last] === 'by' && byAgent(doc, sent, t.last, mentions) !== null && isPassive(doc, sent, t.head, lexicon.wordLists)) roles = null;
    const passive = roles !== null ? roles.passive : !t.noun && isPassive(doc, sent, t.head, lexicon.wordLists);

    let sources: Mention[] | null = match?.source ?? null;
    let targets: Mention[] | null = match?.target ?? null;
    const agent = passive ? byAgent(doc, sent, t.last, mentions) : null;
    // roles from the tree where it names an actor; where it names none, the word-window roles below still try
    // (a greedy parse is wrong often enough that giving up there loses more events than it saves)
    // under a frame ("the Pope, who urged him to adopt …") the source is the frame verb's subject
    // (also where the frame verb has no subject of its own: "killed a hostage and threatened to kill another" — the
    // tree hands it the subject of the verb it is coordinated with, which the nearest actor before it is not)
    const subjectRoles = frame !== null && parsed !== null ? treeRoles(parsed, frame.first - sent.first, mentions, words, false) : roles;
    if (sources === null && subjectRoles !== null && subjectRoles.hasSubject && !(frame !== null && subjectRoles.passive)) {
      if (subjectRoles.source !== null) sources = expandGroup(subjectRoles.source, mentions);
      else if (subjectRoles.sourcePronoun) {
        // "China denied reports that it had sent …": a pronoun takes the subject of the clause above it, else the last one
        sources = subjectRoles.antecedent !== null ? expandGroup(subjectRoles.antecedent, mentions) : context.lastSubject;
      }
    }
    if (targets === null && roles !== null && roles.target !== null && !(frame?.frame.objectIsInnerSource && frame.object !== null)) {
      targets = expandGroup(roles.target, mentions);
    } else if (targets === null && roles !== null && roles.targetPronoun >= 0 && sources !== null) {
      // "met Musharraf, who urged him": a person pronoun as object is the last other actor named before it
      const own = sources;
      const before = mentions.filter((m) => m.last <= roles.targetPronoun && m.thing === undefined && !m.media && !own.includes(m));
      const last = before[before.length - 1];
      if (last !== undefined) targets = expandGroup(last, mentions);
    }
    if (sources === null) {
      if (passive) sources = agent !== null ? expandGroup(agent, mentions) : null;
      else {
        const subject = findSubject(doc, sent, anchor, mentions, t.noun, lexicon.wordLists);
        // an event noun takes the clause subject only as the object of a light verb ("launched an attack")
        // where the tree was read, a word-window subject it files under a preposition of place or time is no subject
        const head = subject !== null && parsed !== null ? subject.last - 1 - parsed.first : -1;
        const placed = head >= 0 && parsed !== null && OBLIQUE_LABELS.has(parsed.label[head] ?? '') && lexicon.wordLists.place_prepositions.has(parsed.marker[head] ?? '');
        const usable = subject !== null && !placed && (!t.noun || subject.last >= anchor - 1 || lightVerbBefore(doc, sent, anchor, lexicon.wordLists) || tripPurpose(doc, sent, anchor, lexicon.wordLists));
        sources = usable && subject !== null ? expandGroup(subject, mentions) : t.noun ? possessorPronoun(doc, sent, t.first, mentions, context, lexicon.wordLists) : pronounSubject(doc, sent, anchor, context, lexicon.wordLists);
      }
    }
    // "demanded that the United States match …": the one asked to act is the subject of the clause
    if (targets === null && parsed !== null && !t.noun && ASKING_ROOTS.has(code.slice(0, 2))) {
      const asked = clauseSubject(parsed, t.head - sent.first, mentions, words, new Set(sources ?? []));
      if (asked !== null) targets = expandGroup(asked, mentions);
    }
    // "condemned an attack by Israeli soldiers", "rejected Iran's offer": judging a deed or a proposal is aimed at whoever
    // made it, not at where it happened
    if (parsed !== null && !t.noun && ANSWER_DEED_ROOTS.has(code.slice(0, 2))) {
      const obj = objectOf(parsed, t.head - sent.first);
      if (obj >= 0) {
        // a nationality before the noun names the doer only of a deed the lexicon knows ("the Israeli attack")
        const doer = eventNounAgent(parsed, obj, mentions, triggers.some((x) => x.noun && x.head === parsed.first + obj));
        if (doer !== null && !(sources ?? []).includes(doer)) targets = expandGroup(doer, mentions);
      }
    }
    if (frame?.frame.objectIsInnerSource && frame.object !== null) targets = frame.object;
    else if (targets === null) {
      if (passive) {
        const subject = findSubject(doc, sent, anchor, mentions, false);
        targets = subject !== null ? expandGroup(subject, mentions) : null;
      } else if (!code.startsWith('01') || match?.pattern.hasTarget) {
        const skip = new Set<Mention>([...(sources ?? []), ...(agent !== null ? [agent] : [])]);
        const object = findObject(doc, sent, t.last, mentions, skip, lexicon.wordLists, t.noun);
        targets = object !== null ? expandGroup(object, mentions) : null;
      }
    }
    // a nationality naming a thing is an actor only where the thing is used in force or hit by it
    const rootNow = code.slice(0, 2);
    const boundTarget = match?.target ?? null;
    if (sources !== null) sources = sources.filter((m) => m.thing === undefined || (m.thing === 'platform' && THING_SOURCE_ROOTS.has(rootNow)));
    // an outlet that reports the sentence ("the BBC reported", "an AFP correspondent said") is where the report
    // comes from, not a party to the events it reports
    if (targets !== null) targets = targets.filter((m) => !reporters.has(m));
    // (and one told something — "the Indian High Commission told AFP" — is the report's outlet, not the other side)
    if (targets !== null && isSpeech(t)) targets = targets.filter((m) => !m.media);
    if (targets !== null) targets = targets.filter((m) => m.thing === undefined || (m.thing === 'place' ? boundTarget?.includes(m) === true : m.thing === 'proposal' ? ANSWER_ROOTS.has(rootNow) : THING_TARGET_ROOTS.has(rootNow)));
    // "bombed targets in Iraq", "lifted the curfew in Montenegro", "sent 4,000 troops to a force in Liberia": an act of
    // aid, easing, force or violence with no one named on the other side is aimed at the country where it happens
    // (never the doer's own: "arrested protesters in Turkey" stays domestic with no target)
    // ("cut its forces in Iraq": a cut of one's own forces somewhere is aimed at where they are)
    const ownForces = rootNow === '16' && targets !== null && targets.length > 0 && targets.every((m) => isUnresolvedAgent(m) && m.sector === 'MIL' && ownedBefore(doc, sent, m.first, lexicon.wordLists));
    if ((targets === null || targets.every((m) => isUnresolvedAgent(m))) && (PLACE_TARGET_ROOTS.has(rootNow) || ownForces)) {
      // (coercion at home — "imposed a curfew in southeastern Turkey" — is aimed at the country itself, and so is its
      // easing — "lifted a state of emergency in West Darfur", CAMEO 081x)
      const own = new Set(rootNow === '17' || code.startsWith('081') ? [] : (sources ?? []).map((m) => m.country));
      const place = mentions.find((m) => m.thing === 'place' && m.first >= t.last && m.first - t.last <= 14 && m.country !== null && !own.has(m.country));
      if (place !== undefined) targets = [place];
    }
    // "Four Israeli soldiers were killed when Palestinian militants blew up a tunnel": victims of a passive act of
    // violence with no agent named are the target of the act of violence after it that names no one hit
    if ((sources === null || sources.length === 0) && passive && agent === null && targets !== null && targets.length > 0 && VIOLENT_ROOTS.has(rootNow)) victims = targets;
    if (sources === null || sources.length === 0) return;
    if ((targets === null || targets.every((m) => isUnresolvedAgent(m))) && victims !== null && VIOLENT_ROOTS.has(rootNow) && !victims.some((v) => sources?.includes(v))) targets = victims;

    let { negated, modality } = modalityAround(doc, sent, anchor, t.last, lexicon.wordLists, (i) => inside[i - sent.first] === 1);
    // "will not dismantle its programs or improve ties": a verb joined by "or" / "nor" to a negated one is negated too
    const joined = !t.noun && frame === null ? disjoinedVerb(doc, sent, anchor) : -1;
    let negationAt = anchor;
    if (joined >= 0 && !negated) {
      const before = modalityAround(doc, sent, joined, joined + 1, lexicon.wordLists, (i) => inside[i - sent.first] === 1);
      if (before.negated) {
        negated = true;
        modality = 'negated';
        negationAt = joined;
      }
    }
    let status: Status = null;
    // "is not ready to send troops", "has no plans to meet": a negated intention or offer is the frame it stands for
    // (a refusal), with that frame's status, asserted
    const negatedAs = frame !== null && (frame.negated || negated) && frame.frame.negatedAs !== undefined
      ? lexicon.frames.find((f) => f.id === frame.frame.negatedAs) ?? null : null;
    if (frame !== null && negatedAs !== null) {
      code = mapThroughFrame(negatedAs, code);
      status = /^(1[3-9]|20)/.test(code) ? null : negatedAs.status ?? null;
      negated = false;
      modality = 'asserted';
    } else if (frame !== null) {
      if (frame.negated) negated = true;
      if (frame.negated && modality === 'asserted') modality = 'negated';
      code = mapThroughFrame(frame.frame, code);
      if (frame.frame.modality === 'denied' || frame.frame.modality === 'negated') negated = true;
      if (frame.frame.modality !== undefined && (modality === 'asserted' || frame.frame.modality === 'denied')) modality = frame.frame.modality;
      // (a frame's status is one of assistance: a planned cut or a vow to retaliate is no pledge)
      status = /^(1[3-9]|20)/.test(code) ? null : frame.frame.status ?? null;
    }
    // "Finland will give Tanzania a grant": a future act is an intention to act, coded as the intend frame maps it
    // (cooperation, aid, coercion and force — "will attack" is 138; a coming cut or pull-out keeps its own code, as
    // coders write it)
    // "Iran warns its missiles can hit anywhere in Israel": force said to be possible or coming, in what a verb of
    // threatening or warning says, is the threat
    if (frame === null && !negated && VIOLENT_ROOTS.has(code.slice(0, 2)) && modalBefore(doc, sent, anchor, lexicon.wordLists) && threatVerbBefore(doc, sent, anchor, lexicon)) {
      const threaten = lexicon.frames.find((f) => f.id === 'threaten');
      if (threaten !== undefined) {
        code = mapThroughFrame(threaten, code);
        modality = 'intended';
      }
    } else if (frame === null && modality === 'intended' && !negated && FUTURE_INTENT_ROOTS.has(code.slice(0, 2))) {
      const intend = lexicon.frames.find((f) => f.id === 'intend');
      if (intend !== undefined) {
        const mapped = mapThroughFrame(intend, code);
        if (mapped !== code) {
          code = mapped;
          status = intend.status ?? status;
        }
      }
    }
    // "will not accept a settlement", "won't attend the conference": a coming act of cooperation said not to happen is
    // a refusal, coded as the refuse frame maps it (giving — aid, troops, arms — stays a negated act with its status
    // refused, as coders write "will not deploy forces")
    if (frame === null && negated && REFUSAL_ROOTS.has(code.slice(0, 2)) && !code.startsWith('033') && futureBefore(doc, sent, negationAt, lexicon.wordLists)) {
      const refuse = lexicon.frames.find((f) => f.id === 'refuse');
      if (refuse !== undefined) {
        code = mapThroughFrame(refuse, code);
        status = refuse.status ?? 'refused';
        negated = false;
        modality = 'asserted';
      }
    }
    // a denied clause ("denied that it had delivered", "rejected claims that"): denied, never asserted (find-denials.ts)
    const denial = denialAt(denials, t.head);
    if (denial !== null) {
      negated = true;
      modality = 'denied';
    }
    // "Washington said China must drop barriers": the speaker demands of the one who must act
    if (obliged) {
      const speaker = attributions.find((a) => a.verb < anchor && a.speaker !== null && !sources?.includes(a.speaker))?.speaker ?? null;
      const demand = lexicon.frames.find((f) => f.id === 'demand');
      if (code === DEMAND_ANY && (speaker === null || demand === undefined)) return;
      if (speaker !== null && demand !== undefined) {
        code = mapThroughFrame(demand, code);
        targets = sources;
        sources = expandGroup(speaker, mentions);
        status = 'requested';
      }
    }
    const root = code.slice(0, 2);
    // "Japan and Australia signed a pact": a group with no one else is reciprocal, each member the other's target
    // (a mutual act only — meeting, agreeing, cooperating, fighting — and a group named here, not one a pronoun stands for)
    const reciprocal = (targets === null || targets.length === 0) && sources.length > 1 && sources.every((m) => m.group >= 0 && m.group === sources?.[0]?.group)
      && RECIPROCAL_ROOTS.has(root) && sources.every((m) => mentions.includes(m))
      // (force is mutual only as fighting — "Israel and Hamas clashed", "… postponed their meeting" — while "X and Y would
      // not dare attack" names no target)
      && (root !== '19' || lexicon.wordLists.mutual_force.has(doc.lemma[t.head] ?? '') || lexicon.wordLists.reciprocal_words.has(doc.norm[t.last] ?? ''));
    // (a cooperation or aid that did not happen, with no one on the other side, is no event at all: "gave no figures")
    // (a cut of something the lexicon names — sanctions, aid, mediation, talks — stands without a named other side:
    // "suspended aid deliveries in Borno State", "imposed sanctions on three Iranian organisations")
    // ("reducing nuclear missiles", "cut its troops" with no recipient are arms control and drawdowns, not cuts of aid)
    const namedCut = root === '16' && match !== null && match.pattern.after.some((el) => (el.type === 'set' && !RECIPIENT_SETS.has(el.set)) || el.type === 'word');
    if ((targets === null || targets.length === 0) && !reciprocal && ((TARGET_REQUIRED_ROOTS.has(root) && !namedCut) || (negated && GIVING_ROOTS.has(root)))) return;
    const said = denial?.attribution ?? attributions.find((a) => a.verb !== t.head) ?? null;
    if (said !== null && modality === 'asserted') modality = 'reported';

    const spanFirst = Math.min(t.first, match?.first ?? t.first, anchor);
    const spanLast = Math.max(t.last, match?.last ?? t.last, ...(targets ?? []).map((m) => m.last));
    for (const s of sources) {
      const others = reciprocal ? sources.filter((m) => m !== s) : targets !== null && targets.length > 0 ? targets : [null];
      for (const other of others) {
        // (the doer named again — "Turkey imposed a curfew in Turkey's Cizre" — is no other side: the event stands without
        // one where it has no other, as below)
        const again = other !== null && (other.code === s.code || other === s);
        if (again && others.length > 1) continue;
        // a state and its own government are no dyad: the event stands without a target where its root allows
        // (a statement about one's own country — "Putin says Russia is working on new missiles" — has no other side)
        const self = again || (other !== null && (sameState(s, other) || (root === '01' && other.country !== null && other.country === s.country)));
        if (self && (TARGET_REQUIRED_ROOTS.has(root) || others.length > 1)) continue;
        // an unnamed role with no country the article could give it is no identifiable party: the event stands
        // without a target where its root allows one (a consultation or aid needs its other side, so keeps it)
        const unknown = other !== null && isUnresolvedAgent(other) && !TARGET_REQUIRED_ROOTS.has(root);
        const target = self || unknown ? null : other;
        const key = `${s.code}|${target?.code ?? ''}|${code}|${t.head}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          sentence: sent,
          source: s,
          target,
          code,
          trigger: { first: t.first, last: t.last },
          span: { first: spanFirst, last: Math.min(sent.last, Math.max(spanLast, t.last + 12)) },
          patternLast: match?.last ?? t.last,
          negated,
          modality,
          status,
          attribution: said,
        });
      }
    }
    if (!passive) context.lastSubject = sources;
  };

  // (a judgement — "says it will abide by the 'unfair' resolution" — stands beside what the clause reports; an
  // announcement does not where a verb of the clause it reports codes the event: "announced it will return weapons")
  const judgingSpeech = (t: TriggerHit): boolean => {
    const entry = lexicon.verbs[t.entry];
    const match = entry === undefined ? null : matchOf(t, entry);
    if (match === null || match.pattern.code === null || match.pattern.code.startsWith('01')) return false;
    return match.pattern.code.startsWith('11') || !eventTriggers.some((x) => !x.noun && x !== t && x.head > t.head && x.head < match.last);
  };
  // "rejected a UN call for the group to disarm", "turned down a proposal to hold talks", "made a call for Hezbollah to
  // disarm": the act a proposal or an appeal coded in this sentence asks for has not happened — it is the proposal's
  // content, not an event of its own
  const proposalContent = (t: TriggerHit): boolean => {
    if (t.noun) return false;
    const proposals = lexicon.sets.get('owned_proposal');
    const isProposal = (j: number): boolean => doc.pos[j] === POS.NOUN && [doc.norm[j] ?? '', doc.lemma[j] ?? ''].some((w) => proposals?.get(w)?.some((p) => p.length === 1) === true);
    const answered = (j: number): boolean => out.some((e) => (ANSWER_ROOTS.has(e.code.slice(0, 2)) || ASKING_ROOTS.has(e.code.slice(0, 2))) && e.trigger.last <= j + 1 && j - e.trigger.last <= 6);
    // "a call for the group to disarm": the proposal noun before the infinitive's "to"
    let k = t.first - 1;
    if (doc.lemma[k] === 'be') k--;
    if (doc.norm[k] === 'to') {
      for (let j = k - 1; j >= Math.max(sent.first, k - 8); j--) {
        if (doc.pos[j] === POS.PUNCT || doc.pos[j] === POS.VERB) break;
        if (isProposal(j)) return answered(j);
      }
    }
    // "rebuffed suggestions by Powell that it consider accepting …": the proposal noun before the clause's "that"
    for (k = t.first - 1; k >= Math.max(sent.first, t.first - 8) && doc.norm[k] !== 'that'; k--) if (doc.pos[k] === POS.PUNCT) return false;
    if (doc.norm[k] !== 'that') return false;
    for (let j = k - 1; j >= Math.max(sent.first, k - 8); j--) {
      if (doc.pos[j] === POS.PUNCT || doc.pos[j] === POS.VERB) return false;
      if (isProposal(j)) return answered(j);
    }
    return false;
  };
  for (const t of eventTriggers) {
    // a denial verb and its claim noun ("denied the charges that") wait for their clause: see below
    if (denials.some((d) => t.head >= d.verb && t.head < d.first)) continue;
    // a verb of saying waits until nothing else is reported, unless its words make it an event of its own ("said the
    // US war in Iraq was illegal" is a criticism, whatever else the sentence reports)
    if (isSpeech(t) && !judgingSpeech(t)) continue;
    // a noun inside a pattern that already coded its event is part of that event ("called for talks")
    if (t.noun && covered.some(([a, b]) => t.head >= a && t.head < b)) continue;
    if (proposalContent(t)) continue;
    const before = out.length;
    codeTrigger(t);
    if (out.length > before) {
      const e = out[out.length - 1] as RawEvent;
      covered.push([e.span.first, e.patternLast]);
    }
  }
  // a frame whose embedded verb codes nothing ("asked NATO to help patrol its airspace", "agreed to take part") leaves
  // the frame verb to code as its own entry says ("ask $T to help" 023, "agree to" 030)
  for (const [t, f] of frames) {
    if (out.some((e) => e.trigger.first === t.first)) continue;
    const own = triggers.find((x) => x.head >= f.first && x.head < f.last && !x.noun);
    if (own === undefined || out.some((e) => e.trigger.first === own.first)) continue;
    const before = out.length;
    codeTrigger(own);
    // (a mere statement — "hopes to receive" as a comment — is no event of the frame's)
    if (out.slice(before).some((e) => e.code.startsWith('01'))) out.length = before;
  }
  // a denial verb whose clause coded an event is the denial (its frame's verbCode: 016); otherwise it codes as its entry says
  const coded = out.length;
  for (const d of denials) {
    const t = triggers.find((x) => x.head === d.verb);
    const denies = out.some((e) => e.trigger.first >= d.first && e.trigger.first < d.last);
    if (t !== undefined && (denies ? d.verbCode !== null : !consumed.has(t.head))) codeTrigger(t, denies ? (d.verbCode ?? undefined) : undefined);
  }
  if (out.length > coded) out.sort((a, b) => a.trigger.first - b.trigger.first);
  // a verb of saying is an event only when nothing else is reported and its speaker is a party, not a reporter
  if (out.length === 0) {
    for (const t of eventTriggers) {
      if (!isSpeech(t)) continue;
      const attribution = attributions.find((a) => a.verb === t.head);
      const speaker = attribution?.speaker;
      // a statement needs a speaker with an identity: a state, an organisation, a person — not "officials said"
      if (speaker && !speaker.media && !speaker.generic && !(speaker.basis === 'agent' && speaker.country === null)) codeTrigger(t);
    }
  }
  if (out.length === 0) {
    const first = mentions.find((m) => !m.media && !m.generic);
    if (first !== undefined) context.lastSubject = expandGroup(first, mentions);
  }
  return { events: out, mentions };
}
