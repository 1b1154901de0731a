// Lexicon stage (PETRARCH import): dictionary file text → numbered content lines with comments removed, plus shared helpers.
import type { LexiconSource, Problem } from '../../types/index.js';

/** One non-blank line of a PETRARCH/TABARI dictionary, comments removed. */
export interface DictionaryLine {
  /** 1-based line number in the file. */
  line: number;
  /** The content, comments removed, trimmed on both sides. */
  text: string;
  /** True when the raw line starts with a tab or space (actor date restrictions are written this way). */
  indented: boolean;
}

/** What one parser of one dictionary file returns. */
export interface PetrarchParseResult {
  source: Partial<LexiconSource>;
  /** Malformed lines (E302, with file and line), each skipped. */
  problems: Problem[];
  /** Information for the user that is not an error: features read approximately or not at all, with counts. */
  notes: string[];
}

/** The lines of a dictionary file, and whether it opens with an XML comment (`<!--`) as the validation files do. */
export interface DictionaryText {
  lines: DictionaryLine[];
  /** The first non-blank line starts with `<!`: PETRARCH2 silently stops reading verb patterns there. */
  startsWithXmlComment: boolean;
}

/**
 * Splits a dictionary into content lines. Comments: `#` or `;` to the end of the line (Python/TABARI style),
 * a whole line starting with `<!` (`<!-- … -->` on one line, also the sloppy `<! -- … -->`), and `<!-- … -->` blocks
 * spanning several lines. Blank lines are dropped.
 */
export function dictionaryLines(text: string): DictionaryText {
  const raw = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = raw.includes('\r') ? raw.split(/\r\n|\n|\r/) : raw.split('\n');
  const lines: DictionaryLine[] = [];
  let inBlock = false;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? '';
    if (inBlock) {
      if (row.includes('-->')) inBlock = false;
      continue;
    }
    const content = stripComment(row).trim();
    if (content === '') continue;
    if (content.charCodeAt(0) === 60 && content.startsWith('<!')) {
      // A `<!--` without its `-->` on the same line opens a block that runs to the line holding `-->`.
      const whole = row.trim();
      if (whole.startsWith('<!--') && !whole.slice(4).includes('-->')) inBlock = true;
      continue;
    }
    const c = row.charCodeAt(0);
    lines.push({ line: i + 1, text: content, indented: c === 9 || c === 32 });
  }
  const first = rows.find((row) => row.trim() !== '');
  return { lines, startsWithXmlComment: first !== undefined && first.trim().startsWith('<!') };
}

function stripComment(row: string): string {
  const hash = row.indexOf('#');
  const semi = row.indexOf(';');
  const end = hash < 0 ? semi : semi < 0 ? hash : Math.min(hash, semi);
  return end < 0 ? row : row.slice(0, end);
}

/** An E302 problem for one dictionary line. */
export function malformed(file: string, line: number, message: string): Problem {
  return { code: 'E302', message, input: file, line, stage: 'lexicon' };
}

/** A dictionary phrase (`AL-QAEDA_IN_IRAQ_`, `HOLDUP MAN`) as words separated by single spaces. */
export function phraseWords(phrase: string): string {
  return phrase.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The regular English plural of the last word of a phrase (lower case), or null when the word is not a plain noun
 * form: it looks plural already (ends in a single `s`) or like a verb form or adverb (`-ed`, `-ing`, `-ly`, `n't`).
 * PETRARCH's own rule adds S, IES after Y, ES after SS; we also add ES after x, z, ch, sh and keep `-ys` after a vowel.
 */
export function pluralOf(phrase: string): string | null {
  const at = phrase.lastIndexOf(' ');
  const head = phrase.slice(0, at + 1);
  const word = phrase.slice(at + 1);
  if (!/[a-z]$/.test(word)) return null;
  if (/[^s]s$/.test(word) || word === 's' || /(ed|ing|ly)$/.test(word) || word.includes("'")) return null;
  if (/(ss|x|z|ch|sh)$/.test(word)) return `${head}${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${head}${word.slice(0, -1)}ies`;
  return `${head}${word}s`;
}

/** Adds `value` to `list` unless it is already there. */
export function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
