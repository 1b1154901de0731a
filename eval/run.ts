// Eval: `npm run eval [-- --json] [-- --suite NAME]` — runs the evaluation suites over ../shared/data and prints figures.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSuiteTable } from './format.js';
import { sharedData } from './shared-data.js';
import { ratio, round, type ArticleCoder, type Prf, type SuiteResult } from './score.js';
import { loadPetrarchDictionaries } from '../src/lexicon/petrarch/load-petrarch.js';
import { formatPetrarchTable, runPetrarchSuite, type Scores } from './suites/petrarch.js';
import { runDetailsSuite } from './suites/details.js';
import { formatParserTable, runParserSuite, type ParserFigures } from './suites/parser.js';
import { runPloverSuite } from './suites/plover.js';
import { runConflibertClassSuite, runConflibertSpansSuite } from './suites/conflibert.js';
import { runSamplesSuite } from './suites/samples.js';
import { runClustersSuite } from './suites/clusters.js';
import { runAgnewsSuite } from './suites/agnews.js';
import type { CoderOptions } from '../src/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What a suite gets: the repository root and a way to make coders (the built-in one is made once and shared). */
export interface EvalContext {
  root: string;
  coder(): Promise<ArticleCoder>;
  createCoder(options?: CoderOptions): Promise<ArticleCoder>;
}

/** What a suite run gives: one or more named results (`petrarch` gives two) and, optionally, its own table. */
export interface SuiteOutput {
  results: Record<string, SuiteResult>;
  /** Printed instead of one default table per result. */
  table?: string;
  /** Nested figures that go into `--json` as they are (the parser's per-test-set figures). */
  groups?: Record<string, ParserFigures>;
}

/** One registered suite. */
export interface Suite {
  name: string;
  describe: string;
  run(context: EvalContext): Promise<SuiteOutput>;
}

type CreateCoder = (options?: CoderOptions) => Promise<ArticleCoder>;

/** Loads the library lazily, so `--help` and suites that need no coder start fast. */
async function loadCreateCoder(): Promise<CreateCoder> {
  const { createCoder } = await import('../src/index.js');
  return createCoder;
}

/** PETRARCH scores → flat suite figures: overall triple/code/root P/R/F1, counts, and triple P/R/F1 per category. */
export function petrarchFigures(scores: Scores): SuiteResult {
  const result: SuiteResult = {
    'n-records': scores.records,
    triple: prfOf(scores.triple),
    code: prfOf(scores.code),
    root: prfOf(scores.root),
    'exact-records': ratio(scores.exact, scores.records),
    'n-crashes': scores.crashes,
  };
  for (const [category, figures] of Object.entries(scores.byCategory)) result[`category/${category}`] = prfOf(figures.triple);
  return result;
}

const prfOf = (value: { p: number; r: number; f1: number }): Prf => ({ p: round(value.p), r: round(value.r), f1: round(value.f1) });

/** The PETRARCH2 validation records, coded by Dyad with the PETR.Validate dictionaries, beside PETRARCH2's own output. */
const petrarchSuite: Suite = {
  name: 'petrarch',
  describe: 'PETRARCH2 validation records (Dyad with PETR.Validate dictionaries), with the PETRARCH2 baseline',
  async run(context) {
    const result = await runPetrarchSuite({
      dataDir: sharedData('petrarch2'),
      createCoder: async ({ builtin, petrarch }) => context.createCoder({ builtin, extra: [loadPetrarchDictionaries(petrarch).source] }),
    });
    return {
      results: { 'petrarch-validation': petrarchFigures(result.dyad), 'petrarch2-baseline': petrarchFigures(result.petrarch2) },
      table: `${formatPetrarchTable(result)}\n`,
    };
  },
};

/** The Phoenix dictionaries shipped with PETRARCH2 (actors, agents, verbs, discards; not the issue file). */
export function phoenixFiles(): string[] {
  const dir = sharedData('petrarch2', 'dictionaries');
  return ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt', 'Phoenix.agents.txt', 'CAMEO.2.0.txt', 'Phoenix.discards.txt']
    .map((name) => resolve(dir, name));
}

/** The headline figures the Phoenix comparison reports: name → where it is in a suite result. */
const PHOENIX_MEASURES: [name: string, suite: 'plover' | 'class' | 'spans', measure: string][] = [
  ['plover type F1', 'plover', 'type'],
  ['plover source F1', 'plover', 'source'],
  ['plover target F1', 'plover', 'target'],
  ['conflibert accuracy', 'class', 'accuracy'],
  ['conflibert macro-F1', 'class', 'macro-f1'],
  ['conflibert source span F1', 'spans', 'source-overlap'],
  ['conflibert target span F1', 'spans', 'target-overlap'],
];

/** A figure of a result: a plain number, or the F1 of a P/R/F1 measure. */
const headline = (result: SuiteResult, measure: string): number => {
  const value = result[measure];
  return value === undefined ? Number.NaN : typeof value === 'number' ? value : value.f1;
};

/**
 * PLOVER and ConfliBERT again, with the full Phoenix dictionaries loaded on top of Dyad's own lexicon (issue 7), and
 * `phoenix-vs-own`: each headline figure with Phoenix minus the same figure with Dyad's lexicon alone (≥ 0: no drop).
 */
const phoenixSuite: Suite = {
  name: 'phoenix',
  describe: 'PLOVER and ConfliBERT with the Phoenix dictionaries loaded as well as Dyad\'s lexicon, and the change',
  async run(context) {
    const started = performance.now();
    const loaded = loadPetrarchDictionaries(phoenixFiles());
    const loadSeconds = (performance.now() - started) / 1000;
    const own = await context.coder();
    const built = performance.now();
    const coder = await context.createCoder({ extra: [loaded.source] });
    const buildSeconds = (performance.now() - built) / 1000;
    const withPhoenix = { plover: runPloverSuite(coder), class: runConflibertClassSuite(coder), spans: runConflibertSpansSuite(coder) };
    const alone = { plover: runPloverSuite(own), class: runConflibertClassSuite(own), spans: runConflibertSpansSuite(own) };
    const change: SuiteResult = {};
    for (const [name, suite, measure] of PHOENIX_MEASURES) change[name] = round(headline(withPhoenix[suite], measure) - headline(alone[suite], measure));
    return {
      results: {
        'phoenix-load': { 'load-s': round(loadSeconds), 'coder-build-s': round(buildSeconds), 'n-problems': loaded.problems.length },
        'plover-gsr+phoenix': withPhoenix.plover,
        'conflibert-class+phoenix': withPhoenix.class,
        'conflibert-spans+phoenix': withPhoenix.spans,
        'phoenix-vs-own': change,
      },
    };
  },
};

/** Every suite, in the order they run and print. */
export const SUITES: Suite[] = [
  {
    name: 'parser',
    describe: 'Dyad\'s tagger and parser on UD English EWT and GUM test: UPOS, UAS, LAS, tokens/s',
    run: async () => {
      const parser = runParserSuite();
      return { results: {}, groups: { parser }, table: formatParserTable(parser) };
    },
  },
  {
    name: 'plover',
    describe: 'PLOVER gold records: event type, source/target country',
    run: async (c) => ({ results: { 'plover-gsr': runPloverSuite(await c.coder()) } }),
  },
  {
    name: 'conflibert',
    describe: 'ConfliBERT CAMEO sentences: PentaClass and source/target spans',
    run: async (c) => {
      const coder = await c.coder();
      return { results: { 'conflibert-class': runConflibertClassSuite(coder), 'conflibert-spans': runConflibertSpansSuite(coder) } };
    },
  },
  {
    name: 'agnews',
    describe: 'agnews-dev: 260 hand-coded real wire stories — events, assistance, status, items',
    run: async (c) => ({ results: { 'agnews-dev': runAgnewsSuite(await c.coder()) } }),
  },
  petrarchSuite,
  phoenixSuite,
  { name: 'details', describe: 'event details: items, quantities, terms, dates, locations', run: async () => ({ results: await runDetailsSuite() }) },
  {
    name: 'clusters',
    describe: 'event clustering on labelled mentions: pairwise precision/recall',
    run: async () => {
      const r = await runClustersSuite();
      return { results: { clusters: { pairwise: { p: round(r.pairwise.p), r: round(r.pairwise.r), f1: round(r.pairwise.f1) }, 'n-clusters': r.clusters, 'n-gold-events': r.gold } } };
    },
  },
  {
    name: 'samples',
    describe: 'bundled samples vs samples/expected.jsonl (through the CLI)',
    run: async (c) => ({ results: { samples: runSamplesSuite(c.root) } }),
  },
];

/** Resolves `--suite` names: a suite name, or a result name (`plover-gsr`, `conflibert-class`) meaning its suite. */
export function selectSuites(names: string[]): Suite[] {
  if (names.length === 0) return SUITES;
  const aliases: Record<string, string> = { 'plover-gsr': 'plover', 'conflibert-class': 'conflibert', 'conflibert-spans': 'conflibert', 'petrarch-validation': 'petrarch', 'agnews-dev': 'agnews' };
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
  const all: Record<string, SuiteResult | ParserFigures> = {};
  const tables: string[] = [];
  let failed = 0;
  for (const suite of suites) {
    const started = performance.now();
    process.stderr.write(`eval: ${suite.name} …\n`);
    try {
      const output = await suite.run(context);
      Object.assign(all, output.results, output.groups);
      if (output.table !== undefined) tables.push(output.table);
      else for (const [name, result] of Object.entries(output.results)) tables.push(formatSuiteTable(name, result));
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
