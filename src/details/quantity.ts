// Details: words of a quantity ("up to 9,000", "two batches of", "$50 million") → number, bound, approximation and unit.
import { defaultWordLists } from '../lexicon/load-lexicon.js';
import { tokenize, type Tokens } from '../lexicon/tokens.js';
import type { WordLists } from '../lexicon/word-lists.js';

/**
 * A parsed quantity. Conventions (the same in every Item):
 * - exact: "48", "five", "20 thousand", "a dozen" (12), "a pair of" (2) → `{quantity, max: null, approx: false}`;
 * - range: "10 to 12", "10-12", "between 10 and 12", "two or three" → `{quantity: 10, max: 12, approx: false}`;
 * - lower bound: "more than 2,500", "at least", "over" → `{quantity: 2500, approx: true}`;
 * - upper bound: "up to 9,000", "as many as", "less than" → `{quantity: null, max: 9000, approx: false}`
 *   (the bound itself is exact; the count is unknown, so there is nothing to call approximate);
 * - hedged: "about", "around", "nearly", "some", "an estimated" → `{quantity, approx: true}`;
 * - vague plurals take the smallest number they can mean, marked approximate: "dozens" → 24, "scores" → 40,
 *   "hundreds" → 200, "thousands" → 2000, "tens of thousands" → 20000, "a couple of" → 2, "several hundred" → 300;
 *   "several", "a few", "a number of" → `{quantity: null, approx: true}`;
 * - units: money as ISO 4217 ("$50 million", "50 million dollars" → `USD`, "€2bn" → `EUR`), bulk measures
 *   ("500 tonnes of" → `tonnes`), and containers ("two batches of" → `{quantity: 2, unit: 'batch'}`: two batches,
 *   not two things).
 */
export interface Quantity {
  quantity: number | null;
  max: number | null;
  approx: boolean;
  unit: string | null;
}

/** A quantity found in a token list: tokens `first` (inclusive) to `last` (exclusive); `money` when the unit is a currency. */
export interface QuantityMatch extends Quantity {
  first: number;
  last: number;
  money: boolean;
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, mln: 1e6, mn: 1e6, bln: 1e9, bn: 1e9, tn: 1e12,
};
const SUFFIX_SCALE: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9, bln: 1e9, tn: 1e12 };
/** Vague plurals: the smallest number each can mean. */
const VAGUE: Record<string, number> = { dozens: 24, scores: 40, hundreds: 200, thousands: 2000, millions: 2e6, billions: 2e9 };

/** Bulk measures: the unit may stand without "of" ("500 tonnes"). */
/** Containers and counters: only with "of" ("two batches of"); null means the counter adds nothing ("units of"). */

type Bound = 'none' | 'lower' | 'upper' | 'approx';
/** Words before a number and what they make of it. Longest first within one first word. */
const MODIFIERS: Array<[string[], Bound]> = [
  [['up', 'to'], 'upper'], [['as', 'many', 'as'], 'upper'], [['as', 'much', 'as'], 'upper'], [['less', 'than'], 'upper'],
  [['fewer', 'than'], 'upper'], [['no', 'more', 'than'], 'upper'], [['not', 'more', 'than'], 'upper'],
  [['a', 'maximum', 'of'], 'upper'], [['at', 'most'], 'upper'], [['under'], 'upper'], [['just', 'under'], 'approx'],
  [['more', 'than'], 'lower'], [['over'], 'lower'], [['at', 'least'], 'lower'], [['in', 'excess', 'of'], 'lower'],
  [['upwards', 'of'], 'lower'], [['above'], 'lower'], [['no', 'fewer', 'than'], 'lower'], [['no', 'less', 'than'], 'lower'],
  [['a', 'minimum', 'of'], 'lower'], [['just', 'over'], 'approx'], [['about'], 'approx'], [['around'], 'approx'],
  [['approximately'], 'approx'], [['roughly'], 'approx'], [['nearly'], 'approx'], [['almost'], 'approx'],
  [['some'], 'approx'], [['an', 'estimated'], 'approx'], [['estimated'], 'approx'], [['close', 'to'], 'approx'],
  [['circa'], 'approx'], [['approx'], 'approx'], [['between'], 'none'], [['from'], 'none'],
];
/**
 * Words a quantity can start with, other than digits, number words and the lexicon's currency codes, signs and bulk
 * units: a cheap gate.
 */
const STARTS = new Set([...MODIFIERS.map(([words]) => words[0] ?? ''), ...Object.keys(VAGUE),
  'a', 'an', 'tens', 'several', 'few', 'numerous', 'dozen']);

const DIGITS = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z]{0,3})$/i;
const RANGE_TOKEN = /^(\d+(?:\.\d+)?)[-–](\d+(?:\.\d+)?)$/;

interface NumberRead { value: number | null; max: number | null; approx: boolean; end: number; scaled: boolean; scale: number }

function round(value: number): number {
  return value >= 1000 ? Math.round(value) : Math.round(value * 1e6) / 1e6;
}

/** Number words, with the hyphenated compounds ("twenty-five"). */
const NUMBER_WORDS = new Set(Object.keys(SMALL));
for (const tens of ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']) {
  for (const unit of ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']) { NUMBER_WORDS.add(`${tens}-${unit}`); NUMBER_WORDS.add(`${tens}–${unit}`); }
}

function isNumberWord(w: string): boolean {
  return NUMBER_WORDS.has(w);
}

/** Reads a written or digit number at token `i` ("20 thousand", "1.5 million", "twenty-five", "a dozen", "dozens of"). */
function readNumber(t: Tokens, i: number, afterSign: boolean): NumberRead | null {
  const w = t.lower[i];
  if (w === undefined) return null;
  const next = t.lower[i + 1];
  // vague words
  if (w in VAGUE) {
    let value = VAGUE[w] ?? 0;
    let end = i + 1;
    const times = next === 'of' ? VAGUE[t.lower[i + 2] ?? ''] : undefined;
    if (times !== undefined) { // "hundreds of thousands"
      value *= times / 2;
      end = i + 3;
    }
    return { value, max: null, approx: true, end, scaled: true, scale: 1 };
  }
  if (w === 'tens' && next === 'of' && (t.lower[i + 2] === 'thousands' || t.lower[i + 2] === 'millions')) {
    return { value: t.lower[i + 2] === 'thousands' ? 20000 : 2e7, max: null, approx: true, end: i + 3, scaled: true, scale: 1 };
  }
  if (w === 'several' || w === 'few' || w === 'numerous') {
    const scale = next !== undefined ? (next === 'hundred' ? 100 : SCALE[next]) : undefined;
    if (scale !== undefined) return { value: 3 * scale, max: null, approx: true, end: i + 2, scaled: true, scale: 1 };
    return { value: null, max: null, approx: true, end: i + 1, scaled: false, scale: 1 };
  }
  if (w === 'a' || w === 'an') {
    if (next === 'dozen') return { value: 12, max: null, approx: false, end: i + 2, scaled: false, scale: 1 };
    if (next === 'couple' && t.lower[i + 2] === 'of') return { value: 2, max: null, approx: true, end: i + 2, scaled: false, scale: 1 };
    if (next === 'pair' && t.lower[i + 2] === 'of') return { value: 2, max: null, approx: false, end: i + 2, scaled: false, scale: 1 };
    if (next === 'few') return { value: null, max: null, approx: true, end: i + 2, scaled: false, scale: 1 };
    if (next === 'number' && t.lower[i + 2] === 'of') return { value: null, max: null, approx: true, end: i + 2, scaled: false, scale: 1 };
    if (next === 'hundred') return readWords(t, i + 1, 1);
    if (next !== undefined && next in SCALE) return readWords(t, i + 1, 1);
    return null;
  }
  const range = RANGE_TOKEN.exec(w);
  if (range !== null) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (hi > lo) return scaleNumber(t, i + 1, lo, hi, false, afterSign);
    return null;
  }
  const d = DIGITS.exec(w);
  if (d !== null) {
    const value = Number(`${(d[1] ?? '').replace(/,/g, '')}${d[2] !== undefined ? `.${d[2]}` : ''}`);
    const suffix = (d[3] ?? '').toLowerCase();
    if (suffix !== '') {
      const scale = SUFFIX_SCALE[suffix];
      if (scale === undefined) return null; // "2A6", "10th": not a count
      return { value: round(value * scale), max: null, approx: false, end: i + 1, scaled: true, scale };
    }
    return scaleNumber(t, i + 1, value, null, false, afterSign);
  }
  if (isNumberWord(w) || w === 'dozen') return readWords(t, i, 0);
  return null;
}

/** Applies a scale word after a digit number ("20 thousand", "$50 m"). */
function scaleNumber(t: Tokens, i: number, value: number, max: number | null, approx: boolean, afterSign: boolean): NumberRead {
  const w = t.lower[i];
  let scale = w !== undefined ? (w === 'hundred' ? 100 : SCALE[w]) : undefined;
  if (scale === undefined && afterSign && w !== undefined) scale = SUFFIX_SCALE[w];
  if (scale === undefined) return { value, max, approx, end: i, scaled: false, scale: 1 };
  return { value: round(value * scale), max: max === null ? null : round(max * scale), approx, end: i + 1, scaled: true, scale };
}

/** Written numbers: "twenty-five", "two hundred and fifty", "three thousand", "two dozen". */
function readWords(t: Tokens, i: number, start: number): NumberRead | null {
  let total = 0;
  let current = start;
  let end = i;
  let any = start > 0;
  let scale = 1;
  for (let j = i; j < t.lower.length; j++) {
    const w = t.lower[j] ?? '';
    if (w in SMALL) current += SMALL[w] ?? 0;
    else if (isNumberWord(w)) {
      const [a, b] = w.split(/[-–]/);
      current += (SMALL[a ?? ''] ?? 0) + (SMALL[b ?? ''] ?? 0);
    } else if (w === 'hundred') current = (current === 0 ? 1 : current) * 100;
    else if (w === 'dozen') current = (current === 0 ? 1 : current) * 12;
    else if (w in SCALE) {
      scale = Math.max(scale, SCALE[w] ?? 1);
      total += (current === 0 ? 1 : current) * (SCALE[w] ?? 1);
      current = 0;
    } else if (w === 'and' && any && j + 1 < t.lower.length && isNumberWord(t.lower[j + 1] ?? '')) continue;
    else break;
    any = true;
    end = j + 1;
  }
  if (!any || end === i) return null;
  return { value: total + current, max: null, approx: false, end, scaled: total > 0, scale };
}

function matchModifier(t: Tokens, i: number): [number, Bound] | null {
  for (const [words, bound] of MODIFIERS) {
    if (t.lower[i] !== words[0]) continue;
    let ok = true;
    for (let k = 1; k < words.length; k++) if (t.lower[i + k] !== words[k]) { ok = false; break; }
    if (ok) return [i + words.length, bound];
  }
  return null;
}

/** The gate of each lexicon's word lists, built on first use. */
const GATES = new WeakMap<WordLists, ReadonlySet<string>>();

/** The gate in one lookup: STARTS, number words, currency signs, bulk units and currency codes (lower-cased; the code itself is checked later). */
function gateOf(wordLists: WordLists): ReadonlySet<string> {
  let gate = GATES.get(wordLists);
  if (gate === undefined) {
    gate = new Set([...STARTS, ...wordLists.currency_signs.keys(), ...wordLists.bulk_units.keys(), ...NUMBER_WORDS, ...[...wordLists.currency_codes].map((c) => c.toLowerCase())]);
    GATES.set(wordLists, gate);
  }
  return gate;
}

/** Reads a quantity starting exactly at token `i`, or returns null. `wordLists`: the lexicon's word lists (currency codes, …). */
export function readQuantity(t: Tokens, i: number, wordLists: WordLists = defaultWordLists()): QuantityMatch | null {
  const w0 = t.lower[i] ?? '';
  const c0 = w0.charCodeAt(0);
  if (!(c0 >= 48 && c0 <= 57) && !gateOf(wordLists).has(w0)) return null;
  let pos = i;
  let bound: Bound = 'none';
  const mod = matchModifier(t, pos);
  const rangeWord = t.lower[i] === 'between' ? 'and' : t.lower[i] === 'from' ? 'to' : null;
  // "handed over 50 howitzers": a verb's particle, not "more than"
  if (mod !== null && t.lower[i] === 'over' && wordLists.over_particle_verbs.has(t.lower[i - 1] ?? '')) return null;
  if (mod !== null) [pos, bound] = mod;
  let unit: string | null = null;
  const sign = wordLists.currency_signs.get(t.lower[pos] ?? '');
  if (sign !== undefined) { unit = sign; pos++; } else if (wordLists.currency_codes.has(t.words[pos] ?? '')) { unit = t.words[pos] ?? null; pos++; }
  const first = t.words[pos];
  if (first === undefined) return null;
  // a unit with no number: "tonnes of food"
  const bulk = wordLists.bulk_units.get(t.lower[pos] ?? '');
  if (mod === null && unit === null && bulk !== undefined && t.lower[pos + 1] === 'of' && bulk !== 'pounds') {
    return { quantity: null, max: null, approx: false, unit: bulk, first: i, last: pos + 2, money: false };
  }
  const num = readNumber(t, pos, unit !== null);
  if (num === null) return null;
  if (/^\d{4}$/.test(first) && unit === null && !num.scaled) {
    const before = t.lower[i - 1] ?? '';
    const v = Number(first);
    if (v >= 1900 && v <= 2100 && (wordLists.year_before.has(before) || wordLists.month_words.has(before) || t.lower[pos + 1] === ',')) return null;
  }
  if (wordLists.not_count_after.has(t.lower[num.end] ?? '') || (t.lower[num.end] === 'per' && t.lower[num.end + 1] === 'cent')) return null;
  if (rangeWord !== null && t.lower[num.end] !== rangeWord) return null; // "from Syria", "between 2015 and ..." without a second number
  let { value, max } = num;
  let approx = num.approx;
  let end = num.end;
  // a second number makes a range: "10 to 12", "10-12", "two or three", "between 10 and 12"
  const joiner = t.lower[end];
  if (value !== null && max === null && (joiner === 'to' || joiner === '-' || joiner === '–' || joiner === 'or' || (joiner === 'and' && rangeWord === 'and'))) {
    const second = readNumber(t, end + 1, unit !== null);
    if (second !== null && second.value !== null && second.value > value) {
      max = second.value;
      // "2 to 3 million": the scale of the second number applies to the first
      if (num.scale === 1 && second.scale > 1) value = round(value * second.scale);
      end = second.end;
    } else if (rangeWord !== null) return null;
  }
  // a currency or unit after the number
  const after = t.lower[end] ?? '';
  if (unit === null) {
    if (wordLists.currency_codes.has(t.words[end] ?? '')) { unit = t.words[end] ?? null; end++; }
    else if ((after === 'us' || after === 'u.s') && t.lower[end + 1]?.startsWith('dollar')) { unit = 'USD'; end += 2; }
    else if (after === 'pounds' && t.lower[end + 1] === 'sterling') { unit = 'GBP'; end += 2; }
    else if (after === 'swiss' && t.lower[end + 1]?.startsWith('franc')) { unit = 'CHF'; end += 2; }
    else if (wordLists.currency_words.get(after) !== undefined) { unit = wordLists.currency_words.get(after) ?? null; end++; }
    else if (wordLists.bulk_units.get(after) !== undefined) {
      unit = wordLists.bulk_units.get(after) ?? null;
      end++;
      if (t.lower[end] === 'of') end++;
    } else if (after === 'metric' && wordLists.bulk_units.get(t.lower[end + 1] ?? '') !== undefined) {
      unit = 'tonnes';
      end += t.lower[end + 2] === 'of' ? 3 : 2;
    } else if (wordLists.container_words.has(after) && t.lower[end + 1] === 'of') {
      unit = wordLists.container_words.get(after) ?? null;
      end += 2;
    }
  }
  if (t.lower[end] === 'of' && (num.approx || VAGUE[t.lower[pos] ?? ''] !== undefined || t.lower[pos] === 'a')) end++; // "dozens of", "a dozen of"
  if (bound === 'upper') { max = value; value = null; }
  else if (bound === 'lower' || bound === 'approx') approx = true;
  const money = unit !== null && (unit.length === 3 && unit === unit.toUpperCase() || unit === 'dinars');
  return { quantity: value, max, approx, unit, first: i, last: end, money };
}

/** Every quantity in a token list, left to right, not overlapping. */
export function findQuantities(t: Tokens, from = 0, to = t.words.length, wordLists: WordLists = defaultWordLists()): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  for (let i = from; i < to; i++) {
    const m = readQuantity(t, i, wordLists);
    if (m !== null && m.last <= to) {
      out.push(m);
      i = m.last - 1;
    }
  }
  return out;
}

/** The first quantity in `text` ("up to 9,000" → `{quantity: null, max: 9000, approx: false, unit: null}`), or null. */
export function parseQuantity(text: string, wordLists: WordLists = defaultWordLists()): Quantity | null {
  const t = tokenize(text);
  const m = findQuantities(t, 0, t.words.length, wordLists)[0];
  return m === undefined ? null : { quantity: m.quantity, max: m.max, approx: m.approx, unit: m.unit };
}
