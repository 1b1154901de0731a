// Lexicon: text → word tokens with character offsets (the light tokenizer that equipment phrases and the detail extractors share).

/** Tokens of one string as parallel arrays: `words[i]` is `text.slice(starts[i], ends[i])`, `lower[i]` its lower case. */
export interface Tokens {
  text: string;
  words: string[];
  lower: string[];
  starts: number[];
  ends: number[];
}

// Currency signs first ("US$" before letters); grouped numbers with an optional scale suffix ("20,000", "1,500m");
// then words, keeping inner hyphens, apostrophes, slashes and dots ("Mi-35", "F/A-18", "David's", "1.5", "10-12");
// then any other single non-space character.
const TOKEN = /US\$|[$€£¥₽₹]|\d{1,3}(?:,\d{3})+(?:\.\d+)?[a-zA-Z]{0,3}|[\p{L}\p{N}]+(?:['’\-–/.][\p{L}\p{N}]+)*|\S/gu;

/** The last text tokenized: the extractors of one sentence (items, places, for each of its events) share it. */
let last: Tokens | null = null;

/** Splits `text` into tokens; offsets are relative to `text`. The result is shared: callers must not change it. */
export function tokenize(text: string): Tokens {
  if (last !== null && last.text === text) return last;
  const words: string[] = [];
  const lower: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // one lower-casing of the whole text, sliced per token, unless a letter changes length when lower-cased ("İ")
  const lowerText = text.toLowerCase();
  const sliceLower = lowerText.length === text.length;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    words.push(m[0]);
    lower.push(sliceLower ? lowerText.slice(m.index, m.index + m[0].length) : m[0].toLowerCase());
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  last = { text, words, lower, starts, ends };
  return last;
}
