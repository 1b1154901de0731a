// Lexicon: regular English plurals of role words and set phrases ("official" → "officials", "army" → "armies").

/** The plural of the last word of a phrase; irregular plurals are written out in the lexicon. */
export function pluralize(phrase: string): string {
  const m = /^(.*?)(\S+)$/.exec(phrase);
  if (m === null) return phrase;
  const head = m[1] ?? '';
  const word = m[2] ?? '';
  let plural: string;
  if (/(man)$/i.test(word)) plural = word.replace(/man$/i, 'men');
  else if (/[^aeiou]y$/i.test(word)) plural = `${word.slice(0, -1)}ies`;
  else if (/(s|sh|ch|x|z)$/i.test(word)) plural = `${word}es`;
  else plural = `${word}s`;
  return head + plural;
}
