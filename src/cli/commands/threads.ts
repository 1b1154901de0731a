// CLI edge: `dyad threads` and `dyad thread ID` — thread filters → assistance threads as a table, JSON Lines or CSV; one thread as a terminal timeline.

import { Command } from 'commander';
import { renderRows, type Column } from '../format-output.js';
import { strongestReport } from '../../export/happening.js';
import { DyadError, type EventRecord } from '../../types/index.js';
import type { ClusterItem, RelatedStep, Thread, ThreadStep } from '../../types/link.js';
import type { Store, ThreadFilter } from '../../store/store.js';
import { DB_HELP } from '../../store/open-store.js';
import { threadFilterProblem } from '../../store/thread-filter.js';
import { formatOption, processIo, runAction, usageError, withIo, withStore, type CliIo } from './events.js';

const list = (values: readonly string[]): string => values.join(', ');

/** Thread columns for tables and CSV (JSON Lines gives each thread whole, steps included). */
export const THREAD_COLUMNS: readonly Column<Thread>[] = [
  // ids whole, so that they can be given to `dyad thread`
  { header: 'ID', value: (t) => t.id },
  { header: 'SUPPLIER', value: (t) => t.supplier, maxWidth: 12, minWidth: 12 },
  { header: 'RECIPIENT', value: (t) => t.recipient, maxWidth: 12, minWidth: 12 },
  { header: 'HELP', value: (t) => t.context },
  { header: 'STATUS', value: (t) => t.status },
  { header: 'STEPS', value: (t) => t.steps.length },
  { header: 'RELATED', value: (t) => t.related.length },
  { header: 'OPENED', value: (t) => t.opened ?? '' },
  { header: 'LAST STEP', value: (t) => t.lastStep ?? '' },
  { header: 'KINDS', value: (t) => list(t.kinds), maxWidth: 40 },
  { header: 'MISSING', value: (t) => list(t.missing), maxWidth: 30 },
];

interface ThreadsOptions { db: string; party?: string; kind?: string; status?: string; since?: string; until?: string; format?: string }

/** Builds the thread filter from options; a usage error naming the option for a bad value. */
export function threadFilterFromOptions(options: ThreadsOptions): ThreadFilter {
  const filter: ThreadFilter = {};
  for (const key of ['party', 'kind', 'status', 'since', 'until'] as const) {
    const value = options[key];
    if (value !== undefined) filter[key] = value;
  }
  const problem = threadFilterProblem(filter);
  if (problem !== null) throw usageError(`--${problem.field}`, problem.message);
  return filter;
}

/** The action of `dyad threads`. */
export async function runThreads(options: ThreadsOptions, io: CliIo): Promise<void> {
  const filter = threadFilterFromOptions(options);
  const format = formatOption(options.format, io);
  const threads = await withStore(options.db, (store) => store.threads(filter));
  await io.write(renderRows(threads, THREAD_COLUMNS, format, io.columns()));
  if (format === 'table' && threads.length === 0) io.error('no threads match (threads are built by `dyad ingest`)');
}

/** "20000 rifle (Type 56)" for each item of a step. */
function itemsText(items: readonly ClusterItem[]): string {
  return items.map((i) => `${i.quantity === null ? '' : `${i.quantity.toLocaleString('en-US')} `}${i.kind}${i.model ? ` (${i.model})` : ''}${i.conflict ? ' [quantities differ]' : ''}`).join(', ');
}

/** One step with the sentences that attest it. */
interface StepEvidence {
  step: ThreadStep | RelatedStep;
  mentions: EventRecord[];
}

/** Who acted on whom in a step: the supplier gives to the recipient; a request goes the other way. */
function direction(thread: Thread, step: ThreadStep | RelatedStep): string {
  const supplier = 'supplier' in step ? step.supplier : thread.supplier;
  return step.actor === 'supplier' ? `${supplier} → ${thread.recipient}` : `${thread.recipient} → ${supplier}`;
}

/** A thread as a terminal timeline: a header, then per step its date, role, direction, code, items and strongest report's sentence. */
export function threadTimeline(thread: Thread, steps: readonly StepEvidence[], related: readonly StepEvidence[]): string {
  const lines = [
    `${thread.id}: ${thread.supplier} → ${thread.recipient}, ${thread.context} help, ${thread.status}`,
    `  opened ${thread.opened ?? 'undated'}, last step ${thread.lastStep ?? 'undated'}; kinds: ${list(thread.kinds) || 'none named'}`
      + (thread.missing.length > 0 ? `; not delivered: ${list(thread.missing)}` : ''),
    '',
  ];
  const block = (entry: StepEvidence, label: string): void => {
    const { step, mentions } = entry;
    const head = [step.date ?? 'undated', label.padEnd(10), direction(thread, step).padEnd(14), step.cameo.padEnd(4), itemsText(step.items)];
    if (step.terms !== null) head.push(`terms: ${step.terms}`);
    lines.push(head.join('  ').trimEnd());
    // the reports are given strongest first (see evidence)
    const first = mentions[0];
    if (first !== undefined) {
      const more = mentions.length > 1 ? ` (+${mentions.length - 1} more report${mentions.length > 2 ? 's' : ''})` : '';
      lines.push(`            "${first.sentence.text.replace(/\s+/g, ' ')}" — ${first.doc}${more}`);
    }
  };
  for (const entry of steps) block(entry, entry.step.role);
  if (related.length > 0) {
    lines.push('', 'Related (another supplier):');
    for (const entry of related) block(entry, entry.step.role);
  }
  return lines.join('\n') + '\n';
}

async function evidence(store: Store, steps: ReadonlyArray<ThreadStep | RelatedStep>): Promise<StepEvidence[]> {
  const out: StepEvidence[] = [];
  for (const step of steps) {
    const [event, mentions] = [await store.cluster(step.cluster), await store.mentionsOf(step.cluster)];
    const strongest = event === null ? null : strongestReport(event, mentions);
    out.push({ step, mentions: strongest === null ? mentions : [strongest, ...mentions.filter((m) => m !== strongest)] });
  }
  return out;
}

interface ThreadOptions { db: string; format?: string }

/** The action of `dyad thread ID`. */
export async function runThread(id: string, options: ThreadOptions, io: CliIo): Promise<void> {
  const format = formatOption(options.format, io);
  if (format === 'csv') throw usageError('--format', 'a thread is a timeline: use table or jsonl');
  await withStore(options.db, async (store) => {
    const thread = await store.thread(id);
    if (thread === null) throw new DyadError('E600', id, 'no thread with this id (list them with `dyad threads`)');
    const steps = await evidence(store, thread.steps);
    const related = await evidence(store, thread.related);
    if (format === 'jsonl') {
      // The thread whole, each step with the sentences that attest it.
      const withText = (list: StepEvidence[]): unknown[] => list.map(({ step, mentions }) => ({
        ...step, sentences: mentions.map((m) => ({ id: m.id, doc: m.doc, text: m.sentence.text })),
      }));
      await io.write(`${JSON.stringify({ ...thread, steps: withText(steps), related: withText(related) })}\n`);
      return;
    }
    await io.write(threadTimeline(thread, steps, related));
  });
}

/** `dyad threads`: list assistance threads. */
export function threadsCommand(io: CliIo = processIo): Command {
  const command = new Command('threads').description('assistance threads (request → offer → agreement → delivery) with their status')
    .option('--db <path|url>', DB_HELP, './dyad.db')
    .option('--party <code>', 'supplier or recipient (country or actor code: CHN)')
    .option('--kind <kind>', 'an item kind named in a step (rifle, drone) or the kind of help (military, economic, humanitarian)')
    .option('--status <status>', 'open, partly-fulfilled, fulfilled, refused or stalled')
    .option('--since <date>', 'with a step on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'with a step on or before this date')
    .option('--format <format>', 'table, jsonl or csv (default: table on a terminal, jsonl in a pipe)')
    .action((options: ThreadsOptions) => runAction('threads', io, () => runThreads(options, io)));
  return withIo(command, io);
}

/** `dyad thread ID`: one thread as a timeline with its evidence. */
export function threadCommand(io: CliIo = processIo): Command {
  const command = new Command('thread').description('one assistance thread as a timeline: each step with its evidence sentence')
    .argument('<id>', 'thread id (from `dyad threads`)')
    .option('--db <path|url>', DB_HELP, './dyad.db')
    .option('--format <format>', 'table or jsonl (default: table on a terminal, jsonl in a pipe)')
    .action((id: string, options: ThreadOptions) => runAction('thread', io, () => runThread(id, options, io)));
  return withIo(command, io);
}
