// CLI edge: `dyad events` — filter options → the matching events (reports merged; --level reports: every report) from
// the store, as a table, JSON Lines or CSV.
// Also the pieces the other query commands share: the I/O seam, the filter options, the error wrapper.

import { Command } from 'commander';
import { DEFAULT_TABLE_WIDTH, defaultFormat, parseFormat, renderRows, type Column, type OutputFormat } from '../format-output.js';
import { EVENT_TABLE_COLUMNS, triggerClause } from '../event-columns.js';
import { readActorFilter } from '../../lexicon/actor-names.js';
import { strongestReport } from '../../export/happening.js';
import { writeOut } from '../io.js';
import { DyadError, type EventRecord } from '../../types/index.js';
import { filterProblem } from '../../store/event-filter.js';
import type { ClusterSort, EventFilter, EventSort, Store } from '../../store/store.js';
import type { Cluster } from '../../types/link.js';
import { DB_HELP, openStore } from '../../store/open-store.js';
import { correctedStore } from '../../corrections/corrected-store.js';
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
  /** Characters a table may take: the terminal's width. */
  columns: () => number;
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
  columns: () => process.stdout.columns || DEFAULT_TABLE_WIDTH,
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
    columns: (): number => DEFAULT_TABLE_WIDTH,
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
    .option('--source <actors>', 'source actor: code, code prefix, or name of a country or organisation (repeatable, comma-separated: CHN, CHNGOV, Turkey)', list)
    .option('--target <actors>', 'target actor: code, code prefix or name', list)
    .option('--actor <actors>', 'actor on either side: code, code prefix or name', list)
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

/** Actor option values as codes: names of countries and organisations give their codes (`Turkey` → TUR). */
function actorCodes(option: string, values: string[] | undefined): string[] | undefined {
  return values?.map((value) => {
    const read = readActorFilter(value);
    if ('problem' in read) throw usageError(option, read.problem);
    return read.code;
  });
}

/** Builds the store filter from options; throws a usage error naming the option for a bad value. */
export function filterFromOptions(options: FilterOptions): EventFilter {
  const quad = options.quad?.map((q) => {
    if (!/^[1-4]$/.test(q)) throw usageError('--quad', `"${q}" is not 1, 2, 3 or 4`);
    return Number(q);
  });
  const filter: EventFilter = {
    source: actorCodes('--source', options.source), target: actorCodes('--target', options.target), actor: actorCodes('--actor', options.actor), code: options.code, root: options.root, quad,
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

/**
 * Opens an existing store for a query (a missing SQLite file is an error, not a new empty store) and closes it after.
 * The store reads with the analysts' corrections applied (src/corrections), so every query and export shows them.
 */
export async function withStore<T>(path: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = correctedStore(await openStore(path, { mustExist: true }));
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const REPORT_SORTS: readonly EventSort[] = ['ingested', 'date', '-date', 'goldstein', '-goldstein'];
const EVENT_SORTS: readonly ClusterSort[] = ['date', '-date', '-sources', 'id'];

/** `--level` values: events and reports, and the names they had before (`clusters`, `mentions`), still taken. */
const LEVELS: Record<string, 'events' | 'reports'> = { events: 'events', reports: 'reports', clusters: 'events', mentions: 'reports' };

interface EventsOptions extends FilterOptions { limit?: string; offset?: string; sort?: string; format?: string; level?: string }

/** An event as the table shows it: the merged record and its strongest report (null when none is stored). */
interface EventRow { event: Cluster; lead: EventRecord | null }

/** Columns of an event (its reports merged) in a table: who did what to whom, counted, with its strongest report's clause. */
const EVENT_ROW_COLUMNS: Column<EventRow>[] = [
  // ids whole, so that they can be copied into the web UI or `dyad thread`
  { header: 'id', value: (r) => r.event.id },
  { header: 'date', value: (r) => r.event.date },
  { header: 'source', value: (r) => r.event.source, maxWidth: 12, minWidth: 9 },
  { header: 'target', value: (r) => r.event.target ?? '', maxWidth: 12, minWidth: 9 },
  { header: 'cameo', value: (r) => r.event.cameo },
  { header: 'event', value: (r) => r.lead?.cameoName ?? '', maxWidth: 28, dropOrder: 3 },
  { header: 'status', value: (r) => r.event.status ?? '', maxWidth: 12, minWidth: 9 },
  // asserted, denied or negated; "disputed" when some reports support it and others deny it
  { header: 'modality', value: (r) => (r.event.disputed ? 'disputed' : r.event.modality), dropOrder: 1 },
  { header: 'reports', value: (r) => r.event.mentionCount },
  { header: 'sources', value: (r) => r.event.independentSources, dropOrder: 2 },
  { header: 'evidence', value: (r) => (r.lead === null ? '' : triggerClause(r.lead)), maxWidth: 80, minWidth: 30 },
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

/** Events (reports merged), newest first unless --sort says otherwise; streamed page by page. */
async function runClusters(store: Store, filter: EventFilter, options: { limit: number; offset: number; sort: ClusterSort }, format: OutputFormat, io: CliIo): Promise<void> {
  const { sort } = options;
  const pages = allPages((limit, offset) => store.clusters(filter, { sort, limit, offset }), options.limit, options.offset);
  let shown = 0;
  const table: EventRow[] = [];
  if (format === 'csv') {
    // the events-level columns of every CSV export (src/export/csv.ts)
    const clusters = (async function* () {
      for await (const page of pages) {
        shown += page.length;
        yield* page;
      }
    })();
    for await (const line of csvHappenings(withMentions(store, clusters), { article: articleLookup(store) })) await io.write(line);
  } else {
    for await (const page of pages) {
      shown += page.length;
      if (format === 'table') {
        const reports = await store.mentionsOfMany(page.map((c) => c.id));
        for (const event of page) table.push({ event, lead: strongestReport(event, reports.get(event.id) ?? []) });
      } else await io.write(page.map((c) => `${JSON.stringify(c)}\n`).join(''));
    }
  }
  if (format === 'table') {
    await io.write(renderRows(table, EVENT_ROW_COLUMNS, 'table', io.columns()));
    io.error(`${shown} of ${await store.countClusters(filter)} events (reports merged; --level reports lists every report)`);
  }
  if (shown === 0 && options.offset === 0 && (await store.countClusters({})) === 0) {
    const reports = await store.countEvents({});
    if (reports > 0) io.error(`dyad events: the store holds ${reports} reports not merged into events yet (dyad ingest merges them); --level reports lists them`);
  }
}

/** Every report as coded (`--level reports`). */
async function runReports(store: Store, filter: EventFilter, options: { limit: number; offset: number; sort: EventSort }, format: OutputFormat, io: CliIo): Promise<void> {
  const { limit, offset, sort } = options;
  if (limit === 0) {
    // Everything: stream page by page (the table alone needs all rows to size its columns).
    if (offset > 0) throw usageError('--offset', 'cannot be used with --limit 0 (all reports)');
    const rows: EventRecord[] = [];
    if (format === 'csv') {
      // the report columns of every CSV export (src/export/csv.ts)
      for await (const line of csvEvents(store.iterateEvents(filter, { sort }), { article: articleLookup(store) })) await io.write(line);
      return;
    }
    for await (const event of store.iterateEvents(filter, { sort })) {
      if (format === 'jsonl') await io.write(`${JSON.stringify(event)}\n`);
      else rows.push(event);
    }
    if (format === 'table') await io.write(renderRows(rows, EVENT_TABLE_COLUMNS, 'table', io.columns()));
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
  } else await io.write(renderRows(events, EVENT_TABLE_COLUMNS, format, io.columns()));
  if (format === 'table' && events.length === limit) {
    const total = await store.countEvents(filter);
    if (total > offset + limit) io.error(`${offset + 1}–${offset + events.length} of ${total} reports (more with --offset ${offset + limit}, or all with --limit 0)`);
  }
}

/** The action of `dyad events`. */
export async function runEvents(options: EventsOptions, io: CliIo): Promise<void> {
  const filter = filterFromOptions(options);
  const limit = wholeNumber('--limit', options.limit, 100);
  const offset = wholeNumber('--offset', options.offset, 0);
  const format = formatOption(options.format, io);
  const level = LEVELS[options.level ?? 'events'];
  if (level === undefined) throw usageError('--level', `"${options.level}" is not one of events, reports`);
  if (options.level === 'mentions' || options.level === 'clusters') io.error(`dyad events: --level ${options.level} is now --level ${level}`);
  const sorts: readonly string[] = level === 'events' ? EVENT_SORTS : REPORT_SORTS;
  if (options.sort !== undefined && !sorts.includes(options.sort)) throw usageError('--sort', `"${options.sort}" is not a sort of level ${level} (${sorts.join(', ')})`);
  await withStore(options.db, async (store) => {
    if (level === 'events') await runClusters(store, filter, { limit, offset, sort: (options.sort ?? '-date') as ClusterSort }, format, io);
    else await runReports(store, filter, { limit, offset, sort: (options.sort ?? 'ingested') as EventSort }, format, io);
  });
}

/** `dyad events`: list events matching filters. */
export function eventsCommand(io: CliIo = processIo): Command {
  const command = addFilterOptions(new Command('events').description('list events matching filters (their reports merged), or every report'))
    .option('--limit <n>', 'at most this many rows; 0 for all', '100')
    .option('--offset <n>', 'skip this many rows first', '0')
    .option('--sort <order>', `order: events ${EVENT_SORTS.join(', ')} (default -date); reports ${REPORT_SORTS.join(', ')} (default ingested)`)
    .option('--format <format>', 'table, jsonl or csv (default: table on a terminal, jsonl in a pipe)')
    .option('--level <level>', 'events (default: one row per event, its reports merged and counted) or reports (every report, as coded)')
    .action((options: EventsOptions) => runAction('events', io, () => runEvents(options, io)));
  return withIo(command, io);
}
