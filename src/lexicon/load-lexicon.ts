// Lexicon stage: Dyad's own lexicon folder + user folders (+ imported dictionaries) → one CompiledLexicon.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LexiconSource, Problem, TermsSource, WordMap, WordSet } from '../types/index.js';
import type { CompiledLexicon, DetailsLexicon } from './compiled.js';
import { compileLexicon } from './compile-lexicon.js';
import { compileEquipment, defaultEquipment, EQUIPMENT_FILE, readEquipment, type Equipment } from './equipment.js';
import { mergeLexicon } from './merge-lexicon.js';
import { emptySource, readLexiconDir, readTerms, readWordLists } from './read-lexicon-dir.js';
import { compileTerms, type CompiledTerms } from './compile-terms.js';
import { compileWordLists, type WordLists } from './word-lists.js';

/** Dyad's own lexicon: `lexicon/` at the package root (the same from src/ and from dist/). */
export function builtinLexiconDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [resolve(here, '../../lexicon'), resolve(here, '../../../lexicon')]) {
    if (existsSync(join(candidate, 'cameo.yaml'))) return candidate;
  }
  return resolve(here, '../../lexicon');
}

export interface LexiconOptions {
  /** Use Dyad's own lexicon (default true). Its word lists, terms and equipment are read even without it: they are the coder's grammar. */
  builtin?: boolean;
  /** User lexicon folders in Dyad's format, merged after Dyad's own: theirs win. */
  lexiconDirs?: string[];
  /** Extra sources already read (e.g. imported PETRARCH dictionaries), merged last. */
  extra?: LexiconSource[];
}

/**
 * The equipment lexicon: Dyad's own equipment.yaml (also with `builtin: false`: items need kinds), with the
 * `equipment.yaml` of each user lexicon folder added in order (the same kind or model id: the later wins). With no
 * user equipment, the shared bundled index. Cheap next to `loadLexicon`: a process that codes in worker threads reads
 * it to know the kinds they code with. Throws E300/E301 for an unreadable or invalid file.
 */
export function loadEquipment(dirs: readonly string[]): Equipment {
  const files = dirs.map((dir) => join(dir, 'equipment.yaml')).filter((file) => existsSync(file));
  return files.length === 0 ? defaultEquipment() : compileEquipment([readEquipment(EQUIPMENT_FILE), ...files.map(readEquipment)]);
}

/** Reads, merges and compiles the lexicons. Bad entries are skipped and reported in `problems`. */
export function loadLexicon(options: LexiconOptions = {}): { lexicon: CompiledLexicon; problems: Problem[] } {
  const problems: Problem[] = [];
  const sources: LexiconSource[] = [];
  const dirs = [...(options.builtin === false ? [] : [builtinLexiconDir()]), ...(options.lexiconDirs ?? [])];
  // the word lists and terms are the coder's grammar, like equipment: Dyad's own even without its lexicon, changed by user folders
  if (options.builtin === false) sources.push({ ...emptySource(), words: defaultWordSource(), terms: defaultTermsSource() });
  for (const dir of dirs) {
    const read = readLexiconDir(dir);
    sources.push(read.source);
    problems.push(...read.problems);
  }
  sources.push(...(options.extra ?? []));
  const compiled = compileLexicon(mergeLexicon(sources), loadEquipment(options.lexiconDirs ?? []));
  problems.push(...compiled.problems);
  return { lexicon: compiled.lexicon, problems };
}

let bundledWordSource: Array<WordSet | WordMap> | null = null;
let bundledWords: WordLists | null = null;

/** The word lists of Dyad's own words.yaml, read on first use. */
function defaultWordSource(): Array<WordSet | WordMap> {
  bundledWordSource ??= readWordLists(builtinLexiconDir(), []);
  return bundledWordSource;
}

let bundledTermsSource: TermsSource[] | null = null;
let bundledTerms: CompiledTerms | null = null;

/** The terms of Dyad's own terms.yaml, read on first use. */
function defaultTermsSource(): TermsSource[] {
  bundledTermsSource ??= readTerms(builtinLexiconDir(), []);
  return bundledTermsSource;
}

/** The terms of Dyad's own lexicon alone, compiled on first use: what findTerms reads when called without a lexicon. */
export function defaultTerms(): CompiledTerms {
  bundledTerms ??= compileTerms(defaultTermsSource()).terms;
  return bundledTerms;
}

/** The word lists of Dyad's own lexicon alone, compiled on first use: what a detail finder reads when called without a lexicon. */
export function defaultWordLists(): WordLists {
  bundledWords ??= compileWordLists(defaultWordSource()).words;
  return bundledWords;
}

/** Dyad's own equipment, word lists and terms, for a detail finder called without a lexicon (the coder always passes its own). */
export function defaultDetailsLexicon(): DetailsLexicon {
  return { equipment: defaultEquipment(), wordLists: defaultWordLists(), terms: defaultTerms() };
}
