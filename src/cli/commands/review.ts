// CLI edge: `dyad review` — an analyst's corrections: show an event as corrected, reject, edit, merge, split, revert; the log, its export and import.

import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { Command } from 'commander';
import { correctionsFromJsonl, correctionsToJsonl } from '../../corrections/corrections-file.js';
import { proposeCorrection, type ActorRequest, type CorrectionRequest, type EditRequest } from '../../corrections/propose-correction.js';
import { CORRECTION_STATUSES } from '../../corrections/correction-record.js';
import { correctedStore } from '../../corrections/corrected-store.js';
import { effectiveCorrections } from '../../corrections/apply-corrections.js';
import { DB_HELP } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import { DyadError, type Correction, type CorrectionItem, type EventRecord, type Status } from '../../types/index.js';
import { renderRows, type Column } from '../format-output.js';
import { processIo, runAction, usageError, withIo, withStore, type CliIo } from './events.js';

/** Options every review subcommand takes. */
interface ReviewOptions { db: string; by?: string; reason?: string; format?: string }

/** Who corrects: --by, else DYAD_USER, else the login name. */
export function reviewer(options: { by?: string }, env: NodeJS.ProcessEnv = process.env): string {
  const by = options.by ?? env['DYAD_USER'] ?? env['USER'] ?? safeLogin();
  if (by === undefined || by.trim() === '') throw usageError('--by', 'say who makes the correction (--by NAME, or DYAD_USER)');
  return by.trim();
}

function safeLogin(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

const ITEM = /^(?:(\d[\d,]*)\s+)?([a-z0-9][a-z0-9-]*)(?::(.+))?$/;

/**
 * Items as written on the command line, `;` between them: `20000 rifle; 3 armed-drone:CH-5; artillery` — an
 * optional quantity, the kind (as in lexicon/equipment.yaml), an optional `:model`; `none` for no items.
 */
export function parseItems(spec: string): CorrectionItem[] {
  if (spec.trim().toLowerCase() === 'none') return [];
  return spec.split(';').map((part) => part.trim()).filter((part) => part !== '').map((part) => {
    const m = ITEM.exec(part);
    if (m === null) throw usageError('--items', `"${part}" is not QUANTITY KIND[:MODEL] (20000 rifle; 3 armed-drone:CH-5)`);
    return { text: part, kind: m[2] as string, model: m[3]?.trim() ?? null, quantity: m[1] === undefined ? null : Number(m[1].replaceAll(',', '')), unit: null };
  });
}

function actorOption(code: string | undefined, name: string | undefined, option: string): ActorRequest | undefined {
  if (code === undefined) {
    if (name !== undefined) throw usageError(`${option}-name`, `needs ${option} CODE`);
    return undefined;
  }
  return name === undefined ? { code } : { code, name };
}

interface EditOptions extends ReviewOptions {
  source?: string; sourceName?: string; target?: string; targetName?: string; cameo?: string; status?: string; items?: string;
}

/** The fields an `edit` sets, from its options; a usage error when it sets none or a value is malformed. */
export function editFromOptions(options: EditOptions): EditRequest {
  const set: EditRequest = {};
  const source = actorOption(options.source, options.sourceName, '--source');
  if (source !== undefined) set.source = source;
  if (options.target?.toLowerCase() === 'none') set.target = null;
  else {
    const target = actorOption(options.target, options.targetName, '--target');
    if (target !== undefined) set.target = target;
  }
  if (options.cameo !== undefined) {
    if (!/^\d{2,4}$/.test(options.cameo)) throw usageError('--cameo', `"${options.cameo}" is not a CAMEO code (072, 0231)`);
    set.cameo = options.cameo;
  }
  if (options.status !== undefined) {
    const status = options.status.toLowerCase();
    if (status !== 'none' && !(CORRECTION_STATUSES as readonly string[]).includes(status)) {
      throw usageError('--status', `"${options.status}" is not one of ${CORRECTION_STATUSES.join(', ')}, none`);
    }
    set.status = status === 'none' ? null : status as Status;
  }
  if (options.items !== undefined) set.items = parseItems(options.items);
  if (Object.keys(set).length === 0) throw usageError('edit', 'say what to set: --source, --target, --cameo, --status or --items');
  return set;
}

/** One line saying what a correction did. */
export function describeCorrection(c: Correction): string {
  const what = c.kind === 'revert' ? `revert ${c.reverts ?? ''}`
    : c.kind === 'merge' ? `merge ${(c.before?.events ?? []).join(' + ')}`
      : c.kind === 'split' ? `split ${c.reports.length} of ${(c.before?.reports ?? []).length} reports out of ${c.event ?? ''}`
        : `${c.kind} ${c.event ?? c.reports.join(', ')}${c.kind === 'edit' ? ` ${describeFields(c)}` : ''}`;
  return `${c.id} ${c.at.slice(0, 19).replace('T', ' ')} ${c.by}: ${what}${c.reason === '' ? '' : ` — ${c.reason}`}`;
}

function describeFields(c: Correction): string {
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return 'none';
    if (Array.isArray(v)) return v.length === 0 ? 'none' : v.map((i: CorrectionItem) => i.text).join('; ');
    if (typeof v === 'object') return 'cameo' in v ? String((v as { cameo: string }).cameo) : String((v as { code: string }).code);
    return String(v);
  };
  const after = c.after ?? {};
  return (['source', 'target', 'code', 'status', 'items'] as const)
    .filter((k) => k in after)
    .map((k) => `${k} ${show(c.before?.[k])} → ${show(after[k])}`).join(', ');
}

/** True for lines for people: --format table, or no --format on a terminal; a usage error for another format. */
function asTable(options: ReviewOptions, io: CliIo): boolean {
  if (options.format !== undefined && options.format !== 'table' && options.format !== 'jsonl') throw usageError('--format', `"${options.format}" is not table or jsonl`);
  return options.format === 'table' || (options.format === undefined && io.isTTY);
}

/** Makes one correction and appends it; prints it (a line on a terminal, the correction as JSON in a pipe). */
async function record(request: CorrectionRequest, options: ReviewOptions, io: CliIo): Promise<void> {
  const by = reviewer(options);
  const table = asTable(options, io);
  await withStore(options.db, async (store) => {
    const correction = await proposeCorrection(store, request, { by, reason: options.reason ?? '' });
    await store.appendCorrections([correction]);
    await io.write(table ? `${describeCorrection(correction)}\n` : `${JSON.stringify(correction)}\n`);
  });
}

const REPORT_COLUMNS: Column<EventRecord>[] = [
  { header: 'report', value: (e) => e.id, maxWidth: 40 },
  { header: 'date', value: (e) => e.date },
  { header: 'source', value: (e) => e.source.code },
  { header: 'target', value: (e) => e.target?.code ?? '' },
  { header: 'cameo', value: (e) => e.cameo },
  { header: 'status', value: (e) => e.status ?? '' },
  { header: 'items', value: (e) => e.items.map((i) => i.text).join('; '), maxWidth: 30 },
  { header: 'sentence', value: (e) => e.sentence.text, maxWidth: 70 },
];

/** The corrections of the log naming any of `reports` or the event `event`, with the reverts of those. */
function correctionsOf(log: readonly Correction[], event: string | null, reports: ReadonlySet<string>): Correction[] {
  const named = new Set(log.filter((c) => (event !== null && c.event === event) || c.reports.some((id) => reports.has(id))).map((c) => c.id));
  return log.filter((c) => named.has(c.id) || (c.reverts !== null && named.has(c.reverts)));
}

/** `dyad review show ID`: an event (or report) as corrected, its reports, and the corrections that name it. */
async function runShow(id: string, options: ReviewOptions, io: CliIo): Promise<void> {
  const table = asTable(options, io);
  await withStore(options.db, async (store: Store) => {
    const log = await store.corrections();
    const cluster = id.startsWith('c-') ? await store.cluster(id) : await store.clusterOf(id);
    const reports = cluster !== null ? await store.mentionsOf(cluster.id) : [await store.getEvent(id)].filter((e): e is EventRecord => e !== null);
    const keys = new Set([...reports.map((r) => r.id), id.startsWith('c-') ? id.slice(2) : id]);
    const corrections = correctionsOf(log, id, keys);
    if (cluster === null && reports.length === 0 && corrections.length === 0) throw new DyadError('E801', id, `no stored event or report with id "${id}"`);
    if (!table) {
      await io.write(`${JSON.stringify({ event: cluster, reports, corrections })}\n`);
      return;
    }
    const lines: string[] = [];
    if (cluster !== null) {
      lines.push(`${cluster.id}  ${cluster.date ?? 'undated'}  ${cluster.source} → ${cluster.target ?? '(none)'}  CAMEO ${cluster.cameo}  status ${cluster.status ?? 'none'}`,
        `${cluster.mentionCount} report(s), ${cluster.independentSources} independent source(s)`, '');
    } else if (reports.length === 0) {
      lines.push(`${id} is rejected`, '');
    }
    if (reports.length > 0) lines.push(renderRows(reports, REPORT_COLUMNS, 'table').trimEnd(), '');
    lines.push(corrections.length === 0 ? 'no corrections' : 'corrections:', ...corrections.map((c) => `  ${describeCorrection(c)}`));
    await io.write(`${lines.join('\n')}\n`);
  });
}

/** Ids of the corrections in effect (not undone) that name no stored report: after a re-coding that changed those reports. */
async function dormantCorrections(store: Store, log: readonly Correction[]): Promise<Set<string>> {
  const applied = new Set((await correctedStore(store).view())?.corrected.applied.map((c) => c.id) ?? []);
  return new Set(effectiveCorrections(log).filter((c) => !applied.has(c.id)).map((c) => c.id));
}

/** `dyad review log`: the whole log, in the order appended. */
async function runLog(options: ReviewOptions, io: CliIo): Promise<void> {
  const table = asTable(options, io);
  await withStore(options.db, async (store) => {
    const log = await store.corrections();
    if (table) {
      const dormant = await dormantCorrections(store, log);
      await io.write(log.map((c) => `${describeCorrection(c)}${dormant.has(c.id) ? ' [applies to no stored report]' : ''}\n`).join(''));
      io.error(`${log.length} correction(s)${dormant.size > 0 ? `, ${dormant.size} naming only reports no longer stored (coded differently since?)` : ''}`);
    } else {
      await io.write(correctionsToJsonl(log));
    }
  });
}

/** `dyad review export [--out FILE]`: the log as JSON Lines. */
async function runExport(options: ReviewOptions & { out?: string }, io: CliIo): Promise<void> {
  await withStore(options.db, async (store) => {
    const log = await store.corrections();
    if (options.out === undefined) await io.write(correctionsToJsonl(log));
    else {
      await writeFile(options.out, correctionsToJsonl(log));
      io.error(`${log.length} correction(s) written to ${options.out}`);
    }
  });
}

/** `dyad review import FILE`: a corrections file appended to the log, all lines or none, each correction once. */
async function runImport(file: string, options: ReviewOptions, io: CliIo): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new DyadError('E100', file, (err as Error).message);
  }
  const corrections = correctionsFromJsonl(text, file);
  await withStore(options.db, async (store) => {
    const added = await store.appendCorrections(corrections);
    io.error(`${added} of ${corrections.length} correction(s) new; the log holds ${(await store.corrections()).length}`);
  });
}

const list = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];

/** A subcommand with the options every review subcommand takes. */
function sub(name: string, description: string, io: CliIo): Command {
  return withIo(new Command(name).description(description)
    .option('--db <path|url>', DB_HELP, './dyad.db')
    .option('--by <name>', 'who makes the correction (default: DYAD_USER, else the login name)')
    .option('--reason <text>', 'why (kept in the log)')
    .option('--format <format>', 'table (a line, on a terminal) or jsonl (the correction as JSON; default in a pipe)'), io);
}

/** `dyad review`: correct events, kept apart as an append-only audit log that every query and export applies. */
export function reviewCommand(io: CliIo = processIo): Command {
  const command = withIo(new Command('review').description('correct events (reject, edit, merge, split, revert); every query and export applies the corrections'), io);
  command.addCommand(sub('show', 'an event (c-…) or report as corrected, its reports and the corrections naming it', io)
    .argument('<id>', 'event or report id')
    .action((id: string, options: ReviewOptions) => runAction('review show', io, () => runShow(id, options, io))));
  command.addCommand(sub('reject', 'reject an event (all its reports) or one report: it leaves every query and export', io)
    .argument('<id>', 'event or report id')
    .action((id: string, options: ReviewOptions) => runAction('review reject', io, () => record({ kind: 'reject', id }, options, io))));
  command.addCommand(sub('edit', 'set the actors, CAMEO code, status or items of an event (all its reports) or of one report', io)
    .argument('<id>', 'event or report id')
    .option('--source <code>', 'source actor code (TUR, CHNGOV, NATO)')
    .option('--source-name <name>', 'its name (default: the name the store knows for the code)')
    .option('--target <code>', 'target actor code, or none')
    .option('--target-name <name>', 'its name')
    .option('--cameo <code>', 'CAMEO code (072); name, Goldstein, quad class and PLOVER follow from lexicon/cameo.yaml')
    .option('--status <status>', `assistance status: ${CORRECTION_STATUSES.join(', ')}, or none`)
    .option('--items <items>', 'items, ";" between them: QUANTITY KIND[:MODEL] (20000 rifle; 3 armed-drone:CH-5), or none')
    .action((id: string, options: EditOptions) => runAction('review edit', io, async () => record({ kind: 'edit', id, set: editFromOptions(options) }, options, io))));
  command.addCommand(sub('merge', 'make two events or more one event (they report one happening)', io)
    .argument('<ids...>', 'event ids (c-…)')
    .action((ids: string[], options: ReviewOptions) => runAction('review merge', io, () => record({ kind: 'merge', ids }, options, io))));
  command.addCommand(sub('split', 'move reports out of an event into a new event of their own', io)
    .argument('<id>', 'event id (c-…)')
    .requiredOption('--reports <ids>', 'the report ids to move out (comma-separated, repeatable)', list)
    .action((id: string, options: ReviewOptions & { reports: string[] }) => runAction('review split', io, () => record({ kind: 'split', id, reports: options.reports }, options, io))));
  command.addCommand(sub('revert', 'undo a correction (the log keeps both)', io)
    .argument('<correction>', 'correction id (k-…)')
    .action((correction: string, options: ReviewOptions) => runAction('review revert', io, () => record({ kind: 'revert', correction }, options, io))));
  command.addCommand(sub('log', 'the correction log, in the order appended', io)
    .action((options: ReviewOptions) => runAction('review log', io, () => runLog(options, io))));
  command.addCommand(sub('export', 'write the correction log as JSON Lines, to share with a team', io)
    .option('--out <file>', 'write to this file (default: standard output)')
    .action((options: ReviewOptions & { out?: string }) => runAction('review export', io, () => runExport(options, io))));
  command.addCommand(sub('import', 'add a corrections file (JSON Lines) to the log: all lines or none, each correction once', io)
    .argument('<file>', 'a file written by `dyad review export`')
    .action((file: string, options: ReviewOptions) => runAction('review import', io, () => runImport(file, options, io))));
  return command;
}
