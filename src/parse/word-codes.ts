// Parse (features): words → packed integer codes (form, lowercase, prefixes, suffixes, shape), computed once per sentence.
import { hashText } from './hash.js';


/** Fields of one word in the packed `Int32Array`, `WORD_FIELDS` integers per word. */
export const FORM = 0;
export const LOWER = 1;
export const PREFIX1 = 2;
export const PREFIX2 = 3;
export const PREFIX3 = 4;
export const SUFFIX1 = 5;
export const SUFFIX2 = 6;
export const SUFFIX3 = 7;
export const SUFFIX4 = 8;
/** Word shape with runs collapsed: `Xxxx` → `Xx`, `1,234` → `d,d`; plus a length class. */
export const SHAPE = 9;
/** Lowercase with every digit read as 0, so numbers and dates share codes. */
export const NORM = 10;
export const WORD_FIELDS = 11;


/** Shape class of one UTF-16 code unit: 1 upper, 2 lower, 3 digit, else the character itself (punctuation). */
function charClass(c: number, ch: string): number {
  if (c >= 48 && c <= 57) return 3;
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower !== upper) return ch === upper ? 1 : 2;
  return c + 16;
}

/** Packs the codes of `words` into `out` (length ≥ words.length × WORD_FIELDS), or a new array. */
export function wordCodes(words: readonly string[], out?: Int32Array): Int32Array {
  const codes = out && out.length >= words.length * WORD_FIELDS ? out : new Int32Array(words.length * WORD_FIELDS);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const lower = word.toLowerCase();
    const len = lower.length;
    const o = i * WORD_FIELDS;
    codes[o + FORM] = hashText(word, 0, word.length, 1);
    codes[o + LOWER] = hashText(lower, 0, len, 2);
    codes[o + PREFIX1] = hashText(lower, 0, Math.min(1, len), 3);
    codes[o + PREFIX2] = hashText(lower, 0, Math.min(2, len), 4);
    codes[o + PREFIX3] = hashText(lower, 0, Math.min(3, len), 5);
    codes[o + SUFFIX1] = hashText(lower, Math.max(0, len - 1), len, 6);
    codes[o + SUFFIX2] = hashText(lower, Math.max(0, len - 2), len, 7);
    codes[o + SUFFIX3] = hashText(lower, Math.max(0, len - 3), len, 8);
    codes[o + SUFFIX4] = hashText(lower, Math.max(0, len - 4), len, 9);
    let shape = (0x811c9dc5 ^ 10) | 0;
    let norm = (0x811c9dc5 ^ 11) | 0;
    let last = -1;
    for (let j = 0; j < word.length; j += 1) {
      const c = word.charCodeAt(j);
      // ASCII without building one-character strings: upper 1, lower 2, digit 3, else the character (as charClass).
      const cls = c >= 128 ? charClass(c, word[j]!) : c >= 97 && c <= 122 ? 2 : c >= 65 && c <= 90 ? 1 : c >= 48 && c <= 57 ? 3 : c + 16;
      if (cls !== last) shape = Math.imul(shape ^ cls, 0x01000193);
      last = cls;
      norm = Math.imul(norm ^ (cls === 3 ? 48 : lower.charCodeAt(j)), 0x01000193);
    }
    codes[o + SHAPE] = Math.imul(shape ^ (len < 4 ? len : len < 8 ? 5 : 6), 0x01000193);
    codes[o + NORM] = norm;
  }
  return codes;
}
