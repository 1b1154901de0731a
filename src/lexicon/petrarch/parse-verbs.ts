// Lexicon stage (PETRARCH import): PETRARCH/TABARI verb dictionary text → VerbEntry[] and WordSet[] (synsets).
import type { Problem, VerbEntry, VerbPattern, WordSet } from '../../types/index.js';
import { dictionaryLines, malformed, phraseWords, pluralOf, pushUnique, type PetrarchParseResult } from './dictionary-lines.js';
import { translatePattern, type SetNames } from './translate-pattern.js';

/** A code field: `[042]`, `[---]`, `[042:043]` (an event and its reverse), `[:173]` (the reverse only). */
interface VerbCode {
  /** The source → target code; null for `---` or a reverse-only code. */
  code: string | null;
  /** The target → source code of a paired code. */
  reverse: string | null;
}

interface Block {
  name: string;
  line: number;
  code: string | null;
  verbs: { words: string[]; code: string | null }[];
  patterns: VerbPattern[];
}

interface Counts {
  transformations: number;
  paired: number;
  reverseOnly: number;
  compound: number;
  precompound: number;
}

const CODE_PART = /^[0-9]{2,4}[A-Z]?$/;

/**
 * Parses a verb dictionary in PETRARCH2's CAMEO.2.0 format or the older PETRARCH-1/TABARI format of
 * PETR.Validate.verbs.txt (the same block layout with linear patterns). Sections:
 * - synsets: `&NAME` then `+word` / `+multi_word` / `+&OTHER` lines → WordSet `name` (lower case, no `&`, no final `_`);
 *   regular plurals are added unless the label or the phrase ends in `_`. A synset must be defined before use.
 * - verb blocks: `--- NAME [code] ---`, then verb lines `VERB {irregular forms} [own code]` (`+BREAK_DOWN`,
 *   `WIRE_+TAP`: `+` marks the verb word of a phrase), then patterns `- pre * post [code]` (see translatePattern).
 *   Each block gives one VerbEntry per distinct default code (verbs with their own code get their own entry sharing
 *   the block's patterns); `verbs` = lemmas and the listed forms, `code` = the block code (null for `---`),
 *   `id` = `petrarch:<file stem>:<block name>` (plus `:<code>` for a verb with its own code).
 * Not representable, counted in a note: `~` verb+verb transformations (skipped), the reverse half of `[X:Y]` codes
 * (kept: X), reverse-only `[:Y]` patterns (kept with code `---`: they match and code nothing), `%` read as `$S`,
 * and which word of a multi-word verb is the verb. A file that opens with `<!--` (PETRARCH2 reads no patterns from
 * it) is read in full, with a problem saying so.
 */
export function parseVerbs(text: string, file: string): PetrarchParseResult {
  const problems: Problem[] = [];
  const sets = new Map<string, WordSet>();
  const verbs: VerbEntry[] = [];
  const ids = new Set<string>();
  const counts: Counts = { transformations: 0, paired: 0, reverseOnly: 0, compound: 0, precompound: 0 };
  const { lines, startsWithXmlComment } = dictionaryLines(text);
  if (startsWithXmlComment) {
    problems.push(malformed(file, 1, 'the file opens with an XML comment block (<!--): PETRARCH2 would silently read no patterns from it; Dyad reads the whole file'));
  }
  let set: { entry: WordSet; plurals: boolean } | null = null;
  let block: Block | null = null;
  const finishBlock = (): void => {
    if (block !== null) verbs.push(...blockEntries(block, file, ids, problems));
    block = null;
  };

  for (const { line, text: content } of lines) {
    if (set !== null && content.startsWith('+')) {
      addSetMember(set, content.slice(1).trim(), sets, file, line, problems);
      continue;
    }
    set = null;
    if (content.startsWith('---')) {
      finishBlock();
      block = readHeader(content, line, file, problems, counts);
    } else if (content.startsWith('&')) {
      const label = content.split(/\s/)[0] ?? '';
      const name = label.slice(1).replace(/_+$/, '').toUpperCase();
      if (!/^[A-Z0-9][A-Z0-9_]*$/.test(name)) problems.push(malformed(file, line, `bad synset label "${label}"`));
      else {
        const entry: WordSet = { name: name.toLowerCase(), words: [] };
        sets.set(name, entry);
        set = { entry, plurals: !label.endsWith('_') };
      }
    } else if (content.startsWith('~')) counts.transformations++;
    else if (content.startsWith('-')) {
      if (block === null) problems.push(malformed(file, line, 'pattern outside any verb block'));
      else readPattern(content, block, sets, file, line, problems, counts);
    } else if (block === null) problems.push(malformed(file, line, `line outside any verb block or synset: "${content}"`));
    else readVerbLine(content, block, file, line, problems, counts);
  }
  finishBlock();
  return { source: { verbs, sets: [...sets.values()] }, problems, notes: verbNotes(file, counts) };
}

function addSetMember(
  set: { entry: WordSet; plurals: boolean }, member: string, sets: Map<string, WordSet>, file: string, line: number, problems: Problem[],
): void {
  if (member.startsWith('&')) {
    const other = sets.get(member.slice(1).replace(/_+$/, '').toUpperCase());
    if (other === undefined) problems.push(malformed(file, line, `undefined synset ${member}`));
    else for (const word of other.words) pushUnique(set.entry.words, word);
    return;
  }
  const phrase = phraseWords(member).toLowerCase();
  if (phrase === '' || /[[\]{}$*%^&]/.test(phrase)) {
    problems.push(malformed(file, line, `not a synset phrase: "${member}"`));
    return;
  }
  pushUnique(set.entry.words, phrase);
  if (set.plurals && !member.endsWith('_')) {
    const plural = pluralOf(phrase);
    if (plural !== null) pushUnique(set.entry.words, plural);
  }
}

/** `[042:043]` → { code: '042', reverse: '043' }; an error message when malformed. */
export function parseVerbCode(field: string): VerbCode | string {
  const value = field.replace(/\s+/g, '').toUpperCase();
  const [forward = '', reverse, extra] = value.split(':');
  if (extra !== undefined) return `bad code [${field}]`;
  const ok = (part: string): boolean => part === '---' || CODE_PART.test(part);
  if (reverse === undefined) return ok(forward) ? { code: forward === '---' ? null : forward, reverse: null } : `bad code [${field}]`;
  if ((forward !== '' && !ok(forward)) || !ok(reverse)) return `bad code [${field}]`;
  return { code: forward === '' || forward === '---' ? null : forward, reverse: reverse === '---' ? null : reverse };
}

function readHeader(content: string, line: number, file: string, problems: Problem[], counts: Counts): Block {
  const inner = /^-{3,}\s*(.*?)\s*(?:-{3,})?$/.exec(content)?.[1] ?? '';
  const bracket = inner.indexOf('[');
  const name = (bracket >= 0 ? inner.slice(0, bracket) : inner).trim();
  const block: Block = { name: name === '' ? `line-${line}` : name, line, code: null, verbs: [], patterns: [] };
  const field = /\[([^\]]*)\]/.exec(inner);
  if (field !== null) {
    const code = parseVerbCode(field[1] ?? '');
    if (typeof code === 'string') problems.push(malformed(file, line, `${code} in verb block header`));
    else {
      block.code = code.code;
      if (code.reverse !== null) counts.paired++;
    }
  }
  return block;
}

function readPattern(
  content: string, block: Block, sets: SetNames, file: string, line: number, problems: Problem[], counts: Counts,
): void {
  const parsed = /^-\s*(.*?)\s*\[([^\]]*)\]\s*$/.exec(content);
  if (parsed === null) {
    problems.push(malformed(file, line, `pattern has no [code]: "${content}"`));
    return;
  }
  const code = parseVerbCode(parsed[2] ?? '');
  if (typeof code === 'string') {
    problems.push(malformed(file, line, code));
    return;
  }
  const translated = translatePattern(parsed[1] ?? '', sets);
  if ('error' in translated) {
    problems.push(malformed(file, line, `${translated.error}: "${content}"`));
    return;
  }
  if (code.reverse !== null && code.code !== null) counts.paired++;
  if (code.reverse !== null && code.code === null) counts.reverseOnly++;
  if (translated.compound) counts.compound++;
  if (block.patterns.some((p) => p.pattern === translated.pattern)) return;
  block.patterns.push({ pattern: translated.pattern, code: code.code ?? '---' });
}

function readVerbLine(content: string, block: Block, file: string, line: number, problems: Problem[], counts: Counts): void {
  const parsed = /^([^{[]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?$/.exec(content);
  if (parsed === null || !/^[A-Za-z+][A-Za-z0-9_+' -]*$/.test(parsed[1] ?? '')) {
    problems.push(malformed(file, line, `not a verb line: "${content}"`));
    return;
  }
  const head = parsed[1] ?? '';
  let code = block.code;
  if (parsed[3] !== undefined) {
    const own = parseVerbCode(parsed[3]);
    if (typeof own === 'string') {
      problems.push(malformed(file, line, own));
      return;
    }
    code = own.code;
    if (own.reverse !== null) counts.paired++;
  }
  if (/[A-Za-z]_\+/.test(head)) counts.precompound++;
  const words = [verbWords(head)];
  for (const form of (parsed[2] ?? '').split(/\s+/)) if (form !== '') pushUnique(words, verbWords(form));
  block.verbs.push({ words: words.filter((w) => w !== ''), code });
}

/** `+CORDONED_OFF` → `cordoned off`. */
function verbWords(token: string): string {
  return phraseWords(token.replace(/\+/g, '')).toLowerCase();
}

/** A finished block as VerbEntries: one per distinct default code, all sharing the block's patterns. */
function blockEntries(block: Block, file: string, ids: Set<string>, problems: Problem[]): VerbEntry[] {
  if (block.verbs.length === 0) {
    if (block.patterns.length > 0) problems.push(malformed(file, block.line, `verb block "${block.name}" has patterns but no verbs`));
    return [];
  }
  const groups = new Map<string, VerbEntry>();
  for (const verb of block.verbs) {
    const key = verb.code ?? '---';
    let entry = groups.get(key);
    if (entry === undefined) {
      const base = `petrarch:${fileStem(file)}:${block.name.toLowerCase().replace(/\s+/g, '-')}${verb.code === block.code ? '' : `:${key}`}`;
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}#${n}`;
      ids.add(id);
      entry = { id, verbs: [], nouns: [], code: verb.code, patterns: [...block.patterns], file, translated: true };
      groups.set(key, entry);
    }
    for (const word of verb.words) pushUnique(entry.verbs, word);
  }
  return [...groups.values()];
}

/** `../dicts/CAMEO.2.0.txt` → `CAMEO.2.0`, so that blocks of the same name in two files keep apart ids. */
function fileStem(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.txt$/i, '');
}

function verbNotes(file: string, counts: Counts): string[] {
  const notes: string[] = [];
  if (counts.transformations > 0) notes.push(`${file}: ${counts.transformations} verb+verb transformation line(s) (~) skipped: Dyad has no equivalent`);
  if (counts.paired > 0) notes.push(`${file}: ${counts.paired} paired code(s) [X:Y] read as X: the reverse event Y (target → source) is not representable`);
  if (counts.reverseOnly > 0) notes.push(`${file}: ${counts.reverseOnly} reverse-only pattern(s) [:Y] read as code --- (match, code nothing)`);
  if (counts.compound > 0) notes.push(`${file}: ${counts.compound} pattern(s) with the compound marker % read as $S`);
  if (counts.precompound > 0) notes.push(`${file}: ${counts.precompound} multi-word verb(s) whose verb is not the first word (WIRE_+TAP) read as the whole phrase`);
  return notes;
}
