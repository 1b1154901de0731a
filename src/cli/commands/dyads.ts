// CLI edge: `dyad dyads` — filter options → source → target pairs per period with counts, Goldstein mean and quad shares.

import { Command, Option } from 'commander';
import { renderRows, type Column } from '../format-output.js';
import type { DyadRow, Period } from '../../store/store.js';
import { addFilterOptions, filterFromOptions, formatOption, processIo, runAction, usageError, wholeNumber, withIo, withStore, type CliIo, type FilterOptions } from './events.js';

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** Dyad columns for tables and CSV (JSON Lines gives the rows whole, shares as fractions). */
export const DYAD_COLUMNS: readonly Column<DyadRow>[] = [
  { header: 'PERIOD', value: (d) => d.period ?? 'undated' },
  { header: 'SOURCE', value: (d) => d.source, maxWidth: 16, minWidth: 16 },
  { header: 'TARGET', value: (d) => d.target, maxWidth: 16, minWidth: 16 },
  // the store counts dyads over reports, as coded
  { header: 'REPORTS', value: (d) => d.count },
  // A number, not text: CSV guards text starting with "-" against spreadsheet formulas.
  { header: 'GOLDSTEIN', value: (d) => Math.round(d.goldsteinMean * 100) / 100 },
  { header: 'VERBAL COOP', value: (d) => percent(d.quadShares[0]) },
  { header: 'MATERIAL COOP', value: (d) => percent(d.quadShares[1]) },
  { header: 'VERBAL CONFLICT', value: (d) => percent(d.quadShares[2]) },
  { header: 'MATERIAL CONFLICT', value: (d) => percent(d.quadShares[3]) },
];

const PERIODS: readonly Period[] = ['day', 'week', 'month', 'year'];

interface DyadsOptions extends FilterOptions { by?: string; nodes?: string; level?: string; limit?: string; format?: string }

/** Most rows the store gives for one dyads query. */
const MAX_DYAD_ROWS = 1_000_000;

/** The action of `dyad dyads`. */
export async function runDyads(options: DyadsOptions, io: CliIo): Promise<void> {
  const filter = filterFromOptions(options);
  const limit = wholeNumber('--limit', options.limit, 10_000, 1);
  const format = formatOption(options.format, io);
  const by = (options.by ?? 'month') as Period;
  // --level was the name of --nodes before it meant events or reports everywhere else
  if (options.level !== undefined) {
    if (options.nodes !== undefined && options.nodes !== options.level) throw usageError('--level', 'is the old name of --nodes; give one of them');
    io.error(`dyad dyads: --level ${options.level} is now --nodes ${options.level}`);
  }
  const level = (options.nodes ?? options.level) === 'actor' ? 'actor' : 'country';
  if (limit > MAX_DYAD_ROWS) throw usageError('--limit', `at most ${MAX_DYAD_ROWS} rows can be listed at once, not ${limit}`);
  const rows = await withStore(options.db, (store) => store.dyads(filter, { by, level, limit }));
  await io.write(renderRows(rows, DYAD_COLUMNS, format, io.columns()));
  if (rows.length === limit) io.error(`the first ${limit} rows; there may be more (raise --limit)`);
}

/** `dyad dyads`: who did what to whom over time. */
export function dyadsCommand(io: CliIo = processIo): Command {
  const command = addFilterOptions(new Command('dyads').description('source → target pairs per period: reports, Goldstein mean, quad shares'))
    .addOption(new Option('--by <period>', 'period').choices([...PERIODS]).default('month'))
    .addOption(new Option('--nodes <nodes>', 'pair countries (default), or full actor codes').choices(['country', 'actor']))
    .addOption(new Option('--level <nodes>', 'old name of --nodes').choices(['country', 'actor']).hideHelp())
    .option('--limit <n>', 'at most this many rows', '10000')
    .option('--format <format>', 'table, jsonl or csv (default: table on a terminal, jsonl in a pipe)')
    .action((options: DyadsOptions) => runAction('dyads', io, () => runDyads(options, io)));
  return withIo(command, io);
}
