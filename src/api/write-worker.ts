// API worker thread: {id, body, contentType} messages → {id, answer} or {id, error}: posted bodies read, coded (in its own code worker), stored and linked over this thread's own connection to the store.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { CoderOptions } from '../coder/create-coder.js';
import { workerCoder } from '../pipeline/worker-coder.js';
import { openStore } from '../store/open-store.js';
import { DyadError } from '../types/index.js';
import { errorAnswer } from './api-error.js';
import { storeWriter, type PostAnswer } from './post-articles.js';

/** What workerWriter hands the thread at start: the store to open (a path or a postgres:// URL) and the coder's options. */
export interface WriteWorkerData {
  db: string;
  coder: CoderOptions;
}

/** A message to the thread: a body to write, or the order to close. */
export type WriteRequest = { id: number; body: string; contentType: string } | { close: true };

/** A message from the thread. `error` carries the HTTP answer of what was thrown, and for a bug its text (to log). */
export type WriteReply =
  | { ready: true }
  | { fatal: string }
  | { id: number; answer: PostAnswer }
  | { id: number; error: { status: number; code: string; message: string; detail: string | null } };

/** The nice value of the writer thread (and of the code worker it starts): below the request thread's 0. */
const WRITER_NICE = 10;

/**
 * Lowers this thread's CPU priority, so that on a busy machine the request thread is scheduled first and writes take
 * the time left. On Linux nice is per thread (`/proc/thread-self` names this one) and threads started from here
 * inherit it; elsewhere, or where it is not allowed, writes keep the same priority.
 */
function yieldToReads(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, WRITER_NICE);
  } catch {
    // not Linux, or not allowed: the same priority as the request thread
  }
}

yieldToReads();
const port = parentPort;
const data = workerData as WriteWorkerData;
const reply = (message: WriteReply): void => port?.postMessage(message);

try {
  const store = await openStore(data.db);
  const coder = workerCoder(data.coder, { workers: 1 });
  const writer = storeWriter(store, async () => coder);
  const inHand = new Set<Promise<void>>();
  port?.on('message', (message: WriteRequest) => {
    if ('close' in message) {
      // the writes in hand are finished and answered first
      void Promise.allSettled([...inHand]).then(() => coder.close()).then(() => store.close()).finally(() => port.close());
      return;
    }
    const write = writer.post(message.body, message.contentType).then(
      (answer) => reply({ id: message.id, answer }),
      (err: unknown) => {
        const { status, body } = errorAnswer(err);
        const bug = status === 500 && !(err instanceof DyadError);
        reply({ id: message.id, error: { status, ...body.error, detail: bug ? (err instanceof Error ? err.stack ?? err.message : String(err)) : null } });
      },
    );
    inHand.add(write);
    void write.finally(() => inHand.delete(write));
  });
  reply({ ready: true });
} catch (err) {
  reply({ fatal: err instanceof Error ? err.message : String(err) });
}
