// Bench `code`: corpus → `dyad code` end-to-end (child process, one core) and the in-process coder → throughput and memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { sharedData } from '../eval/shared-data.js';
import type { Article } from '../src/types/index.js';
import { buildCorpus, type CorpusInfo } from './corpus.js';
import { measureChild } from './measure-child.js';
import type { Bench, BenchContext, Figures } from './bench.js';

/** The newest modification time (ms) of the compiled sources under `dir` (tests excluded). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/**
 * Compiles src/ to dist/ when dist/cli/main.js is missing, older than a source file, or left by a failed build
 * (tsc emits even when it reports errors, so a marker file in bench/out/ remembers the failure). Returns what it did.
 */
export function ensureBuild(root: string): string {
  const entry = join(root, 'dist', 'cli', 'main.js');
  const failedMarker = join(root, 'bench', 'out', 'build-failed.txt');
  const fresh = existsSync(entry) && !existsSync(failedMarker) && statSync(entry).mtimeMs >= newestSource(join(root, 'src'));
  if (fresh) return 'fresh';
  const started = performance.now();
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  mkdirSync(dirname(failedMarker), { recursive: true });
  if (run.status !== 0) {
    const message = (run.stdout + run.stderr).trim().split('\n').slice(0, 3).join(' | ');
    writeFileSync(failedMarker, `${message}\n`);
    return `build failed after ${seconds} s: ${message}`;
  }
  rmSync(failedMarker, { force: true });
  return `rebuilt in ${seconds} s`;
}

function readCorpus(path: string): Article[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Article);
}

const round = (value: number, digits = 0): number => Number(value.toFixed(digits));
const mb = (kb: number): number => round(kb / 1024, 1);

/**
 * The in-process path, timed by stage: library import + lexicon load (`createCoder`), NLP (`analyze`: tokens, tags,
 * sentences) and coding proper (`coder.codeDoc`: actors, triggers, patterns, event records), summed over the corpus.
 */
async function inProcess(corpus: CorpusInfo, petrarchFiles: string[] = [], details = true): Promise<{ figures: Figures; seconds: number }> {
  const articles = readCorpus(corpus.path);
  const loadStarted = performance.now();
  const { analyze, createCoder } = await import('../src/index.js');
  let dictionariesMs = 0;
  const extra = [];
  if (petrarchFiles.length > 0) {
    const { loadPetrarchDictionaries } = await import('../src/lexicon/petrarch/load-petrarch.js');
    const t = performance.now();
    extra.push(loadPetrarchDictionaries(petrarchFiles).source);
    dictionariesMs = performance.now() - t;
  }
  const coder = await createCoder({ extra, details });
  const loadMs = performance.now() - loadStarted;
  let events = 0;
  let nlpMs = 0;
  let codeMs = 0;
  for (const article of articles) {
    const t0 = performance.now();
    const doc = analyze(article);
    const t1 = performance.now();
    events += coder.codeDoc(doc).length;
    codeMs += performance.now() - t1;
    nlpMs += t1 - t0;
  }
  const totalMs = nlpMs + codeMs;
  const share = (ms: number): string => `${round(ms / 1000, 2)} s (${round((100 * ms) / totalMs)}%)`;
  const figures: Figures = {
    'load s': round(loadMs / 1000, 2),
    ...(petrarchFiles.length > 0 ? { 'PETRARCH dictionaries read s': round(dictionariesMs / 1000, 2) } : {}),
    'nlp (analyze)': share(nlpMs),
    'coding (codeDoc)': share(codeMs),
    'sentences/s (nlp + coding)': round(corpus.sentences / (totalMs / 1000)),
    'events/s (nlp + coding)': round(events / (totalMs / 1000)),
    events,
    'heap used MB': round(process.memoryUsage().heapUsed / 1048576, 1),
    'peak RSS MB (bench process)': mb(process.resourceUsage().maxRSS),
  };
  return { figures, seconds: (loadMs + totalMs) / 1000 };
}

/** The real CLI on the corpus in a child process pinned to one core; events counted as stdout lines. */
async function endToEnd(root: string, corpus: CorpusInfo): Promise<Figures> {
  const build = ensureBuild(root);
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) return { build, error: 'dist/cli/main.js does not exist: the CLI is not built' };
  // run the command as users do (its shebang sets the memory flags), not as `node bin/dyad.js`
  const args = ['code', '--format', 'jsonl', relative(root, corpus.path)];
  const child = await measureChild(join(root, 'bin', 'dyad.js'), args, { cwd: root, oneCore: true });
  const seconds = child.wallMs / 1000;
  const ok = child.exitCode === 0;
  const figures: Figures = {
    build,
    'exit code': child.exitCode ?? 'killed by a signal',
    'wall s': round(seconds, 2),
    'sentences/s': ok ? round(corpus.sentences / seconds) : 'n/a (the CLI failed)',
    'events/s': ok ? round(child.stdoutLines / seconds) : 'n/a',
    events: child.stdoutLines,
    'output MB': round(child.stdoutBytes / 1048576, 1),
    'peak RSS MB': child.peakRssKb === null ? 'unknown' : mb(child.peakRssKb),
    'memory measured by': child.memoryMethod,
    'one core': child.pinned ? 'taskset -c 0' : 'not pinned (no taskset)',
  };
  if (!ok && child.stderrTail !== '') figures.stderr = child.stderrTail;
  return figures;
}

/** `npm run bench -- code`: builds the corpus, then times the CLI end-to-end and the in-process coder. */
export const codeBench: Bench = {
  name: 'code',
  describe: 'dyad code end-to-end on ≥100,000 real sentences (one core), plus the in-process coder split into load, nlp and coding',
  async run(context: BenchContext) {
    const corpus = buildCorpus(join(context.root, 'bench', 'out'), context.sentences);
    context.progress(`corpus: ${corpus.articles} articles, ${corpus.sentences} sentences (${corpus.distinctSentences} distinct), ${mb(corpus.bytes / 1024)} MB`);
    context.progress('running dyad code end-to-end …');
    const cli = await endToEnd(context.root, corpus);
    context.progress('running the in-process coder …');
    const lib = await inProcess(corpus);
    context.progress('running the in-process coder without event details …');
    const bare = await inProcess(corpus, [], false);
    context.progress('running the in-process coder with the Phoenix dictionaries loaded too …');
    const dictionaries = sharedData('petrarch2', 'dictionaries');
    const phoenix = existsSync(dictionaries)
      ? (await inProcess(corpus, ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt', 'Phoenix.agents.txt', 'CAMEO.2.0.txt', 'Phoenix.discards.txt'].map((f) => join(dictionaries, f)))).figures
      : { skipped: `${dictionaries} not found` };
    if (typeof cli['wall s'] === 'number' && cli['exit code'] === 0) {
      // What the CLI spends beyond load + nlp + coding: process start-up, reading and cleaning input, writing JSON.
      const rest = cli['wall s'] - lib.seconds;
      cli['≈ start-up, ingest, output s'] = rest > 0 ? round(rest, 2) : 'n/a (runs too noisy to subtract)';
    }
    return {
      corpus: { path: relative(context.root, corpus.path), articles: corpus.articles, sentences: corpus.sentences, 'distinct sentences': corpus.distinctSentences, MB: mb(corpus.bytes / 1024) },
      'end-to-end (CLI)': cli,
      'in-process': lib.figures,
      'in-process without details (items, terms, dates, places)': bare.figures,
      'in-process + Phoenix dictionaries': phoenix,
    };
  },
};
