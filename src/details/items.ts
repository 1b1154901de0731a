// Details: a sentence (or the part after an event's trigger) → the items it names: equipment and aid, with model and quantity.
import type { Item } from '../types/index.js';
import type { DetailsLexicon } from '../lexicon/compiled.js';
import { isUnder, modelKey, type Equipment, type ModelName } from '../lexicon/equipment.js';
import { defaultDetailsLexicon } from '../lexicon/load-lexicon.js';
import type { WordLists } from '../lexicon/word-lists.js';
import { readQuantity, type QuantityMatch } from './quantity.js';
import { tokenize, type Tokens } from '../lexicon/tokens.js';

const HAS_DIGIT = /\d/;
/** Whether a word begins with a capital: a char-code test for ASCII, the Unicode class otherwise. */
function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(w);
}
const DESIGNATION = /^[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Za-z]{0,3}$/;

/** A run of tokens naming one thing: a model, a kind word, or both ("Mi-35 attack helicopters"). */
interface Head {
  first: number;
  last: number;
  kind: string | null;
  model: ModelName | null;
  /** The model as written, when it should be kept that way ("Mi-35M"). */
  written: string | null;
  /** A model whose key is an unknown designation ("Z-19"): kept only before a kind word. */
  unknownModel: string | null;
  /** Context for a soft name: a kind or generic word beside it, or the plural. */
  context: boolean;
}

function matchKind(t: Tokens, i: number, to: number, equipment: Equipment): [number, string] | null {
  const list = equipment.phrases.get(t.lower[i] ?? '');
  if (list === undefined) return null;
  outer: for (const p of list) {
    if (i + p.tokens.length > to) continue;
    for (let k = 1; k < p.tokens.length; k++) if (t.lower[i + k] !== p.tokens[k]) continue outer;
    return [i + p.tokens.length, p.kind];
  }
  return null;
}

/** Model keys of tokens, computed once per token list. */
const keyCache = new WeakMap<Tokens, string[]>();
function tokenKey(t: Tokens, k: number): string {
  let keys = keyCache.get(t);
  if (keys === undefined) { keys = []; keyCache.set(t, keys); }
  return (keys[k] ??= modelKey(t.words[k] ?? ''));
}

function matchModel(t: Tokens, i: number, to: number, equipment: Equipment): Head | null {
  const w = t.words[i] ?? '';
  const hasDigit = HAS_DIGIT.test(w);
  if (!hasDigit && !startsUpper(w)) return null;
  if (!hasDigit) {
    // most capitalised words are names, not models: only a word that can begin a model key goes further
    const first = tokenKey(t, i);
    if (!equipment.keyPrefixes.has(first) && !(first.endsWith('S') && equipment.keyPrefixes.has(first.slice(0, -1)))) return null;
  }
  const most = Math.min(equipment.maxModelTokens, to - i);
  const keys: string[] = [];
  for (let n = 1, key = ''; n <= most; n++) keys.push((key += tokenKey(t, i + n - 1)));
  for (let n = most; n >= 1; n--) {
    const key = keys[n - 1] ?? '';
    const lastKey = tokenKey(t, i + n - 1);
    if (lastKey === '') continue;
    const last = t.words[i + n - 1] ?? '';
    let name = equipment.models.get(key);
    let variant = false;
    let plural = false;
    if (name === undefined && key.endsWith('S') && last.endsWith('s')) {
      name = equipment.models.get(key.slice(0, -1));
      plural = name !== undefined;
    }
    if (name === undefined && /\d/.test(lastKey)) {
      // a variant suffix inside the last token: "Su-30MKI", "T-72B3", "Leopard 2A6", "Mi-35s"
      for (let cut = key.length - 1; cut > key.length - lastKey.length && name === undefined; cut--) {
        if (/\d/.test(key[cut - 1] ?? '') && /[A-Z]/.test(key[cut] ?? '')) {
          name = equipment.models.get(key.slice(0, cut));
          variant = name !== undefined;
          plural = variant && key.slice(cut) === 'S' && last.endsWith('s');
        }
      }
    }
    if (name === undefined) continue;
    const written = t.text.slice(t.starts[i], t.ends[i + n - 1]);
    if (name.caps && written.replace(/s$/, '') !== written.replace(/s$/, '').toUpperCase()) continue;
    if (name.soft && !/^\p{Lu}/u.test(w)) continue;
    const clean = plural ? written.slice(0, -1) : written;
    const canon = modelKey(name.entry.model);
    const keep = (variant && !plural) || (/\d/.test(clean) && modelKey(clean) !== canon && modelKey(clean).startsWith(canon));
    return { first: i, last: i + n, kind: null, model: name, written: keep ? clean : null, unknownModel: null, context: plural };
  }
  if (DESIGNATION.test(w) && /\d/.test(w) && /[A-Za-z]/.test(w)) {
    return { first: i, last: i + 1, kind: null, model: null, written: null, unknownModel: w, context: false };
  }
  return null;
}

/** Models, kind words and their runs, left to right. */
function findHeads(t: Tokens, from: number, to: number, equipment: Equipment, wordLists: WordLists): Head[] {
  const raw: Head[] = [];
  for (let i = from; i < to; i++) {
    const model = matchModel(t, i, to, equipment);
    const kind = matchKind(t, i, to, equipment);
    if (kind !== null && (model === null || model.model === null || kind[0] > model.last)) {
      raw.push({ first: i, last: kind[0], kind: kind[1], model: null, written: null, unknownModel: null, context: true });
      i = kind[0] - 1;
    } else if (model !== null) {
      raw.push(model);
      i = model.last - 1;
    }
  }
  // join adjacent runs: "Mi-35 attack helicopters", "tank ammunition", "S-400 systems"
  const heads: Head[] = [];
  for (const h of raw) {
    const prev = heads[heads.length - 1];
    if (prev !== undefined && prev.last === h.first && (h.kind !== null || prev.kind === null && prev.model === null)) {
      prev.last = h.last;
      prev.kind = h.kind ?? prev.kind;
      prev.context = true;
      if (prev.model === null && prev.unknownModel === null) { prev.model = h.model; prev.unknownModel = h.unknownModel; prev.written = h.written; }
    } else heads.push({ ...h });
  }
  for (const h of heads) {
    while (h.last < to && wordLists.item_generic_words.has(t.lower[h.last] ?? '') && (h.model !== null || h.kind !== null)) { h.last++; h.context = true; }
  }
  return heads.filter((h) => !wordLists.not_item_before.has(t.lower[h.last] ?? '') && (h.unknownModel === null || h.kind !== null));
}

/** The stretch between a quantity and its item holds only modifier words ("48 new Russian-made helicopters", "five of its"). */
function gapOk(t: Tokens, from: number, to: number, wordLists: WordLists): boolean {
  if (to - from > 4) return false;
  for (let k = from; k < to; k++) {
    const w = t.lower[k] ?? '';
    if (w === 'of' && k === from && wordLists.of_determiners.has(t.lower[k + 1] ?? '')) continue;
    if (wordLists.item_breaks.has(w) || !/^[\p{L}][\p{L}\p{N}'’-]*$/u.test(w)) return false;
  }
  return true;
}

function kindOf(h: Head, equipment: Equipment): string {
  const modelKind = h.model?.entry.kind ?? null;
  if (modelKind === null) return h.kind ?? 'arms';
  if (h.kind === null) return modelKind;
  if (equipment.kinds.get(h.kind)?.support === true || isUnder(equipment, h.kind, modelKind)) return h.kind;
  return modelKind;
}

function item(t: Tokens, base: number, first: number, last: number, kind: string, model: string | null, q: QuantityMatch | null): Item {
  const start = t.starts[first] ?? 0;
  const end = t.ends[last - 1] ?? start;
  const out: Item = { text: t.text.slice(start, end), kind, model, quantity: q?.quantity ?? null, unit: q?.unit ?? null, start: base + start, end: base + end };
  if (q !== null && q.max !== null) out.max = q.max;
  if (q !== null && q.approx) out.approx = true;
  return out;
}

/**
 * The items a sentence names, in text order: `findItems("China handed Iraq 20 thousand assault rifles.", 120)` →
 * `[{text: "20 thousand assault rifles", kind: "rifle", model: null, quantity: 20000, unit: null, start: 138, end: 164}]`.
 * `range` (article offsets, like the results) limits the search to part of the sentence, e.g. the words after a trigger.
 * A sum of money is an item of kind `money` unless it is the price or value of something ("worth $2 billion").
 * Quantity conventions: see {@link Quantity}. `max` and `approx` are present only when set.
 */
export function findItems(sentenceText: string, sentenceStart: number, range?: { start: number; end: number }, lexicon: Pick<DetailsLexicon, 'equipment' | 'wordLists'> = defaultDetailsLexicon()): Item[] {
  const { equipment, wordLists } = lexicon;
  const t = tokenize(sentenceText);
  let from = 0;
  let to = t.words.length;
  if (range !== undefined) {
    while (from < to && (t.starts[from] ?? 0) < range.start - sentenceStart) from++;
    while (to > from && (t.ends[to - 1] ?? 0) > range.end - sentenceStart) to--;
  }
  const heads = findHeads(t, from, to, equipment, wordLists);
  const inHead = new Uint8Array(t.words.length);
  for (const h of heads) for (let k = h.first; k < h.last; k++) inHead[k] = 1;
  const quantities: QuantityMatch[] = [];
  for (let i = from; i < to; i++) {
    if (inHead[i] === 1) continue;
    const q = readQuantity(t, i, wordLists);
    if (q === null || q.last > to) continue;
    let clash = false;
    for (let k = q.first; k < q.last; k++) if (inHead[k] === 1) clash = true;
    if (clash) continue;
    quantities.push(q);
    i = q.last - 1;
  }
  const used = new Set<QuantityMatch>();
  const items: Item[] = [];
  for (const h of heads) {
    let q: QuantityMatch | null = null;
    for (let k = quantities.length - 1; k >= 0; k--) {
      const c = quantities[k];
      if (c === undefined || c.last > h.first) continue;
      if (!used.has(c) && gapOk(t, c.last, h.first, wordLists)) q = c;
      break;
    }
    const soft = h.model !== null && h.model.soft && h.kind === null;
    if (soft && !h.context && (q === null || q.last !== h.first)) continue;
    const kind = kindOf(h, equipment);
    const mass = equipment.kinds.get(kind)?.mass === true;
    if (q !== null) {
      used.add(q);
      if (q.money && !mass) q = null; // the value of the thing, not a count: "$1 billion weapons package"
      else if (mass && !q.money && q.unit === null && (q.quantity ?? q.max ?? 0) < 1000) q = null;
    }
    const model = h.model !== null ? h.written ?? h.model.entry.model : h.unknownModel;
    if (q !== null && q.money) items.push(item(t, sentenceStart, q.first, h.last, 'money', null, q));
    else items.push(item(t, sentenceStart, q?.first ?? h.first, h.last, kind, model, q));
  }
  // sums of money that are not a price: "$50 million in aid", "a loan of 2 billion yuan"
  for (const q of quantities) {
    if (used.has(q) || !q.money) continue;
    if (wordLists.money_not_item_before.has(t.lower[q.first - 1] ?? '') || wordLists.money_not_item_after.has(t.lower[q.last] ?? '')) continue;
    let last = q.last;
    if (t.lower[last] === 'in' || t.lower[last] === 'of') {
      for (let k = last + 1; k < Math.min(to, last + 5); k++) if (wordLists.money_aid_words.has(t.lower[k] ?? '')) { last = k + 1; break; }
    }
    if (last === q.last && t.lower[q.first - 1] === 'for' && items.length > 0) continue; // "sold ... for $50 million": a price
    items.push(item(t, sentenceStart, q.first, last, 'money', null, q));
  }
  // "$5 million in humanitarian aid": one item of money, not money plus aid
  const sums = items.filter((i) => i.kind === 'money' && i.quantity !== null);
  const kept = items.filter((i) => !(equipment.kinds.get(i.kind)?.mass === true && i.quantity === null && sums.some((m) => m !== i && m.start <= i.start && m.end >= i.end)));
  return kept.sort((a, b) => a.start - b.start);
}
