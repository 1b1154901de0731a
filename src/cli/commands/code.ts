// CLI edge: `dyad code FILE…` — inputs → events printed as a table, JSON Lines or CSV; problems to stderr.
import { Command, Option } from 'commander';
import { createCoder, type CoderOptions } from '../../coder/create-coder.js';
import { codeWithinBudget } from '../../pipeline/code-within-budget.js';
import { normaliseDate } from '../../ingest/normalise-date.js';
import { readInputs } from '../../ingest/read-inputs.js';
import type { EventRecord, Problem } from '../../types/index.js';
import { CSV_COLUMNS, csvCells } from '../../export/csv.js';
import { csvRow } from '../../export/export-context.js';
import { EVENT_TABLE_COLUMNS } from '../event-columns.js';
import { defaultFormat, parseFormat, renderTable, type OutputFormat } from '../format-output.js';
import { heapCeiling } from '../heap-ceiling.js';
import { collectValues, formatProblem, lexiconOptions, writeOut } from '../io.js';

export interface CodeOptions {
  format?: string;
  date?: string;
  lexicon?: string[];
  petrarchDictionaries?: string[];
  /** false with --no-parser. */
  parser?: boolean;
  quiet?: boolean;
}

/** Used heap (MB) past which `dyad code` collects garbage itself between articles. */
const HEAP_CEILING_MB = 160;

/** Characters of output gathered before one write. */
const WRITE_CHUNK = 64 * 1024;

/** Runs `dyad code`; returns the exit code (0 all coded, 1 some inputs failed). */
export async function runCode(inputs: string[], options: CodeOptions): Promise<number> {
  const format: OutputFormat = options.format !== undefined ? parseFormat(options.format) : defaultFormat(process.stdout.isTTY);
  checkDateOption(options.date);
  const coderOptions: CoderOptions = await lexiconOptions(options);
  const coder = await createCoder(coderOptions);
  for (const p of coder.problems) process.stderr.write(formatProblem(p) + '\n');
  const table: EventRecord[] = [];
  let articles = 0;
  let events = 0;
  const problems: Problem[] = [];
  // garbage V8 would let pile up to 250+ MB before a full collection (see heap-ceiling.ts)
  const ceiling = heapCeiling(HEAP_CEILING_MB);
  // CSV: the report columns of every CSV export (src/export/csv.ts)
  if (format === 'csv') await writeOut(csvRow(CSV_COLUMNS));
  for await (const result of readInputs(inputs.length > 0 ? inputs : ['-'], { date: options.date ?? null, stdin: process.stdin })) {
    if (result.kind === 'problem') {
      problems.push(result.problem);
      process.stderr.write(formatProblem(result.problem) + '\n');
      continue;
    }
    const outcome = codeWithinBudget(coder, result.article);
    ceiling.check();
    if (outcome.kind === 'problem') {
      problems.push(outcome.problem);
      process.stderr.write(formatProblem(outcome.problem) + '\n');
      continue;
    }
    for (const warning of result.warnings ?? []) process.stderr.write(`dyad: warning: ${warning}\n`);
    articles++;
    for (const warning of outcome.warnings) process.stderr.write(`dyad: warning: ${warning}\n`);
    const coded = outcome.events;
    events += coded.length;
    if (format === 'table') for (const event of coded) table.push(event);
    else {
      // lines go out in pieces of at most ~64 KiB: an article's events are never joined into one big string
      let pending = '';
      const { article } = result;
      for (const event of coded) {
        pending += format === 'jsonl' ? `${JSON.stringify(event)}\n` : csvRow(await csvCells(event, { article: () => article }));
        if (pending.length >= WRITE_CHUNK) {
          await writeOut(pending);
          pending = '';
        }
      }
      if (pending !== '') await writeOut(pending);
    }
  }
  if (format === 'table') await writeOut(table.length > 0 ? renderTable(table, EVENT_TABLE_COLUMNS) : 'No events found.\n');
  if (!options.quiet && (process.stderr.isTTY || format === 'table')) {
    process.stderr.write(`${articles} article${articles === 1 ? '' : 's'} coded, ${events} event${events === 1 ? '' : 's'}${problems.length > 0 ? `, ${problems.length} input${problems.length === 1 ? '' : 's'} failed` : ''}\n`);
  }
  return problems.length > 0 ? 1 : 0;
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

/** Checks a `--date` flag: YYYY-MM-DD and a day of the calendar (2024-02-30 is refused). Throws UsageError. */
export function checkDateOption(date: string | undefined): void {
  if (date === undefined) return;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD, not "${date}"`);
  if (normaliseDate(date) !== date) throw new UsageError(`--date ${date} is not a day of the calendar`);
}

/** The `code` command for the program. */
export function codeCommand(): Command {
  return new Command('code')
    .description('code news articles into reports: one coded event per sentence, not yet merged (plain text, HTML, JSON Lines; "-" for stdin)')
    .argument('[inputs...]', 'files, folders or "-" for standard input')
    .addOption(new Option('-f, --format <format>', 'output format: table (default on a terminal), jsonl (default when piped), csv'))
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that give none (record, feed or page metadata); wins over a date read from the dateline, stamp lines or byline')
    .option('--lexicon <dir>', 'an extra lexicon folder in Dyad format, yours winning over the built-in lexicon (repeat the option for more)', collectValues)
    .option('--petrarch-dictionaries <path...>', 'PETRARCH/TABARI dictionary files or folders to load as well')
    .option('--no-parser', 'read roles from word windows only, without the dependency parser (faster, less accurate)')
    .option('-q, --quiet', 'no summary line on stderr')
    .action(async function (this: Command, inputs: string[], options: CodeOptions) {
      process.exitCode = await runCode(inputs, options);
    });
}
