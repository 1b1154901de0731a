// Ingest paths: the paths a user gives (files, folders, globs, `-`) → the files to read, in a stable order, or a problem per path.
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { errorReason, ingestProblem, type InputResult } from './input-result.js';
import { hasGlobChars, matchGlob } from './match-glob.js';

/** One thing to read: a file (its path as the user would write it), standard input, or a problem with a path. */
export type PathEntry = { kind: 'file'; path: string } | { kind: 'stdin'; path: '-' } | { kind: 'problem'; result: InputResult };

/**
 * Expands paths in order: `-` is standard input; a file is itself; a folder is every file under it, recursively,
 * sorted by name, skipping dot-files and dot-folders; a path that does not exist but holds glob syntax is matched as a
 * glob (sorted; a matching folder is walked). Paths keep the spelling the user gave ("./news/" → "./news/a.txt").
 * Yields lazily, so a folder of 100,000 files starts reading at once. Never throws: unreadable paths become E100 problems.
 */
export async function* expandPaths(paths: string[]): AsyncGenerator<PathEntry> {
  for (const path of paths) {
    if (path === '-') {
      yield { kind: 'stdin', path: '-' };
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      if (hasGlobChars(path)) yield* expandGlob(path);
      else yield { kind: 'problem', result: ingestProblem('E100', path, errorReason(err)) };
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(path, new Set());
    else if (info.isFile()) yield { kind: 'file', path };
    else yield { kind: 'problem', result: ingestProblem('E110', path, 'not a regular file or folder') };
  }
}

/** Every file under a folder, depth first, entries sorted by name (code-unit order, the same on every machine). */
async function* walkFolder(folder: string, seen: Set<string>): AsyncGenerator<PathEntry> {
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(folder);
    if (seen.has(real)) return;
    seen.add(real);
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    yield { kind: 'problem', result: ingestProblem('E100', folder, `folder could not be read: ${errorReason(err)}`) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = joinGiven(folder, entry.name);
    const kind = await entryKind(entry, path);
    if (kind === 'folder') yield* walkFolder(path, seen);
    else if (kind === 'file') yield { kind: 'file', path };
  }
}

/** Files matching a glob, sorted; E100 when nothing matches. */
async function* expandGlob(pattern: string): AsyncGenerator<PathEntry> {
  const segments = pattern.split('/');
  let fixed = 0;
  while (fixed < segments.length - 1 && !hasGlobChars(segments[fixed] as string)) fixed++;
  const base = segments.slice(0, fixed).join('/') || (fixed > 0 ? '/' : '');
  const rest = segments.slice(fixed).join('/');
  const regex = matchGlob(rest);
  const maxDepth = rest.includes('**') ? Infinity : segments.length - fixed;
  const showDots = /(^|\/)\./.test(rest);
  let found = false;
  for await (const entry of globWalk(base, '', regex, maxDepth, showDots, new Set())) {
    found = true;
    yield entry;
  }
  if (!found) yield { kind: 'problem', result: ingestProblem('E100', pattern, 'no files match this pattern') };
}

async function* globWalk(base: string, rel: string, regex: RegExp, maxDepth: number, showDots: boolean, seen: Set<string>): AsyncGenerator<PathEntry> {
  const folder = rel === '' ? base || '.' : joinBase(base, rel);
  let entries: Dirent[];
  try {
    const real = await realpath(folder);
    if (seen.has(real)) return;
    seen.add(real);
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const depth = rel === '' ? 1 : rel.split('/').length + 1;
  for (const entry of entries) {
    if (entry.name.startsWith('.') && !showDots) continue;
    const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
    const path = joinBase(base, relPath);
    const kind = await entryKind(entry, path);
    if (regex.test(relPath)) {
      if (kind === 'folder') yield* walkFolder(path, seen);
      else if (kind === 'file') yield { kind: 'file', path };
    } else if (kind === 'folder' && depth < maxDepth) {
      yield* globWalk(base, relPath, regex, maxDepth, showDots, seen);
    }
  }
}

async function entryKind(entry: Dirent, path: string): Promise<'file' | 'folder' | 'other'> {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'folder';
  if (entry.isSymbolicLink()) {
    try {
      const info = await stat(path);
      return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
    } catch {
      return 'other';
    }
  }
  return 'other';
}

/** Joins a folder as the user wrote it and a name, keeping their spelling ("./news/" + "a.txt" → "./news/a.txt"). */
function joinGiven(folder: string, name: string): string {
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}

function joinBase(base: string, rel: string): string {
  if (base === '') return rel;
  return base.endsWith('/') ? `${base}${rel}` : `${base}/${rel}`;
}
