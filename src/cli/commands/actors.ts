// CLI edge: `dyad actors` — filter options → the actors of the matching events, most frequent first.

import { Command } from 'commander';
import { renderRows, type Column } from '../format-output.js';
import type { ActorCount } from '../../store/store.js';
import { addFilterOptions, filterFromOptions, formatOption, processIo, runAction, STORE_PAGE, usageError, wholeNumber, withIo, withStore, type CliIo, type FilterOptions } from './events.js';

/** Actor columns for tables and CSV. */
export const ACTOR_COLUMNS: readonly Column<ActorCount>[] = [
  { header: 'CODE', value: (a) => a.code, maxWidth: 16, minWidth: 16 },
  { header: 'NAME', value: (a) => a.name, maxWidth: 40 },
  { header: 'COUNTRY', value: (a) => a.country },
  { header: 'SECTOR', value: (a) => a.sector },
  { header: 'AS SOURCE', value: (a) => a.asSource },
  { header: 'AS TARGET', value: (a) => a.asTarget },
  { header: 'TOTAL', value: (a) => a.total },
];

interface ActorsOptions extends FilterOptions { limit?: string; format?: string }

/** The action of `dyad actors`. */
export async function runActors(options: ActorsOptions, io: CliIo): Promise<void> {
  const filter = filterFromOptions(options);
  const limit = wholeNumber('--limit', options.limit, 50, 1);
  // the store answers at most one page of actors: a larger --limit is refused, not silently cut
  if (limit > STORE_PAGE) throw usageError('--limit', `at most ${STORE_PAGE} actors can be listed at once, not ${limit}`);
  const format = formatOption(options.format, io);
  const actors = await withStore(options.db, (store) => store.actors(filter, { limit }));
  await io.write(renderRows(actors, ACTOR_COLUMNS, format, io.columns()));
}

/** `dyad actors`: who appears most in the matching events, as source and as target. */
export function actorsCommand(io: CliIo = processIo): Command {
  const command = addFilterOptions(new Command('actors').description('actors of the matching events, most frequent first'))
    .option('--limit <n>', 'at most this many actors', '50')
    .option('--format <format>', 'table, jsonl or csv (default: table on a terminal, jsonl in a pipe)')
    .action((options: ActorsOptions) => runAction('actors', io, () => runActors(options, io)));
  return withIo(command, io);
}
