// Eval (PETRARCH suite): PETRARCH's unit-test records (text only) → Dyad's and PETRARCH2's triple/code/root scores, side by side.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PetrarchFiles } from '../../src/lexicon/petrarch/load-petrarch.js';
import type { Article, EventRecord } from '../../src/types/index.js';
import { sharedData } from '../shared-data.js';
import { readBaseline, readSuiteRecords, type SuiteRecord } from './petrarch-records.js';
import { CATEGORIES, scoreRecords, uniqueTriples, type PRF, type ScoredRecord, type Scores, type Triple } from './petrarch-score.js';

export type { CategoryScores, PRF, Scores } from './petrarch-score.js';

/** A coder as the suite needs it. */
export interface SuiteCoder {
  codeArticle(article: Article): EventRecord[] | Promise<EventRecord[]>;
}

export interface PetrarchSuiteOptions {
  /** Builds a coder: `builtin` = also load Dyad's own lexicon; `petrarch` = the PETRARCH dictionaries to load. */
  createCoder: (opts: { builtin: boolean; petrarch: PetrarchFiles }) => Promise<SuiteCoder>;
  /** Load Dyad's own lexicon beside the PETR.Validate dictionaries (default false: the suite's dictionaries only). */
  withDyadLexicon?: boolean;
  /** The PETRARCH2 data folder (text/, dictionaries/, baseline-outputs/); default `../shared/data/petrarch2` beside the project root. */
  dataDir?: string;
}

export interface PetrarchSuiteResult {
  dyad: Scores;
  petrarch2: Scores;
}

const RECORDS_FILE = join('text', 'PETR.UnitTest.records.xml');
const BASELINE_FILE = join('baseline-outputs', 'validation-records.petrarch2-py27.json');

/** The default data folder: `../shared/data/petrarch2` beside the project root. */
export function petrarchDataDir(): string {
  return sharedData('petrarch2');
}

/**
 * Runs PETRARCH's unit-test suite: every `sentence="true"` record's `<Text>` (never its `<Parse>`) is coded as one
 * article (id = record id, date from the record) with a coder loaded with the `PETR.Validate.*` dictionaries the file
 * names. Under `require_dyad` (PETRARCH's default, switched by the interleaved `<Config>` tags) events without a
 * source or target (`---`) are dropped; `new_actor_length` and the comma options have no Dyad equivalent. An exception
 * on one record is a crash: it predicts nothing and the suite goes on. PETRARCH2's measured output is scored by the
 * same scorer against the same gold.
 */
export async function runPetrarchSuite(options: PetrarchSuiteOptions): Promise<PetrarchSuiteResult> {
  const dataDir = options.dataDir ?? petrarchDataDir();
  const recordsPath = join(dataDir, RECORDS_FILE);
  if (!existsSync(recordsPath)) throw new Error(`PETRARCH suite: ${recordsPath} not found`);
  const suite = readSuiteRecords(readFileSync(recordsPath, 'utf8'));
  const dictionaryDir = join(dataDir, 'dictionaries');
  const petrarch: PetrarchFiles = {
    actors: suite.dictionaries.actors.map((f) => join(dictionaryDir, f)),
    agents: suite.dictionaries.agents.map((f) => join(dictionaryDir, f)),
    verbs: suite.dictionaries.verbs.map((f) => join(dictionaryDir, f)),
    discards: suite.dictionaries.discards.map((f) => join(dictionaryDir, f)),
  };
  const coder = await options.createCoder({ builtin: options.withDyadLexicon ?? false, petrarch });
  const scored = suite.records.filter((r) => r.scored);

  const dyad: ScoredRecord[] = [];
  for (const record of scored) {
    let predicted: Triple[] = [];
    let crashed = false;
    try {
      predicted = eventTriples(await coder.codeArticle(articleOf(record)), record.requireDyad);
    } catch {
      crashed = true;
    }
    dyad.push({ id: record.id, category: record.category, gold: record.gold, predicted, crashed });
  }

  const baseline = new Map(readBaseline(readFileSync(join(dataDir, BASELINE_FILE), 'utf8')).map((b) => [b.index, b]));
  const petrarch2: ScoredRecord[] = scored.map((record) => {
    const b = baseline.get(record.index);
    const same = b !== undefined && b.id === record.id;
    return { id: record.id, category: record.category, gold: record.gold, predicted: same ? b.predicted : [], crashed: same ? b.crashed : false };
  });
  return { dyad: scoreRecords(dyad), petrarch2: scoreRecords(petrarch2) };
}

function articleOf(record: SuiteRecord): Article {
  return { id: record.id, text: record.text, date: record.date, title: null, source: null };
}

/** Events as de-duplicated (source, target, code) triples; with `requireDyad`, only events with both actors coded. */
export function eventTriples(events: EventRecord[], requireDyad: boolean): Triple[] {
  const triples: Triple[] = [];
  for (const event of events) {
    const source = event.source.code || '---';
    const target = event.target?.code || '---';
    if (requireDyad && (source === '---' || target === '---')) continue;
    triples.push([source, target, event.cameo]);
  }
  return uniqueTriples(triples);
}

const f3 = (x: number): string => x.toFixed(3);
const prfCells = (s: PRF): string => `${f3(s.p)}  ${f3(s.r)}  ${f3(s.f1)}`;

/** The side-by-side table: overall triple/code/root P-R-F1, exact records and crashes, then per category. */
export function formatPetrarchTable(result: PetrarchSuiteResult): string {
  const { dyad, petrarch2 } = result;
  const pad = (s: string, n: number): string => s.padEnd(n);
  const lines = [
    `PETRARCH unit-test suite: ${dyad.records} records (Dyad codes <Text> only; PETRARCH2 used the hand-made parse trees)`,
    `${pad('', 16)}${pad('Dyad', 22)}PETRARCH2`,
    `${pad('', 16)}${pad('P      R      F1', 22)}P      R      F1`,
  ];
  for (const measure of ['triple', 'code', 'root'] as const) {
    lines.push(`${pad(measure, 16)}${pad(prfCells(dyad[measure]), 22)}${prfCells(petrarch2[measure])}`);
  }
  lines.push(`${pad('exact records', 16)}${pad(`${dyad.exact}/${dyad.records}`, 22)}${petrarch2.exact}/${petrarch2.records}`);
  lines.push(`${pad('crashes', 16)}${pad(String(dyad.crashes), 22)}${petrarch2.crashes}`);
  lines.push('');
  lines.push(`${pad('category', 10)}${pad('records', 9)}${pad('Dyad F1 (triple code root) exact', 36)}PETRARCH2 F1 (triple code root) exact`);
  const names = [...CATEGORIES, ...Object.keys(dyad.byCategory).filter((c) => !CATEGORIES.includes(c))];
  for (const name of names) {
    const d = dyad.byCategory[name];
    const p = petrarch2.byCategory[name];
    if (d === undefined || p === undefined) continue;
    const cells = (s: typeof d): string => `${f3(s.triple.f1)} ${f3(s.code.f1)} ${f3(s.root.f1)}  ${s.exact}`;
    lines.push(`${pad(name, 10)}${pad(String(d.records), 9)}${pad(cells(d), 36)}${cells(p)}`);
  }
  return lines.join('\n');
}
