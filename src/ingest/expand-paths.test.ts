// Tests: files, folders (sorted, recursive, dot-files skipped), globs and `-` → the files to read, or a problem per path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandPaths } from './expand-paths.js';

let dir = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dyad-paths-'));
  for (const name of ['b.txt', 'a.html', 'c/z.txt', 'c/d/y.jsonl', '.hidden.txt', '.git/config', 'B.txt']) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), 'x');
  }
  await symlink(join(dir, 'c'), join(dir, 'loop'));
});
after(async () => rm(dir, { recursive: true, force: true }));

async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of expandPaths(paths)) out.push(entry.kind === 'problem' ? `${entry.result.kind === 'problem' ? entry.result.problem.code : ''} ${entry.kind}` : entry.path);
  return out.map((p) => p.replace(dir, 'D'));
}

test('expandPaths walks folders sorted, recursively, without dot-files, keeping the given spelling', async () => {
  // "loop" links back to "c": each real folder is walked once.
  assert.deepEqual(await expand([`${dir}/`]), ['D/B.txt', 'D/a.html', 'D/b.txt', 'D/c/d/y.jsonl', 'D/c/z.txt']);
});

test('expandPaths matches globs, sorted, and says when nothing matches', async () => {
  const cases: Array<{ patterns: string[]; want: string[] }> = [
    { patterns: [`${dir}/*.txt`], want: ['D/B.txt', 'D/b.txt'] },
    { patterns: [`${dir}/**/*.jsonl`], want: ['D/c/d/y.jsonl'] },
    { patterns: [`${dir}/*.{html,jsonl}`], want: ['D/a.html'] },
    { patterns: [`${dir}/c*`], want: ['D/c/d/y.jsonl', 'D/c/z.txt'] },
    { patterns: [`${dir}/*.pdf`], want: ['E100 problem'] },
  ];
  for (const { patterns, want } of cases) assert.deepEqual(await expand(patterns), want, patterns.join(' '));
});

test('expandPaths passes files and stdin through and reports missing paths', async () => {
  assert.deepEqual(await expand([`${dir}/b.txt`, '-', `${dir}/missing.txt`, `${dir}/.hidden.txt`]), ['D/b.txt', '-', 'E100 problem', 'D/.hidden.txt']);
});
