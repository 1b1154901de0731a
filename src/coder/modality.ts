// Coder stage: the words around a trigger → negation, modality and attribution of the event.
import type { Doc, Sentence } from '../nlp/doc.js';
import { POS } from '../nlp/pos.js';
import type { WordLists } from '../lexicon/word-lists.js';
import type { Modality } from '../types/index.js';
import type { Mention } from './mention.js';

/**
 * Is the condition word at `k` one? "if" and "unless" always; "provided"/"providing" only as a conjunction ("provided
 * that", ", provided"), not the verb ("provided aid to Lebanon"); "condition(s)" only as terms ("on condition that",
 * "conditions for"), not a state ("living conditions").
 */
function conditionAt(doc: Doc, k: number): boolean {
  const norm = doc.norm[k] ?? '';
  const next = doc.norm[k + 1] ?? '';
  const prev = doc.norm[k - 1] ?? '';
  if (norm === 'provided' || norm === 'providing') return next === 'that' || prev === ',';
  if (norm === 'condition' || norm === 'conditions') return prev === 'on' || prev === 'with' || next === 'that' || next === 'for' || next === 'on' || next === 'attached';
  return true;
}

export interface Attribution {
  first: number;
  last: number;
  /** The verb of saying. */
  verb: number;
  speaker: Mention | null;
}

/** The negation and modality cues (the lexicon's negators, hedges, future cues, conditions) in the few words before the trigger (same clause). */
export function modalityAround(doc: Doc, sent: Sentence, first: number, last: number, wordLists: WordLists, insideActor: (i: number) => boolean = () => false): { negated: boolean; modality: Modality } {
  let negated = false;
  let hedge = false;
  let future = false;
  for (let k = first - 1; k >= Math.max(sent.first, first - 5); k--) {
    const norm = doc.norm[k] ?? '';
    if (norm === ',' || norm === ';' || doc.pos[k] === POS.VERB) break;
    // (a word of a name is no cue: "Reporters Without Borders has labeled …")
    if (insideActor(k)) continue;
    if (wordLists.negators.has(norm)) negated = true;
    else if (wordLists.hedges.has(norm)) hedge = true;
    else if (wordLists.future_cues.has(norm)) future = true;
  }
  // "refrained from", "no longer": negation right after ("did not ... any")
  if (doc.norm[last] === 'no' && doc.norm[last + 1] === 'longer') negated = true;
  // "gave no figures", "sent no troops": nothing was given or sent
  if (doc.norm[last] === 'no') negated = true;
  let conditional = false;
  for (let k = sent.first; k < sent.last; k++) if (wordLists.conditions.has(doc.norm[k] ?? '') && conditionAt(doc, k)) { conditional = true; break; }
  const modality: Modality = negated ? 'negated' : conditional ? 'conditional' : hedge ? 'possible' : future ? 'intended' : 'asserted';
  return { negated, modality };
}

/** Finds "X said", ", the agency reported", "according to X", "X quoted Y as saying" in a sentence (verbs of saying: the lexicon's). */
export function findAttributions(doc: Doc, sent: Sentence, mentions: Mention[], wordLists: WordLists): Attribution[] {
  const out: Attribution[] = [];
  for (let k = sent.first; k < sent.last; k++) {
    const norm = doc.norm[k] ?? '';
    if (norm === 'according' && doc.norm[k + 1] === 'to') {
      let end = k + 2;
      while (end < sent.last && doc.norm[end] !== ',' && doc.norm[end] !== '.' && doc.norm[end] !== ';') end++;
      const speaker = mentions.find((m) => m.first >= k + 2 && m.last <= end) ?? null;
      out.push({ first: k + 2, last: end, verb: k, speaker });
      continue;
    }
    if (!(doc.pos[k] === POS.VERB || doc.pos[k] === POS.NOUN) || !wordLists.verbs_of_saying.has(doc.lemma[k] ?? '')) continue;
    if (doc.pos[k] === POS.NOUN) continue;
    // the speaker: the noun phrase before the verb (", the Kommersant newspaper reported") or right after it ("said the minister")
    // ("the government has said", "officials have repeatedly said": auxiliaries and adverbs stand between)
    let verbStart = k;
    while (verbStart > sent.first && k - verbStart < 3 && (doc.pos[verbStart - 1] === POS.AUX || doc.pos[verbStart - 1] === POS.ADV)) verbStart--;
    let start = verbStart;
    while (start > sent.first && !/^[,;:"“”(]$/.test(doc.norm[start - 1] ?? '') && doc.pos[start - 1] !== POS.VERB && doc.pos[start - 1] !== POS.AUX && verbStart - start < 8) start--;
    let first = start;
    let last = verbStart;
    // "Zabihullah Mujahid, the Taliban spokesman, claimed …": the speaker is the apposition that closes before the verb
    const apposition = first === last && doc.norm[last - 1] === ',' ? mentions.find((m) => m.last === last - 1) : undefined;
    if (apposition !== undefined) {
      out.push({ first: apposition.first, last: apposition.last, verb: k, speaker: apposition });
      continue;
    }
    // 'a group calling itself "The Islamic Army in Iraq" said …': a name in quotes that closes right before the verb
    const quoted = first === last && /^["”']$/.test(doc.norm[last - 1] ?? '') ? mentions.find((m) => m.last === last - 1) : undefined;
    if (quoted !== undefined) {
      out.push({ first: quoted.first, last: quoted.last, verb: k, speaker: quoted });
      continue;
    }
    if (first === last && last === k && (doc.pos[k + 1] === POS.DET || doc.pos[k + 1] === POS.PROPN || doc.pos[k + 1] === POS.NOUN)) {
      first = k + 1;
      last = first;
      while (last < sent.last && !/^[,;:."“”]$/.test(doc.norm[last] ?? '') && last - first < 8) last++;
    }
    if (first >= last) continue;
    const speaker = mentions.find((m) => m.first >= first && m.last <= last) ?? null;
    out.push({ first, last, verb: k, speaker });
  }
  return out;
}
