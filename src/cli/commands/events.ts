// CLI edge: `dyad events` — filter options → the matching events from the store, as a table, JSON Lines or CSV.
// Also the pieces the other query commands share: the I/O seam, the filter options, the error wrapper.

import { Command, Option } from 'commander';
import { defaultFormat, parseFormat, renderRows, type Column, type OutputFormat } from '../format-output.js';
import { EVENT_TABLE_COLUMNS } from '../event-columns.js';
import { writeOut } from '../io.js';
import { DyadError, type EventRecord } from '../../types/index.js';
import { filterProblem } from '../../store/event-filter.js';
import type { ClusterSort, EventFilter, EventSort, Store } from '../../store/store.js';
import type { Cluster } from '../../types/link.js';
import { DB_HELP, openStore } from '../../store/open-store.js';
import { csvEvents, csvHappenings } from '../../export/csv.js';
import { collectText } from '../../export/export-context.js';
import { withMentions } from '../../export/export-store.js';
import { articleLookup } from '../../export/store-lookups.js';

/** Where a command reads and writes: the process by default, buffers in tests. */
export interface CliIo {
  /** Writes to standard output; resolves once the text is taken (waits out back-pressure). */
  write(text: string): Promise<void>;
  /** Writes one line to standard error. */
  error(line: string): void;
  isTTY: boolean;
  /** Records the exit code the process ends with. */
  setExitCode(code: number): void;
  /** Ends at once (commander's own usage errors, --help); never returns. */
  exit(code: number): never;
}

/** The real process: stdout (a closed pipe, as in `dyad events | head`, ends quietly), stderr, process.exit. */
export const processIo: CliIo = {
  write: writeOut,
  error: (line) => void process.stderr.write(`${line}\n`),
  isTTY: process.stdout.isTTY === true,
  setExitCode: (code) => { process.exitCode = code; },
  exit: (code) => process.exit(code),
};

/** Thrown by `memoryIo().exit`: where the process would have ended. */
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** An in-memory CliIo for tests: collects output and stderr lines, records the exit code, throws ExitSignal on exit. */
export function memoryIo(isTTY = false): CliIo & { out: string; errors: string[]; code: number } {
  const io = {
    out: '',
    errors: [] as string[],
    code: 0,
    isTTY,
    write: async (text: string): Promise<void> => { io.out += text; },
    error: (line: string): void => { io.errors.push(line); },
    setExitCode: (code: number): void => { io.code = code; },
    exit: (code: number): never => {
      io.code = code;
      throw new ExitSignal(code);
    },
  };
  return io;
}

/** A usage error: exit code 2, message naming the option. */
export function usageError(option: string, message: string): DyadError {
  return new DyadError('E700', option, message);
}

/** Runs a command's action: any error becomes one line on stderr (no stack) and an exit code — 2 for usage, else 1. */
export async function runAction(name: string, io: CliIo, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.error(`dyad ${name}: ${message}`);
    io.setExitCode(err instanceof DyadError && err.code === 'E700' ? 2 : 1);
  }
}

/** Routes commander's output through `io`; its usage errors become one catalogued line and exit code 2. */
export function withIo(command: Command, io: CliIo): Command {
  return command
    .configureOutput({
      writeOut: (text) => void io.write(text),
      writeErr: (text) => io.error(text.replace(/\n$/, '')),
      outputError: (text) => io.error(`dyad ${command.name()}: E700 ${text.replace(/^error: /, '').trimEnd()}`),
    })
    .exitOverride((err) => io.exit(err.exitCode === 0 ? 0 : 2));
}

const list = (value: string, previous: string[] = []): string[] =>
  [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];

/** Options every query command takes: the database and the event filter. */
export function addFilterOptions(command: Command): Command {
  return command
    .option('--db <path|url>', DB_HELP, './dyad.db')
    .option('--source <codes>', 'source actor code, code prefix or country (repeatable, comma-separated: CHN, CHNGOV)', list)
    .option('--target <codes>', 'target actor code, code prefix or country', list)
    .option('--actor <codes>', 'actor on either side', list)
    .option('--code <codes>', 'CAMEO code or prefix pattern (0231, 02*)', list)
    .option('--root <roots>', 'two-digit CAMEO root (07)', list)
    .option('--quad <classes>', 'quad class 1-4 (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)', list)
    .option('--since <date>', 'from this date on, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'up to this date, inclusive')
    .option('--text <words>', 'evidence sentence contains all these words')
    .option('--item <words>', 'an item of this kind, model or wording (helicopter, Mi-35)')
    .option('--status <statuses>', 'requested, offered, pledged, agreed, delivered, refused, suspended, conditional', list)
    .option('--modality <modalities>', 'asserted, reported, intended, possible, conditional, negated, denied', list)
    .option('--doc <id>', 'one document');
}

/** The filter options as commander parses them. */
export interface FilterOptions {
  db: string;
  source?: string[]; target?: string[]; actor?: string[]; code?: string[]; root?: string[]; quad?: string[];
  since?: string; until?: string; text?: string; item?: string; status?: string[]; modality?: string[]; doc?: string;
}

/** Builds the store filter from options; throws a usage error naming the option for a bad value. */
export function filterFromOptions(options: FilterOptions): EventFilter {
  const quad = options.quad?.map((q) => {
    if (!/^[1-4]$/.test(q)) throw usageError('--quad', `"${q}" is not 1, 2, 3 or 4`);
    return Number(q);
  });
  const filter: EventFilter = {
    source: options.source, target: options.target, actor: options.actor, code: options.code, root: options.root, quad,
    since: options.since, until: options.until, text: options.text, item: options.item, status: options.status,
    modality: options.modality, doc: options.doc,
  };
  for (const key of Object.keys(filter) as (keyof EventFilter)[]) if (filter[key] === undefined) delete filter[key];
  const problem = filterProblem(filter);
  if (problem !== null) throw usageError(`--${problem.field}`, problem.message);
  return filter;
}

/** A whole number ≥ min from an option value; a usage error otherwise. */
export function wholeNumber(option: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw usageError(option, `"${value}" is not a whole number${min > 0 ? ` ≥ ${min}` : ''}`);
  return Number(value);
}

/** The output format: --format when given, else a table on a terminal and JSON Lines in a pipe. */
export function formatOption(value: string | undefined, io: CliIo): OutputFormat {
  if (value === undefined) return defaultFormat(io.isTTY);
  try {
    return parseFormat(value);
  } catch (err) {
    throw usageError('--format', (err as Error).message);
  }
}

/** Opens an existing store for a query (a missing SQLite file is an error, not a new empty store) and closes it after. */
export async function withStore<T>(path: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(path, { mustExist: true });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const SORTS: readonly EventSort[] = ['ingested', 'date', '-date', 'goldstein', '-goldstein'];

interface EventsOptions extends FilterOptions { limit?: string; offset?: string; sort?: string; format?: string; level?: string }

/** Columns of a happening (a cluster of reports) in a table. */
const CLUSTER_COLUMNS: Column<Cluster>[] = [
  { header: 'id', value: (c) => c.id, maxWidth: 20 },
  { header: 'date', value: (c) => c.date },
  { header: 'source', value: (c) => c.source },
  { header: 'target', value: (c) => c.target ?? '' },
  { header: 'cameo', value: (c) => c.cameo },
  { header: 'status', value: (c) => c.status ?? '' },
  // asserted, denied or negated; "disputed" when some reports support it and others deny it
  { header: 'modality', value: (c) => (c.disputed ? 'disputed' : c.modality) },
  { header: 'reports', value: (c) => c.mentionCount },
  { header: 'sources', value: (c) => c.independentSources },
  { header: 'disputing', value: (c) => c.disputingSourceCount },
  { header: 'confidence', value: (c) => c.confidence.toFixed(3) },
  { header: 'first_report', value: (c) => c.firstReport },
  { header: 'last_report', value: (c) => c.lastReport },
  { header: 'items', value: (c) => c.items.map((i) => `${i.quantity ?? ''}${i.conflict ? '?' : ''} ${i.model ?? i.kind}`.trim()).join('; '), maxWidth: 40 },
];

/** Rows a store gives per query at most (its page size); the CLI asks page by page for more. */
export const STORE_PAGE = 10_000;

/**
 * Every row of a paged query: `limit` rows from `offset` (limit 0: all of them), asked for `pageSize` at a time, so
 * that no store page size caps the output. A page shorter than asked for is the last.
 */
export async function* allPages<Row>(fetch: (limit: number, offset: number) => Promise<readonly Row[]>, limit: number, offset: number,
  pageSize: number = STORE_PAGE): AsyncGenerator<readonly Row[]> {
  let given = 0;
  for (;;) {
    const want = limit === 0 ? pageSize : Math.min(pageSize, limit - given);
    if (want <= 0) return;
    const rows = await fetch(want, offset + given);
    if (rows.length > 0) yield rows;
    given += rows.length;
    if (rows.length < want) return;
  }
}

/** `--level events`: one row per happening (reports merged), newest first unless --sort says otherwise; streamed page by page. */
async function runClusters(store: Store, filter: EventFilter, options: { limit: number; offset: number; sort: string }, format: OutputFormat, io: CliIo): Promise<void> {
  const sort: ClusterSort = options.sort === 'date' || options.sort === '-date' ? options.sort : '-date';
  const pages = allPages((limit, offset) => store.clusters(filter, { sort, limit, offset }), options.limit, options.offset);
  if (format === 'csv') {
    // the events-level columns of every CSV export (src/export/csv.ts)
    const clusters = (async function* () { for await (const page of pages) yield* page; })();
    for await (const line of csvHappenings(withMentions(store, clusters), { article: articleLookup(store) })) await io.write(line);
    return;
  }
  const table: Cluster[] = [];
  let shown = 0;
  for await (const page of pages) {
    shown += page.length;
    if (format === 'table') for (const cluster of page) table.push(cluster);
    else await io.write(renderRows(page, CLUSTER_COLUMNS, 'jsonl'));
  }
  if (format === 'table') {
    await io.write(renderRows(table, CLUSTER_COLUMNS, 'table'));
    io.error(`${shown} of ${await store.countClusters(filter)} events (happenings; --level mentions lists every report)`);
  }
}

/** The action of `dyad events`. */
export async function runEvents(options: EventsOptions, io: CliIo): Promise<void> {
  const filter = filterFromOptions(options);
  const limit = wholeNumber('--limit', options.limit, 100);
  const offset = wholeNumber('--offset', options.offset, 0);
  const sort = (options.sort ?? 'ingested') as EventSort;
  if (!SORTS.includes(sort)) throw usageError('--sort', `"${options.sort}" is not one of ${SORTS.join(', ')}`);
  const format = formatOption(options.format, io);
  const level = options.level ?? 'mentions';
  if (level !== 'mentions' && level !== 'events') throw usageError('--level', `"${level}" is not one of mentions, events`);
  await withStore(options.db, async (store) => {
    if (level === 'events') {
      await runClusters(store, filter, { limit, offset, sort }, format, io);
      return;
    }
    if (limit === 0) {
      // Everything: stream page by page (the table alone needs all rows to size its columns).
      if (offset > 0) throw usageError('--offset', 'cannot be used with --limit 0 (all events)');
      const rows: EventRecord[] = [];
      if (format === 'csv') {
        for await (const line of csvEvents(store.iterateEvents(filter, { sort }), { article: articleLookup(store) })) await io.write(line);
        return;
      }
      for await (const event of store.iterateEvents(filter, { sort })) {
        if (format === 'jsonl') await io.write(`${JSON.stringify(event)}\n`);
        else rows.push(event);
      }
      if (format === 'table') await io.write(renderRows(rows, EVENT_TABLE_COLUMNS, 'table'));
      return;
    }
    // a --limit past the store's page size is asked for page by page, never cut short
    const events: EventRecord[] = [];
    for await (const page of allPages(async (n, from) => (await store.queryEvents(filter, { sort, limit: n, offset: from })).events, limit, offset)) {
      for (const event of page) events.push(event);
    }
    if (format === 'csv') {
      // the report columns of every CSV export (src/export/csv.ts)
      await io.write(await collectText(csvEvents(events, { article: articleLookup(store) })));
    } else await io.write(renderRows(events, EVENT_TABLE_COLUMNS, format));
    if (format === 'table' && events.length === limit) {
      const total = await store.countEvents(filter);
      if (total > offset + limit) io.error(`${offset + 1}–${offset + events.length} of ${total} events (more with --offset ${offset + limit}, or all with --limit 0)`);
    }
  });
}

/** `dyad events`: list events matching filters. */
export function eventsCommand(io: CliIo = processIo): Command {
  const command = addFilterOptions(new Command('events').description('list coded events matching filters'))
    .option('--limit <n>', 'at most this many events; 0 for all', '100')
    .option('--offset <n>', 'skip this many events first', '0')
    .addOption(new Option('--sort <order>', 'order of events').choices([...SORTS]).default('ingested'))
    .option('--format <format>', 'table, jsonl or csv (default: table on a terminal, jsonl in a pipe)')
    .option('--level <level>', 'mentions (every report, as coded; default) or events (one row per happening, reports merged)')
    .action((options: EventsOptions) => runAction('events', io, () => runEvents(options, io)));
  return withIo(command, io);
}
