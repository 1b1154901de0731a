// Eval: `npm run eval [-- --json] [-- --suite NAME]` — runs the evaluation suites over ../shared/data and prints figures.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatSuiteTable } from './format.js';
import type { ArticleCoder, SuiteResult } from './score.js';
import { runPloverSuite } from './suites/plover.js';
import { runConflibertClassSuite, runConflibertSpansSuite } from './suites/conflibert.js';
import { runSamplesSuite } from './suites/samples.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Options of `createCoder` that the suites use (the full type lives in src/index.ts). */
export interface CoderOptions {
  builtin?: boolean;
  lexiconDirs?: string[];
  petrarch?: { actors?: string[]; agents?: string[]; verbs?: string[]; discards?: string[] };
}

/** What a suite gets: the repository root and a way to make coders (the built-in one is made once and shared). */
export interface EvalContext {
  root: string;
  coder(): Promise<ArticleCoder>;
  createCoder(options?: CoderOptions): Promise<ArticleCoder>;
}

/** One registered suite. `run` returns one or more named results (`petrarch` gives two). */
export interface Suite {
  name: string;
  describe: string;
  run(context: EvalContext): Promise<Record<string, SuiteResult>>;
  /** Optional own table format for a result. */
  format?: (name: string, result: SuiteResult) => string;
}

type CreateCoder = (options?: CoderOptions) => Promise<ArticleCoder>;

async function loadCreateCoder(): Promise<CreateCoder> {
  const index = join(ROOT, 'src', 'index.ts');
  if (!existsSync(index)) throw new Error('src/index.ts does not exist yet: the coder is not built');
  const mod = (await import(pathToFileURL(index).href)) as { createCoder?: CreateCoder };
  if (typeof mod.createCoder !== 'function') throw new Error('src/index.ts exports no createCoder');
  return mod.createCoder;
}

/** Imports a suite module written by someone else, when its file exists (else null). */
async function importOptional(file: string): Promise<Record<string, unknown> | null> {
  const path = join(ROOT, 'eval', 'suites', file);
  if (!existsSync(path)) return null;
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}

type ExternalRun = (context: EvalContext) => Promise<Record<string, SuiteResult>> | Record<string, SuiteResult>;

/** A suite whose module (written by another engineer) may not exist yet; it is skipped with a note when missing. */
function externalSuite(name: string, describe: string, file: string, runName: string, formatName?: string): Suite {
  let format: ((name: string, result: SuiteResult) => string) | undefined;
  return {
    name,
    describe,
    async run(context) {
      const mod = await importOptional(file);
      if (!mod) throw new Error(`eval/suites/${file} does not exist yet`);
      const run = mod[runName] as ExternalRun | undefined;
      if (typeof run !== 'function') throw new Error(`eval/suites/${file} exports no ${runName}`);
      if (formatName && typeof mod[formatName] === 'function') format = mod[formatName] as (name: string, result: SuiteResult) => string;
      return run(context);
    },
    format: (suiteName, result) => (format ? format(suiteName, result) : formatSuiteTable(suiteName, result)),
  };
}

/** Every suite, in the order they run and print. */
export const SUITES: Suite[] = [
  { name: 'plover', describe: 'PLOVER gold records: event type, source/target country', run: async (c) => ({ 'plover-gsr': runPloverSuite(await c.coder()) }) },
  {
    name: 'conflibert',
    describe: 'ConfliBERT CAMEO sentences: PentaClass and source/target spans',
    run: async (c) => {
      const coder = await c.coder();
      return { 'conflibert-class': runConflibertClassSuite(coder), 'conflibert-spans': runConflibertSpansSuite(coder) };
    },
  },
  externalSuite('petrarch', 'PETRARCH2 validation records, with PETRARCH2 baseline', 'petrarch.ts', 'runPetrarchSuite', 'formatPetrarchTable'),
  externalSuite('details', 'event details: items, status, terms, dates', 'details.ts', 'runDetailsSuite'),
  { name: 'samples', describe: 'bundled samples vs samples/expected.jsonl (through the CLI)', run: async (c) => ({ samples: runSamplesSuite(c.root) }) },
];

/** Resolves `--suite` names: a suite name, or a result name (`plover-gsr`, `conflibert-class`) meaning its suite. */
export function selectSuites(names: string[]): Suite[] {
  if (names.length === 0) return SUITES;
  const aliases: Record<string, string> = { 'plover-gsr': 'plover', 'conflibert-class': 'conflibert', 'conflibert-spans': 'conflibert', 'petrarch-validation': 'petrarch' };
  const wanted = new Set(names.flatMap((name) => name.split(',')).map((name) => aliases[name] ?? name));
  const unknown = [...wanted].filter((name) => !SUITES.some((suite) => suite.name === name));
  if (unknown.length > 0) throw new Error(`unknown suite ${unknown.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}`);
  return SUITES.filter((suite) => wanted.has(suite.name));
}

interface Args {
  json: boolean;
  suites: string[];
  help: boolean;
}

/** Parses the command line: `--json`, `--suite NAME` (repeatable, or comma-separated), `--help`. */
export function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, suites: [], help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--suite') args.suites.push(argv[(i += 1)] ?? '');
    else if (arg.startsWith('--suite=')) args.suites.push(arg.slice('--suite='.length));
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    console.log('usage: npm run eval [-- --json] [-- --suite NAME[,NAME]]\n\nsuites:');
    for (const suite of SUITES) console.log(`  ${suite.name.padEnd(12)} ${suite.describe}`);
    return 0;
  }
  const suites = selectSuites(args.suites);
  let createCoder: CreateCoder | null = null;
  let builtin: Promise<ArticleCoder> | null = null;
  const context: EvalContext = {
    root: ROOT,
    async createCoder(options) {
      createCoder ??= await loadCreateCoder();
      return createCoder(options);
    },
    coder() {
      builtin ??= context.createCoder();
      return builtin;
    },
  };

  // With --json, stdout carries the one JSON object only: anything a suite logs goes to stderr.
  const log = console.log;
  if (args.json) console.log = console.error;
  const all: Record<string, SuiteResult> = {};
  const tables: string[] = [];
  let failed = 0;
  for (const suite of suites) {
    const started = performance.now();
    process.stderr.write(`eval: ${suite.name} …\n`);
    try {
      const results = await suite.run(context);
      for (const [name, result] of Object.entries(results)) {
        all[name] = result;
        tables.push(suite.format ? suite.format(name, result) : formatSuiteTable(name, result));
      }
      process.stderr.write(`eval: ${suite.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      failed += 1;
      process.stderr.write(`eval: ${suite.name} skipped: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  console.log = log;
  if (args.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  else process.stdout.write(tables.join('\n'));
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
