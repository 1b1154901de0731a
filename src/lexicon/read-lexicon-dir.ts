// Lexicon stage: a lexicon folder of YAML files → LexiconSource (validated), with a Problem for every bad entry.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { LexiconSource, Problem, TermsSource, VerbEntry, WordMap, WordSet } from '../types/index.js';
import { actorSchema, agentSchema, cameoSchema, countrySchema, discardSchema, frameSchema, setsSchema, termsSchema, verbSchema, wordsSchema } from './schemas.js';

/** An empty lexicon source, to merge into. */
export function emptySource(): LexiconSource {
  return { countries: [], actors: [], agents: [], verbs: [], sets: [], cameo: [], discards: [], frames: [], words: [], terms: [] };
}

/** `kind.yaml` and every YAML file under `kind/`, sorted, so a user can split a kind into many files. */
function filesOf(dir: string, kind: string): string[] {
  const files: string[] = [];
  for (const ext of ['.yaml', '.yml']) {
    const single = join(dir, kind + ext);
    if (existsSync(single)) files.push(single);
  }
  const folder = join(dir, kind);
  if (existsSync(folder) && statSync(folder).isDirectory()) {
    const walk = (d: string): void => {
      for (const name of readdirSync(d).sort()) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.ya?ml$/.test(name)) files.push(path);
      }
    };
    walk(folder);
  }
  return files;
}

function problem(input: string, message: string, line?: number): Problem {
  return { code: 'E301', input, message, stage: 'lexicon', ...(line !== undefined ? { line } : {}) };
}

function readYaml(path: string, problems: Problem[]): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    problems.push({ code: 'E300', input: path, message: `cannot read YAML: ${(err as Error).message.split('\n')[0]}`, stage: 'lexicon' });
    return null;
  }
}

/** Validates each element of a YAML list; bad ones become problems naming file and entry number. */
function readList<S extends z.ZodType>(path: string, schema: S, problems: Problem[]): Array<z.output<S>> {
  const data = readYaml(path, problems);
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) {
    problems.push(problem(path, 'expected a YAML list at the top level'));
    return [];
  }
  const out: Array<z.output<S>> = [];
  data.forEach((item: unknown, i: number) => {
    const result = schema.safeParse(item);
    if (result.success) out.push(result.data);
    else {
      const issue = result.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
      problems.push(problem(path, `entry ${i + 1}${where}: ${issue?.message ?? 'invalid'}`, i + 1));
    }
  });
  return out;
}

const KINDS = ['countries', 'actors', 'agents', 'verbs', 'sets', 'cameo', 'discards', 'frames', 'words', 'terms'] as const;
/** Bump when the parsed shape changes, so old cache files are ignored. */
const CACHE_VERSION = 4;
const CACHE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../.cache/lexicon');

/** The cache key of a folder: every lexicon file's path, size and modification time. */
function cacheKey(dir: string): string {
  const hash = createHash('sha1').update(`v${CACHE_VERSION}\0${resolve(dir)}`);
  for (const kind of KINDS) {
    for (const f of filesOf(dir, kind)) {
      const st = statSync(f);
      hash.update(`\0${f}\0${st.size}\0${st.mtimeMs}`);
    }
  }
  return hash.digest('hex');
}

/**
 * Reads one lexicon folder, from the parsed-lexicon cache (`.cache/lexicon/`, git-ignored) when no file changed
 * since it was written: parsing YAML is most of the start-up time. Folders with problems are never cached.
 */
export function readLexiconDir(dir: string): { source: LexiconSource; problems: Problem[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return readLexiconDirUncached(dir);
  const key = cacheKey(dir);
  const file = join(CACHE_DIR, `${key}.json`);
  if (existsSync(file)) {
    try {
      return { source: JSON.parse(readFileSync(file, 'utf8')) as LexiconSource, problems: [] };
    } catch {
      // an unreadable cache file is rebuilt below
    }
  }
  const read = readLexiconDirUncached(dir);
  if (read.problems.length === 0) {
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(read.source));
      renameSync(tmp, file);
    } catch {
      // a read-only install simply parses the YAML every time
    }
  }
  return read;
}

/** The word lists of a folder's `words.yaml` (or `words/*.yaml`), in file order; bad files become problems. */
export function readWordLists(dir: string, problems: Problem[]): Array<WordSet | WordMap> {
  const lists: Array<WordSet | WordMap> = [];
  for (const f of filesOf(dir, 'words')) {
    const data = readYaml(f, problems);
    if (data === null || data === undefined) continue;
    const result = wordsSchema.safeParse(data);
    if (!result.success) problems.push(problem(f, `expected a map of word list name → list of words (or map of words): ${result.error.issues[0]?.message ?? ''}`));
    else for (const [name, words] of Object.entries(result.data)) lists.push(Array.isArray(words) ? { name, words } : { name, map: words });
  }
  return lists;
}

/** The terms of a folder's `terms.yaml` (or `terms/*.yaml`), in file order; bad files become problems. */
export function readTerms(dir: string, problems: Problem[]): TermsSource[] {
  const out: TermsSource[] = [];
  for (const f of filesOf(dir, 'terms')) {
    const data = readYaml(f, problems);
    if (data === null || data === undefined) continue;
    const result = termsSchema.safeParse(data);
    if (!result.success) problems.push(problem(f, `expected negations (a list) and terms (a map of term → phrases): ${result.error.issues[0]?.message ?? ''}`));
    else out.push(result.data);
  }
  return out;
}

/** Reads one lexicon folder from its YAML files. Missing kinds are simply empty; nothing is thrown for bad data. */
export function readLexiconDirUncached(dir: string): { source: LexiconSource; problems: Problem[] } {
  const problems: Problem[] = [];
  const source = emptySource();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push({ code: 'E300', input: dir, message: 'lexicon folder not found', stage: 'lexicon' });
    return { source, problems };
  }
  for (const f of filesOf(dir, 'countries')) source.countries.push(...readList(f, countrySchema, problems));
  for (const f of filesOf(dir, 'actors')) source.actors.push(...readList(f, actorSchema, problems));
  for (const f of filesOf(dir, 'agents')) source.agents.push(...readList(f, agentSchema, problems));
  for (const f of filesOf(dir, 'verbs')) {
    const file = relative(process.cwd(), f);
    for (const v of readList(f, verbSchema, problems)) {
      const entry: VerbEntry = {
        verbs: v.verbs,
        nouns: v.nouns,
        code: v.code,
        patterns: Object.entries(v.patterns).map(([pattern, code]) => ({ pattern, code })),
        file,
        ...(v.id !== undefined ? { id: v.id } : {}),
      };
      source.verbs.push(entry);
    }
  }
  for (const f of filesOf(dir, 'sets')) {
    const data = readYaml(f, problems);
    if (data === null || data === undefined) continue;
    const result = setsSchema.safeParse(data);
    if (!result.success) problems.push(problem(f, `expected a map of set name → list of words: ${result.error.issues[0]?.message ?? ''}`));
    else for (const [name, words] of Object.entries(result.data)) source.sets.push({ name, words });
  }
  for (const f of filesOf(dir, 'cameo')) source.cameo.push(...readList(f, cameoSchema, problems));
  for (const f of filesOf(dir, 'discards')) source.discards.push(...readList(f, discardSchema, problems));
  for (const f of filesOf(dir, 'frames')) (source.frames ??= []).push(...readList(f, frameSchema, problems));
  source.words = readWordLists(dir, problems);
  source.terms = readTerms(dir, problems);
  return { source, problems };
}
