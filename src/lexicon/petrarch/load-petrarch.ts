// Lexicon stage (PETRARCH import): PETRARCH/TABARI dictionary files and folders → one LexiconSource, problems and notes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CountryEntry, LexiconSource, Problem, WordSet } from '../../types/index.js';
import type { PetrarchParseResult } from './dictionary-lines.js';
import { addCountry, parseActors } from './parse-actors.js';
import { parseAgents } from './parse-agents.js';
import { parseDiscards } from './parse-discards.js';
import { parseVerbs } from './parse-verbs.js';

/** Dictionary files by kind, each list in the order it should be read (later files win where entries clash). */
export interface PetrarchFiles {
  actors?: string[];
  agents?: string[];
  verbs?: string[];
  discards?: string[];
}

export type PetrarchKind = keyof PetrarchFiles;

/** What loading PETRARCH dictionaries gives. */
export interface PetrarchLoad {
  /** Complete: kinds PETRARCH has no files for (cameo) are empty arrays. */
  source: LexiconSource;
  /** Unreadable files (E300) and malformed lines (E302, with file and line). */
  problems: Problem[];
  /** Information that is not an error: ignored files (issue dictionaries, unknown names), approximations with counts. */
  notes: string[];
}

const PARSERS: Record<PetrarchKind, (text: string, file: string) => PetrarchParseResult> = {
  actors: parseActors,
  agents: parseAgents,
  verbs: parseVerbs,
  discards: parseDiscards,
};

/**
 * The kind of a dictionary file from its name: `…actors…`, `…agents…`, `…verbs…` or `CAMEO…`, `…discards…`;
 * `'issues'` for issue dictionaries (which do not affect events and are ignored); null when the name says nothing.
 */
export function classifyPetrarchFile(path: string): PetrarchKind | 'issues' | null {
  const name = basename(path).toLowerCase();
  if (name.includes('issue')) return 'issues';
  if (name.includes('discard')) return 'discards';
  if (name.includes('agent')) return 'agents';
  if (name.includes('actor')) return 'actors';
  if (name.includes('verb') || name.includes('cameo')) return 'verbs';
  return null;
}

/**
 * Loads PETRARCH/TABARI dictionaries. Given a list of files and folders, every `.txt` file (a folder's, in name order)
 * is classified by {@link classifyPetrarchFile}; given files by kind, they are read as that kind whatever their names.
 * Entries are concatenated in file order; countries of the same code pool their names; synsets of the same name: the
 * later file's wins, and every synset is named `petrarch.<name>` (see namespaceSets). Never throws: an unreadable file
 * is a problem (E300) and loading carries on.
 */
export function loadPetrarchDictionaries(input: string[] | PetrarchFiles): PetrarchLoad {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const files: { path: string; kind: PetrarchKind }[] = [];
  if (Array.isArray(input)) {
    for (const path of input) collect(path, files, problems, notes);
  } else {
    for (const kind of Object.keys(PARSERS) as PetrarchKind[]) for (const path of input[kind] ?? []) files.push({ path, kind });
  }

  const source: LexiconSource = { countries: [], actors: [], agents: [], verbs: [], sets: [], cameo: [], discards: [] };
  const sets = new Map<string, WordSet>();
  const countries = new Map<string, CountryEntry>();
  for (const { path, kind } of files) {
    const text = readText(path, problems);
    if (text === null) continue;
    const result = PARSERS[kind](text, path);
    problems.push(...result.problems);
    notes.push(...result.notes);
    for (const country of result.source.countries ?? []) addCountry(countries, country);
    source.actors.push(...(result.source.actors ?? []));
    source.agents.push(...(result.source.agents ?? []));
    source.verbs.push(...(result.source.verbs ?? []));
    source.discards.push(...(result.source.discards ?? []));
    for (const set of result.source.sets ?? []) sets.set(set.name, set);
  }
  namespaceSets(source, [...sets.values()]);
  source.countries = [...countries.values()];
  return { source, problems, notes };
}

/** The prefix of imported synset names: PETRARCH's synsets are the verb dictionary's own. */
export const PETRARCH_SET_PREFIX = 'petrarch.';

/**
 * Names the synsets `petrarch.<name>` and rewrites the patterns' `@name` references to match: a synset is private to
 * the dictionary that defines it, so `&CRIME` must not replace Dyad's own `@crime`, which Dyad's patterns use.
 */
function namespaceSets(source: LexiconSource, sets: WordSet[]): void {
  source.sets = sets.map((set) => ({ ...set, name: `${PETRARCH_SET_PREFIX}${set.name}` }));
  const rename = (pattern: string): string => pattern.replace(/(^|\s)@(?=\S)/g, `$1@${PETRARCH_SET_PREFIX}`);
  source.verbs = source.verbs.map((v) => ({ ...v, patterns: v.patterns.map((p) => ({ ...p, pattern: rename(p.pattern) })) }));
}

function collect(path: string, files: { path: string; kind: PetrarchKind }[], problems: Problem[], notes: string[]): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    problems.push(unreadable(path, error));
    return;
  }
  const paths = isDirectory
    ? readdirSync(path).filter((name) => name.toLowerCase().endsWith('.txt')).sort().map((name) => join(path, name))
    : [path];
  for (const file of paths) {
    const kind = classifyPetrarchFile(file);
    if (kind === 'issues') notes.push(`${file}: issue dictionary ignored (issues do not affect event coding)`);
    else if (kind !== null) files.push({ path: file, kind });
    else if (isDirectory) notes.push(`${file}: ignored: the name does not say actors, agents, verbs/CAMEO or discards`);
    else problems.push({ code: 'E300', message: 'cannot tell the dictionary kind from the file name: it should contain actors, agents, verbs (or CAMEO) or discards', input: file, stage: 'lexicon' });
  }
}

/** A file's text: UTF-8, or Latin-1 when the bytes are not valid UTF-8 (older TABARI files). Null when unreadable. */
function readText(path: string, problems: Problem[]): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    problems.push(unreadable(path, error));
    return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function unreadable(path: string, error: unknown): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  return { code: 'E300', message: `dictionary could not be read: ${reason}`, input: path, stage: 'lexicon' };
}
