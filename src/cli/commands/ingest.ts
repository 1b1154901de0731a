// CLI edge: `dyad ingest PATH…` — inputs → cleaned, coded, stored articles; progress on a terminal; a summary.
import { Command } from 'commander';
import { createCoder } from '../../coder/create-coder.js';
import { ingestArticles, type IngestSummary } from '../../pipeline/ingest-articles.js';
import { publishArticles } from '../../pipeline/publish-articles.js';
import { workerCoder } from '../../pipeline/worker-coder.js';
import { ArticleQueue } from '../../queue/article-queue.js';
import { DB_HELP, openStore } from '../../store/open-store.js';
import { collectValues, formatProblem, lexiconOptions } from '../io.js';
import { checkDateOption } from './code.js';
import { usageError } from './events.js';
import { countArticles, progressLine } from '../progress-line.js';

export interface IngestCommandOptions {
  db: string;
  date?: string;
  lexicon?: string[];
  petrarchDictionaries?: string[];
  /** false with --no-parser. */
  parser?: boolean;
  batch?: string;
  quiet?: boolean;
  /** False with `--no-wait`: refuse (E601) instead of waiting while another process writes the store. */
  wait?: boolean;
  /** Threads that code articles (default 1: coding in the main thread). */
  workers?: string;
  /** `nats://host:port/STREAM`: publish the articles there for `dyad worker`, instead of storing them. */
  queue?: string;
}

/** The summary printed after an ingest. */
export function summaryText(s: IngestSummary, db: string): string {
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const lines = [
    `Ingested into ${db} in ${(s.elapsedMs / 1000).toFixed(1)} s:`,
    `  read        ${fmt(s.read)} articles`,
    `  new         ${fmt(s.new)} (${fmt(s.events)} reports: coded sentences)`,
    `  duplicates  ${fmt(s.duplicates)} (already stored)`,
    `  syndicated  ${fmt(s.nearDuplicates)} (near-duplicates of an earlier article; linked, not coded again)`,
    `  failed      ${fmt(s.failed)}`,
    ...(s.clusters !== null && s.clusters !== undefined ? [`  events      ${fmt(s.clusters)} in the store, their reports merged; ${fmt(s.threads ?? 0)} assistance threads`] : []),
  ];
  return lines.join('\n') + '\n';
}

/** `dyad ingest --queue URL`: publishes the articles and returns; the exit code is 1 when some inputs failed. */
async function publishToQueue(inputs: string[], options: IngestCommandOptions & { queue: string }): Promise<number> {
  const queue = await ArticleQueue.open(options.queue);
  try {
    const summary = await publishArticles(inputs, queue, { date: options.date ?? null, stdin: process.stdin });
    for (const p of summary.problems) process.stderr.write(formatProblem(p) + '\n');
    if (!options.quiet) {
      const fmt = (n: number): string => n.toLocaleString('en-US');
      process.stderr.write(`Published to ${options.queue}: ${fmt(summary.published)} articles, ${fmt(summary.duplicates)} already there, ${fmt(summary.failed)} failed\n`);
    }
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await queue.close();
  }
}

/** Runs `dyad ingest`; returns the exit code (1 when some inputs failed). */
export async function runIngest(inputs: string[], options: IngestCommandOptions): Promise<number> {
  checkDateOption(options.date);
  if (options.queue !== undefined) return publishToQueue(inputs, { ...options, queue: options.queue });
  const workers = workerCount(options.workers);
  const coderOptions = await lexiconOptions(options);
  // with --workers N the main thread reads, decides, stores and links; N threads code, each with its own lexicon
  const coder = workers === 1 ? await createCoder(coderOptions) : workerCoder(coderOptions, { workers });
  const store = await openStore(options.db);
  const tty = process.stderr.isTTY === true && !options.quiet;
  const total = tty ? countArticles(inputs) : null;
  try {
    const summary = await ingestArticles(inputs, {
      store,
      coder,
      // two articles per thread, so that each has the next one in hand when it finishes one
      inFlight: workers === 1 ? 1 : workers * 2,
      date: options.date ?? null,
      batchSize: options.batch !== undefined ? Number(options.batch) : 200,
      stdin: process.stdin,
      writer: { wait: options.wait !== false, onWait: (message) => process.stderr.write(`dyad: ${message}\n`) },
      onProgress: tty ? (p) => process.stderr.write(`\r\u001b[2K${progressLine(p, total)}`) : undefined,
      onWarning: (message) => process.stderr.write(`${tty ? '\r\u001b[2K' : ''}dyad: warning: ${message}\n`),
    });
    if (tty) process.stderr.write('\r\u001b[2K');
    for (const p of summary.problems) process.stderr.write(formatProblem(p) + '\n');
    if (!options.quiet) process.stderr.write(summaryText(summary, options.db));
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
    if ('close' in coder) await coder.close();
  }
}

/** The value of `--workers`: a whole number from 1 to 64 (E700 otherwise). */
export function workerCount(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw usageError('--workers', `"${value}" is not a whole number from 1 to 64`);
  return n;
}

/** The `ingest` command for the program. */
export function ingestCommand(): Command {
  return new Command('ingest')
    .description('read, clean, code and store articles (text, HTML, JSON Lines, RSS/Atom, .gz; folders and globs; "-" for stdin)')
    .argument('<inputs...>', 'files, folders, globs or "-"')
    .option('--db <path|url>', DB_HELP, './dyad.db')
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that give none (record, feed or page metadata); wins over a date read from the dateline, stamp lines or byline')
    .option('--lexicon <dir>', 'an extra lexicon folder in Dyad format (repeat the option for more)', collectValues)
    .option('--petrarch-dictionaries <path...>', 'PETRARCH/TABARI dictionary files or folders to load as well')
    .option('--no-parser', 'read roles from word windows only, without the dependency parser (faster, less accurate)')
    .option('--batch <n>', 'articles per transaction', '200')
    .option('--workers <n>', 'threads that code articles (each loads its own lexicon, ~150 MB); the result is that of one', '1')
    .option('-q, --quiet', 'no progress and no summary')
    .option('--no-wait', 'when another process is writing the store, stop with an error (E601) instead of waiting for it to finish')
    .option('--queue <url>', 'publish the articles to a NATS JetStream stream (nats://host:port/STREAM) for `dyad worker`, and return')
    .action(async (inputs: string[], options: IngestCommandOptions) => {
      process.exitCode = await runIngest(inputs, options);
    });
}
