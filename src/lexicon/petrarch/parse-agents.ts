// Lexicon stage (PETRARCH import): PETRARCH agent dictionary text → AgentEntry[] (role words grouped by sector code).
import type { AgentEntry, Problem } from '../../types/index.js';
import { dictionaryLines, malformed, phraseWords, pushUnique, type PetrarchParseResult } from './dictionary-lines.js';

interface AgentLine {
  line: number;
  phrase: string;
  plural: string | null;
  code: string;
  prefix: boolean;
}

/**
 * Parses an agent dictionary: lines `PHRASE {optional plural} [~CODE]` (the code goes after the actor's: suffix) or
 * `[CODE~]` (before it: prefix, e.g. `NGO~`), and substitution sets `!NAME! = A, B, C` whose every item replaces
 * `!NAME!` in the phrases that use it (a set may be defined anywhere in the file). `{PLURAL}` adds an irregular
 * plural; `{}` (no plural) cannot be expressed — Dyad generates plurals itself. Words are written in lower case, `_` →
 * space. Phrases are grouped into one AgentEntry per code (sector = the code without `~`); prefix codes get entries
 * of their own, listed in a note because AgentEntry cannot say "prefix". A closing `}` for `]` (`[~LEG}`, as in
 * PETRARCH's own documentation) is accepted.
 */
export function parseAgents(text: string, file: string): PetrarchParseResult {
  const problems: Problem[] = [];
  const macros = new Map<string, string[]>();
  const entries: AgentLine[] = [];
  const { lines } = dictionaryLines(text);

  for (const { line, text: content } of lines) {
    const macro = /^!([^!\s]+)!\s*=\s*(.*)$/.exec(content);
    if (macro !== null) {
      const items = (macro[2] ?? '').split(',').map((item) => item.replace(/\s+/g, '')).filter((item) => item !== '');
      if (items.length === 0) problems.push(malformed(file, line, `substitution set !${macro[1] ?? ''}! is empty`));
      else macros.set(macro[1] ?? '', items);
      continue;
    }
    const parsed = /^([^[{]+?)\s*(?:\{([^}]*)\})?\s*\[\s*(~?)\s*([A-Za-z0-9]+)\s*(~?)\s*[\]}]\s*$/.exec(content);
    if (parsed === null) {
      problems.push(malformed(file, line, `expected "PHRASE {plural} [~CODE]", got "${content}"`));
      continue;
    }
    const [, phrase = '', plural, before = '', code = '', after = ''] = parsed;
    if ((before === '') === (after === '')) {
      problems.push(malformed(file, line, `agent code needs one "~", before or after it: "${content}"`));
      continue;
    }
    entries.push({ line, phrase, plural: plural ?? null, code: code.toUpperCase(), prefix: after !== '' });
  }

  const groups = new Map<string, AgentEntry>();
  let prefixCodes = 0;
  for (const entry of entries) {
    const words: string[] = [];
    for (const source of entry.plural !== null && entry.plural.trim() !== '' ? [entry.phrase, entry.plural] : [entry.phrase]) {
      const expanded = expand(source, macros);
      if (typeof expanded === 'string') {
        problems.push(malformed(file, entry.line, expanded));
        continue;
      }
      for (const phrase of expanded) pushUnique(words, phraseWords(phrase).toLowerCase());
    }
    if (words.length === 0) continue;
    const key = `${entry.prefix ? 'prefix' : 'suffix'}:${entry.code}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { sector: entry.code, words: [] };
      groups.set(key, group);
      if (entry.prefix) prefixCodes++;
    }
    for (const word of words) pushUnique(group.words, word);
  }
  const notes: string[] = [];
  if (prefixCodes > 0) {
    const listed = [...groups.entries()].filter(([key]) => key.startsWith('prefix:')).map(([, g]) => `${g.sector}~`);
    notes.push(`${file}: ${prefixCodes} prefix agent code(s) (${listed.join(', ')}) read as ordinary sectors: Dyad's AgentEntry has no prefix position`);
  }
  return { source: { agents: [...groups.values()] }, problems, notes };
}

/** Every phrase a `!NAME!`-bearing phrase stands for; an error message for an undefined set. */
function expand(phrase: string, macros: Map<string, string[]>): string[] | string {
  const match = /!([^!\s]+)!/.exec(phrase);
  if (match === null) return [phrase];
  const items = macros.get(match[1] ?? '');
  if (items === undefined) return `undefined substitution set !${match[1] ?? ''}!`;
  const out: string[] = [];
  for (const item of items) {
    const rest = expand(phrase.slice(0, match.index) + item + phrase.slice(match.index + match[0].length), macros);
    if (typeof rest === 'string') return rest;
    out.push(...rest);
  }
  return out;
}
