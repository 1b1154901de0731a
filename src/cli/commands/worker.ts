// CLI edge: `dyad worker --db URL --queue URL` — a queue stream → coded, stored, linked articles until SIGTERM; `dyad status` — how far a stream is stored.
import { Command } from 'commander';
import { createCoder } from '../../coder/create-coder.js';
import { runWorker } from '../../pipeline/run-worker.js';
import { ArticleQueue } from '../../queue/article-queue.js';
import { DB_HELP, openStore } from '../../store/open-store.js';
import { collectValues, formatProblem, lexiconOptions } from '../io.js';
import { usageError } from './events.js';

interface WorkerCommandOptions {
  db: string;
  queue: string;
  lexicon?: string[];
  petrarchDictionaries?: string[];
  batch?: string;
  drain?: boolean;
  quiet?: boolean;
}

/** Runs `dyad worker`; SIGTERM or SIGINT stores the batch in hand and stops (exit 0). */
export async function runWorkerCommand(options: WorkerCommandOptions): Promise<number> {
  const coder = await createCoder(await lexiconOptions(options));
  const queue = await ArticleQueue.open(options.queue);
  const store = await openStore(options.db);
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    const summary = await runWorker({
      store, coder, source: queue, signal: stop.signal, untilDrained: options.drain === true,
      batchSize: options.batch !== undefined ? Number(options.batch) : 200,
      writer: { wait: true, onWait: (message) => process.stderr.write(`dyad: ${message}\n`) },
      onWarning: (message) => process.stderr.write(`dyad: warning: ${message}\n`),
    });
    for (const p of summary.problems) process.stderr.write(formatProblem(p) + '\n');
    if (!options.quiet) {
      process.stderr.write(`Stored ${options.queue} up to message ${summary.position}: ${summary.new} new (${summary.events} events), `
        + `${summary.nearDuplicates} syndicated, ${summary.duplicates} duplicates\n`);
    }
    return summary.problems.length > 0 ? 1 : 0;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await store.close();
    await queue.close();
  }
}

/** The `worker` command for the program. */
export function workerCommand(): Command {
  return new Command('worker')
    .description('code and store the articles published to a queue stream (dyad ingest --queue), in order, exactly once; any number may run, one works at a time')
    .requiredOption('--queue <url>', 'the stream: nats://host:port/STREAM')
    .option('--db <path|url>', DB_HELP, './dyad.db')
    .option('--lexicon <dir>', 'an extra lexicon folder in Dyad format (repeat the option for more)', collectValues)
    .option('--petrarch-dictionaries <path...>', 'PETRARCH/TABARI dictionary files or folders to load as well')
    .option('--batch <n>', 'messages per transaction', '200')
    .option('--drain', 'stop once the stream holds nothing more (else wait for more until SIGTERM)')
    .option('-q, --quiet', 'no summary')
    .action(async (options: WorkerCommandOptions) => {
      process.exitCode = await runWorkerCommand(options);
    });
}

/** What `dyad status` prints. */
export interface QueueStatus {
  stream: string;
  /** Messages in the stream (its last sequence). */
  published: number;
  /** Messages stored (the store's position in the stream). */
  stored: number;
  /** Published but not yet stored. */
  pending: number;
}

/** The `status` command: how far the store has stored a queue stream. */
export function statusCommand(): Command {
  return new Command('status')
    .description('how many articles published to a queue stream are not stored yet')
    .requiredOption('--queue <url>', 'the stream: nats://host:port/STREAM')
    .option('--db <path|url>', DB_HELP, './dyad.db')
    .option('--format <format>', 'json or text', 'text')
    .action(async (options: { db: string; queue: string; format: string }) => {
      if (options.format !== 'json' && options.format !== 'text') throw usageError('--format', `"${options.format}" is not json or text`);
      const queue = await ArticleQueue.open(options.queue);
      const store = await openStore(options.db, { mustExist: true });
      try {
        const published = await queue.lastSeq();
        const stored = await store.queuePosition(queue.stream);
        const status: QueueStatus = { stream: queue.stream, published, stored, pending: Math.max(0, published - stored) };
        process.stdout.write(options.format === 'json' ? `${JSON.stringify(status)}\n`
          : `${status.stream}: ${status.published} published, ${status.stored} stored, ${status.pending} pending\n`);
      } finally {
        await store.close();
        await queue.close();
      }
    });
}
