// Lexicon stage: Dyad's own lexicon folder + user folders (+ imported dictionaries) → one CompiledLexicon.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LexiconSource, Problem } from '../types/index.js';
import type { CompiledLexicon } from './compiled.js';
import { compileLexicon } from './compile-lexicon.js';
import { mergeLexicon } from './merge-lexicon.js';
import { readLexiconDir } from './read-lexicon-dir.js';

/** Dyad's own lexicon: `lexicon/` at the package root (the same from src/ and from dist/). */
export function builtinLexiconDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [resolve(here, '../../lexicon'), resolve(here, '../../../lexicon')]) {
    if (existsSync(join(candidate, 'cameo.yaml'))) return candidate;
  }
  return resolve(here, '../../lexicon');
}

export interface LexiconOptions {
  /** Use Dyad's own lexicon (default true). */
  builtin?: boolean;
  /** User lexicon folders in Dyad's format, merged after Dyad's own: theirs win. */
  lexiconDirs?: string[];
  /** Extra sources already read (e.g. imported PETRARCH dictionaries), merged last. */
  extra?: LexiconSource[];
}

/** Reads, merges and compiles the lexicons. Bad entries are skipped and reported in `problems`. */
export function loadLexicon(options: LexiconOptions = {}): { lexicon: CompiledLexicon; problems: Problem[] } {
  const problems: Problem[] = [];
  const sources: LexiconSource[] = [];
  const dirs = [...(options.builtin === false ? [] : [builtinLexiconDir()]), ...(options.lexiconDirs ?? [])];
  for (const dir of dirs) {
    const read = readLexiconDir(dir);
    sources.push(read.source);
    problems.push(...read.problems);
  }
  sources.push(...(options.extra ?? []));
  const compiled = compileLexicon(mergeLexicon(sources));
  problems.push(...compiled.problems);
  return { lexicon: compiled.lexicon, problems };
}
