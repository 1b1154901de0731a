// NLP: the matching key of a word — lower case, diacritics stripped, curly quotes straightened.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ASCII_WORD = /^[\x20-\x7e]*$/;

/** The key under which a word is matched against lexicons ("Côte" → "cote", "Iraq’s" → "iraq's"). */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  if (ASCII_WORD.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u2010-\u2014]/g, '-');
}

/** Splits a lexicon phrase into matching keys the way the analyser splits text ("Iraq's army" → iraq 's army). */
export function phraseKeys(phrase: string): string[] {
  const keys: string[] = [];
  for (const raw of phrase.trim().split(/\s+/)) {
    if (raw === '') continue;
    let word = raw;
    const trailing: string[] = [];
    while (/[,;:!?)"]$/.test(word) && word.length > 1) {
      trailing.unshift(word.slice(-1));
      word = word.slice(0, -1);
    }
    while (/^[("]/.test(word) && word.length > 1) {
      keys.push(word[0] ?? '');
      word = word.slice(1);
    }
    const possessive = /^(.+?)(['’]s)$/i.exec(word);
    if (possessive && possessive[1] !== undefined) {
      keys.push(normalizeWord(possessive[1]), "'s");
    } else {
      keys.push(normalizeWord(word));
    }
    for (const t of trailing) keys.push(t);
  }
  return keys;
}
