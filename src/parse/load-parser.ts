// Parse (API): models/tagger.bin + models/parser.bin → a ready `Parser`, loaded once per process and directory.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../types/problem.js';
import { DEPRELS } from './deprels.js';
import { readModelFile } from './model-file.js';
import { ALLOWED_KEYS } from './parse-words.js';
import { Parser } from './parser.js';
import { tagDictionary } from './tag-words.js';

/** The package root: src/parse/ (or dist/parse/) is two levels below it. */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the shipped models live. */
export const MODELS_DIR = resolve(PACKAGE_ROOT, 'models');

const cache = new Map<string, Parser>();

/**
 * Loads the tagger and parser from `dir` (default: the package's `models/`), synchronously, once per directory per
 * process. Throws a `DyadError` E200 when a file is missing or malformed, or was trained with another label set than `DEPRELS`.
 */
export function loadParser(dir: string = MODELS_DIR): Parser {
  const key = resolve(dir);
  const cached = cache.get(key);
  if (cached) return cached;
  const tagger = readModelFile(resolve(key, 'tagger.bin'));
  const parser = readModelFile(resolve(key, 'parser.bin'));
  const labels = parser.meta.deprels;
  if (!Array.isArray(labels) || labels.join(' ') !== DEPRELS.join(' ')) throw new DyadError('E200', `${key}/parser.bin`, 'trained with another label set than DEPRELS');
  const tags = tagger.tables.tags;
  const moves = parser.tables.moves;
  const labelTable = parser.tables.labels;
  if (!tags || !moves || !labelTable) throw new DyadError('E200', key, 'model files lack a table (tags, moves, labels)');
  const allowed = parser.meta.allowed as { lists?: unknown; index?: unknown } | undefined;
  const lists = Array.isArray(allowed?.lists) ? (allowed.lists as number[][]).map((list) => Uint8Array.from(list)) : null;
  const index = Array.isArray(allowed?.index) ? (allowed.index as number[]) : null;
  if (!lists || !index || index.length !== ALLOWED_KEYS || index.some((at) => lists[at] === undefined)) throw new DyadError('E200', `${key}/parser.bin`, 'no allowed-label lists');
  const dict = tagger.meta.tagDict;
  if (!Array.isArray(dict)) throw new DyadError('E200', `${key}/tagger.bin`, 'no tag dictionary');
  const loaded = new Parser({ table: tags, dict: tagDictionary(dict as [string, number][]) }, { moves, labels: labelTable, allowed: index.map((at) => lists[at]!) });
  cache.set(key, loaded);
  return loaded;
}
