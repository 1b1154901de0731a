// Bench `hostile`: generated hostile inputs (huge lines, deep HTML, a gzip bomb …) → `dyad code` over each beside normal articles → wall time, peak RSS, outcome;
// then the server under 8 connections with 20% writes (DYAD_HOSTILE_LOAD_SECONDS, default 60; 0 skips it; DYAD_HOSTILE_LOAD_ARTICLES, default 5,000).
import { createWriteStream, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { ensureBuild } from './code.js';
import { hugeArticleIngest, linkingScale } from './hostile-link.js';
import { loadWithWrites } from './hostile-load.js';
import { measureChild, type ChildFigures } from './measure-child.js';
import type { Bench, BenchContext, Figures } from './bench.js';
import { seededRandom } from '../src/parse/hash.js';

/** The targets of issue 13, per input: printed beside the figures, never asserted. */
const TARGET_SECONDS = 10;
const TARGET_MB = 500;
const NORMAL = ['01-iraq-asks-china-for-drones.txt', '03-china-hands-iraq-rifles.txt'];

/** A small deterministic generator (mulberry32), so a run can be replayed from its seed. */
const random = seededRandom;

const COUNTRIES = ['China', 'Iraq', 'Russia', 'Germany', 'France', 'Mali', 'Somalia', 'Ukraine', 'Japan', 'Iran', 'Turkey', 'Egypt'];
const TEMPLATES = [
  'A accused B of violating the ceasefire on day N.', 'Officials in A said B would send N helicopters to the capital.',
  'A condemned the attack by B near the border, killing N people.', 'The foreign minister of A met his counterpart from B on visit N.',
  'A urged B to release N detained journalists.',
];
const WORDS = 'the minister said government forces attacked rebels near the border and officials in Baghdad condemned the strike while China urged restraint'.split(' ');

/** Prose of `bytes` characters with no two paragraphs alike (cleaning would drop repeated ones). */
function prose(bytes: number, rand: () => number, paragraphs = true): string {
  const parts: string[] = [];
  let size = 0;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  while (size < bytes) {
    const sentence = pick(TEMPLATES).replace('A', pick(COUNTRIES)).replace('B', pick(COUNTRIES)).replace('N', String(Math.floor(rand() * 1e6)));
    parts.push(sentence);
    size += sentence.length + 1;
    if (paragraphs && parts.length % 4 === 0) parts.push('\n\n');
  }
  return parts.join(' ').slice(0, bytes);
}

/** Words without a single punctuation mark. */
function words(bytes: number, rand: () => number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const word = WORDS[Math.floor(rand() * WORDS.length)] as string;
    parts.push(word);
    size += word.length + 1;
  }
  return parts.join(' ').slice(0, bytes);
}

/** Writes a gzip of `total` bytes of repeated text: a few MB on disk, far more once inflated. */
async function gzipBomb(path: string, total: number): Promise<void> {
  const gzip = createGzip({ level: 9 });
  const done = once(gzip.pipe(createWriteStream(path)), 'finish');
  const chunk = Buffer.from('a '.repeat(4 * 1024 * 1024));
  for (let written = 0; written < total; written += chunk.length) {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  }
  gzip.end();
  await done;
}

/** Generates the hostile inputs of issue 13 in `dir`; returns name → path. */
async function generate(dir: string): Promise<Record<string, string>> {
  const rand = random(13);
  const at = (name: string): string => join(dir, name);
  writeFileSync(at('line-2mb.txt'), words(2_000_000, rand).replace(/ restraint /g, ' restraint, '));
  const nested = 10_000;
  writeFileSync(at('deep-10k.html'), `<html><body>${'<div>'.repeat(nested)}<p>${prose(400, rand, false)}</p>${'</div>'.repeat(nested)}</body></html>`);
  writeFileSync(at('no-punctuation-512k.txt'), words(512 * 1024, rand));
  writeFileSync(at('text-5mib.txt'), prose(5 * 1024 * 1024 - 1024, rand));
  const big = JSON.stringify({ id: 'jsonl-60mb', text: prose(60 * 1024 * 1024, rand, false) });
  const normalRecord = JSON.stringify({ id: 'jsonl-normal', text: 'Iraqi officials have asked China for military help, the Kommersant newspaper reported.', date: '2024-05-14' });
  writeFileSync(at('line-60mb.jsonl'), `${big}\n${normalRecord}\n`);
  await gzipBomb(at('bomb-2gib.txt.gz'), 2 * 1024 * 1024 * 1024);
  return {
    '2 MB single line': at('line-2mb.txt'),
    '10,000-deep HTML': at('deep-10k.html'),
    '512 KB without punctuation': at('no-punctuation-512k.txt'),
    '5 MiB text': at('text-5mib.txt'),
    '60 MB JSONL line': at('line-60mb.jsonl'),
    'gzip bomb (2 GiB inflated)': at('bomb-2gib.txt.gz'),
  };
}

/** Runs `dyad code` over inputs; counts events per article id from its JSON Lines. */
async function codeRun(root: string, inputs: string[]): Promise<{ child: ChildFigures; eventsByDoc: Map<string, number> }> {
  const eventsByDoc = new Map<string, number>();
  let rest = '';
  const child = await measureChild(join(root, 'bin', 'dyad.js'), ['code', '--format', 'jsonl', '--quiet', ...inputs], {
    cwd: root,
    onStdout: (chunk) => {
      const text = rest + chunk.toString('utf8');
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const doc = /"doc":"((?:[^"\\]|\\.)*)"/.exec(line)?.[1];
        if (doc !== undefined) eventsByDoc.set(doc, (eventsByDoc.get(doc) ?? 0) + 1);
      }
    },
  });
  return { child, eventsByDoc };
}

const seconds = (ms: number): number => Number((ms / 1000).toFixed(1));
const megabytes = (kb: number | null): number | string => (kb === null ? 'n/a' : Math.round(kb / 1024));

/** The verdict for one run: within the targets, and the normal articles coded. */
function verdict(child: ChildFigures, normalCoded: boolean): string {
  const within = child.wallMs <= TARGET_SECONDS * 1000 && (child.peakRssKb ?? 0) <= TARGET_MB * 1024;
  return `${within ? 'within' : 'OVER'} ${TARGET_SECONDS} s / ${TARGET_MB} MB; normal articles ${normalCoded ? 'coded' : 'NOT coded'}`;
}

export const hostileBench: Bench = {
  name: 'hostile',
  describe: `hostile inputs (2 MB line, 10,000-deep HTML, 512 KB without punctuation, 5 MiB text, 60 MB JSONL line, gzip bomb) through dyad code beside normal articles: time, peak RSS, outcome (targets ${TARGET_SECONDS} s, ${TARGET_MB} MB)`,
  async run(context: BenchContext): Promise<Record<string, Figures>> {
    const build = ensureBuild(context.root);
    context.progress(`build: ${build}`);
    const dir = mkdtempSync(join(tmpdir(), 'dyad-hostile-'));
    try {
      context.progress('generating inputs');
      const inputs = await generate(dir);
      const normal = NORMAL.map((name) => {
        const path = join(dir, name);
        copyFileSync(join(context.root, 'samples', 'articles', name), path);
        return path;
      });
      const out: Record<string, Figures> = {};
      for (const [name, path] of Object.entries(inputs)) {
        context.progress(name);
        // one normal article before and one after: both must still be coded
        const { child, eventsByDoc } = await codeRun(context.root, [normal[0] as string, path, normal[1] as string]);
        const normalCoded = normal.every((p) => (eventsByDoc.get(p) ?? 0) > 0);
        const hostileEvents = [...eventsByDoc].filter(([doc]) => !normal.includes(doc)).reduce((n, [, count]) => n + count, 0);
        const problem = child.stderrTail.split('\n').filter((line) => line.startsWith('dyad: E')).map((line) => line.replace(dir, '…')).join('\n');
        const warning = child.stderrTail.split('\n').filter((line) => line.startsWith('dyad: warning')).map((line) => line.replace(dir, '…')).join('\n');
        out[name] = {
          'wall s': seconds(child.wallMs),
          'peak RSS MB': megabytes(child.peakRssKb),
          exit: child.exitCode ?? 'killed',
          outcome: [problem, problem === '' || hostileEvents > 0 ? `${hostileEvents} events coded${problem !== '' ? ' from the rest of the input' : ''}` : '', warning]
            .filter((line) => line !== '').join('\n'),
          verdict: verdict(child, normalCoded),
        };
      }
      context.progress('all inputs in one run');
      const every = Object.values(inputs);
      const { child, eventsByDoc } = await codeRun(context.root, [normal[0] as string, ...every, normal[1] as string]);
      out['all in one run'] = {
        inputs: every.length + normal.length,
        'wall s': seconds(child.wallMs),
        'peak RSS MB': megabytes(child.peakRssKb),
        exit: child.exitCode ?? 'killed',
        verdict: `normal articles ${normal.every((p) => (eventsByDoc.get(p) ?? 0) > 0) ? 'coded' : 'NOT coded'}`,
      };
      context.progress('linking: huge articles through dyad ingest, the clusterer over growing batches');
      const proseRand = random(256);
      out['huge articles ingested'] = await hugeArticleIngest(context.root, dir, [256 * 1024, 512 * 1024, 1024 * 1024, 2 * 1024 * 1024], (bytes) => prose(bytes, proseRand));
      out['linking one batch of n mentions'] = linkingScale([2_000, 4_000, 8_000, 16_000, 32_000, 64_000]);
      const loadSeconds = Number(process.env['DYAD_HOSTILE_LOAD_SECONDS'] ?? 60);
      if (loadSeconds > 0) {
        out['server under writes'] = await loadWithWrites(context.root, dir, {
          articles: Number(process.env['DYAD_HOSTILE_LOAD_ARTICLES'] ?? 5_000), connections: 8, seconds: loadSeconds, hostileText: readFileSync(inputs['512 KB without punctuation'] as string, 'utf8'),
        }, context.progress);
      }
      out['method'] = { command: 'bin/dyad.js code --format jsonl --quiet NORMAL1 HOSTILE NORMAL2 (the compiled CLI)', memory: child.memoryMethod, note: 'wall time includes start-up and lexicon load' };
      return out;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
