// Eval suite `parser`: UD English EWT and GUM test sets → UPOS, UAS, LAS of Dyad's tagger + parser (predicted tags, gold words), and its speed.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConllu } from '../../src/parse/conllu.js';
import { loadParser } from '../../src/parse/load-parser.js';
import { scoreTreebank } from '../../src/parse/score-treebank.js';
import { sharedData } from '../shared-data.js';

/** Figures of one test set, rounded to 4 decimals. */
export interface TreebankFigures {
  upos: number;
  uas: number;
  las: number;
}

/** The `parser` key of `npm run eval -- --json`. */
export interface ParserFigures {
  'ewt-test': TreebankFigures;
  'gum-test': TreebankFigures;
  /** Words tagged and parsed per second of CPU time (one core), over both test sets, after one untimed warm-up pass. */
  'tokens-per-s': number;
  /** The same per second of wall time (lower when other processes share the core). */
  'tokens-per-s-wall': number;
  /** Seconds to load the models (the first load in this process). */
  'load-s': number;
}

const TEST_SETS = { 'ewt-test': 'en_ewt-test.conllu', 'gum-test': 'en_gum-ccby-test.conllu' } as const;

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/** Scores the shipped models on the two test sets in `../shared/data/ud`. Throws when the data is missing. */
export function runParserSuite(): ParserFigures {
  const dir = sharedData('ud');
  if (!existsSync(dir)) throw new Error(`no treebanks at ${dir}`);
  const started = performance.now();
  const parser = loadParser();
  const loadSeconds = (performance.now() - started) / 1000;
  let words = 0;
  let seconds = 0;
  let cpuSeconds = 0;
  const figures: Record<string, TreebankFigures> = {};
  const sets = Object.entries(TEST_SETS).map(([name, file]) => [name, readConllu(readFileSync(resolve(dir, file), 'utf8'))] as const);
  // One untimed pass first, so the speed is that of compiled code (as in `npm run bench -- parser`), not of warm-up.
  for (const [, sentences] of sets) for (const sent of sentences) parser.parse(sent.words);
  for (const [name, sentences] of sets) {
    const scores = scoreTreebank(parser, sentences);
    figures[name] = { upos: round4(scores.upos), uas: round4(scores.uas), las: round4(scores.las) };
    words += scores.words;
    seconds += scores.words / scores.tokensPerSecond;
    cpuSeconds += scores.words / scores.tokensPerCpuSecond;
  }
  return {
    'ewt-test': figures['ewt-test']!, 'gum-test': figures['gum-test']!,
    'tokens-per-s': Math.round(words / cpuSeconds), 'tokens-per-s-wall': Math.round(words / seconds), 'load-s': round4(loadSeconds),
  };
}

/** The suite's table: one row per test set, then speed and load time. */
export function formatParserTable(figures: ParserFigures): string {
  const rows = (['ewt-test', 'gum-test'] as const).map((name) => {
    const f = figures[name];
    return `${name.padEnd(10)}  ${f.upos.toFixed(4)}  ${f.uas.toFixed(4)}  ${f.las.toFixed(4)}`;
  });
  const rule = '-'.repeat(36);
  return [
    'parser (predicted tags; punctuation included)', rule, 'test set     UPOS     UAS     LAS', rule, ...rows,
    `tokens/s    ${figures['tokens-per-s'].toLocaleString('en-US')} per CPU second, ${figures['tokens-per-s-wall'].toLocaleString('en-US')} per wall second`, `load s      ${figures['load-s'].toFixed(3)}`, '',
  ].join('\n');
}
